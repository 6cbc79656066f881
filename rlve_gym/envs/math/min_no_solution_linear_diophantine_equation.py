"""The Frobenius number of two coprime integers: the largest z with no solution of A·x + B·y = z in x, y ≥ 0."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import doubled

_DRAWS = 64


class MinNoSolutionLinearDiophantineEquation(Task):
    """Find the largest non-negative z for which A·x + B·y = z has no solution in non-negative integers x, y.

    A and B are coprime, so the answer is the Frobenius number A·B - A - B (Sylvester).
    Difficulty: A and B are drawn in [2, MAX] until coprime, MAX doubling from 16 (MAX = 16·2^d).
    Reward: -1 unparsable; 1 for the exact value, else 0.
    Answer: one integer, the largest such z.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_coefficient": doubled(16, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_coefficient"]
        for _ in range(_DRAWS):
            a, b = rng.randint(2, largest), rng.randint(2, largest)
            if math.gcd(a, b) == 1:
                break
        else:  # practically unreachable (a random pair is coprime with probability about 0.6)
            a = rng.randint(2, largest - 1)
            b = a + 1
        parameters = {"A": a, "B": b}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        a, b = parameters["A"], parameters["B"]
        return (
            f"Consider the equation {a}·x + {b}·y = z. For some non-negative integers z there are no non-negative "
            "integers x and y satisfying it. Find the largest such z.\n"
            "Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """A·B - A - B."""
        a, b = parameters["A"], parameters["B"]
        return a * b - a - b

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))
