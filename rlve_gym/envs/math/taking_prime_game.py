"""The prime-taking game: players remove a prime number of stones; how long does the winner take?"""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.numbers import primes_up_to

_LOSE_PROBABILITY = 0.2


def game_table(limit: int) -> tuple[list[bool], list[int]]:
    """For every pile 0..limit: whether the mover wins, and the number of moves left under optimal play.

    A winner moves to a losing pile that ends the game soonest; a loser (every move reaches a winning pile)
    picks the move that ends it latest.
    """
    primes = primes_up_to(limit)
    wins, moves = [False] * (limit + 1), [0] * (limit + 1)
    for pile in range(2, limit + 1):
        fastest_win, slowest_loss = None, 0
        for p in primes:
            if p > pile:
                break
            rest = pile - p
            if not wins[rest]:
                fastest_win = moves[rest] + 1 if fastest_win is None else min(fastest_win, moves[rest] + 1)
            else:
                slowest_loss = max(slowest_loss, moves[rest] + 1)
        wins[pile] = fastest_win is not None
        moves[pile] = fastest_win if fastest_win is not None else slowest_loss
    return wins, moves


class TakingPrimeGame(Task):
    """Stan and his opponent take turns removing a prime number of stones from a pile of N; a player who cannot
    move loses. Under optimal play (a winner wins in as few moves as possible, a loser delays as long as
    possible), give the total number of moves until Stan wins, or -1 if Stan loses.

    With probability 0.2 a losing pile is asked for, otherwise a winning one (N uniform among such piles).
    Difficulty: N in [1, MAX_N], MAX_N ← int(1.1·MAX_N + 1) from 40 (RLVE starts from 8, which leaves so few
    piles at low levels that different seeds keep drawing the same problem).
    Reward: -1 unparsable; 1 for the right integer, else 0.
    Answer: one integer, the total number of moves (both players') or -1.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_N": grown(40, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        limit = self.ladder(difficulty)["MAX_N"]
        wins, _ = game_table(limit)
        stan_loses = rng.random() < _LOSE_PROBABILITY
        # pile 1 always loses and pile 2 always wins, so both kinds exist
        pile = rng.choice([pile for pile in range(1, limit + 1) if wins[pile] != stan_loses])
        parameters = {"N": pile}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"A pile holds {parameters['N']} stones. Stan and his opponent take turns, Stan first; on a turn the "
            "player removes a prime number of stones from the pile (2, 3, 5, 7, ..., at most the number left). A "
            "player who cannot move loses.\n"
            "Both play optimally: a player who can force a win does so in as few moves as possible, and a player "
            "who must lose makes the game last as many moves as possible.\n"
            "If Stan wins, give the total number of moves made by both players until the game ends; if Stan loses, "
            "give -1. Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Total moves until Stan wins, or -1."""
        wins, moves = game_table(parameters["N"])
        return moves[parameters["N"]] if wins[parameters["N"]] else -1

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))
