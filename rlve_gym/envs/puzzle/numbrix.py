"""Numbrix: fill a grid with 0..NM-1 so that consecutive numbers are orthogonal neighbours."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import neighbours
from rlve_gym.envs.common.ladders import stepped

_SPARSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
_MOVES_PER_CELL = 10
_BLANK = -1


def random_hamiltonian_path(rng: random.Random, rows: int, columns: int) -> list[tuple[int, int]]:
    """A random Hamiltonian path of the grid graph: a snake path scrambled by backbite moves (join one end to a
    random grid neighbour inside the path and reverse the part that follows it)."""
    path = [(r, c if r % 2 == 0 else columns - 1 - c) for r in range(rows) for c in range(columns)]
    if rng.random() < 0.5:  # snake along columns instead of rows
        path = [(r if c % 2 == 0 else rows - 1 - r, c) for c in range(columns) for r in range(rows)]
    for _ in range(_MOVES_PER_CELL * rows * columns):
        if rng.random() < 0.5:
            path.reverse()
        end = path[-1]
        target = rng.choice(neighbours(*end, rows, columns))
        position = path.index(target)
        if position != len(path) - 2:
            path[position + 1 :] = path[:position:-1]
    return path


class Numbrix(Task):
    """Fill the blank cells of an N×M grid so that it holds every number 0..N·M-1 once and each number x is
    orthogonally next to x + 1.

    A random Hamiltonian path numbers the grid (the planted solution); a fraction of the cells (the sparsity) is
    then blanked. Any grid obeying the rules and the given numbers is accepted.
    Difficulty: N and M are uniform in [2, MAX], MAX = d + 3; the sparsity is drawn from {0.1, ..., 0.9}.
    Reward: -1 unparsable (or not N rows of M numbers); -0.5 for a changed given number, a number outside
    0..NM-1 or a repeated number; otherwise (1 / (1 + consecutive pairs that are not neighbours))^3.
    Answer: N lines of M numbers separated by spaces (the completed grid, row by row).
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(2, largest), rng.randint(2, largest)
        solution = [[0] * columns for _ in range(rows)]
        for number, (r, c) in enumerate(random_hamiltonian_path(rng, rows, columns)):
            solution[r][c] = number
        grid = [row[:] for row in solution]
        cells = rows * columns
        for cell in rng.sample(range(cells), max(1, int(cells * rng.choice(_SPARSITIES)))):
            grid[cell // columns][cell % columns] = _BLANK
        return Instance({"grid": grid}, "\n".join(" ".join(map(str, row)) for row in solution))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["grid"]
        rows, columns = len(grid), len(grid[0])
        body = "\n".join(" ".join(map(str, row)) for row in grid)
        return (
            f"A {rows}×{columns} grid holds some numbers from 0 to {rows * columns - 1}; blank cells are shown as "
            f"-1:\n{body}\n"
            f"Fill every blank cell so that each number from 0 to {rows * columns - 1} appears exactly once in the "
            "grid and every number x is directly above, below, left or right of x + 1. Keep the given numbers.\n"
            f"Write the completed grid as {rows} lines of {columns} numbers separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        grid = parameters["grid"]
        rows, columns = len(grid), len(grid[0])
        filled = parse_int_rows(answer)
        if len(filled) != rows or any(len(row) != columns for row in filled):
            raise AnswerFormatError(f"expected {rows} lines of {columns} numbers")
        where = [(-1, -1)] * (rows * columns)
        for r in range(rows):
            for c in range(columns):
                value, given = filled[r][c], grid[r][c]
                if given != _BLANK and value != given:
                    return rewards.invalid("a given number was changed")
                if not 0 <= value < rows * columns or where[value][0] >= 0:
                    return rewards.invalid("every number from 0 to N·M-1 must appear exactly once")
                where[value] = (r, c)
        breaks = sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) != 1 for a, b in itertools.pairwise(where))
        return rewards.partial(1 / (1 + breaks), 3.0, f"{breaks} consecutive pairs are not neighbours")
