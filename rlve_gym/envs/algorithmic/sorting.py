"""Sorting a list of integers."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


class Sorting(Task):
    """Sort N integers in ascending order.

    Difficulty: N grows as N ← int(1.1·N + 1) from 3; values are uniform in [0, 5N].
    Reward: -1 unparsable; -0.5 wrong length; else (fraction of positions equal to the sorted list)^10.
    Answer: the sorted numbers on one line, separated by spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"length": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        length = self.ladder(difficulty)["length"]
        numbers = [rng.randint(0, 5 * length) for _ in range(length)]
        parameters = {"numbers": numbers}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"Sort these {len(parameters['numbers'])} numbers in ascending order:\n"
            f"{' '.join(map(str, parameters['numbers']))}\n"
            "Write the sorted numbers on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The numbers in ascending order."""
        return sorted(parameters["numbers"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        expected = self.solve(parameters)
        if len(values) != len(expected):
            return rewards.invalid(f"expected {len(expected)} numbers, got {len(values)}")
        matches = sum(a == b for a, b in zip(values, expected, strict=True))
        return rewards.partial(matches / len(expected), 10.0, f"{matches}/{len(expected)} positions right")
