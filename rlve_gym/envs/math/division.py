"""Integer division with the remainder discarded."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_PHRASINGS = (
    "What is {a} divided by {b}, rounded down to an integer?",
    "Compute the integer quotient of {a} ÷ {b} (discard the remainder).",
    "How many whole times does {b} go into {a}?",
    "Find floor({a} / {b}).",
)


class Division(Task):
    """Floor division a // b of non-negative integers.

    Difficulty: the divisor and the quotient each have up to D = d + 1 digits; a = b·q + r with 0 ≤ r < b.
    Reward: 1 for the exact quotient, 0 for any other integer, -1 when no integer is given.
    Answer: the quotient as a single integer.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        digits = stepped(1, difficulty)
        return {"divisor_digits": digits, "quotient_digits": digits}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        divisor = rng.randint(1, 10 ** size["divisor_digits"] - 1)
        quotient = rng.randint(0, 10 ** size["quotient_digits"] - 1)
        dividend = divisor * quotient + rng.randint(0, divisor - 1)
        parameters = {"a": dividend, "b": divisor, "phrasing": rng.randrange(len(_PHRASINGS))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        question = _PHRASINGS[parameters["phrasing"]].format(a=parameters["a"], b=parameters["b"])
        return f"{question}\nYour answer should be a single integer."

    def solve(self, parameters: dict[str, Any]) -> int:
        """The floor quotient."""
        return parameters["a"] // parameters["b"]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        if parse_int(answer) == self.solve(parameters):
            return rewards.correct()
        return rewards.wrong()
