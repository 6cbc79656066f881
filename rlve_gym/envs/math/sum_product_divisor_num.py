"""Σ d(i·j) over a rectangle of pairs (SDOI 2015 'Sum of divisor counts')."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.multiplicative import MobiusPrefixSums, default_sieve_limit, divisor_count_sum

_BETA = 10.0


def sum_product_divisor_counts(n: int, m: int, sieve_limit: int | None = None) -> int:
    """Σ_{i ≤ n, j ≤ m} d(i·j).

    d(i·j) = Σ_{x | i, y | j} [gcd(x, y) = 1]; Möbius inversion on gcd(x, y) gives Σ_k μ(k)·D(⌊n/k⌋)·D(⌊m/k⌋),
    D being the divisor summatory function, summed over blocks of constant (⌊n/k⌋, ⌊m/k⌋).
    """
    upto = min(n, m)
    mertens = MobiusPrefixSums(default_sieve_limit(upto) if sieve_limit is None else sieve_limit)
    summatory: dict[int, int] = {}

    def cached_sum(x: int) -> int:
        if x not in summatory:
            summatory[x] = divisor_count_sum(x)
        return summatory[x]

    total, low = 0, 1
    while low <= upto:
        high = min(n // (n // low), m // (m // low))
        total += (mertens(high) - mertens(low - 1)) * cached_sum(n // low) * cached_sum(m // low)
        low = high + 1
    return total


class SumProductDivisorNum(Task):
    """Compute Σ d(i·j) over 1 ≤ i ≤ N and 1 ≤ j ≤ M, where d(x) is the number of positive divisors of x.

    Difficulty: N and M are uniform in [2, L], L growing as L ← int(1.5·L) from 5.
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true sum.
    Answer: one positive integer.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N_M": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        limit = self.ladder(difficulty)["max_N_M"]
        parameters = {"N": rng.randint(2, limit), "M": rng.randint(2, limit)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m = parameters["N"], parameters["M"]
        return (
            "For a positive integer x let d(x) be the number of its positive divisors (d(6) = 4: 1, 2, 3, 6).\n"
            f"Compute the sum of d(i × j) over all pairs of integers (i, j) with 1 ≤ i ≤ {n} and 1 ≤ j ≤ {m}.\n"
            "Answer with a single positive integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The sum, by `sum_product_divisor_counts`."""
        return sum_product_divisor_counts(parameters["N"], parameters["M"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the sum must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
