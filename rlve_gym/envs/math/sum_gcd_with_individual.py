"""Σ_{i=1}^{N} gcd(i, N), Pillai's arithmetical function."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def gcd_sum(n: int) -> int:
    """Σ_{i=1}^{n} gcd(i, n) = Σ_{d | n} d·φ(n/d), multiplicative, with value p^(a-1)·(a(p-1) + p) at p^a."""
    total, rest, p = 1, n, 2
    while p * p <= rest:
        if rest % p == 0:
            exponent = 0
            while rest % p == 0:
                rest //= p
                exponent += 1
            total *= p ** (exponent - 1) * (exponent * (p - 1) + p)
        p += 1
    if rest > 1:
        total *= 2 * rest - 1
    return total


class SumGCDWithIndividual(Task):
    """Compute Σ gcd(i, N) over 1 ≤ i ≤ N.

    Difficulty: N is uniform in [4, MAX_N], MAX_N ← int(1.5·MAX_N) from 32.
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true sum.
    Answer: one integer, the sum.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_N": grown(32, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": rng.randint(4, self.ladder(difficulty)["MAX_N"])}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"Compute the sum of gcd(i, {n}) over all integers i with 1 ≤ i ≤ {n}, where gcd is the greatest "
            "common divisor.\n"
            "Answer with one integer, the value of the sum."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The sum."""
        return gcd_sum(parameters["N"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the sum must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), 10.0)
