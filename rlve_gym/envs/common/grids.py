"""Helpers for grid puzzles."""

from __future__ import annotations

import random

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows


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
