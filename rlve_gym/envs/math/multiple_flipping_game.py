"""A flipping game on cells 1..N (flip x, 2x, ..., kx): does the first player win?"""

from __future__ import annotations

import random
from functools import lru_cache
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_choice
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_DRAWS = 200


@lru_cache(maxsize=4096)
def _grundy(multiples: int) -> int:
    """The Grundy value of a single white cell x with ⌊N/x⌋ = `multiples`.

    A position is the XOR of its white cells' values (flipping toggles cells independently). The move (x, k)
    turns x black and toggles 2x, ..., kx, whose own values depend on ⌊N/(jx)⌋ = ⌊multiples/j⌋; its value is the
    XOR of those, and the cell's value is the mex over k = 1..multiples."""
    options, running = {0}, 0
    for j in range(2, multiples + 1):
        running ^= _grundy(multiples // j)
        options.add(running)
    value = 0
    while value in options:
        value += 1
    return value


def first_player_wins(n: int, white: list[int]) -> bool:
    """True iff the XOR of the white cells' Grundy values is non-zero."""
    total = 0
    for x in white:
        total ^= _grundy(n // x)
    return total != 0


class MultipleFlippingGame(Task):
    """Cells 1..N are white or black. Players alternate; a move picks a white cell x and some k with
    1 ≤ k ≤ N/x and flips the colours of cells x, 2x, ..., kx; a player with no move loses. Does the first
    player have a winning strategy?

    The answer is Yes or No with equal probability; white sets (of a random size) are drawn until they match it.
    It is decided by Sprague–Grundy values, which depend only on ⌊N/x⌋.
    Difficulty: N grows as N ← int(1.1·N + 1) from 3.
    Reward: -1 unparsable; -0.5 for an answer other than Yes or No; 1 if right, else 0.
    Answer: Yes or No.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"cells": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["cells"]
        wins = rng.random() < 0.5
        for _ in range(_DRAWS):
            white = rng.sample(range(1, n + 1), rng.randint(1, n))
            if first_player_wins(n, white) == wins:
                break
        else:  # rare: cells above N/2 have value 1, so one of them wins and two of them lose
            high = list(range(n // 2 + 1, n + 1))
            white = rng.sample(high, 1 if wins else 2)
        parameters = {"N": n, "white": sorted(white)}
        return Instance(parameters, "Yes" if wins else "No")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, white = parameters["N"], parameters["white"]
        return (
            f"A row has {n} cells, numbered 1 to {n}. The white cells are: {', '.join(map(str, white))}. All other "
            "cells are black.\n"
            "Alice and Bob take turns, Alice first. On a turn, the player picks a white cell x and an integer k with "
            f"1 ≤ k ≤ {n}/x, and flips the colour (white to black, black to white) of each of the cells x, 2x, ..., "
            "kx. A player who cannot move loses. Both play optimally.\n"
            "Does Alice have a winning strategy? Answer Yes or No."
        )

    def solve(self, parameters: dict[str, Any]) -> str:
        """Yes iff the first player wins."""
        return "Yes" if first_player_wins(parameters["N"], parameters["white"]) else "No"

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        try:
            choice = parse_choice(answer, ("Yes", "No"))
        except AnswerFormatError:
            return rewards.invalid("the answer must be Yes or No")
        return rewards.correct() if choice == self.solve(parameters) else rewards.wrong()
