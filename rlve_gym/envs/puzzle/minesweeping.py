"""Minesweeper: place mines consistent with the revealed neighbour counts."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import KING_MOVES, format_rows, neighbours, parse_char_grid
from rlve_gym.envs.common.ladders import stepped

_REVEAL_DENSITIES = (0.6, 0.7, 0.8, 0.9, 0.95)
_MINE_DENSITY_RANGE = (0.4, 0.7)


class Minesweeping(Task):
    """Mark mines (*) and safe cells (.) on an N × M grid so that every revealed number is a safe cell whose eight
    neighbours hold exactly that many mines.

    Mines are planted (a density drawn uniformly in [0.4, 0.7]); a fraction (drawn from {0.6, ..., 0.95}) of the
    safe cells is revealed with its count; -1 marks the other cells. Any grid meeting every revealed count is
    accepted.
    Difficulty: N and M are drawn in [2, d + 4].
    Reward: -1 unparsable, wrong shape, or a character other than * and .; -0.5 if a revealed cell is marked as a
    mine; else (revealed cells with the right count / revealed cells)^10.
    Answer: N lines of M characters (* for a mine, . for a safe cell), without separators.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(2, max_side), rng.randint(2, max_side)
        cells = rows * columns
        density = rng.uniform(*_MINE_DENSITY_RANGE)
        mines = [["."] * columns for _ in range(rows)]
        for cell in rng.sample(range(cells), max(1, min(int(cells * density), cells - 1))):
            mines[cell // columns][cell % columns] = "*"
        safe = [(r, c) for r in range(rows) for c in range(columns) if mines[r][c] == "."]
        numbers = [[-1] * columns for _ in range(rows)]
        for r, c in rng.sample(safe, max(1, int(len(safe) * rng.choice(_REVEAL_DENSITIES)))):
            numbers[r][c] = sum(mines[nr][nc] == "*" for nr, nc in neighbours(r, c, rows, columns, KING_MOVES))
        return Instance({"grid": numbers}, format_rows(mines))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["grid"]
        rows, columns = len(grid), len(grid[0])
        body = "\n".join(" ".join(map(str, row)) for row in grid)
        return (
            f"Here is a grid of {rows} rows and {columns} columns; each entry is a number from 0 to 8 or -1:\n{body}\n"
            "Decide for every cell whether it holds a mine (*) or is safe (.), so that every cell showing a number "
            "from 0 to 8 is safe and exactly that many of its eight neighbours (including diagonal ones) hold "
            "mines. Cells showing -1 may be either.\n"
            f"Write {rows} lines of {columns} characters (* or .), without separators."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        numbers = parameters["grid"]
        rows, columns = len(numbers), len(numbers[0])
        grid = parse_char_grid(answer, rows, columns, "*.")
        revealed = [(r, c) for r in range(rows) for c in range(columns) if numbers[r][c] >= 0]
        if any(grid[r][c] == "*" for r, c in revealed):
            return rewards.invalid("a revealed cell is marked as a mine")
        satisfied = sum(
            sum(grid[nr][nc] == "*" for nr, nc in neighbours(r, c, rows, columns, KING_MOVES)) == numbers[r][c]
            for r, c in revealed
        )
        return rewards.partial(satisfied / len(revealed), 10.0, f"{satisfied}/{len(revealed)} counts right")
