"""Subarrays with sum at most K in an array repeated M times."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def small_sum_count(values: list[int], copies: int, k: int) -> int:
    """Non-empty subarrays with sum ≤ k of `values` (all positive) repeated `copies` times, by two pointers."""
    n = len(values)
    total = window = start = 0
    for end in range(n * copies):
        window += values[end % n]
        while window > k:
            window -= values[start % n]
            start += 1
        total += end - start + 1
    return total


class BoundedSubarrayCounting(Task):
    """Repeat an array A of N positive integers M times to get B of length N·M; count the non-empty contiguous
    subarrays of B whose sum is at most K.

    Difficulty: N ← int(1.1·N + 1) from 3 and M ← int(1.1·M + 1) from 2; entries uniform in [1, N]; K uniform in
    [max A, M·sum A].
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one integer, the number of subarrays.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty), "M": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        n, copies = size["N"], size["M"]
        values = [rng.randint(1, n) for _ in range(n)]
        parameters = {"A": values, "M": copies, "K": rng.randint(max(values), sum(values) * copies)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, copies, k = parameters["A"], parameters["M"], parameters["K"]
        n = len(values)
        return (
            f"Here is an array A of {n} integers: {' '.join(map(str, values))}\n"
            f"Write A {copies} times in a row to form an array B of length {n} × {copies} = {n * copies}.\n"
            f"How many non-empty contiguous subarrays of B have a sum less than or equal to {k}? Subarrays at "
            "different positions count separately.\n"
            "Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of subarrays."""
        return small_sum_count(parameters["A"], parameters["M"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        count = parse_int(answer)
        if count < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(count, self.solve(parameters), _BETA)
