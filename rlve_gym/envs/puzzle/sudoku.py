"""Sudoku with rectangular boxes."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_SPARSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _shuffle_bands(rng: random.Random, rows: list[list[int]], band: int) -> list[list[int]]:
    """Shuffle rows within each band of `band` rows, then shuffle the bands (keeps a Sudoku valid)."""
    bands = [rows[start : start + band] for start in range(0, len(rows), band)]
    for block in bands:
        rng.shuffle(block)
    rng.shuffle(bands)
    return [row for block in bands for row in block]


def _transpose(grid: list[list[int]]) -> list[list[int]]:
    return [list(column) for column in zip(*grid)]


class Sudoku(Task):
    """Complete an S×S Sudoku (S = R·C) whose boxes have R rows and C columns.

    A solved grid is made from a canonical pattern by relabelling digits and shuffling rows/columns within bands
    and the bands themselves; then a fraction of cells (the sparsity) is blanked. Any grid obeying the rules and
    the clues is accepted.
    Difficulty: R and C are drawn in [2, d + 2]; the sparsity is drawn from {0.1, ..., 0.9}.
    Reward: -1 unparsable; -0.5 for a wrong shape, a digit outside 1..S, or a changed clue; 0 if a row, column or
    box repeats a digit; 1 for a solution.
    Answer: S lines of S numbers separated by spaces (the completed grid, row by row).
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_box_side": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_box_side"]
        box_rows, box_columns = rng.randint(2, max_side), rng.randint(2, max_side)
        size = box_rows * box_columns
        labels = list(range(1, size + 1))
        rng.shuffle(labels)
        grid = [
            [labels[(box_columns * (row % box_rows) + row // box_rows + column) % size] for column in range(size)]
            for row in range(size)
        ]
        grid = _shuffle_bands(rng, grid, box_rows)
        grid = _transpose(_shuffle_bands(rng, _transpose(grid), box_columns))
        solution = [row[:] for row in grid]
        blanks = rng.sample(range(size * size), max(1, int(size * size * rng.choice(_SPARSITIES))))
        for cell in blanks:
            grid[cell // size][cell % size] = 0
        parameters = {"box_rows": box_rows, "box_columns": box_columns, "grid": grid}
        return Instance(parameters, "\n".join(" ".join(map(str, row)) for row in solution))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        box_rows, box_columns = parameters["box_rows"], parameters["box_columns"]
        size = box_rows * box_columns
        body = "\n".join(" ".join(map(str, row)) for row in parameters["grid"])
        return (
            f"Solve this {size}x{size} Sudoku. Empty cells are shown as 0.\n{body}\n"
            f"Fill every empty cell with a number from 1 to {size} so that every row, every column and every box "
            f"contains each number exactly once. The grid is split into boxes of {box_rows} rows by {box_columns} "
            "columns. Keep the given numbers.\n"
            f"Write the completed grid as {size} lines of {size} numbers separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        solution = parse_int_rows(answer)
        box_rows, box_columns, clues = parameters["box_rows"], parameters["box_columns"], parameters["grid"]
        size = box_rows * box_columns
        if len(solution) != size or any(len(row) != size for row in solution):
            return rewards.invalid(f"expected {size} rows of {size} numbers")
        for solved_row, clue_row in zip(solution, clues):
            for value, clue in zip(solved_row, clue_row):
                if not 1 <= value <= size:
                    return rewards.invalid(f"{value} is not in 1..{size}")
                if clue and value != clue:
                    return rewards.invalid("a given number was changed")
        full = set(range(1, size + 1))
        units = [set(row) for row in solution] + [set(column) for column in zip(*solution)]
        for top in range(0, size, box_rows):
            for left in range(0, size, box_columns):
                box = {solution[r][c] for r in range(top, top + box_rows) for c in range(left, left + box_columns)}
                units.append(box)
        if any(unit != full for unit in units):
            return rewards.wrong("a row, column or box repeats a number")
        return rewards.correct()
