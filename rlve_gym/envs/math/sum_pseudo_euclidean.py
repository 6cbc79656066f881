"""Σ_{i, j ≤ N} f(i, j) for a 'pseudo-Euclidean' recursion that doubles the smaller number (Luogu P3764)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.multiplicative import floor_blocks


def _odd_count(low: int, high: int) -> int:
    """How many odd integers lie in [low, high]."""
    return (high + 1) // 2 - low // 2


def pseudo_euclid_total(n: int) -> int:
    """Σ_{1 ≤ i, j ≤ n} f(i, j).

    The sum s = a + b never changes and a ↦ 2a mod s, so with g = gcd(a, b) and t = s/g the recursion stops
    (a = b) iff t = 2^m, after m - 1 steps; otherwise it loops (counted as 0). Writing i = g·u, j = g·v with u, v
    odd and u + v = 2^m, each odd w = max(u, v) in (2^(m-1), 2^m) arises twice and allows ⌊n/w⌋ values of g:
    the total is 2·Σ_{odd w ≥ 3} ⌊log2 w⌋·⌊n/w⌋, summed over blocks of equal ⌊n/w⌋ and equal ⌊log2 w⌋.
    """
    total = 0
    for low, high, quotient, _ in floor_blocks(n, n):
        start = low
        while start <= high:
            level = start.bit_length() - 1
            end = min(high, (1 << (level + 1)) - 1)
            total += level * quotient * _odd_count(start, end)
            start = end + 1
    return 2 * total


class SumPseudoEuclidean(Task):
    """Compute Σ f(i, j) over 1 ≤ i, j ≤ N for f(a, b) = 0 if a = b, f(a - b, 2b) + 1 if a > b, else
    f(2a, b - a) + 1, where a non-terminating f counts as 0.

    Difficulty: N is uniform in [5, MAX_N], MAX_N ← int(1.5·MAX_N) from 5.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true sum.
    Answer: one integer, the sum.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_N": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": rng.randint(5, self.ladder(difficulty)["MAX_N"])}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            "Here is a function f(a, b) on positive integers, written in Python:\n"
            "def f(a, b):\n"
            "    if a == b:\n"
            "        return 0\n"
            "    if a > b:\n"
            "        return f(a - b, b + b) + 1\n"
            "    return f(a + a, b - a) + 1\n"
            "When the recursion never ends, count the value of f as 0.\n"
            f"Compute the sum of f(i, j) over all pairs of integers with 1 ≤ i ≤ {n} and 1 ≤ j ≤ {n}.\n"
            "Answer with one integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The sum."""
        return pseudo_euclid_total(parameters["N"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the sum must be a non-negative integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), 10.0)
