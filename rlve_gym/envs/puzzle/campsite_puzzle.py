"""Campsite puzzle: place 1s with given row and column counts, no two 1s edge-adjacent."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import (
    format_rows,
    line_counts_prompt,
    neighbours,
    score_line_counts,
    with_line_counts,
)
from rlve_gym.envs.common.ladders import stepped

_SPARSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


class CampsitePuzzle(Task):
    """Fill the blanks of an N × M grid with 0/1 so that no two 1s share an edge and every row and column has its
    given number of 1s.

    A valid grid is built by visiting the cells in random order and making each a 1 with probability 1/2 unless a
    neighbour already is; then a fraction of cells, the sparsity, is blanked. Any grid that keeps the given cells
    and obeys the rules is accepted.
    Difficulty: N and M are drawn in [2, d + 3]; the sparsity is drawn from {0.1, ..., 0.9}.
    Reward: -1 unparsable, wrong shape, or a character other than 0/1; -0.5 if a given cell is changed or two 1s
    share an edge; else (rows and columns with the right count of 1s / (N + M))^10.
    Answer: N lines of M characters 0 or 1, without separators.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(2, max_side), rng.randint(2, max_side)
        solution = [["0"] * columns for _ in range(rows)]
        for cell in rng.sample(range(rows * columns), rows * columns):
            row, column = divmod(cell, columns)
            blocked = any(solution[r][c] == "1" for r, c in neighbours(row, column, rows, columns))
            if not blocked and rng.random() < 0.5:
                solution[row][column] = "1"
        return Instance(with_line_counts(rng, solution, rng.choice(_SPARSITIES)), format_rows(solution))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return line_counts_prompt(parameters, "no two 1s are next to each other horizontally or vertically")

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_line_counts(parameters, answer, ("11",), "two 1s share an edge")
