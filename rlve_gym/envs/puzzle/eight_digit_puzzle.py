"""Sliding-tile puzzle: move the blank to turn one grid into another."""

from __future__ import annotations

import random
import re
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_STEPS = (2, 3, 5, 10, 15, 20, 25, 30)
_MOVES = {"U": (-1, 0), "D": (1, 0), "L": (0, -1), "R": (0, 1)}
_MAX_MOVES = 100_000


def apply_moves(grid: list[list[int]], moves: str) -> list[list[int]] | None:
    """The grid after sliding 0 along `moves`, or None if a move leaves the grid."""
    grid = [row[:] for row in grid]
    rows, columns = len(grid), len(grid[0])
    row, column = next((r, c) for r in range(rows) for c in range(columns) if grid[r][c] == 0)
    for move in moves:
        new_row, new_column = row + _MOVES[move][0], column + _MOVES[move][1]
        if not (0 <= new_row < rows and 0 <= new_column < columns):
            return None
        grid[row][column], grid[new_row][new_column] = grid[new_row][new_column], 0
        row, column = new_row, new_column
    return grid


class EightDigitPuzzle(Task):
    """Slide the 0 tile (swap it with a neighbour) to turn a start grid into a goal grid.

    The goal is made by a random walk of the 0 from the start (a random permutation of 0..R·C-1).
    Difficulty: R and C are drawn in [2, d + 3]; the walk has a length drawn from {2, 3, 5, 10, 15, 20, 25, 30}.
    Reward: -1 unparsable; -0.5 if a move leaves the grid; otherwise (fraction of cells equal to the goal)^10.
    Answer: one line of moves of the 0: U, D, L, R (for example RRDL).
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(2, max_side), rng.randint(2, max_side)
        tiles = list(range(rows * columns))
        rng.shuffle(tiles)
        start = [tiles[r * columns : (r + 1) * columns] for r in range(rows)]
        row, column = next((r, c) for r in range(rows) for c in range(columns) if start[r][c] == 0)
        weights = [rng.randint(1, rows * columns) for _ in _MOVES]
        moves = []
        for _ in range(rng.choice(_STEPS)):
            while True:
                move = rng.choices(list(_MOVES), weights=weights)[0]
                new_row, new_column = row + _MOVES[move][0], column + _MOVES[move][1]
                if 0 <= new_row < rows and 0 <= new_column < columns:
                    break
            moves.append(move)
            row, column = new_row, new_column
        reference = "".join(moves)
        goal = apply_moves(start, reference)
        return Instance({"start": start, "goal": goal}, reference)

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        start, goal = parameters["start"], parameters["goal"]
        rows, columns = len(start), len(start[0])

        def show(grid: list[list[int]]) -> str:
            return "\n".join(" ".join(map(str, row)) for row in grid)

        return (
            f"A {rows}x{columns} grid holds the numbers 0 to {rows * columns - 1}. A move swaps the 0 with the "
            "neighbouring number above (U), below (D), to the left (L) or to the right (R) of it.\n"
            f"Start:\n{show(start)}\nGoal:\n{show(goal)}\n"
            "Give a sequence of moves that turns the start grid into the goal grid, as one line of letters U, D, L, "
            "R (for example RRDL)."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        moves = re.sub(r"[\s,]+", "", answer).upper()
        if len(moves) > _MAX_MOVES or any(move not in _MOVES for move in moves):
            raise AnswerFormatError("expected a string of moves U, D, L, R")
        final = apply_moves(parameters["start"], moves)
        if final is None:
            return rewards.invalid("a move pushes the 0 off the grid")
        goal = parameters["goal"]
        cells = len(goal) * len(goal[0])
        matches = sum(a == b for final_row, goal_row in zip(final, goal) for a, b in zip(final_row, goal_row))
        return rewards.partial(matches / cells, 10.0, f"{matches}/{cells} cells match the goal")
