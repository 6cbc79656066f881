"""Smallest positive solution of a linear congruence A·x ≡ 1 (mod B)."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled

_DRAWS = 64


class CongruentEquation(Task):
    """Find the smallest positive integer x with A·x ≡ 1 (mod B), for coprime A and B.

    Difficulty: A uniform in [1, V] and B uniform in [2, V], redrawn until gcd(A, B) = 1; V doubles from 5.
    Reward: -1 unparsable or not positive; -0.5 when A·x mod B ≠ 1; 1 for the smallest solution; 0 for a larger
    solution.
    Answer: one positive integer x.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_value": doubled(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        bound = self.ladder(difficulty)["max_value"]
        for _ in range(_DRAWS):
            a, b = rng.randint(1, bound), rng.randint(2, bound)
            if math.gcd(a, b) == 1:
                break
        else:  # about 40% of pairs share a factor, so this is practically unreachable; B - 1 is coprime to B
            a = b - 1
        parameters = {"A": a, "B": b}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        a, b = parameters["A"], parameters["B"]
        return (
            f"Find the smallest positive integer x such that {a} · x ≡ 1 (mod {b}), that is, {a} · x leaves "
            f"remainder 1 when divided by {b}.\n"
            "Answer with that single positive integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The modular inverse of A modulo B, in [1, B − 1]."""
        return pow(parameters["A"], -1, parameters["B"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("x must be a positive integer")
        if parameters["A"] * value % parameters["B"] != 1:
            return rewards.invalid("x does not satisfy the congruence")
        if value == self.solve(parameters):
            return rewards.correct()
        return rewards.wrong("a solution, but not the smallest one")
