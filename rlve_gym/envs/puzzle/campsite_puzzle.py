"""Campsite puzzle: place 1s with given row and column counts, no two 1s edge-adjacent."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import format_rows, neighbours, parse_char_grid
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
        row_counts = [row.count("1") for row in solution]
        column_counts = [[row[c] for row in solution].count("1") for c in range(columns)]
        puzzle = [row[:] for row in solution]
        for cell in rng.sample(range(rows * columns), max(1, int(rows * columns * rng.choice(_SPARSITIES)))):
            puzzle[cell // columns][cell % columns] = "*"
        parameters = {"grid": format_rows(puzzle).split("\n"), "row_counts": row_counts, "column_counts": column_counts}
        return Instance(parameters, format_rows(solution))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["grid"]
        rows, columns = len(grid), len(grid[0])
        body = "\n".join(grid)
        row_counts, column_counts = (" ".join(map(str, parameters[key])) for key in ("row_counts", "column_counts"))
        return (
            f"Here is a {rows} x {columns} grid; * marks an empty cell:\n{body}\n"
            "Replace every * with 0 or 1 (keep the other cells) so that:\n"
            "- no two 1s are next to each other horizontally or vertically;\n"
            f"- the rows, from top to bottom, contain these numbers of 1s: {row_counts}\n"
            f"- the columns, from left to right, contain these numbers of 1s: {column_counts}\n"
            f"Write the completed grid as {rows} lines of {columns} characters (0 or 1), without separators."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        given = parameters["grid"]
        rows, columns = len(given), len(given[0])
        grid = parse_char_grid(answer, rows, columns, "01")
        for row, given_row in zip(grid, given, strict=True):
            if any(clue != "*" and cell != clue for cell, clue in zip(row, given_row, strict=True)):
                return rewards.invalid("a given cell was changed")
        lines = grid + ["".join(row[c] for row in grid) for c in range(columns)]
        if any("11" in line for line in lines):
            return rewards.invalid("two 1s share an edge")
        targets = parameters["row_counts"] + parameters["column_counts"]
        satisfied = sum(line.count("1") == target for line, target in zip(lines, targets, strict=True))
        return rewards.partial(satisfied / (rows + columns), 10.0, f"{satisfied}/{rows + columns} counts right")
