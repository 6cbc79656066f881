"""Line-ups of boys, girls and two teachers with no two girls and not the two teachers side by side."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0
_DRAWS = 64


class NoAdjacentGirlCounting(Task):
    """Count the ways to line up N distinct boys, M distinct girls and 2 distinct teachers so that no two girls
    stand next to each other and the two teachers do not stand next to each other.

    Difficulty: N and M uniform in [1, V], V growing as V ← int(1.1·V + 1) from 2, redrawn until the count is
    positive (M ≤ N + 3).
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one positive integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N_M": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        bound = self.ladder(difficulty)["max_N_M"]
        for _ in range(_DRAWS):
            boys, girls = rng.randint(1, bound), rng.randint(1, bound)
            if girls <= boys + 3:
                break
        else:  # a draw fails with probability below 1/2, so this is practically unreachable
            girls = boys + 3
        parameters = {"N": boys, "M": girls}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        boys, girls = parameters["N"], parameters["M"]
        return (
            f"{boys} different boys, {girls} different girls and 2 different teachers stand in one line. In how "
            "many orders can they stand so that no two girls are next to each other and the two teachers are not "
            "next to each other?\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Line up the N + 2 non-girls (C(N+2, 2) places for the teachers), put girls into distinct gaps among
        the N + 3; remove the layouts with the teachers adjacent (N + 1 places) and no girl between them. Then
        label the people: N!·M!·2!."""
        boys, girls = parameters["N"], parameters["M"]
        layouts = math.comb(boys + 2, 2) * math.comb(boys + 3, girls) - (boys + 1) * math.comb(boys + 2, girls)
        return layouts * math.factorial(boys) * math.factorial(girls) * 2

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
