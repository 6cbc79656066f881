"""Count coprime pairs (x, y) in a rectangle."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.multiplicative import coprime_pair_count


class GCDOne_Counting(Task):
    """Count the pairs (x, y) with 1 ≤ x ≤ N, 1 ≤ y ≤ M and gcd(x, y) = 1.

    Solved by Möbius inversion, Σ_d μ(d)·⌊N/d⌋·⌊M/d⌋, with a sublinear Mertens-function prefix.
    Difficulty: N and M are uniform in [2, MAX], MAX growing as MAX ← int(1.5·MAX) from 5.
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true count.
    Answer: one integer, the number of coprime pairs.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_value": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_value = self.ladder(difficulty)["max_value"]
        parameters = {"N": rng.randint(2, max_value), "M": rng.randint(2, max_value)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m = parameters["N"], parameters["M"]
        return (
            f"How many ordered pairs of integers (x, y) with 1 ≤ x ≤ {n} and 1 ≤ y ≤ {m} have gcd(x, y) = 1, "
            "that is, x and y are coprime?\n"
            "Your answer should be a single integer: the number of such pairs."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of coprime pairs."""
        return coprime_pair_count(parameters["N"], parameters["M"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        count = parse_int(answer)
        if count <= 0:
            return rewards.unparsable("the count must be a positive integer")
        return rewards.exact_or_closeness(count, self.solve(parameters), 10.0)
