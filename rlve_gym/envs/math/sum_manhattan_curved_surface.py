"""Σ over A ≤ k ≤ B of Σ_{xyz = k} (|x| + |y| + |z|)²: squared Manhattan norms on the surfaces xyz = k
(Luogu P3636)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.multiplicative import divisor_count_sum, floor_blocks, power_sum_between


def _divisor_sum_sum(m: int) -> int:
    """Σ_{y ≤ m} y·⌊m/y⌋ = Σ_{k ≤ m} σ(k)."""
    return sum(power_sum_between(low, high, 1) * quotient for low, high, quotient, _ in floor_blocks(m, m))


def positive_surface_sum(n: int) -> int:
    """Σ over positive triples with x·y·z ≤ n of (x + y + z)² = 3·Σ x² + 6·Σ x·y by symmetry, where
    Σ x² = Σ_x x²·#{(y, z) : y·z ≤ n/x} and Σ x·y = Σ_x x·Σ_{y ≤ n/x} y·⌊n/(x·y)⌋ (blocks of equal ⌊n/x⌋)."""
    squares = cross = 0
    for low, high, quotient, _ in floor_blocks(n, n):
        squares += power_sum_between(low, high, 2) * divisor_count_sum(quotient)
        cross += power_sum_between(low, high, 1) * _divisor_sum_sum(quotient)
    return 3 * squares + 6 * cross


def manhattan_surface_total(low: int, high: int) -> int:
    """Σ_{low ≤ k ≤ high} P(k) for 1 ≤ low ≤ high; a positive k has four sign patterns (no or two negative
    factors), each with the same norms."""
    return 4 * (positive_surface_sum(high) - positive_surface_sum(low - 1))


class SumManhattan_CurvedSurface(Task):
    """With P(k) = Σ (|x| + |y| + |z|)² over all integer triples with x·y·z = k, compute Σ P(k) for A ≤ k ≤ B.

    Difficulty: A is uniform in [1, MAX], B in [A, MAX], MAX ← int(1.5·MAX) from 5.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true sum.
    Answer: one integer, the sum.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_A_B": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["MAX_A_B"]
        low = rng.randint(1, largest)
        parameters = {"A": low, "B": rng.randint(low, largest)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            "For an integer k, let P(k) be the sum of (|x| + |y| + |z|)^2 over all triples of integers (x, y, z), "
            "negative ones included, with x × y × z = k.\n"
            f"Compute P({parameters['A']}) + P({parameters['A'] + 1}) + ... + P({parameters['B']}), the sum of P(k) "
            f"over all integers k from {parameters['A']} to {parameters['B']} inclusive.\n"
            "Answer with one integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The sum."""
        return manhattan_surface_total(parameters["A"], parameters["B"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the sum must be a non-negative integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), 10.0)
