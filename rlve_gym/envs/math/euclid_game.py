"""Euclid's game: two players subtract multiples of the smaller number from the larger; who wins?"""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_choice
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled

_PLAYERS = ("Stan", "Ollie")
_DRAWS = 64


def first_player_wins(x: int, y: int) -> bool:
    """Whether the player to move wins from (x, y), both positive (iterative Euclid-game analysis).

    With a ≥ b: if a ≥ 2b the mover can choose whether to leave (a mod b + b, b) or (a mod b, b), so it wins;
    if a < 2b the only move is to (b, a - b) and the turn passes; reaching 0 ends the game in the mover's favour.
    """
    mover_wins = True
    a, b = max(x, y), min(x, y)
    while True:
        if a % b == 0 or a >= 2 * b:
            return mover_wins
        a, b = b, a - b
        mover_wins = not mover_wins


class EuclidGame(Task):
    """Stan and Ollie play Euclid's game on two positive integers X and Y; say who wins under optimal play.

    A move subtracts a positive multiple of one number from the other, keeping it non-negative; whoever makes a
    number zero wins. Stan moves first. The winner is drawn first (each with probability 1/2) and (X, Y) is
    resampled until it matches, so guessing is worth nothing.
    Difficulty: X and Y are uniform in [1, 16·2^d].
    Reward: 1 for the right winner, 0 for the other player, -0.5 for any other text.
    Answer: the winner's name, Stan or Ollie.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_value": doubled(16, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_value = self.ladder(difficulty)["max_value"]
        winner = rng.choice(_PLAYERS)
        # each draw matches with probability about 0.4 or 0.6, so 64 draws practically always suffice; the last
        # draw is kept otherwise (the reference is always computed from the instance)
        for _ in range(_DRAWS):
            x, y = rng.randint(1, max_value), rng.randint(1, max_value)
            parameters = {"X": x, "Y": y}
            if self.solve(parameters) == winner:
                break
        return Instance(parameters, self.solve(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"Stan and Ollie play a game that starts with the two numbers {parameters['X']} and {parameters['Y']}. "
            "Stan moves first, then they alternate. A move consists of subtracting a positive multiple of one of "
            "the numbers from the other number, where the result must stay non-negative. The player whose move "
            "makes one of the numbers equal to 0 wins.\n"
            "If both play optimally, who wins?\n"
            "Answer with one word: Stan or Ollie."
        )

    def solve(self, parameters: dict[str, Any]) -> str:
        """The winner under optimal play."""
        return "Stan" if first_player_wins(parameters["X"], parameters["Y"]) else "Ollie"

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        try:
            named = parse_choice(answer, _PLAYERS)
        except AnswerFormatError:
            return rewards.invalid("the answer must be Stan or Ollie")
        return rewards.correct() if named == self.solve(parameters) else rewards.wrong()
