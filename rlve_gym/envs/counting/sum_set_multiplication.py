"""Σ of A[1]·…·A[N] over sequences of N distinct integers from [1, K], modulo a prime (Luogu P4463)."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown, stepped

_MODULI = (666623333, 998244353, 10**9 + 7)


def distinct_product_sum(n: int, k: int, prime: int) -> int:
    """Σ over sequences of n distinct integers in [1, k] of their product, mod `prime` (a prime > 2n + 1).

    It is n!·e_n(1, …, k), and e_n(1, …, x) is a polynomial of degree 2n in x: tabulate it at x = 0..2n with the
    recurrence e_j(1..x) = e_j(1..x-1) + x·e_(j-1)(1..x-1), then evaluate at k by Lagrange interpolation.
    """
    points = 2 * n + 1
    elementary = [1] + [0] * n
    values = [elementary[n]]
    for x in range(1, points):
        for j in range(n, 0, -1):
            elementary[j] = (elementary[j] + x * elementary[j - 1]) % prime
        values.append(elementary[n])
    k %= prime  # a polynomial with coefficients in Z_(p) (p > 2n) takes the same value at k and k mod p
    if k < points:
        total = values[k]
    else:
        total = 0
        # Lagrange basis at nodes 0..points-1: Π_{m ≠ x} (k - m) / (x - m)
        numerator = math.prod((k - m) % prime for m in range(points)) % prime
        for x, value in enumerate(values):
            denominator = math.factorial(x) * math.factorial(points - 1 - x) * (-1) ** (points - 1 - x)
            term = numerator * pow((k - x) % prime, -1, prime) % prime
            total += value * term * pow(denominator % prime, -1, prime)
        total %= prime
    return total * math.factorial(n) % prime


class SumSetMultiplication(Task):
    """Compute the sum of A[1]·A[2]·…·A[N] over all sequences of N distinct integers from [1, K], modulo MOD.

    Difficulty: N is uniform in [3, MAX_N] with MAX_N = 3 + d; K is uniform in [N + 1, MAX_K] with
    MAX_K ← int(1.5·MAX_K) from 8; MOD is one of 666623333, 998244353, 10^9 + 7.
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_N": stepped(3, difficulty), "MAX_K": grown(8, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        n = rng.randint(3, sizes["MAX_N"])
        parameters = {"N": n, "K": rng.randint(n + 1, sizes["MAX_K"]), "MOD": rng.choice(_MODULI)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k, modulus = parameters["N"], parameters["K"], parameters["MOD"]
        return (
            f"Consider every sequence A[1], A[2], ..., A[{n}] of {n} distinct integers, each between 1 and {k} "
            "(different orders count as different sequences). Compute the sum of the products "
            f"A[1] × A[2] × ... × A[{n}] over all such sequences, modulo {modulus}.\n"
            f"Answer with a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The sum modulo MOD."""
        return distinct_product_sum(parameters["N"], parameters["K"], parameters["MOD"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])
