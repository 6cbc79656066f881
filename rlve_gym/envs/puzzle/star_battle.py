"""Star Battle: one star per row, at most one per column, no two stars touching."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import format_rows, parse_char_grid
from rlve_gym.envs.common.ladders import stepped

_SPARSITIES = (0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9)
_SEARCH_BUDGET = 10_000


def star_columns(rng: random.Random, rows: int, columns: int) -> list[int] | None:
    """Distinct columns, one per row, with consecutive rows at least two columns apart (None if impossible).

    Randomised depth-first search; past its budget, the prefix of the valid order "odd columns, then even
    columns" (possibly mirrored) is used, which exists whenever columns ≥ 4."""
    chosen: list[int] = []
    options: list[list[int]] = []
    steps = 0
    while len(chosen) < rows and steps < _SEARCH_BUDGET:
        steps += 1
        if len(options) == len(chosen):
            allowed = [c for c in range(columns) if c not in chosen and (not chosen or abs(c - chosen[-1]) >= 2)]
            rng.shuffle(allowed)
            options.append(allowed)
        if options[-1]:
            chosen.append(options[-1].pop())
        else:
            options.pop()
            if not chosen:
                return None
            chosen.pop()
    if len(chosen) == rows:
        return chosen
    if columns < 4:
        return None
    pattern = list(range(1, columns, 2)) + list(range(0, columns, 2))
    if rng.random() < 0.5:
        pattern = [columns - 1 - c for c in pattern]
    return pattern[:rows]


def stars_valid(grid: list[str]) -> bool:
    """One * per row, at most one per column, and no two * among the eight neighbours of each other."""
    if any(row.count("*") != 1 for row in grid):
        return False
    columns = [row.index("*") for row in grid]
    if len(set(columns)) != len(columns):
        return False
    return all(abs(a - b) >= 2 for a, b in itertools.pairwise(columns))


class StarBattle(Task):
    """Put stars on the free cells (.) of an N × M grid (cells marked X are blocked) so that every row has exactly
    one star, no column has two, and no two stars touch, not even diagonally.

    A star per row is planted (distinct columns, consecutive rows at least two columns apart), then a fraction of
    the other cells, the sparsity, is blocked. Any placement obeying the rules is accepted.
    Difficulty: N is drawn in [2, d + 4] and M in [max(3, N), d + 4] (redrawn in the one impossible case
    N = M = 3); the sparsity is drawn from {0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9}.
    Reward: -1 unparsable, wrong shape, or a character other than X, . and *; -0.5 if an X is changed or a star
    is put on one; 0 if a rule is broken; 1 otherwise.
    Answer: the grid as N lines of M characters without separators, with * on the chosen cells.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        stars = None
        while stars is None:  # only a 3 x 3 grid has no solution, so this redraws rarely
            rows = rng.randint(2, max_side)
            columns = rng.randint(max(3, rows), max_side)
            stars = star_columns(rng, rows, columns)
        grid = [["."] * columns for _ in range(rows)]
        for r, c in enumerate(stars):
            grid[r][c] = "*"
        free = [(r, c) for r in range(rows) for c in range(columns) if grid[r][c] == "."]
        for r, c in rng.sample(free, max(1, int(len(free) * rng.choice(_SPARSITIES)))):
            grid[r][c] = "X"
        solution = format_rows(grid)
        return Instance({"grid": solution.replace("*", ".").split("\n")}, solution)

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["grid"]
        rows, columns = len(grid), len(grid[0])
        body = "\n".join(grid)
        return (
            f"Here is a grid of {rows} rows and {columns} columns; X is a blocked cell and . a free cell:\n{body}\n"
            "Replace some free cells with * so that:\n"
            "1. every row contains exactly one *;\n"
            "2. no column contains more than one *;\n"
            "3. no two * are neighbours, horizontally, vertically or diagonally.\n"
            f"Write the grid as {rows} lines of {columns} characters without separators, with * on the chosen cells "
            "and every other cell unchanged."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        given = parameters["grid"]
        grid = parse_char_grid(answer, len(given), len(given[0]), "X.*")
        for row, given_row in zip(grid, given, strict=True):
            if any((clue == "X") != (cell == "X") for cell, clue in zip(row, given_row, strict=True)):
                return rewards.invalid("blocked cells must stay X, and only they")
        return rewards.correct() if stars_valid(grid) else rewards.wrong("a star rule is broken")
