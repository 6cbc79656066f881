"""Helpers for grid puzzles."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows, parse_token_rows
from rlve_gym.core.problem import Verdict


def is_latin_square(grid: list[list[int]], n: int) -> bool:
    """True iff every row and every column of the n×n `grid` holds 0..n-1 once each."""
    full = set(range(n))
    return all(set(row) == full for row in grid) and all({row[j] for row in grid} == full for j in range(n))


def shuffled_cyclic_latin_square(rng: random.Random, n: int) -> list[list[int]]:
    """The Latin square (r[i] + c[j]) mod n for random permutations r and c."""
    row_shift, column_shift = rng.sample(range(n), n), rng.sample(range(n), n)
    return [[(row_shift[i] + column_shift[j]) % n for j in range(n)] for i in range(n)]


def parse_square(answer: str, n: int) -> list[list[int]]:
    """An n×n grid of integers, one row per line; anything else raises AnswerFormatError."""
    grid = parse_int_rows(answer)
    if len(grid) != n or any(len(row) != n for row in grid):
        raise AnswerFormatError(f"expected {n} rows of {n} integers")
    return grid


ORTHOGONAL = ((-1, 0), (1, 0), (0, -1), (0, 1))
"""Offsets of the four edge-neighbours of a cell."""
KING_MOVES = tuple((dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
"""Offsets of the eight neighbours of a cell (edges and corners)."""


def parse_char_grid(answer: str, rows: int, columns: int, alphabet: str | None = None) -> list[str]:
    """`rows` lines of `columns` characters (inner spaces ignored), each in `alphabet` when given.

    Raises AnswerFormatError for another shape or another character (RLVE scores both as a format error)."""
    grid = parse_token_rows(answer)
    if len(grid) != rows or any(len(row) != columns for row in grid):
        raise AnswerFormatError(f"expected {rows} lines of {columns} characters")
    if alphabet is not None and any(char not in alphabet for row in grid for char in row):
        raise AnswerFormatError(f"every character must be one of {' '.join(alphabet)}")
    return grid


def neighbours(row: int, column: int, rows: int, columns: int, offsets=ORTHOGONAL) -> list[tuple[int, int]]:
    """The cells at `offsets` from (row, column) that lie inside a rows × columns grid."""
    return [(row + dr, column + dc) for dr, dc in offsets if 0 <= row + dr < rows and 0 <= column + dc < columns]


def format_rows(grid: list[list[str]] | list[str]) -> str:
    """One line per row, characters joined without separators."""
    return "\n".join("".join(row) for row in grid)


def with_line_counts(rng: random.Random, solution: list[list[str]], sparsity: float) -> dict[str, list]:
    """Parameters of a 0/1 puzzle clued by the number of 1s in each row and column: the counts of `solution` and
    the solution with a fraction `sparsity` of its cells (at least one) blanked to '*'."""
    rows, columns = len(solution), len(solution[0])
    puzzle = [row[:] for row in solution]
    for cell in rng.sample(range(rows * columns), max(1, int(rows * columns * sparsity))):
        puzzle[cell // columns][cell % columns] = "*"
    return {
        "grid": ["".join(row) for row in puzzle],
        "row_counts": [row.count("1") for row in solution],
        "column_counts": [[row[c] for row in solution].count("1") for c in range(columns)],
    }


def line_counts_prompt(parameters: dict[str, Any], rule: str) -> str:
    """The statement of a `with_line_counts` puzzle with one more `rule` about the filled grid."""
    grid = parameters["grid"]
    rows, columns = len(grid), len(grid[0])
    row_counts, column_counts = (" ".join(map(str, parameters[key])) for key in ("row_counts", "column_counts"))
    body = "\n".join(grid)
    return (
        f"Here is a {rows} x {columns} grid; * marks an empty cell:\n{body}\n"
        "Replace every * with 0 or 1 (keep the other cells) so that:\n"
        f"- the rows, from top to bottom, contain these numbers of 1s: {row_counts}\n"
        f"- the columns, from left to right, contain these numbers of 1s: {column_counts}\n"
        f"- {rule}\n"
        f"Write the completed grid as {rows} lines of {columns} characters (0 or 1), without separators."
    )


def score_line_counts(parameters: dict[str, Any], answer: str, forbidden: tuple[str, ...], broken: str) -> Verdict:
    """Score a `with_line_counts` puzzle: -1 unless a 0/1 grid of the right shape; -0.5 if a given cell changed or a
    row or column contains one of the `forbidden` runs (`broken` says why); else (lines with the right count of
    1s / lines)^10."""
    given = parameters["grid"]
    rows, columns = len(given), len(given[0])
    grid = parse_char_grid(answer, rows, columns, "01")
    for row, given_row in zip(grid, given, strict=True):
        if any(clue != "*" and cell != clue for cell, clue in zip(row, given_row, strict=True)):
            return rewards.invalid("a given cell was changed")
    lines = grid + ["".join(row[c] for row in grid) for c in range(columns)]
    if any(run in line for line in lines for run in forbidden):
        return rewards.invalid(broken)
    targets = parameters["row_counts"] + parameters["column_counts"]
    satisfied = sum(line.count("1") == target for line, target in zip(lines, targets, strict=True))
    return rewards.partial(satisfied / (rows + columns), 10.0, f"{satisfied}/{rows + columns} counts right")
