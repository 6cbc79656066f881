"""Write an integer in base -R."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled

_BASE_CAP = 16


def negative_base_digits(value: int, radix: int) -> list[int]:
    """Digits of `value` ≠ 0 in base -radix, most significant first, each in [0, radix - 1]."""
    digits = []
    while value != 0:
        remainder = value % radix  # Python's % is already in [0, radix)
        digits.append(remainder)
        value = (value - remainder) // -radix
    return digits[::-1]


class NegativeBase(Task):
    """Convert a non-zero integer N to base -R (digits 0..R-1, most significant first).

    Difficulty: N is uniform in [-MAX, MAX] \\ {0} with MAX = 4·2^d; R is uniform in [2, min(MAX, 16)].
    Reward: -1 unparsable; 0 for the wrong number of digits; otherwise the fraction of digits that match the
    unique representation (no exponent).
    Answer: the digits in decimal, most significant first, on one line separated by spaces.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        max_value = doubled(4, difficulty)
        return {"max_value": max_value, "max_radix": min(max_value, _BASE_CAP)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        value = rng.randint(1, size["max_value"]) * rng.choice((-1, 1))
        parameters = {"N": value, "R": rng.randint(2, size["max_radix"])}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        value, radix = parameters["N"], parameters["R"]
        return (
            f"In base -R (a negative base, here R = {radix}) every integer is written with digits 0 to R-1, and the "
            f"digits d_k ... d_1 d_0 stand for d_k·(-R)^k + ... + d_1·(-R) + d_0. For example, in base -2 the "
            "digits 1 1 0 0 0 1 stand for -32 + 16 + 1 = -15.\n"
            f"Write the decimal number {value} in base -{radix}.\n"
            f"Give the digits (each written in decimal, from 0 to {radix - 1}) from the most significant to the "
            "least significant, on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The base -R digits of N."""
        return negative_base_digits(parameters["N"], parameters["R"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        digits = parse_int_list(answer)
        expected = self.solve(parameters)
        if len(digits) != len(expected):
            return rewards.wrong(f"expected {len(expected)} digits, got {len(digits)}")
        matches = sum(a == b for a, b in zip(digits, expected, strict=True))
        return rewards.partial(matches / len(expected), 1.0, f"{matches}/{len(expected)} digits right")
