"""Light Up (Akari): place bulbs that light every white cell without seeing each other."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import ORTHOGONAL, format_rows, neighbours, parse_char_grid
from rlve_gym.envs.common.ladders import stepped

_NUMBER_DENSITIES = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
_BLACK_DENSITY_RANGE = (0.6, 0.95)


def lit_cells(grid: list[str] | list[list[str]], row: int, column: int) -> list[tuple[int, int]]:
    """The cells a bulb at (row, column) lights besides its own: along the four directions up to a black cell."""
    rows, columns = len(grid), len(grid[0])
    cells = []
    for dr, dc in ORTHOGONAL:
        r, c = row + dr, column + dc
        while 0 <= r < rows and 0 <= c < columns and grid[r][c] in "WL":
            cells.append((r, c))
            r, c = r + dr, c + dc
    return cells


class LightUpPuzzle(Task):
    """Place light bulbs on white cells of an N × M grid so that every white cell is lit, no bulb lights another,
    and numbered black cells have that many bulbs among their four neighbours.

    A bulb lights its own cell and the cells in its row and column up to the nearest black cell or the edge.
    Blacks are random (a density drawn uniformly in [0.6, 0.95]); bulbs are planted by visiting white cells in
    random order and placing one on every cell still dark; then a fraction (drawn from {0.5, ..., 0.95}) of the
    black cells show their number of neighbouring bulbs. Any placement obeying the rules is accepted.
    Difficulty: N and M are drawn in [2, d + 3].
    Reward: -1 unparsable or wrong shape; -0.5 if a black cell is changed, a white cell holds anything but W or L,
    a bulb lights another bulb, or a white cell stays dark; else (numbered cells with the right count /
    numbered cells)^10.
    Answer: the grid as N lines of M characters without separators, with L on the white cells holding a bulb.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(2, max_side), rng.randint(2, max_side)
        cells = rows * columns
        density = rng.uniform(*_BLACK_DENSITY_RANGE)
        grid = [["W"] * columns for _ in range(rows)]
        for cell in rng.sample(range(cells), max(1, min(int(cells * density), cells - 1))):
            grid[cell // columns][cell % columns] = "B"
        whites = [(r, c) for r in range(rows) for c in range(columns) if grid[r][c] == "W"]
        rng.shuffle(whites)
        lit = set()
        for r, c in whites:
            if (r, c) not in lit:
                grid[r][c] = "L"
                lit.add((r, c))
                lit.update(lit_cells(grid, r, c))
        blacks = [(r, c) for r in range(rows) for c in range(columns) if grid[r][c] == "B"]
        for r, c in rng.sample(blacks, max(1, int(len(blacks) * rng.choice(_NUMBER_DENSITIES)))):
            grid[r][c] = str(sum(grid[nr][nc] == "L" for nr, nc in neighbours(r, c, rows, columns)))
        puzzle = [row.replace("L", "W") for row in format_rows(grid).split("\n")]
        return Instance({"grid": puzzle}, format_rows(grid))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["grid"]
        rows, columns = len(grid), len(grid[0])
        body = "\n".join(grid)
        return (
            f"Here is a grid of {rows} rows and {columns} columns. W is a white cell; B and the digits 0-4 are black "
            f"cells.\n{body}\n"
            "Put light bulbs on some white cells by replacing their W with L. A bulb lights its own cell and every "
            "cell in its row and column up to the nearest black cell or the edge of the grid. Place the bulbs so "
            "that:\n"
            "1. every white cell is lit;\n"
            "2. no bulb is lit by another bulb;\n"
            "3. every black cell showing a digit has exactly that many bulbs among its up, down, left and right "
            "neighbours.\n"
            f"Write the whole grid as {rows} lines of {columns} characters without separators, with L on the cells "
            "that hold a bulb and every other cell unchanged."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        given = parameters["grid"]
        rows, columns = len(given), len(given[0])
        grid = parse_char_grid(answer, rows, columns)
        for row, given_row in zip(grid, given, strict=True):
            for cell, clue in zip(row, given_row, strict=True):
                if (clue == "W" and cell not in "WL") or (clue != "W" and cell != clue):
                    return rewards.invalid("only W cells may change, and only to L")
        lit = set()
        for r in range(rows):
            for c in range(columns):
                if grid[r][c] == "L":
                    seen = lit_cells(grid, r, c)
                    if any(grid[nr][nc] == "L" for nr, nc in seen):
                        return rewards.invalid("a bulb lights another bulb")
                    lit.add((r, c))
                    lit.update(seen)
        if any(grid[r][c] == "W" and (r, c) not in lit for r in range(rows) for c in range(columns)):
            return rewards.invalid("a white cell is dark")
        numbered = [(r, c) for r in range(rows) for c in range(columns) if given[r][c].isdigit()]
        satisfied = sum(
            sum(grid[nr][nc] == "L" for nr, nc in neighbours(r, c, rows, columns)) == int(given[r][c])
            for r, c in numbered
        )
        return rewards.partial(satisfied / len(numbered), 10.0, f"{satisfied}/{len(numbered)} numbers right")
