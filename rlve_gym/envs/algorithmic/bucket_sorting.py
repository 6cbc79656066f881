"""Most frequent value of an array (counting by buckets)."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown, stepped


class BucketSorting(Task):
    """Name a value that occurs most often in an array of N integers (any of the tied values counts).

    Difficulty: N ← int(1.1·N + 1) from 5; values uniform in [0, MAX] with MAX = 2 + d.
    Reward: -1 unparsable; -0.5 for a value that does not occur; 1 for a most frequent value, else 0.
    Answer: one most frequent value, a single integer.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(5, difficulty), "MAX": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        parameters = {"A": [rng.randint(0, sizes["MAX"]) for _ in range(sizes["N"])]}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"Here is an array of {len(parameters['A'])} integers: {' '.join(map(str, parameters['A']))}\n"
            "Which number occurs most often in it? If several numbers are tied for the most occurrences, any one "
            "of them is accepted.\n"
            "Write that number as a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The smallest of the most frequent values."""
        counts = Counter(parameters["A"])
        top = max(counts.values())
        return min(value for value, count in counts.items() if count == top)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        counts = Counter(parameters["A"])
        if value not in counts:
            return rewards.invalid(f"{value} does not occur in the array")
        if counts[value] == max(counts.values()):
            return rewards.correct()
        return rewards.wrong(f"{value} occurs {counts[value]} times, fewer than the most frequent")
