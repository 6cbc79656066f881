"""Sum of lcm(i, j) over a rectangle of pairs."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.multiplicative import MobiusPrefix, floor_blocks, power_sum, power_sum_between


def lcm_sum(n: int, m: int) -> int:
    """Σ_{i ≤ n, j ≤ m} lcm(i, j).

    With i = g·a, j = g·b, gcd(a, b) = 1: lcm = g·a·b, so the sum is Σ_g g · W(n/g, m/g) where
    W(A, B) = Σ_{coprime a ≤ A, b ≤ B} a·b = Σ_d μ(d)·d²·T(A/d)·T(B/d) and T(t) = t(t+1)/2. Both sums run over
    blocks of equal quotients, with a sublinear prefix of μ(d)·d².
    """
    weighted_mobius = MobiusPrefix(2, min(n, m))

    def coprime_products(a: int, b: int) -> int:
        return sum(
            (weighted_mobius(high) - weighted_mobius(low - 1)) * power_sum(a_quotient, 1) * power_sum(b_quotient, 1)
            for low, high, a_quotient, b_quotient in floor_blocks(a, b)
        )

    return sum(
        power_sum_between(low, high, 1) * coprime_products(n_quotient, m_quotient)
        for low, high, n_quotient, m_quotient in floor_blocks(n, m)
    )


class SumLCM(Task):
    """Compute Σ lcm(i, j) over all pairs 1 ≤ i ≤ N, 1 ≤ j ≤ M.

    Difficulty: N and M are uniform in [2, MAX], MAX growing as MAX ← int(1.5·MAX) from 5.
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true sum.
    Answer: one integer, the sum.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_value": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_value = self.ladder(difficulty)["max_value"]
        parameters = {"N": rng.randint(2, max_value), "M": rng.randint(2, max_value)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m = parameters["N"], parameters["M"]
        return (
            f"Compute the sum of lcm(i, j) over all pairs of integers (i, j) with 1 ≤ i ≤ {n} and 1 ≤ j ≤ {m}, "
            "where lcm is the least common multiple.\n"
            "Your answer should be a single integer: the value of the sum."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The sum."""
        return lcm_sum(parameters["N"], parameters["M"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the sum must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), 10.0)
