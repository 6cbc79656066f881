"""The shortest, then lexicographically smallest, string over {a, b} that is not a substring of a given one."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_DRAWS = 32


def shortest_absent_word(text: str) -> str:
    """The shortest string over {a, b} that does not occur in `text`, the lexicographically smallest among those.

    A string of length n has at most n - L + 1 distinct substrings of length L, so some length L ≤ log2(n + 1) + 1
    misses one; each length is checked against the set of its substrings, in increasing binary order."""
    length = 1
    while True:
        present = {text[start : start + length] for start in range(len(text) - length + 1)}
        for code in range(1 << length):
            word = "".join("ab"[code >> shift & 1] for shift in range(length - 1, -1, -1))
            if word not in present:
                return word
        length += 1


class MinNonsubstring(Task):
    """Given a string A over {a, b}, find the shortest string B over {a, b} that is not a contiguous substring of A,
    the lexicographically smallest among the shortest (it is unique).

    Each letter of A is b with a probability drawn uniformly once per instance, so A may be far from balanced;
    strings of one letter only (whose answer is simply the other letter) are redrawn.
    Difficulty: A has N = d + 3 letters.
    Reward: -1 unparsable; -0.5 if the answer has a letter other than a or b; 1 for the right string, else 0.
    Answer: the string B.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"length": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        length = self.ladder(difficulty)["length"]
        for _ in range(_DRAWS):
            b_probability = rng.random()
            text = "".join("b" if rng.random() < b_probability else "a" for _ in range(length))
            if "a" in text and "b" in text:
                break
        else:  # practically unreachable: a fixed alternating string
            text = ("ab" * length)[:length]
        parameters = {"A": text}
        return Instance(parameters, self.solve(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"Let A = {parameters['A']}.\n"
            "Find the string B made only of the letters a and b such that B does not occur in A as a contiguous "
            "substring, B is as short as possible, and, among all shortest such strings, B comes first in "
            "alphabetical (lexicographic) order. Exactly one string satisfies this.\n"
            "Write B itself (just the letters, no quotes or spaces)."
        )

    def solve(self, parameters: dict[str, Any]) -> str:
        """The shortest absent word, smallest first."""
        return shortest_absent_word(parameters["A"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        word = answer.strip()
        if not word or any(letter not in "ab" for letter in word):
            return rewards.invalid("the answer must consist of the letters a and b only")
        return rewards.correct() if word == self.solve(parameters) else rewards.wrong()
