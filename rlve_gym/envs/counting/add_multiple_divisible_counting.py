"""Pairs a < b ≤ N whose sum divides their product."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.multiplicative import mobius_sieve

_BETA = 10.0


def _quotient_sum(quotient: int, low: int, high: int) -> int:
    """Σ_{t=low}^{high} ⌊quotient / t⌋, by blocks of equal quotient."""
    total = 0
    t = low
    high = min(high, quotient)
    while t <= high:
        value = quotient // t
        block_end = min(high, quotient // value)
        total += value * (block_end - t + 1)
        t = block_end + 1
    return total


def divisible_pair_count(n: int) -> int:
    """The number of pairs 1 ≤ a < b ≤ n with (a + b) | a·b.

    Write a = g·x, b = g·y with gcd(x, y) = 1: then x + y is coprime to x·y, so (a + b) | a·b iff (x + y) | g,
    and the pairs are a = k(x + y)x, b = k(x + y)y with b ≤ n. Hence the count is Σ over coprime x < y of
    ⌊n / (y(x + y))⌋; writing s = x + y (coprime to y, y < s < 2y) and removing the coprimality with Möbius over
    e | y gives Σ_e μ(e) Σ_k Σ_{k < t < 2k} ⌊n / (e²·k·t)⌋.
    """
    root = math.isqrt(n)
    mobius = mobius_sieve(root)
    total = 0
    for e in range(1, root + 1):
        if mobius[e] == 0:
            continue
        k = 1
        while e * e * k * (k + 1) <= n:
            total += mobius[e] * _quotient_sum(n // (e * e * k), k + 1, 2 * k - 1)
            k += 1
    return total


class AddMultiple_Divisible_Counting(Task):
    """Count the pairs of integers (a, b) with 1 ≤ a < b ≤ N such that a + b divides a × b.

    Difficulty: N uniform in [6, MAX], MAX growing as MAX ← int(1.5·MAX) from 16.
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true count.
    Answer: one positive integer, the number of pairs.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(16, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": rng.randint(6, self.ladder(difficulty)["max_N"])}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"How many pairs of integers (a, b) satisfy 1 ≤ a < b ≤ {n} and have a × b divisible by a + b?\n"
            "Answer with a single positive integer: the number of such pairs."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of pairs."""
        return divisible_pair_count(parameters["N"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        count = parse_int(answer)
        if count <= 0:
            return rewards.unparsable("the count must be a positive integer")
        return rewards.exact_or_closeness(count, self.solve(parameters), _BETA)
