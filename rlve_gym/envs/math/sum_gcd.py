"""Sum of gcd(i, j)^K over a rectangle of pairs."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.multiplicative import MobiusPrefix, coprime_pair_count, floor_blocks, power_sum_between

_MAX_EXPONENT = 5


def gcd_power_sum(n: int, m: int, k: int) -> int:
    """Σ_{i ≤ n, j ≤ m} gcd(i, j)^k = Σ_g g^k · #{coprime pairs in [1, n/g] × [1, m/g]}, in blocks of equal
    quotients (about (nm)^(3/8) prefix look-ups)."""
    mobius = MobiusPrefix(0, min(n, m))
    return sum(
        power_sum_between(low, high, k) * coprime_pair_count(n_quotient, m_quotient, mobius)
        for low, high, n_quotient, m_quotient in floor_blocks(n, m)
    )


class SumGCD(Task):
    """Compute Σ gcd(i, j)^K over all pairs 1 ≤ i ≤ N, 1 ≤ j ≤ M.

    Difficulty: N and M are uniform in [2, MAX], MAX growing as MAX ← int(1.5·MAX) from 5; K is uniform in
    [1, 5].
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true sum.
    Answer: one integer, the sum.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_value": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_value = self.ladder(difficulty)["max_value"]
        parameters = {
            "N": rng.randint(2, max_value),
            "M": rng.randint(2, max_value),
            "K": rng.randint(1, _MAX_EXPONENT),
        }
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m, k = parameters["N"], parameters["M"], parameters["K"]
        return (
            f"Compute the sum of gcd(i, j)^{k} over all pairs of integers (i, j) with 1 ≤ i ≤ {n} and "
            f"1 ≤ j ≤ {m}, where gcd is the greatest common divisor and ^{k} means raising to the power {k}.\n"
            "Your answer should be a single integer: the value of the sum."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The sum."""
        return gcd_power_sum(parameters["N"], parameters["M"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the sum must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), 10.0)
