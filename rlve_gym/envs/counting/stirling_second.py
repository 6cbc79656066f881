"""Count the ways to put N distinct balls into R distinct boxes with no box empty (surjections), mod 10^9+7."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

MODULUS = 10**9 + 7


class StirlingSecond(Task):
    """Count the placements of N distinct balls into R distinct boxes that leave no box empty, modulo 10^9+7.

    That is R!·S(N, R) (S a Stirling number of the second kind) = Σ_k (-1)^k·C(R, k)·(R - k)^N.
    Difficulty: N is uniform in [2, MAX_N] and R in [2, min(N, MAX_R)], with MAX_N ← int(1.1·MAX_N + 1) from 7
    and MAX_R ← int(1.1·MAX_R + 1) from 2.
    Reward: 1 for the right residue, 0 for a wrong one, -0.5 outside [0, 10^9+7), -1 unparsable.
    Answer: one integer, the count modulo 10^9+7.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_balls": grown(7, difficulty), "max_boxes": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        balls = rng.randint(2, size["max_balls"])
        parameters = {"N": balls, "R": rng.randint(2, min(balls, size["max_boxes"]))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        balls, boxes = parameters["N"], parameters["R"]
        return (
            f"There are {balls} distinct balls and {boxes} distinct boxes. In how many ways can all the balls be put "
            "into the boxes so that no box is empty? Two placements differ if some ball is in a different box.\n"
            f"Give the count modulo {MODULUS}: a single integer between 0 and {MODULUS - 1}."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of surjections modulo 10^9+7, by inclusion–exclusion over the empty boxes."""
        balls, boxes = parameters["N"], parameters["R"]
        total = sum((-1) ** k * math.comb(boxes, k) * pow(boxes - k, balls, MODULUS) for k in range(boxes + 1))
        return total % MODULUS

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if not 0 <= value < MODULUS:
            return rewards.invalid(f"the answer must be in [0, {MODULUS})")
        return rewards.correct() if value == self.solve(parameters) else rewards.wrong()
