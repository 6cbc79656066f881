"""Skyscrapers: a Latin square of heights matching how many buildings are visible from each side."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import is_latin_square, parse_square, shuffled_cyclic_latin_square
from rlve_gym.envs.common.ladders import stepped


def visible(line: list[int]) -> int:
    """How many buildings in `line` are taller than every building before them."""
    count, tallest = 0, -1
    for height in line:
        if height > tallest:
            count, tallest = count + 1, height
    return count


def clues(grid: list[list[int]]) -> dict[str, list[int]]:
    """Visible counts seen from the left and right of each row and the top and bottom of each column."""
    columns = [list(column) for column in zip(*grid)]
    return {
        "left": [visible(row) for row in grid],
        "right": [visible(row[::-1]) for row in grid],
        "top": [visible(column) for column in columns],
        "bottom": [visible(column[::-1]) for column in columns],
    }


class SkyscraperPuzzle(Task):
    """Fill an N×N grid with heights 0..N-1, each once per row and column, matching the visibility clues.

    A cyclic Latin square with shuffled rows and columns is planted and all 4N clues are shown; any grid meeting the
    rules is accepted.
    Difficulty: N = d + 3.
    Reward: -1 unparsable or not N rows of N integers; -0.5 if not a Latin square; else (clues matched / 4N)^10.
    Answer: N lines of N integers separated by spaces, the grid's rows from top to bottom.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        grid = shuffled_cyclic_latin_square(rng, n)
        return Instance({"N": n, **clues(grid)}, "\n".join(" ".join(map(str, row)) for row in grid))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"Place a building in every cell of a {n} × {n} grid, with heights from 0 to {n - 1}, so that each row "
            f"and each column contains every height from 0 to {n - 1} exactly once. Looking along a row or a "
            "column from one side, a building is visible when no building before it is taller. The numbers of "
            "visible buildings must be:\n"
            f"from the left of each row (top to bottom): {' '.join(map(str, parameters['left']))}\n"
            f"from the right of each row (top to bottom): {' '.join(map(str, parameters['right']))}\n"
            f"from the top of each column (left to right): {' '.join(map(str, parameters['top']))}\n"
            f"from the bottom of each column (left to right): {' '.join(map(str, parameters['bottom']))}\n"
            f"Write the grid: {n} lines of {n} heights separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        n = parameters["N"]
        grid = parse_square(answer, n)
        if not is_latin_square(grid, n):
            return rewards.invalid("not a Latin square")
        seen = clues(grid)
        matched = sum(a == b for side in seen for a, b in zip(seen[side], parameters[side]))
        return rewards.partial(matched / (4 * n), 10.0, f"{matched}/{4 * n} clues matched")
