"""The Josephus elimination order."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


class Josephus(Task):
    """N people in a circle count off from person 1; whoever says M leaves, and counting restarts at the next one.

    Difficulty: N is drawn in [3, N_max] with N_max growing as N_max ← int(1.1·N_max + 1) from 3; M in [2, N].
    Reward: -1 unparsable; -0.5 if the answer is not a permutation of 1..N; else (fraction of positions right)^10.
    Answer: the labels in order of elimination on one line, separated by spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_people": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        people = rng.randint(3, self.ladder(difficulty)["max_people"])
        parameters = {"N": people, "M": rng.randint(2, people)}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        people, step = parameters["N"], parameters["M"]
        return (
            f"{people} people, labelled 1 to {people}, stand in a circle. Starting with person 1 they count "
            f"1, 2, 3, ... around the circle; the person who says {step} leaves the circle, and the next person "
            "starts again from 1. This repeats until nobody is left.\n"
            "Write the labels in the order the people leave, on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Direct simulation on a list (O(N²), fine for the sizes used)."""
        circle = list(range(1, parameters["N"] + 1))
        position, order = 0, []
        while circle:
            position = (position + parameters["M"] - 1) % len(circle)
            order.append(circle.pop(position))
        return order

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        people = parameters["N"]
        if sorted(values) != list(range(1, people + 1)):
            return rewards.invalid(f"not a permutation of 1..{people}")
        expected = self.solve(parameters)
        matches = sum(a == b for a, b in zip(values, expected, strict=True))
        return rewards.partial(matches / people, 10.0, f"{matches}/{people} positions right")
