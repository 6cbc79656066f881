"""Nested powers of two (NOIP 1998): write a number as a sum of powers of 2 with recursively written exponents."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled


class PowerNest(Task):
    """Write a positive integer as its binary expansion 2^a + 2^b + … (exponents decreasing), where 2^1 is written
    "2", 2^0 is written "2(0)", any other 2^e is written "2(" + e written the same way + ")", and terms are joined
    by "+". For example 137 = 2(2(2)+2+2(0))+2(2+2(0))+2(0).

    Difficulty: the number is uniform in [1, V] with V = 4·2^d.
    Reward: -1 unparsable; -0.5 if the text is not a well-formed expression of this grammar; 1 for the exact
    expression of the number (spaces ignored), else 0.
    Answer: the expression, e.g. 2(2+2(0))+2 for 10.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_number": doubled(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"number": rng.randint(1, self.ladder(difficulty)["max_number"])}
        return Instance(parameters, self.solve(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            "Every positive integer is a sum of distinct powers of 2, e.g. 137 = 2^7 + 2^3 + 2^0. Write such a sum "
            "with the largest power first, writing 2^1 as 2, 2^0 as 2(0), and any other 2^e as 2(e), where the "
            "exponent e is itself written by the same rules; terms are joined with +.\n"
            "So 7 = 2(2)+2+2(0), 3 = 2+2(0), and 137 = 2(2(2)+2+2(0))+2(2+2(0))+2(0).\n"
            f"Write {parameters['number']} in this form. Give only the expression, with no spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> str:
        """The expression, built from the binary digits of the number (exponents recursively)."""
        return _nested(parameters["number"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        expression = "".join(answer.split())
        if not _well_formed(expression):
            return rewards.invalid("not a well-formed nested power-of-two expression")
        if expression == self.solve(parameters):
            return rewards.correct()
        return rewards.wrong()


def _nested(number: int) -> str:
    terms = []
    for exponent in range(number.bit_length() - 1, -1, -1):
        if number >> exponent & 1:
            terms.append("2" if exponent == 1 else "2(0)" if exponent == 0 else f"2({_nested(exponent)})")
    return "+".join(terms)


def _well_formed(text: str) -> bool:
    """Whether `text` is term (+ term)* with term = 2 | 2(0) | 2(expression), without recursion (a hostile
    answer may nest thousands of levels deep)."""
    depth, state = 0, "start"  # start: a term must begin; open: after "(", a term or 0; zero: after that 0
    for char in text:
        if state in ("start", "open"):
            if char == "2":
                state = "two"
            elif char == "0" and state == "open":
                state = "zero"
            else:
                return False
        elif char == "+" and state in ("two", "closed"):
            state = "start"
        elif char == "(" and state == "two":
            depth += 1
            state = "open"
        elif char == ")" and depth > 0 and state in ("two", "zero", "closed"):
            depth -= 1
            state = "closed"
        else:
            return False
    return depth == 0 and state in ("two", "closed")
