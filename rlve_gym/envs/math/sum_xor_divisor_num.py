"""Σ d(i XOR j XOR X) over a rectangle of pairs (d(0) = 0)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.multiplicative import divisor_count_sum

_BETA = 10.0


def aligned_blocks(limit: int) -> list[tuple[int, int]]:
    """[0, limit) as disjoint aligned blocks (start, log2 size): one per set bit b of `limit`, holding the
    numbers that agree with `limit` above bit b and have a 0 at bit b."""
    return [(limit >> (b + 1) << (b + 1), b) for b in range(limit.bit_length()) if limit >> b & 1]


class SumXorDivisorNum(Task):
    """Compute Σ d(i XOR j XOR X) over 0 ≤ i ≤ N and 0 ≤ j ≤ M, where d(n) is the number of positive divisors of
    n and d(0) = 0.

    Difficulty: N and M are uniform in [3, L] and X in [0, L], L growing as L ← int(1.5·L) from 5.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true sum.
    Answer: one non-negative integer.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N_M": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        limit = self.ladder(difficulty)["max_N_M"]
        parameters = {"N": rng.randint(3, limit), "M": rng.randint(3, limit), "X": rng.randint(0, limit)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m, x = parameters["N"], parameters["M"], parameters["X"]
        return (
            "For a positive integer n let d(n) be the number of its positive divisors, and let d(0) = 0.\n"
            f"Compute the sum of d(i XOR j XOR {x}) over all pairs of integers (i, j) with 0 ≤ i ≤ {n} and "
            f"0 ≤ j ≤ {m}, where XOR is the bitwise exclusive or.\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Split [0, N] and [0, M] into aligned power-of-two blocks. Two blocks of sizes 2^a ≥ 2^b XOR (with X)
        onto one aligned block of 2^a consecutive values, each hit 2^b times, so each pair of blocks adds
        2^b·(D(top) - D(start - 1)) with D the divisor summatory function."""
        n, m, x = parameters["N"], parameters["M"], parameters["X"]
        summatory: dict[int, int] = {}

        def cached_sum(value: int) -> int:
            if value not in summatory:
                summatory[value] = divisor_count_sum(value)
            return summatory[value]

        total = 0
        for start_i, bits_i in aligned_blocks(n + 1):
            for start_j, bits_j in aligned_blocks(m + 1):
                wide, narrow = max(bits_i, bits_j), min(bits_i, bits_j)
                start = (start_i ^ start_j ^ x) >> wide << wide
                total += (cached_sum(start + (1 << wide) - 1) - cached_sum(start - 1)) << narrow
        return total

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the sum must be non-negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
