"""The product of Fibonacci numbers F(gcd(i, j)) over a rectangle of pairs, modulo a prime."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

_MODULI = (666623333, 998244353, 10**9 + 7)


def pairs_by_gcd(n: int, m: int) -> list[int]:
    """exact[g] = #{(i, j) : 1 ≤ i ≤ n, 1 ≤ j ≤ m, gcd(i, j) = g}, by subtracting multiples from the top down."""
    limit = min(n, m)
    exact = [0] * (limit + 1)
    for g in range(limit, 0, -1):
        count = (n // g) * (m // g)
        for multiple in range(2 * g, limit + 1, g):
            count -= exact[multiple]
        exact[g] = count
    return exact


class GCDFibonacciProduct(Task):
    """Compute ∏ F(gcd(i, j)) over 1 ≤ i ≤ N, 1 ≤ j ≤ M modulo MOD, where F is the Fibonacci sequence (F(1) = 1).

    Solved as ∏_g F(g)^(number of pairs with gcd g), the pair counts taken from the top down.
    Difficulty: N and M are uniform in [3, MAX], MAX growing as MAX ← int(1.5·MAX) from 5; MOD is one of the primes
    666623333, 998244353, 10^9 + 7.
    Reward: 1 for the right residue, 0 for a wrong one, -0.5 outside [0, MOD), -1 unparsable.
    Answer: one integer in [0, MOD).
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_n_m": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_n_m"]
        parameters = {"N": rng.randint(3, largest), "M": rng.randint(3, largest), "MOD": rng.choice(_MODULI)}
        parameters["product"] = self.solve(parameters)  # stored: solving takes O(N log N), verifying should not
        return Instance(parameters, str(parameters["product"]))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m, modulus = parameters["N"], parameters["M"], parameters["MOD"]
        return (
            "The Fibonacci numbers are F(0) = 0, F(1) = 1 and F(k) = F(k - 1) + F(k - 2) for k ≥ 2.\n"
            f"Compute the product of F(gcd(i, j)) over all pairs of integers (i, j) with 1 ≤ i ≤ {n} and "
            f"1 ≤ j ≤ {m}, and give it modulo {modulus}.\n"
            f"Your answer should be a single integer between 0 and {modulus - 1}."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The product modulo MOD."""
        modulus = parameters["MOD"]
        exact = pairs_by_gcd(parameters["N"], parameters["M"])
        product, previous, current = 1, 0, 1  # current = F(g)
        for g in range(1, len(exact)):
            if exact[g]:
                product = product * pow(current, exact[g], modulus) % modulus
            previous, current = current, (previous + current) % modulus
        return product

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, parameters["product"], parameters["MOD"])
