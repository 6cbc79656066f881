"""The fewest bits in which n and n + d can differ."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


class DeltaMinPopcount(Task):
    """Given d in binary, find the minimum of popcount(n XOR (n + d)) over all integers n ≥ 0.

    Difficulty: d has B binary digits (the leading one 1, the others uniform), B growing as B ← int(1.1·B + 1)
    from 4.
    Reward: -1 unparsable; 1 for the minimum, else 0.
    Answer: one integer (in base 10).
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"digits": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        digits = self.ladder(difficulty)["digits"]
        parameters = {"binary": "1" + "".join(rng.choice("01") for _ in range(digits - 1))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            "popcount(x) is the number of ones in the binary representation of a non-negative integer x "
            "(popcount(5) = 2, as 5 is 101 in binary).\n"
            f"Let d be the number written {parameters['binary']} in binary. What is the smallest value of "
            "popcount(n XOR (n + d)) over all integers n ≥ 0, XOR being bitwise exclusive or?\n"
            "Answer with a single integer in base 10."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The weight of d's non-adjacent form.

        If n and m = n + d differ exactly on the bits of P (set in m) and Q (set in n), then d = Σ_P 2^i − Σ_Q 2^i,
        and any such signed-binary writing of d is realised by n = Σ_Q 2^i. So the answer is the fewest signed
        powers of two summing to d, which the non-adjacent form attains: at an odd remainder take the digit ±1
        that leaves a multiple of 4.
        """
        value, weight = int(parameters["binary"], 2), 0
        while value:
            if value & 1:
                value -= 2 - (value & 3)  # digit +1 when value ≡ 1 (mod 4), −1 when value ≡ 3
                weight += 1
            value >>= 1
        return weight

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return rewards.correct() if parse_int(answer) == self.solve(parameters) else rewards.wrong()
