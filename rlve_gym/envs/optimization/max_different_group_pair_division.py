"""Split an array K times, scoring the product of the two sides' sums at each split; maximise the total."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def split_score(values: list[int], splits: list[int]) -> int:
    """The total gained by cutting after each position in `splits` (0-based, distinct): every pair of final
    blocks contributes the product of their sums once, whatever the order of the cuts."""
    total, squares, start = sum(values), 0, 0
    for end in [*sorted(splits), len(values) - 1]:
        block = sum(values[start : end + 1])
        squares += block * block
        start = end + 1
    return (total * total - squares) // 2


class MaxDifferentGroupPairDivision(Task):
    """Cut an array of N integers exactly K times; each cut splits one block into two and earns the product of
    their sums. Choose the cuts to maximise the total earned.

    The total only depends on the final K + 1 blocks (every pair of blocks is multiplied once), so the optimum
    minimises the sum of squared block sums: a dynamic programme over (blocks, prefix length) (Luogu P3648).
    Difficulty: N ← int(1.1·N + 1) from 4; K uniform in [2, N-2]; entries uniform in [0, N].
    Reward: -1 unparsable; -0.5 unless the answer is K distinct positions in [0, N-2]; else
    (total earned / optimum)^5 (1 when the optimum is 0).
    Answer: the K cut positions i on one line, separated by spaces; cutting at i separates A[i] from A[i+1].
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"A": [rng.randint(0, n) for _ in range(n)], "K": rng.randint(2, n - 2)}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, cuts = parameters["A"], parameters["K"]
        listing = " ".join(f"A[{i}]={a}" for i, a in enumerate(values))
        return (
            f"Here is an array of {len(values)} integers: {listing}\n"
            "At the start the whole array is one block, and the score is 0. Perform exactly "
            f"{cuts} cuts. A cut at position i (0 ≤ i ≤ {len(values) - 2}) is allowed when A[i] and A[i+1] are still "
            "in the same block; it splits that block into a part ending with A[i] and a part starting with "
            "A[i+1], and adds (sum of the first part) × (sum of the second part) to the score.\n"
            "Choose the cuts so that the final score is as large as possible.\n"
            f"Write the {cuts} positions you cut at, in the order you cut, on one line separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Optimal cut positions (ascending): minimum sum of squared block sums over K + 1 non-empty blocks."""
        values, cuts = parameters["A"], parameters["K"]
        n = len(values)
        prefix = [0]
        for value in values:
            prefix.append(prefix[-1] + value)
        unreachable = float("inf")
        # best[i] = least sum of squares splitting values[:i] into the current number of blocks
        best = [unreachable] * (n + 1)
        best[0] = 0
        choices: list[list[int]] = []
        for _ in range(cuts + 1):
            current = [unreachable] * (n + 1)
            choice = [0] * (n + 1)
            for end in range(1, n + 1):
                for start in range(end):
                    if best[start] == unreachable:
                        continue
                    block = prefix[end] - prefix[start]
                    candidate = best[start] + block * block
                    if candidate < current[end]:
                        current[end], choice[end] = candidate, start
            best = current
            choices.append(choice)
        splits, end = [], n
        for choice in reversed(choices):
            end = choice[end]
            if end:
                splits.append(end - 1)
        return sorted(splits)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        splits = parse_int_list(answer)
        values, cuts = parameters["A"], parameters["K"]
        if len(splits) != cuts or len(set(splits)) != cuts or any(not 0 <= i <= len(values) - 2 for i in splits):
            return rewards.invalid(f"expected {cuts} distinct positions in [0, {len(values) - 2}]")
        best = split_score(values, self.solve(parameters))
        return rewards.optimality(split_score(values, splits), best, _BETA, minimize=False)
