"""Pairs (x, y) in a box whose greatest common divisor is a prime."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.numbers import primes_up_to

_BETA = 10.0


class GCDPrime_Counting(Task):
    """Count the ordered pairs (x, y) with 1 ≤ x ≤ N and 1 ≤ y ≤ M whose greatest common divisor is a prime.

    Difficulty: N and M uniform in [2, V], V growing as V ← int(1.5·V) from 5.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N_M": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        bound = self.ladder(difficulty)["max_N_M"]
        parameters = {"N": rng.randint(2, bound), "M": rng.randint(2, bound)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m = parameters["N"], parameters["M"]
        return (
            f"How many ordered pairs of integers (x, y) with 1 ≤ x ≤ {n} and 1 ≤ y ≤ {m} have a greatest common "
            "divisor gcd(x, y) that is a prime number?\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """exact[g] = pairs with gcd exactly g = ⌊N/g⌋·⌊M/g⌋ minus exact[k·g] for k ≥ 2, from the top down."""
        n, m = parameters["N"], parameters["M"]
        top = min(n, m)
        exact = [0] * (top + 1)
        for g in range(top, 0, -1):
            exact[g] = (n // g) * (m // g) - sum(exact[multiple] for multiple in range(2 * g, top + 1, g))
        return sum(exact[p] for p in primes_up_to(top))

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
