"""Helpers for grid puzzles."""

from __future__ import annotations

import random

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows, parse_token_rows


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
