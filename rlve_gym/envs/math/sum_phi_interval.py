"""Σ over an interval of the number of integers in [1, x] not coprime to x (Luogu P3601)."""

from __future__ import annotations

import random
from math import isqrt
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.numbers import primes_up_to


def totients_between(low: int, high: int) -> list[int]:
    """φ(low), ..., φ(high) by a segmented sieve: divide out each prime up to √high; what is left above 1 is one
    more prime factor."""
    phi = list(range(low, high + 1))
    rest = list(range(low, high + 1))
    for p in primes_up_to(isqrt(high)):
        for x in range((low + p - 1) // p * p, high + 1, p):
            index = x - low
            phi[index] -= phi[index] // p
            while rest[index] % p == 0:
                rest[index] //= p
    for index, leftover in enumerate(rest):
        if leftover > 1:
            phi[index] -= phi[index] // leftover
    return phi


class SumPHIInterval(Task):
    """With F(x) the number of integers in [1, x] that are not coprime to x (that is, x - φ(x)), compute
    Σ F(i) for L ≤ i ≤ R.

    Difficulty: L is uniform in [1, MAX²] and R - L in [1, MAX], MAX ← int(1.1·MAX + 1) from 5.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true sum.
    Answer: one integer, the sum.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_DELTA": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["MAX_DELTA"]
        low = rng.randint(1, largest**2)
        parameters = {"L": low, "R": low + rng.randint(1, largest)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            "For a positive integer x, let F(x) be the number of integers y with 1 ≤ y ≤ x that are not coprime to "
            "x (gcd(x, y) > 1).\n"
            f"Compute the sum of F(i) over all integers i from {parameters['L']} to {parameters['R']} inclusive.\n"
            "Answer with one integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The sum."""
        low, high = parameters["L"], parameters["R"]
        return sum(range(low, high + 1)) - sum(totients_between(low, high))

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the sum must be a non-negative integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), 10.0)
