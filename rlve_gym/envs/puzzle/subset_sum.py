"""Subset sum: pick distinct array positions whose values add up to a target."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


class SubsetSum(Task):
    """Choose distinct indices of an array of N positive integers so that the chosen values sum to a target.

    The target is the sum of a hidden random subset of 2..N-1 positions, so a solution always exists; the
    reference answer is the subset found by a dynamic programme over reachable sums (any valid subset counts).
    Difficulty: N grows as N ← int(1.1·N + 1) from 3; values are uniform in [1, N].
    Reward: -1 unparsable; -0.5 for an index out of range or repeated; 1 if the chosen values sum to the target,
    else 0.
    Answer: the chosen indices (0-based) on one line, separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        values = [rng.randint(1, n) for _ in range(n)]
        hidden = rng.sample(range(n), rng.randint(2, n - 1))
        parameters = {"A": values, "target": sum(values[i] for i in hidden)}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        listing = " ".join(f"A[{i}]={a}" for i, a in enumerate(values))
        return (
            f"An array A has {len(values)} entries, indexed 0 to {len(values) - 1}:\n{listing}\n"
            f"Choose a set of distinct indices such that the entries of A at those indices add up to exactly "
            f"{parameters['target']}.\n"
            "Write the chosen indices on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Indices whose values sum to the target, or an empty list when no subset works.

        Reachable sums after each prefix of items are kept as bitsets (Python ints); walking back from the
        target, an item is taken exactly when the remaining sum was not already reachable without it."""
        values, target = parameters["A"], parameters["target"]
        window = (1 << (target + 1)) - 1
        reachable = [1]  # reachable[k]: bit s set iff some subset of the first k items sums to s
        for value in values:
            reachable.append((reachable[-1] | (reachable[-1] << value)) & window)
        if not reachable[-1] >> target & 1:
            return []
        chosen, total = [], target
        for item in range(len(values) - 1, -1, -1):
            if not reachable[item] >> total & 1:
                chosen.append(item)
                total -= values[item]
        return sorted(chosen)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        indices = parse_int_list(answer, allow_empty=True)
        values = parameters["A"]
        if len(set(indices)) != len(indices) or any(not 0 <= i < len(values) for i in indices):
            return rewards.invalid("indices must be distinct and in range")
        total = sum(values[i] for i in indices)
        return rewards.correct() if total == parameters["target"] else rewards.wrong(f"the sum is {total}")
