"""Trailing zeros of N! written in base K."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import grown


def prime_factorization(value: int) -> list[tuple[int, int]]:
    """(prime, exponent) pairs of `value` ≥ 1 by trial division."""
    factors = []
    p = 2
    while p * p <= value:
        if value % p == 0:
            exponent = 0
            while value % p == 0:
                value //= p
                exponent += 1
            factors.append((p, exponent))
        p += 1
    if value > 1:
        factors.append((value, 1))
    return factors


class FactorialTrailingZeroCount(Task):
    """How many trailing zeros does N! have when written in base K?

    Difficulty: N is uniform in [3, L] and K in [2, L], L growing as L ← int(1.5·L) from 10.
    Reward: -1 unparsable; 1 for the right count, else 0.
    Answer: one non-negative integer.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N_K": grown(10, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        limit = self.ladder(difficulty)["max_N_K"]
        parameters = {"N": rng.randint(3, limit), "K": rng.randint(2, limit)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, base = parameters["N"], parameters["K"]
        return (
            f"Let F = {n}! (the factorial of the decimal number {n}). Write F in base {base}. How many zero digits "
            f"does this base-{base} numeral end with?\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """min over primes p^e ∥ K of ⌊v_p(N!) / e⌋, with v_p(N!) = Σ_i ⌊N / p^i⌋ (Legendre)."""
        n = parameters["N"]
        best = None
        for prime, exponent in prime_factorization(parameters["K"]):
            multiplicity, power = 0, prime
            while power <= n:
                multiplicity += n // power
                power *= prime
            zeros = multiplicity // exponent
            best = zeros if best is None else min(best, zeros)
        return best if best is not None else 0

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))
