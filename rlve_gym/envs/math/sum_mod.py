"""Sum of (N mod i)·(M mod j) over pairs i ≠ j."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.multiplicative import floor_blocks, power_sum_between


def remainder_sum(n: int) -> int:
    """Σ_{i ≤ n} (n mod i) = n² - Σ_i i·⌊n/i⌋, in blocks of equal quotient."""
    return n * n - sum(quotient * power_sum_between(low, high, 1) for low, high, quotient, _ in floor_blocks(n, n))


def remainder_product_sum(n: int, m: int) -> int:
    """Σ_{i ≤ n, j ≤ m, i ≠ j} (n mod i)(m mod j): all pairs minus the diagonal i = j ≤ min(n, m).

    On the diagonal (n mod i)(m mod i) = (n - i·p)(m - i·q) with p = ⌊n/i⌋, q = ⌊m/i⌋ constant on each block:
    n·m - (n·q + m·p)·i + p·q·i².
    """
    diagonal = 0
    for low, high, p, q in floor_blocks(n, m):
        count = high - low + 1
        linear, square = power_sum_between(low, high, 1), power_sum_between(low, high, 2)
        diagonal += n * m * count - (n * q + m * p) * linear + p * q * square
    return remainder_sum(n) * remainder_sum(m) - diagonal


class SumMOD(Task):
    """Compute Σ (N mod i)·(M mod j) over all pairs 1 ≤ i ≤ N, 1 ≤ j ≤ M with i ≠ j.

    Difficulty: N and M are uniform in [3, MAX], MAX growing as MAX ← int(1.5·MAX) from 5.
    Reward: -1 unparsable or negative; otherwise 1 for the exact sum and (min/max)^10 of the answer and the sum
    for others (0 when exactly one of them is 0).
    Answer: one integer, the sum.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_value": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_value = self.ladder(difficulty)["max_value"]
        parameters = {"N": rng.randint(3, max_value), "M": rng.randint(3, max_value)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m = parameters["N"], parameters["M"]
        return (
            f"Compute the sum of ({n} mod i) × ({m} mod j) over all pairs of integers (i, j) with 1 ≤ i ≤ {n}, "
            f"1 ≤ j ≤ {m} and i ≠ j.\n"
            "Your answer should be a single integer: the value of the sum."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The sum."""
        return remainder_product_sum(parameters["N"], parameters["M"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the sum must be non-negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), 10.0)
