"""Lexicographically smallest rotation of a binary string."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0


class MinimalCyclicShift(Task):
    """Find the lexicographically smallest string among all cyclic shifts (rotations) of a binary string.

    Difficulty: length N = 4 + d; each character is 1 with a probability drawn uniformly per instance (a
    constant string gets one character flipped, so both characters occur).
    The reference uses the two-pointer minimum-rotation algorithm (linear time).
    Reward: -1 unparsable, the wrong length, or a character other than 0/1; otherwise
    (fraction of positions equal to the smallest rotation)^10.
    Answer: the rotated string of N characters 0/1, with no separators.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        one_probability = rng.random()
        bits = ["1" if rng.random() < one_probability else "0" for _ in range(n)]
        if len(set(bits)) == 1:  # a constant string is its own answer: flip one character
            flipped = rng.randrange(n)
            bits[flipped] = "0" if bits[flipped] == "1" else "1"
        parameters = {"S": "".join(bits)}
        return Instance(parameters, self.solve(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        text = parameters["S"]
        return (
            f"Here is a binary string of length {len(text)}: {text}\n"
            "A cyclic shift moves the first character to the end; any number of shifts may be applied. Find the "
            "lexicographically smallest string that can be obtained this way.\n"
            f"Write that string of {len(text)} characters (0 and 1) with no spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> str:
        """The smallest rotation: two candidate starts i < j are compared over k matching characters; the loser
        (and the k starts after it, which lose for the same reason) is skipped."""
        text = parameters["S"]
        n = len(text)
        i, j, k = 0, 1, 0
        while i < n and j < n and k < n:
            a, b = text[(i + k) % n], text[(j + k) % n]
            if a == b:
                k += 1
                continue
            if a > b:
                i += k + 1
            else:
                j += k + 1
            if i == j:
                j += 1
            k = 0
        start = min(i, j)
        return text[start:] + text[:start]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = "".join(answer.split())
        expected = self.solve(parameters)
        if len(value) != len(expected) or set(value) - {"0", "1"}:
            raise AnswerFormatError(f"expected {len(expected)} characters 0/1")
        matches = sum(a == b for a, b in zip(value, expected, strict=True))
        return rewards.partial(matches / len(expected), _BETA, f"{matches}/{len(expected)} positions right")
