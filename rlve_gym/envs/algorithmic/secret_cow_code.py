"""The K-th letter of a string grown forever by appending its own rotation (USACO 2017, Secret Cow Code)."""

from __future__ import annotations

import random
import string
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled, grown


def letter_at(text: str, position: int) -> str:
    """The `position`-th letter (1-based) of the limit of s ↦ s + s[-1] + s[:-1] started from `text`.

    In a string of length 2L built from one of length L, position p > L + 1 copies position p - L - 1 and position
    L + 1 copies position L, so walk back down the doublings.
    """
    length = len(text)
    while length < position:
        length *= 2
    while length > len(text):
        half = length // 2
        if position == half + 1:
            position = half
        elif position > half:
            position -= half + 1
        length = half
    return text[position - 1]


class SecretCowCode(Task):
    """Give the K-th letter of the infinite string obtained from S by repeatedly appending its right rotation
    (the last letter moved to the front): s ↦ s + s[-1] + s[:-1].

    Difficulty: |S| is uniform in [2, MAX_N], MAX_N ← int(1.1·MAX_N + 1) from 5; K is uniform in [|S| + 1, MAX_K],
    MAX_K doubling from 8.
    Reward: 1 for the right letter, 0 for another letter of S, -1 for anything else.
    Answer: one lowercase letter.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_N": grown(5, difficulty), "MAX_K": doubled(8, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        text = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, sizes["MAX_N"])))
        parameters = {"S": text, "K": rng.randint(len(text) + 1, sizes["MAX_K"])}
        return Instance(parameters, self.solve(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"Start from the string S = {parameters['S']}. One step turns a string s into s followed by its right "
            "rotation, where the right rotation moves the last letter of s to the front (so abc becomes abc + cab "
            "= abccab). Repeating the step forever gives an infinite string.\n"
            f"What is its letter at position {parameters['K']}, counting positions from 1?\n"
            "Answer with that single lowercase letter."
        )

    def solve(self, parameters: dict[str, Any]) -> str:
        """The letter at position K."""
        return letter_at(parameters["S"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        letter = answer.strip().strip(".").strip().lower()
        if len(letter) != 1 or letter not in parameters["S"]:
            raise AnswerFormatError("expected one letter of S")
        return rewards.correct() if letter == self.solve(parameters) else rewards.wrong()
