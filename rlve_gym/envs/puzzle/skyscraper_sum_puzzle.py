"""Skyscraper puzzle with sums: a Latin square of heights whose visible buildings add up to the clues."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import is_latin_square, parse_square, shuffled_cyclic_latin_square
from rlve_gym.envs.common.ladders import stepped

SIDES = ("left", "right", "top", "bottom")


def visible_sum(heights: list[int]) -> int:
    """Sum of the heights seen from the start of the line (a building is seen if none before it is taller)."""
    total, tallest = 0, -1
    for height in heights:
        if height > tallest:
            total += height
            tallest = height
    return total


def clues(grid: list[list[int]]) -> dict[str, list[int]]:
    """The visible sums from each side: per row from the left and right, per column from the top and bottom."""
    columns = [list(column) for column in zip(*grid)]
    return {
        "left": [visible_sum(row) for row in grid],
        "right": [visible_sum(row[::-1]) for row in grid],
        "top": [visible_sum(column) for column in columns],
        "bottom": [visible_sum(column[::-1]) for column in columns],
    }


class SkyscraperSumPuzzle(Task):
    """Fill an N × N grid with heights 0..N-1, each once per row and column, so that the buildings seen from each
    side of each line add up to the given sums.

    The clues are read off the Latin square (r[i] + c[j]) mod N for random permutations r and c; any grid meeting
    all 4N clues is accepted.
    Difficulty: N = d + 3.
    Reward: -1 unparsable or not N rows of N integers; -0.5 if a row or column is not a permutation of 0..N-1;
    else (clues met / 4N)^10.
    Answer: N lines of N integers separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"side": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["side"]
        grid = shuffled_cyclic_latin_square(rng, n)
        return Instance({"N": n, **clues(grid)}, "\n".join(" ".join(map(str, row)) for row in grid))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        shown = {side: " ".join(map(str, parameters[side])) for side in SIDES}
        return (
            f"Place a building in every cell of a {n} x {n} grid, with heights from 0 to {n - 1}, so that every row "
            "and every column contains each height exactly once. Looking along a line, a building is seen when no "
            "building before it is taller. The sums of the heights of the seen buildings must be:\n"
            f"- each row seen from the left (rows from top to bottom): {shown['left']}\n"
            f"- each row seen from the right (rows from top to bottom): {shown['right']}\n"
            f"- each column seen from the top (columns from left to right): {shown['top']}\n"
            f"- each column seen from the bottom (columns from left to right): {shown['bottom']}\n"
            f"Write the grid as {n} lines of {n} heights separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        n = parameters["N"]
        grid = parse_square(answer, n)
        if not is_latin_square(grid, n):
            return rewards.invalid(f"every row and column must hold 0..{n - 1} once each")
        seen = clues(grid)
        satisfied = sum(a == b for side in SIDES for a, b in zip(seen[side], parameters[side], strict=True))
        return rewards.partial(satisfied / (4 * n), 10.0, f"{satisfied}/{4 * n} clues met")
