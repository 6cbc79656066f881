"""Tuples of N integers from [L, R] whose XOR is K, counted modulo 10^4."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

MODULUS = 10_000
_RANGES = (2**2 - 1, 2**3 - 1, 2**5 - 1, 2**7 - 1, 2**10 - 1, 2**12 - 1, 2**15 - 1, 2**17 - 1, 2**20 - 1)


def xor_tuples_below(groups: list[tuple[int, int]], target: int) -> int:
    """Tuples with XOR `target` where, for each (bound, count) in `groups`, `count` entries lie in [0, bound].

    Walk the bits from the top while every entry equals its bound's prefix ("tight"). At bit j an entry whose
    bound has a 1 there may drop to 0 and become free: its j lower bits are then uniform, so exactly a 2^-j
    share of the completions has the right XOR below j. Summing, over each j, the ways in which at least one
    entry first drops there (with the right parity at bit j) gives every tuple except the all-tight one.
    """
    top = max([target.bit_length()] + [bound.bit_length() for bound, _ in groups])
    total = 0
    for j in range(top - 1, -1, -1):
        free = 1 << j
        ones = 0
        with_free, without_free, tight_only = 1, 1, 1  # ∏ (t + f), ∏ (t − f), ∏ t over all entries
        for bound, count in groups:
            tight = (bound & (free - 1)) + 1
            if bound >> j & 1:
                ones += count
                with_free *= (tight + free) ** count
                without_free *= (tight - free) ** count
            else:
                with_free *= tight**count
                without_free *= tight**count
            tight_only *= tight**count
        parity = (ones - (target >> j & 1)) % 2  # how many entries must drop, mod 2
        dropped = (with_free + (-1) ** parity * without_free) // 2 - (tight_only if parity == 0 else 0)
        total += dropped // free
        if ones % 2 != target >> j & 1:
            return total  # staying all-tight breaks the XOR at bit j
    return total + 1  # the tuple of the bounds themselves


def xor_tuples(n: int, low: int, high: int, target: int) -> int:
    """Tuples of n entries in [low, high] with XOR `target`: inclusion–exclusion over entries below low."""
    if low == 0:
        return xor_tuples_below([(high, n)], target)
    return sum(
        (-1) ** below * math.comb(n, below) * xor_tuples_below([(low - 1, below), (high, n - below)], target)
        for below in range(n + 1)
    )


class XorEquationCounting(Task):
    """Count the tuples (X[1], …, X[N]) of integers with L ≤ X[i] ≤ R for every i and X[1] ⊕ … ⊕ X[N] = K
    (bitwise XOR), modulo 10^4.

    Difficulty: N grows as N ← int(1.1·N + 1) from 2; a range bound is drawn from {2^2−1, 2^3−1, 2^5−1, 2^7−1,
    2^10−1, 2^12−1, 2^15−1, 2^17−1, 2^20−1}, R uniform in [0, bound], L uniform in [0, R], and K is the XOR of N
    uniform draws from [L, R] (so at least one tuple exists).
    Reward: -1 unparsable; -0.5 outside [0, 10^4); 1 for the right residue, else 0.
    Answer: one integer in [0, 10000).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        high = rng.randint(0, rng.choice(_RANGES))
        low = rng.randint(0, high)
        target = 0
        for _ in range(n):
            target ^= rng.randint(low, high)
        parameters = {"N": n, "L": low, "R": high, "K": target}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, low, high, target = (parameters[key] for key in ("N", "L", "R", "K"))
        return (
            f"How many tuples of integers (X[1], X[2], …, X[{n}]) satisfy X[1] XOR X[2] XOR … XOR X[{n}] = {target} "
            f"(XOR is the bitwise exclusive or) with {low} ≤ X[i] ≤ {high} for every i? Give the count modulo "
            f"{MODULUS}, as a single integer in [0, {MODULUS})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The exact count, reduced modulo 10^4."""
        return xor_tuples(parameters["N"], parameters["L"], parameters["R"], parameters["K"]) % MODULUS

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), MODULUS)
