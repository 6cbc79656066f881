"""Subarrays whose mean is at least K."""

from __future__ import annotations

import bisect
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def mean_at_least_count(values: list[int], k: int) -> int:
    """Non-empty subarrays with mean ≥ k: pairs i < j of prefix sums of (value − k) with prefix[i] ≤ prefix[j]."""
    prefix, seen, total = 0, [0], 0
    for value in values:
        prefix += value - k
        total += bisect.bisect_right(seen, prefix)
        bisect.insort(seen, prefix)
    return total


class BoundedMeanSubarrayCounting(Task):
    """Count the non-empty contiguous subarrays of an array A of N integers whose mean is at least K.

    Difficulty: N grows as N ← int(1.1·N + 1) from 3; entries uniform in [0, N]; K uniform in [min A, max A].
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one integer, the number of subarrays.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        values = [rng.randint(0, n) for _ in range(n)]
        parameters = {"A": values, "K": rng.randint(min(values), max(values))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, k = parameters["A"], parameters["K"]
        return (
            f"Here is an array A of {len(values)} integers: {' '.join(map(str, values))}\n"
            f"How many non-empty contiguous subarrays of A have a mean (average) greater than or equal to {k}? "
            "Subarrays at different positions count separately.\n"
            "Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of subarrays."""
        return mean_at_least_count(parameters["A"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        count = parse_int(answer)
        if count < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(count, self.solve(parameters), _BETA)
