"""The K-th distinct subsequence of a string in lexicographic order."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_ALPHABET = "ab"


class KthSubsequence(Task):
    """List the distinct non-empty subsequences of a string over {a, b} in lexicographic order; give the K-th.

    Difficulty: length N ← int(1.1·N + 1) from 3; each character is a with a probability drawn uniformly per
    instance; K is uniform over all distinct subsequences. The reference counts, for every position, the
    distinct subsequences that start there (taking each character at its first occurrence), then walks down
    choosing characters in order.
    Reward: -1 unparsable or a character other than a/b; 1 for the right subsequence, else 0.
    Answer: the subsequence itself, a string of a and b.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        a_probability = rng.random()
        text = "".join("a" if rng.random() < a_probability else "b" for _ in range(n))
        total = self.count(text)
        parameters = {"S": text, "K": rng.randint(1, total)}
        return Instance(parameters, self.solve(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        text = parameters["S"]
        return (
            f"Here is a string S of length {len(text)}: {text}\n"
            "A subsequence is obtained by deleting some characters (keeping the order of the rest); for example, "
            "ab is a subsequence of aab. Take all non-empty subsequences of S, remove duplicates, and sort them "
            f"in lexicographic (dictionary) order, numbering them from 1. Which string is number {parameters['K']}?\n"
            "Write that subsequence as a string of the letters a and b."
        )

    @staticmethod
    def _tables(text: str) -> tuple[list[dict[str, int]], list[int]]:
        """following[p][c]: first position ≥ p holding c; starting[i]: distinct subsequences beginning with the
        character at position i, taken there."""
        n = len(text)
        following: list[dict[str, int]] = [{} for _ in range(n + 1)]
        for p in range(n - 1, -1, -1):
            following[p] = dict(following[p + 1])
            following[p][text[p]] = p
        starting = [0] * n
        for i in range(n - 1, -1, -1):
            starting[i] = 1 + sum(starting[j] for j in following[i + 1].values())
        return following, starting

    def count(self, text: str) -> int:
        """Number of distinct non-empty subsequences of `text`."""
        following, starting = self._tables(text)
        return sum(starting[j] for j in following[0].values())

    def solve(self, parameters: dict[str, Any]) -> str:
        """The K-th distinct subsequence in lexicographic order."""
        text, rank = parameters["S"], parameters["K"]
        following, starting = self._tables(text)
        result, position = [], 0
        while True:
            for character in _ALPHABET:
                j = following[position].get(character)
                if j is None:
                    continue
                if rank > starting[j]:
                    rank -= starting[j]
                    continue
                result.append(character)
                if rank == 1:
                    return "".join(result)
                rank, position = rank - 1, j + 1
                break
            else:
                raise ValueError("K exceeds the number of distinct subsequences")

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = answer.strip()
        if set(value) - set(_ALPHABET):
            raise AnswerFormatError("expected a string of the letters a and b")
        return rewards.correct() if value == self.solve(parameters) else rewards.wrong()
