"""Least common multiple of two integers."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_PHRASINGS = (
    "What is the least common multiple of {a} and {b}?",
    "Find lcm({a}, {b}), the least common multiple of {a} and {b}.",
    "Compute the smallest positive integer that is a multiple of both {a} and {b}.",
    "Determine the least common multiple (LCM) of the two numbers {a} and {b}.",
)


class LCM(Task):
    """Compute lcm(a, b).

    Difficulty: a and b are uniform in [2, MAX], MAX growing as MAX ← int(1.5·MAX) from 15.
    Reward: 1 for the exact LCM, 0 for any other integer, -1 unparsable.
    Answer: one integer, the least common multiple.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_value": grown(15, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_value = self.ladder(difficulty)["max_value"]
        parameters = {
            "a": rng.randint(2, max_value),
            "b": rng.randint(2, max_value),
            "phrasing": rng.randrange(len(_PHRASINGS)),
        }
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        question = _PHRASINGS[parameters["phrasing"]].format(a=parameters["a"], b=parameters["b"])
        return f"{question}\nYour answer should be a single integer."

    def solve(self, parameters: dict[str, Any]) -> int:
        """lcm(a, b)."""
        return math.lcm(parameters["a"], parameters["b"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return rewards.correct() if parse_int(answer) == self.solve(parameters) else rewards.wrong()
