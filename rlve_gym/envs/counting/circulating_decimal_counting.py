"""Circulating decimals (NOI 2016): distinct fractions x/y whose base-K expansion repeats from the point on."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.multiplicative import MobiusPrefixSums, default_sieve_limit

_BETA = 10.0


def count_pure_repeating(n: int, m: int, base: int, sieve_limit: int | None = None) -> int:
    """#{(x, y): 1 ≤ x ≤ n, 1 ≤ y ≤ m, gcd(x, y) = 1, gcd(y, base) = 1}.

    x/y in lowest terms is purely periodic in `base` exactly when y is coprime to `base`. Möbius inversion over
    d = a common divisor (coprime to `base`, like y) gives Σ_d μ(d)·χ(d)·⌊n/d⌋·C(⌊m/d⌋), where χ marks numbers
    coprime to `base` and C(t) counts them up to t; it is summed over blocks of constant (⌊n/d⌋, ⌊m/d⌋).
    """
    upto = min(n, m)
    mobius_sums = MobiusPrefixSums(default_sieve_limit(upto) if sieve_limit is None else sieve_limit, base)
    answer, low = 0, 1
    while low <= upto:
        high = min(n // (n // low), m // (m // low))
        block = mobius_sums(high) - mobius_sums(low - 1)
        answer += block * (n // low) * mobius_sums.coprime_count(m // low)
        low = high + 1
    return answer


class CirculatingDecimalCounting(Task):
    """Count the distinct values x/y (1 ≤ x ≤ N, 1 ≤ y ≤ M) whose base-K expansion is purely periodic, i.e. repeats
    from the first digit after the point (integers count; terminating non-integers do not).

    Difficulty: N and M are uniform in [1, A] with A ← int(1.5·A) from 5; K is uniform in [2, B] with
    B ← int(1.1·B + 1) from 3.
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true count.
    Answer: one positive integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        bound = grown(5, difficulty, factor=1.5, add=0)
        return {"max_N": bound, "max_M": bound, "max_K": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        parameters = {
            "N": rng.randint(1, size["max_N"]),
            "M": rng.randint(1, size["max_M"]),
            "K": rng.randint(2, size["max_K"]),
        }
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m, base = parameters["N"], parameters["M"], parameters["K"]
        return (
            f"Consider all rational numbers that can be written as x/y with integers 1 ≤ x ≤ {n} and 1 ≤ y ≤ {m}. "
            f"Write each of them in base {base}. Call a number purely repeating in base {base} if its digits after "
            "the point form a repeating block that starts right after the point, as 0.(45)(45)(45)... = 5/11 "
            "does in base 10, unlike 0.1(6)(6)... = 1/6 in base 10. Integers count as purely repeating (their "
            "repeating block is 0); numbers with a finite, non-zero fractional part do not.\n"
            f"How many different values (equal fractions such as 1/2 and 2/4 count once) are purely repeating "
            f"in base {base}?\n"
            "Answer with a single positive integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The count, by `count_pure_repeating`."""
        return count_pure_repeating(parameters["N"], parameters["M"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the count must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
