"""Subsets of intervals whose common part is at least K long."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def long_intersection_subsets(intervals: list[list[int]], k: int) -> int:
    """Non-empty subsets whose intersection [max l, min r] has length min r − max l ≥ k (k ≥ 1).

    Charge each subset to its member with the largest left end (ties: the latest in sorted order): that member
    needs r − l ≥ k, and the subset may add any earlier member whose right end reaches l + k.
    """
    ordered = sorted(intervals)
    total = 0
    for index, (left, right) in enumerate(ordered):
        if right - left >= k:
            reaching = sum(1 for _, other_right in ordered[:index] if other_right >= left + k)
            total += 1 << reaching
    return total


class BoundedIntervalIntersection(Task):
    """Count the non-empty subsets of N intervals [l, r] whose intersection has length at least K (the length of
    [l, r] is r − l; an empty intersection has length 0).

    Difficulty: N grows as N ← int(1.1·N + 1) from 3; l uniform in [0, N], r uniform in [l, N]; K uniform in
    [1, max(1, shortest length)].
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count (exact when it is 0).
    Answer: one integer, the number of subsets.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        intervals = []
        for _ in range(n):
            left = rng.randint(0, n)
            intervals.append([left, rng.randint(left, n)])
        shortest = min(right - left for left, right in intervals)
        parameters = {"intervals": intervals, "K": rng.randint(1, max(shortest, 1))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        intervals, k = parameters["intervals"], parameters["K"]
        n = len(intervals)
        listed = "\n".join(f"[{left}, {right}]" for left, right in intervals)
        return (
            f"Here are {n} intervals:\n{listed}\n"
            "The length of an interval [l, r] is r − l, and the intersection of a set of intervals is the part "
            "covered by all of them (an empty intersection has length 0).\n"
            f"How many of the 2^{n} − 1 non-empty subsets of these intervals have an intersection of length at least "
            f"{k}? Intervals are distinguished by their position in the list, even when equal.\n"
            "Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of subsets."""
        return long_intersection_subsets(parameters["intervals"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        count = parse_int(answer)
        if count < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(count, self.solve(parameters), _BETA)
