"""K-partition: split a multiset into groups of K numbers with equal sums (3-partition generalised)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_GROUP_SIZES = (2, 3, 4, 5)


class KPartition(Task):
    """Split a multiset of N = M·K positive integers into M groups of exactly K numbers, every group summing to
    the same value T = (total sum) / M.

    The instance is planted: M random compositions of T into K positive parts (T uniform in
    [max(K, N·K/10), N·K]) are shuffled together, and the planted groups are the reference answer. Deciding
    such instances is strongly NP-complete, so no solver is run; the verifier checks the rules.
    Difficulty: M = 2 + d groups; K is drawn from {2, 3, 4, 5}.
    Reward: -1 unparsable; -0.5 unless there are M lines of K numbers that together are exactly the multiset;
    1 if every group sums to T, else 0.
    Answer: M lines, each holding the K numbers of one group separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"groups": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        groups = self.ladder(difficulty)["groups"]
        size = rng.choice(_GROUP_SIZES)
        n = groups * size
        target = rng.randint(max(size, n * size // 10), n * size)
        planted = []
        for _ in range(groups):
            cuts = sorted(rng.sample(range(1, target), size - 1))
            parts = [b - a for a, b in zip([0, *cuts], [*cuts, target], strict=True)]
            rng.shuffle(parts)
            planted.append(parts)
        numbers = [value for group in planted for value in group]
        rng.shuffle(numbers)
        parameters = {"numbers": numbers, "K": size, "T": target}
        return Instance(parameters, "\n".join(" ".join(map(str, group)) for group in planted))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        numbers, size = parameters["numbers"], parameters["K"]
        groups = len(numbers) // size
        return (
            f"Here is a multiset of {len(numbers)} positive integers:\n{' '.join(map(str, numbers))}\n"
            f"Split it into {groups} groups of exactly {size} numbers each, using every number exactly as often as "
            f"it appears, so that all {groups} groups have the same sum (the total divided by {groups}).\n"
            f"Write {groups} lines, one per group, each holding the {size} numbers of that group separated by "
            "spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        rows = parse_int_rows(answer)
        numbers, size, target = parameters["numbers"], parameters["K"], parameters["T"]
        groups = len(numbers) // size
        if len(rows) != groups or any(len(row) != size for row in rows):
            return rewards.invalid(f"expected {groups} lines of {size} numbers")
        if sorted(value for row in rows for value in row) != sorted(numbers):
            return rewards.invalid("the groups must use exactly the given numbers")
        if all(sum(row) == target for row in rows):
            return rewards.correct()
        return rewards.wrong(f"not every group sums to {target}")
