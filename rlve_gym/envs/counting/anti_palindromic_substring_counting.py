"""Substrings of a binary string whose reverse equals their complement."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def anti_palindromic_count(text: str) -> int:
    """Non-empty substrings whose reverse is their bitwise complement.

    Such a substring has even length (its middle character would equal its own complement) and is anti-symmetric
    about the gap at its centre, so each gap is expanded outwards while the mirrored characters differ; every
    step of the expansion is one more substring.
    """
    total = 0
    for gap in range(1, len(text)):
        left, right = gap - 1, gap
        while left >= 0 and right < len(text) and text[left] != text[right]:
            total += 1
            left -= 1
            right += 1
    return total


class AntiPalindromicSubstringCounting(Task):
    """Count the substrings (by position) of a binary string S whose reverse equals their bitwise complement.

    S is cut at random points into pieces; even pieces are built anti-palindromic (a random half followed by its
    reversed complement) and odd pieces are random, with a per-instance probability of 1.
    Difficulty: |S| = N grows as N ← int(1.1·N + 1) from 3.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count (exact when it is 0).
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        one_probability = rng.random()
        cuts = sorted(rng.sample(range(1, n), rng.randint(0, n - 1)))

        def bits(count: int) -> str:
            return "".join("1" if rng.random() < one_probability else "0" for _ in range(count))

        pieces = []
        for start, end in zip([0, *cuts], [*cuts, n], strict=True):
            length = end - start
            if length % 2:
                pieces.append(bits(length))
            else:
                half = bits(length // 2)
                pieces.append(half + half[::-1].translate(str.maketrans("01", "10")))
        parameters = {"S": "".join(pieces)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            "Call a binary string anti-palindromic if reversing it gives the same string as flipping every bit "
            "(0 becomes 1 and 1 becomes 0). For example 0011 is anti-palindromic (reversed: 1100, flipped: 1100), "
            "while 0110 is not (reversed: 0110, flipped: 1001).\n"
            f"How many non-empty substrings of S = {parameters['S']} are anti-palindromic? Substrings are contiguous, "
            "and equal substrings at different positions count separately.\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of anti-palindromic substrings."""
        return anti_palindromic_count(parameters["S"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        count = parse_int(answer)
        if count < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(count, self.solve(parameters), _BETA)
