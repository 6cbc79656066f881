"""Prefixuffix (POI 2012): the longest prefix and suffix of a string that are cyclic rotations of each other."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import stepped

_DRAWS = 100


class Prefixuffix(Task):
    """Given a string S of length N over {a, b}, find the largest L with 2L ≤ N such that the first L characters
    and the last L characters of S are cyclic shifts of each other.

    The prefix is u + v and the suffix v + u for some split: u is a border of S (a prefix that is also a suffix)
    and v a border of the middle part S[|u| .. N-|u|), at most half its length. For every border u the longest
    such v is read off the middle's prefix function.
    Difficulty: N = 4 + d; a planted answer: S = (X + Y) + Z + (Y + X) with |X| + |Y| uniform in [1, N/2],
    letters drawn as a with a probability itself uniform in [0, 1); strings of one letter only are drawn again.
    Reward: -1 unparsable; 1 for the largest L, else 0.
    Answer: one integer.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]

        def letters(length: int, a_probability: float) -> str:
            return "".join("a" if rng.random() < a_probability else "b" for _ in range(length))

        for _ in range(_DRAWS):  # a one-letter string is trivial (L = N/2): draw again
            a_probability = rng.random()
            planted = rng.randint(1, n // 2)
            first = rng.randint(0, planted)
            x, y = letters(first, a_probability), letters(planted - first, a_probability)
            text = x + y + letters(n - 2 * planted, a_probability) + y + x
            if "a" in text and "b" in text:
                break
        parameters = {"S": text}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        text = parameters["S"]
        return (
            "Two strings are called equivalent if one is a cyclic shift of the other, that is, it can be obtained "
            'by moving some suffix to the front; for example "ababba" = "ab" + "abba" is equivalent to '
            '"abbaab" = "abba" + "ab".\n'
            f"The string S has length {len(text)}: {text}\n"
            f"Find the largest integer L with 2·L ≤ {len(text)} such that the first L characters of S and the last "
            "L characters of S are equivalent. Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """max over borders u of S of |u| + the longest border of the middle part that fits (O(N^2))."""
        text = parameters["S"]
        n, best = len(text), 0
        for outer in range(n // 2 + 1):
            if text[:outer] != text[n - outer :]:
                continue
            middle = text[outer : n - outer]
            limit = len(middle) // 2
            failure = _prefix_function(middle)
            inner = failure[-1] if middle else 0
            while inner > limit:
                inner = failure[inner - 1]
            best = max(best, outer + inner)
        return best

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))


def _prefix_function(text: str) -> list[int]:
    """failure[i]: length of the longest proper border of text[: i + 1] (Knuth–Morris–Pratt)."""
    failure = [0] * len(text)
    for i in range(1, len(text)):
        k = failure[i - 1]
        while k and text[i] != text[k]:
            k = failure[k - 1]
        failure[i] = k + (text[i] == text[k])
    return failure
