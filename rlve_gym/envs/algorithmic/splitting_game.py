"""A bean game: take a bean from one bottle and put two beans into later bottles; who wins? (SDOI 2009)"""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_choice
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_PLAYERS = ("Alice", "Bob")
_DRAWS = 64


def bean_grundy_values(n: int) -> list[int]:
    """Grundy value of a single bean that has r bottles after it, for r = 0..n-1.

    Beans move independently (a move replaces one bean by two beans further right), so a position is a sum of
    one-bean games, and a bean with r bottles after it can become any pair of beans with r > s ≥ t bottles after
    them.
    """
    values: list[int] = []
    for r in range(n):
        reachable = {values[s] ^ values[t] for s in range(r) for t in range(s + 1)}
        values.append(next(v for v in range(len(reachable) + 1) if v not in reachable))
    return values


def first_player_wins(beans: list[int]) -> bool:
    """Whether the player to move wins: the XOR of the Grundy values of all beans is non-zero (pairs of beans in a
    bottle cancel)."""
    values = bean_grundy_values(len(beans))
    total = 0
    for i, count in enumerate(beans):
        if count % 2:
            total ^= values[len(beans) - 1 - i]
    return total != 0


class SplittingGame(Task):
    """Alice and Bob play a bean game on N bottles: a move takes one bean from a bottle i and adds one bean to each
    of bottles j and k with i < j ≤ k; whoever cannot move loses. Say who wins under optimal play.

    The winner is drawn first (each with probability 1/2) and the bottles are redrawn until they match, so guessing
    is worth nothing.
    Difficulty: N = 3 + d bottles holding uniform [0, 2N] beans each.
    Reward: 1 for the right winner, 0 for the other player, -0.5 for any other text.
    Answer: the winner's name, Alice or Bob.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        winner = rng.choice(_PLAYERS)
        # a draw matches with probability near 1/2, so 64 draws practically always suffice; the last draw is kept
        # otherwise (the reference is always computed from the instance)
        for _ in range(_DRAWS):
            parameters = {"P": [rng.randint(0, 2 * n) for _ in range(n)]}
            if self.solve(parameters) == winner:
                break
        return Instance(parameters, self.solve(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        beans = parameters["P"]
        n = len(beans)
        listing = " ".join(f"P[{i}]={count}" for i, count in enumerate(beans))
        return (
            f"There are {n} bottles, numbered 0 to {n - 1}; bottle i holds P[i] beans: {listing}\n"
            "Alice and Bob take turns, Alice first. A move picks three numbers i, j, k with "
            f"0 ≤ i < j ≤ k < {n} such that bottle i is not empty, removes one bean from bottle i, and adds one bean "
            "to bottle j and one bean to bottle k (two beans to bottle j when j = k). A player who cannot move "
            "loses.\n"
            "If both play optimally, who wins?\n"
            "Answer with one word: Alice or Bob."
        )

    def solve(self, parameters: dict[str, Any]) -> str:
        """The winner under optimal play."""
        return "Alice" if first_player_wins(parameters["P"]) else "Bob"

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        try:
            named = parse_choice(answer, _PLAYERS)
        except AnswerFormatError:
            return rewards.invalid("the answer must be Alice or Bob")
        return rewards.correct() if named == self.solve(parameters) else rewards.wrong()
