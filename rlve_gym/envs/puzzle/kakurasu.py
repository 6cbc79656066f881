"""Kakurasu: a 0/1 grid whose rows and columns have given weighted sums of their 1s."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import format_rows, parse_char_grid
from rlve_gym.envs.common.ladders import stepped


def weighted_sums(grid: list[str] | list[list[str]]) -> tuple[list[int], list[int]]:
    """(per row: sum of the 1-based column indices of its 1s, per column: sum of the 1-based row indices)."""
    rows, columns = len(grid), len(grid[0])
    row_sums = [sum(c + 1 for c in range(columns) if grid[r][c] == "1") for r in range(rows)]
    column_sums = [sum(r + 1 for r in range(rows) if grid[r][c] == "1") for c in range(columns)]
    return row_sums, column_sums


class Kakurasu(Task):
    """Fill an N × M grid with 0/1 so that, for each row, the 1-based column indices of its 1s sum to A[row], and
    for each column the 1-based row indices of its 1s sum to B[column].

    The sums are read off a random grid (each cell 1 with a probability drawn uniformly in [0.1, 0.9]); any grid
    meeting all sums is accepted.
    Difficulty: N and M are drawn in [2, d + 3].
    Reward: -1 unparsable, wrong shape, or a character other than 0/1; else (rows and columns whose sum is
    right / (N + M))^10.
    Answer: N lines of M characters 0 or 1, without separators.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(2, max_side), rng.randint(2, max_side)
        one_rate = rng.uniform(0.1, 0.9)
        grid = [["1" if rng.random() < one_rate else "0" for _ in range(columns)] for _ in range(rows)]
        row_sums, column_sums = weighted_sums(grid)
        return Instance({"A": row_sums, "B": column_sums}, format_rows(grid))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        row_sums, column_sums = parameters["A"], parameters["B"]
        rows, columns = len(row_sums), len(column_sums)
        return (
            f"Fill a grid of {rows} rows and {columns} columns with 0s and 1s. Rows and columns are numbered from 1.\n"
            "- In row i, the column numbers of the cells holding 1 must add up to A[i]: "
            f"{' '.join(f'A[{i + 1}]={a}' for i, a in enumerate(row_sums))}\n"
            "- In column j, the row numbers of the cells holding 1 must add up to B[j]: "
            f"{' '.join(f'B[{j + 1}]={b}' for j, b in enumerate(column_sums))}\n"
            f"Write the grid as {rows} lines of {columns} characters (0 or 1), without separators."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        targets_rows, targets_columns = parameters["A"], parameters["B"]
        grid = parse_char_grid(answer, len(targets_rows), len(targets_columns), "01")
        row_sums, column_sums = weighted_sums(grid)
        satisfied = sum(a == b for a, b in zip(row_sums + column_sums, targets_rows + targets_columns, strict=True))
        total = len(targets_rows) + len(targets_columns)
        return rewards.partial(satisfied / total, 10.0, f"{satisfied}/{total} sums right")
