"""Multiplication of two integers."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_PHRASINGS = (
    "Compute {a} × {b}.",
    "What is the product of {a} and {b}?",
    "Multiply {a} by {b}. What number do you get?",
    "Find {a} times {b}.",
)


class Multiplication(Task):
    """Multiply two non-negative integers.

    Difficulty: both factors have up to D = d + 2 digits (uniform in [0, 10^D - 1]).
    Reward: 1 for the exact product, 0 for any other integer, -1 when no integer is given.
    Answer: the product as a single integer (thousands separators allowed).
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"digits": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        limit = 10 ** self.ladder(difficulty)["digits"] - 1
        a, b = rng.randint(0, limit), rng.randint(0, limit)
        parameters = {"a": a, "b": b, "phrasing": rng.randrange(len(_PHRASINGS))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        question = _PHRASINGS[parameters["phrasing"]].format(a=parameters["a"], b=parameters["b"])
        return f"{question}\nYour answer should be a single integer."

    def solve(self, parameters: dict[str, Any]) -> int:
        """The product."""
        return parameters["a"] * parameters["b"]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        if parse_int(answer) == self.solve(parameters):
            return rewards.correct()
        return rewards.wrong()
