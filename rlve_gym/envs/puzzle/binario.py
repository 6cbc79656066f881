"""Binario: fill a 0/1 grid with given row and column counts and no three equal cells in a line."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import format_rows, line_counts_prompt, score_line_counts, with_line_counts
from rlve_gym.envs.common.ladders import stepped

_SPARSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
_SEARCH_BUDGET = 20_000


def _forced_away(grid: list[list[str]], row: int, column: int) -> set[str]:
    """Values that would make a third equal cell with the two cells to the left or the two above."""
    banned = set()
    if column >= 2 and grid[row][column - 1] == grid[row][column - 2]:
        banned.add(grid[row][column - 1])
    if row >= 2 and grid[row - 1][column] == grid[row - 2][column]:
        banned.add(grid[row - 1][column])
    return banned


def random_binario_grid(rng: random.Random, rows: int, columns: int) -> list[list[str]]:
    """A random 0/1 grid with no three equal consecutive cells in any row or column.

    Cells are filled in reading order with backtracking (only the two cells to the left and the two above can
    conflict); if the search budget ran out, the fallback r[i] XOR c[j] for two random sequences without three
    equal neighbours is always valid."""
    grid = [[""] * columns for _ in range(rows)]
    options: list[list[str]] = []
    cell, steps = 0, 0
    while 0 <= cell < rows * columns and steps < _SEARCH_BUDGET:
        steps += 1
        row, column = divmod(cell, columns)
        if len(options) == cell:
            allowed = [v for v in "01" if v not in _forced_away(grid, row, column)]
            rng.shuffle(allowed)
            options.append(allowed)
        if options[cell]:
            grid[row][column] = options[cell].pop()
            cell += 1
        else:
            options.pop()
            grid[row][column] = ""
            cell -= 1
    if cell == rows * columns:
        return grid

    def sequence(length: int) -> list[int]:
        values: list[int] = []
        for _ in range(length):
            value = rng.randint(0, 1)
            if len(values) >= 2 and values[-1] == values[-2] == value:
                value ^= 1
            values.append(value)
        return values

    row_bits, column_bits = sequence(rows), sequence(columns)
    return [[str(r ^ c) for c in column_bits] for r in row_bits]


class Binario(Task):
    """Fill the blanks of an N × M grid with 0/1 so that every row and column has its given number of 1s and no
    row or column has three equal consecutive cells.

    A valid grid is built (random backtracking fill) and a fraction of its cells, the sparsity, is blanked. Any
    grid that keeps the given cells and obeys the rules is accepted (the solution need not be unique).
    Difficulty: N and M are drawn in [2, d + 2]; the sparsity is drawn from {0.1, ..., 0.9}.
    Reward: -1 unparsable, wrong shape, or a character other than 0/1; -0.5 if a given cell is changed or three
    equal cells are consecutive in a line; else (rows and columns with the right count of 1s / (N + M))^10.
    Answer: N lines of M characters 0 or 1, without separators.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(2, max_side), rng.randint(2, max_side)
        solution = random_binario_grid(rng, rows, columns)
        return Instance(with_line_counts(rng, solution, rng.choice(_SPARSITIES)), format_rows(solution))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return line_counts_prompt(parameters, "no row or column has three equal cells next to each other")

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_line_counts(parameters, answer, ("000", "111"), "three equal cells in a line")
