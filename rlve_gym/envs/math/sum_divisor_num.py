"""Σ d(i) over an interval [L, R]."""

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


class Sum_DivisorNum(Task):
    """Compute Σ d(i) over L ≤ i ≤ R, where d(i) is the number of positive divisors of i.

    Difficulty: R is uniform in [2, A] with A ← int(1.5·A) from 10, and L uniform in [1, R].
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true sum.
    Answer: one positive integer.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_R": grown(10, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        right = rng.randint(2, self.ladder(difficulty)["max_R"])
        parameters = {"L": rng.randint(1, right), "R": right}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            "For a positive integer i let d(i) be the number of its positive divisors (d(12) = 6).\n"
            f"Compute the sum of d(i) over all integers i with {parameters['L']} ≤ i ≤ {parameters['R']}.\n"
            "Answer with a single positive integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """D(R) - D(L - 1) with D(n) = Σ_{k ≤ n} ⌊n/k⌋ (each k divides ⌊n/k⌋ numbers up to n)."""
        return divisor_count_sum(parameters["R"]) - divisor_count_sum(parameters["L"] - 1)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the sum must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
