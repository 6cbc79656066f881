"""Count the all-ones contiguous submatrices of a 0/1 matrix."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def count_all_ones_submatrices(matrix: list[list[int]]) -> int:
    """The number of contiguous all-ones submatrices, counted by their bottom-right corner.

    With h[j] the run of ones ending at the current row in column j, the rectangles whose bottom-right corner is
    (i, j) number Σ_{k ≤ j} min(h[k..j]); a stack of increasing heights updates that sum in amortised O(1).
    """
    width = len(matrix[0])
    heights = [0] * width
    total = 0
    for row in matrix:
        heights = [height + 1 if cell else 0 for height, cell in zip(heights, row)]
        stack: list[tuple[int, int]] = []  # (height, number of columns it is the minimum for)
        running = 0
        for height in heights:
            span = 1
            while stack and stack[-1][0] >= height:
                popped_height, popped_span = stack.pop()
                running -= popped_height * popped_span
                span += popped_span
            stack.append((height, span))
            running += height * span
            total += running
    return total


class UndamagedSubmatrixCounting(Task):
    """Count the contiguous non-empty submatrices of an N × M 0/1 matrix whose entries are all 1.

    Each entry is 1 independently with a probability drawn uniformly per instance.
    Difficulty: N and M are uniform in [2, MAX], MAX growing as MAX ← int(1.1·MAX + 1) from 3.
    Reward: -1 unparsable or negative; otherwise 1 for the exact count and (min/max)^10 of the answer and the
    count for others (0 when exactly one of them is 0).
    Answer: one non-negative integer, the number of all-ones submatrices.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(2, max_side), rng.randint(2, max_side)
        one_probability = rng.random()
        matrix = [[int(rng.random() < one_probability) for _ in range(columns)] for _ in range(rows)]
        parameters = {"matrix": matrix}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        matrix = parameters["matrix"]
        rows = "\n".join("".join(map(str, row)) for row in matrix)
        return (
            f"Here is a {len(matrix)} × {len(matrix[0])} matrix of 0s and 1s (one row per line):\n{rows}\n"
            "Count the contiguous, non-empty submatrices (a block of consecutive rows and consecutive columns) whose "
            "entries are all 1. Submatrices at different positions count separately, and the whole matrix is one "
            "of the submatrices.\n"
            "Your answer should be a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of all-ones submatrices."""
        return count_all_ones_submatrices(parameters["matrix"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        count = parse_int(answer)
        if count < 0:
            return rewards.unparsable("the count must be non-negative")
        return rewards.exact_or_closeness(count, self.solve(parameters), 10.0)
