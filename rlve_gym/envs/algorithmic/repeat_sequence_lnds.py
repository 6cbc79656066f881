"""The longest non-decreasing subsequence of a pattern repeated T times (Codeforces 582B)."""

from __future__ import annotations

import bisect
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import grown, stepped


class RepeatSequenceLNDS(Task):
    """A pattern of n values is repeated T times; find the length of the longest non-decreasing subsequence of
    the resulting array of n·T values.

    A longest subsequence rises through at most n distinct values, so beyond 2n copies every extra copy adds
    exactly the count of the pattern's most frequent value: the answer is LNDS(min(T, 2n) copies) plus
    max(0, T − 2n) times that count.
    Difficulty: n = 3 + d; T uniform in [2, T_max] with T_max ← int(1.5·T_max) from 5; values uniform in [1, n].
    Reward: -1 unparsable; 1 for the right length, else 0.
    Answer: one integer.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"n": stepped(3, difficulty), "max_T": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        n = size["n"]
        parameters = {"pattern": [rng.randint(1, n) for _ in range(n)], "T": rng.randint(2, size["max_T"])}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        pattern, copies = parameters["pattern"], parameters["T"]
        return (
            f"An array is made by writing the pattern [{', '.join(map(str, pattern))}] {copies} times in a row, so "
            f"it has {len(pattern)} × {copies} = {len(pattern) * copies} entries. (For example, the pattern "
            "[1, 3, 2] written 2 times gives [1, 3, 2, 1, 3, 2].)\n"
            "What is the length of the longest non-decreasing subsequence (not necessarily contiguous) of this "
            "array? Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """LNDS of min(T, 2n) copies (patience sorting) plus the most frequent value for each further copy."""
        pattern, copies = parameters["pattern"], parameters["T"]
        n = len(pattern)
        return _lnds(pattern * min(copies, 2 * n)) + max(0, copies - 2 * n) * max(map(pattern.count, pattern))

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))


def _lnds(values: list[int]) -> int:
    tails: list[int] = []  # tails[k]: smallest possible last value of a non-decreasing subsequence of length k+1
    for value in values:
        position = bisect.bisect_right(tails, value)
        if position == len(tails):
            tails.append(value)
        else:
            tails[position] = value
    return len(tails)
