"""Splitting heaps as evenly as possible: who wins? (HNOI 2014, Stan and Ollie)"""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_choice
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_PLAYERS = ("Stan", "Ollie")
_DRAWS = 64
_MAX_HEAPS = 100


def heap_grundy_values(largest: int, threshold: int) -> list[int]:
    """Grundy values of single heaps of 0..largest stones when only heaps of at least `threshold` may be split.

    Splitting x into m near-equal parts leaves x mod m heaps of ⌊x/m⌋ + 1 and the rest of ⌊x/m⌋; equal heaps cancel
    in pairs, so only the parities of the two counts matter. For m in a block with the same quotient those parities
    repeat with period 2, so two values of m per block cover every option (O(x^1.5) in all).
    """
    values = [0] * (largest + 1)
    for x in range(threshold, largest + 1):
        options = set()
        m = 2
        while m <= x:
            quotient = x // m
            block_end = x // quotient
            for parts in range(m, min(m + 1, block_end) + 1):
                bigger = x - quotient * parts
                value = (values[quotient + 1] if bigger % 2 else 0) ^ (values[quotient] if (parts - bigger) % 2 else 0)
                options.add(value)
            m = block_end + 1
        values[x] = next(v for v in range(len(options) + 1) if v not in options)
    return values


def first_player_wins(heaps: list[int], threshold: int) -> bool:
    """Whether the player to move wins (XOR of the heaps' Grundy values is non-zero)."""
    values = heap_grundy_values(max(heaps), threshold)
    total = 0
    for heap in heaps:
        total ^= values[heap]
    return total != 0


class StoneGame(Task):
    """Stan and Ollie split heaps of stones: a move picks a heap of at least F stones and splits it into M ≥ 2 heaps
    whose sizes differ by at most 1; whoever cannot move loses. Say who wins under optimal play.

    The winner is drawn first (each with probability 1/2) and the game is redrawn until it matches, so guessing is
    worth nothing.
    Difficulty: the total number of stones is uniform in [2, MAX_SUM], MAX_SUM ← int(1.2·MAX_SUM + 1) from 5; it is
    cut into N heaps (N uniform in [1, min(total/2, 100)]) at random points; F is uniform in [1, largest heap + 1].
    Reward: 1 for the right winner, 0 for the other player, -0.5 for any other text.
    Answer: the winner's name, Stan or Ollie.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_SUM": grown(5, difficulty, factor=1.2)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_sum = self.ladder(difficulty)["MAX_SUM"]
        winner = rng.choice(_PLAYERS)
        # a draw matches with a probability bounded away from 0, so 64 draws practically always suffice; the last
        # draw is kept otherwise (the reference is always computed from the instance)
        for _ in range(_DRAWS):
            total = rng.randint(2, max_sum)
            count = rng.randint(1, min(total // 2, _MAX_HEAPS))
            cuts = sorted(rng.sample(range(1, total), count - 1))
            heaps = [b - a for a, b in zip([0, *cuts], [*cuts, total])]
            parameters = {"heaps": heaps, "F": rng.randint(1, max(heaps) + 1)}
            if self.solve(parameters) == winner:
                break
        return Instance(parameters, self.solve(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        heaps, threshold = parameters["heaps"], parameters["F"]
        return (
            f"Stan and Ollie play with {len(heaps)} heaps of stones of sizes {', '.join(map(str, heaps))}. They take "
            f"turns, Stan first. A move picks one heap with at least {threshold} stones, chooses an integer M ≥ 2, "
            "and splits that heap into M heaps whose sizes differ by at most 1 (as evenly as possible). A player "
            f"who cannot move (every heap has fewer than {threshold} stones) loses.\n"
            "If both play optimally, who wins?\n"
            "Answer with one word: Stan or Ollie."
        )

    def solve(self, parameters: dict[str, Any]) -> str:
        """The winner under optimal play."""
        return "Stan" if first_player_wins(parameters["heaps"], parameters["F"]) else "Ollie"

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        try:
            named = parse_choice(answer, _PLAYERS)
        except AnswerFormatError:
            return rewards.invalid("the answer must be Stan or Ollie")
        return rewards.correct() if named == self.solve(parameters) else rewards.wrong()
