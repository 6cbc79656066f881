"""Dicing: decide the winner of every round so that the most wins by any player is exactly K."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_ROUND_MULTIPLES = tuple(round(1.0 + 0.1 * step, 1) for step in range(11))


class KosDicing(Task):
    """N players play M rounds, each between two given players; pick every round's winner so that the largest number
    of wins of any player is exactly K.

    The winners are planted at random and K is the resulting maximum, so a solution exists; any valid choice counts.
    Difficulty: N players, N ← int(1.1·N + 1) from 3; M = int(c·N) rounds with c drawn from {1.0, 1.1, ..., 2.0};
    each round's two players are distinct and uniform.
    Reward: -1 unparsable; -0.5 unless there are M winners, each one of its round's players; then 1 if the most wins
    is exactly K, else 0.
    Answer: the M winners in round order on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        count = int(rng.choice(_ROUND_MULTIPLES) * n)
        rounds = [rng.sample(range(n), 2) for _ in range(count)]
        winners = [rng.choice(pair) for pair in rounds]
        wins = [0] * n
        for winner in winners:
            wins[winner] += 1
        parameters = {"N": n, "rounds": rounds, "K": max(wins)}
        return Instance(parameters, " ".join(map(str, winners)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, rounds = parameters["N"], parameters["rounds"]
        listed = "\n".join(f"round {i}: ({a}, {b})" for i, (a, b) in enumerate(rounds, 1))
        return (
            f"{n} players, numbered 0 to {n - 1}, play {len(rounds)} rounds; each round is between the two players "
            f"shown and exactly one of them wins:\n{listed}\n"
            f"Decide the winner of every round so that the largest number of rounds won by any single player is "
            f"exactly {parameters['K']}.\n"
            f"Write the {len(rounds)} winners in round order on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        winners = parse_int_list(answer)
        rounds = parameters["rounds"]
        if len(winners) != len(rounds):
            return rewards.invalid(f"expected {len(rounds)} winners, got {len(winners)}")
        wins = [0] * parameters["N"]
        for number, (winner, pair) in enumerate(zip(winners, rounds), 1):
            if winner not in pair:
                return rewards.invalid(f"player {winner} does not play in round {number}")
            wins[winner] += 1
        if max(wins) != parameters["K"]:
            return rewards.wrong(f"the most wins is {max(wins)}, not {parameters['K']}")
        return rewards.correct()
