"""The smallest B for which A·B is written with the digits 0 and 1 only."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def only_zeros_and_ones(value: int) -> bool:
    """True iff the decimal digits of `value` ≥ 0 are all 0 or 1."""
    return set(str(value)) <= {"0", "1"}


class SmallestBinaryMultiple(Task):
    """Find the smallest positive integer B such that the decimal digits of A × B are all 0 or 1.

    Difficulty: A is uniform in [2, L], L growing as L ← int(1.1·L + 1) from 10.
    Reward: -1 unparsable or not positive; -0.5 if A × B has another digit; otherwise (smallest B / B)^5.
    Answer: one positive integer B.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_A": grown(10, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"A": rng.randint(2, self.ladder(difficulty)["max_A"])}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        a = parameters["A"]
        return (
            f"Find the smallest positive integer B such that the product {a} × B, written in decimal, uses only the "
            "digits 0 and 1.\n"
            "Answer with the single positive integer B."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Breadth-first search over 0/1 numerals by remainder mod A, extending on the right with 0 before 1:
        numerals come out shortest first, then in increasing order, so the first numeral to reach a remainder
        is the smallest one with it. At most A states."""
        a = parameters["A"]
        parent: dict[int, int] = {}  # remainder → remainder of the numeral without its last digit
        last_digit: dict[int, int] = {}
        start = 1 % a
        seen, queue = {start}, [start]
        for remainder in queue:
            if remainder == 0:
                break
            for digit in (0, 1):
                extended = (remainder * 10 + digit) % a
                if extended not in seen:
                    seen.add(extended)
                    parent[extended], last_digit[extended] = remainder, digit
                    queue.append(extended)
        digits, remainder = [], 0
        while remainder != start:
            digits.append(last_digit[remainder])
            remainder = parent[remainder]
        numeral = int("1" + "".join(map(str, reversed(digits))))
        return numeral // a

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("B must be a positive integer")
        if not only_zeros_and_ones(parameters["A"] * value):
            return rewards.invalid("the product has a digit other than 0 and 1")
        return rewards.optimality(value, self.solve(parameters), _BETA, minimize=True)
