"""A two-player game on numbers: take any subset, score its minimum."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


class GraMinimaGame(Task):
    """The value (first player's score minus second's) of the subset-minimum game under optimal play.

    Players alternately remove any non-empty subset of the remaining numbers and score its minimum; both maximise
    their own score minus the opponent's (POI 2010 "Gra", Luogu P3507). Optimal play always removes a run of the
    largest numbers, so with the numbers sorted ascending the value is v ← max(v, a - v) over them.
    Difficulty: N numbers, N growing as N ← int(1.1·N + 1) from 3; each number uniform in [1, 2N].
    Reward: -1 unparsable; 1 for the exact value, else 0.
    Answer: one integer.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"numbers": [rng.randint(1, 2 * n) for _ in range(n)]}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        numbers = parameters["numbers"]
        return (
            f"There are {len(numbers)} numbers: {' '.join(map(str, numbers))}\n"
            "Alice and Bob play a game, Alice first, taking turns. On a turn, the player picks any non-empty subset "
            "of the numbers still on the table, adds the smallest number of that subset to their own score, and "
            "removes the whole subset from the table. The game ends when the table is empty. Each player plays "
            "optimally to maximise their own score minus the other player's score.\n"
            "Write one integer: Alice's final score minus Bob's final score."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The game value: v ← max(v, a - v) over the numbers in ascending order."""
        value = 0
        for number in sorted(parameters["numbers"]):
            value = max(value, number - value)
        return value

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        return rewards.correct() if value == self.solve(parameters) else rewards.wrong()
