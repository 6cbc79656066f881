"""The number 123456789101112...N modulo M."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled

_MAX_MODULUS = 10**6

Matrix = list[list[int]]


def _multiply(left: Matrix, right: Matrix, modulus: int) -> Matrix:
    return [[sum(a * b for a, b in zip(row, column)) % modulus for column in zip(*right)] for row in left]


def concatenation_mod(n: int, modulus: int) -> int:
    """(1 ‖ 2 ‖ ... ‖ n) mod `modulus`: for each run of k-digit numbers, the step (value, x) → (value·10^k + x, x + 1)
    is a 3×3 linear map on (value, x, 1), raised to the run's length by repeated squaring."""
    value, x = 0, 1
    digits = 1
    while x <= n:
        count = min(n, 10**digits - 1) - x + 1
        step = [[10**digits % modulus, 1, 0], [0, 1, 1], [0, 0, 1]]
        power = [[int(i == j) for j in range(3)] for i in range(3)]
        while count:
            if count & 1:
                power = _multiply(power, step, modulus)
            step = _multiply(step, step, modulus)
            count >>= 1
        value, x = (power[0][0] * value + power[0][1] * x + power[0][2]) % modulus, min(n, 10**digits - 1) + 1
        digits += 1
    return value % modulus


class PrefixConcatenation(Task):
    """Compute the concatenation of 1, 2, ..., N (as one decimal number) modulo M.

    Difficulty: N uniform in [2, 64·2^d]; M uniform in [3, 10^6] (HNOI 2011, Luogu P3216).
    Reward: -1 unparsable; 1 for the exact residue, else 0.
    Answer: one integer in [0, M).
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": doubled(64, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": rng.randint(2, self.ladder(difficulty)["max_N"]), "M": rng.randint(3, _MAX_MODULUS)}
        return Instance(parameters, str(concatenation_mod(parameters["N"], parameters["M"])))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, modulus = parameters["N"], parameters["M"]
        return (
            "Write the positive integers 1, 2, 3, ... one after another in decimal, with nothing between them; for "
            "example, up to 12 this gives the number 123456789101112.\n"
            f"Let X be the number obtained by going up to {n}. Compute X mod {modulus}.\n"
            f"Write one integer in the range [0, {modulus})."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        expected = concatenation_mod(parameters["N"], parameters["M"])
        return rewards.correct() if value == expected else rewards.wrong()
