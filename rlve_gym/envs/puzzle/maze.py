"""Shortest path through a grid maze."""

from __future__ import annotations

import random
import re
from collections import deque
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_DENSITIES = (0.1, 0.2, 0.3, 0.4)
_MOVES = {"L": (0, -1), "R": (0, 1), "U": (-1, 0), "D": (1, 0)}
_MAX_MOVES = 1_000_000


def shortest_moves(grid: list[str]) -> str | None:
    """The lexicographically first shortest move string from the top-left to the bottom-right (BFS), or None."""
    n = len(grid)
    previous: dict[tuple[int, int], tuple[tuple[int, int], str]] = {}
    queue = deque([(0, 0)])
    seen = {(0, 0)}
    while queue:
        cell = queue.popleft()
        if cell == (n - 1, n - 1):
            moves = []
            while cell != (0, 0):
                cell, move = previous[cell]
                moves.append(move)
            return "".join(reversed(moves))
        for move in "DLRU":
            dr, dc = _MOVES[move]
            nxt = (cell[0] + dr, cell[1] + dc)
            if 0 <= nxt[0] < n and 0 <= nxt[1] < n and grid[nxt[0]][nxt[1]] == "." and nxt not in seen:
                seen.add(nxt)
                previous[nxt] = (cell, move)
                queue.append(nxt)
    return None


class Maze(Task):
    """Find a shortest path of moves from the top-left to the bottom-right corner of an N×N maze.

    Walls are placed independently with a density drawn from {0.1, 0.2, 0.3, 0.4}; if 16 draws give no path, a
    random corner-to-corner corridor is cleared in the last one, so a path always exists.
    Difficulty: N grows as N ← int(1.1·N + 1) from 4.
    Reward: -1 unparsable; -0.5 if a move leaves the grid or enters a wall; -0.2 if the moves end elsewhere;
    otherwise (shortest length / answer length)^5.
    Answer: one line of moves L, R, U, D (for example RRDDLD).
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"side": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["side"]
        density = rng.choice(_DENSITIES)
        for attempt in range(16):
            cells = [["#" if rng.random() < density else "." for _ in range(n)] for _ in range(n)]
            cells[0][0] = cells[n - 1][n - 1] = "."
            if attempt == 15:  # clear a monotone random corridor so a path exists
                row = column = 0
                while (row, column) != (n - 1, n - 1):
                    if column == n - 1 or (row < n - 1 and rng.random() < 0.5):
                        row += 1
                    else:
                        column += 1
                    cells[row][column] = "."
            grid = ["".join(line) for line in cells]
            reference = shortest_moves(grid)
            if reference is not None:
                return Instance({"grid": grid}, reference)
        raise AssertionError("unreachable: the last attempt always has a corridor")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["grid"]
        n = len(grid)
        body = "\n".join(grid)
        return (
            f"Here is a {n}x{n} maze; # is a wall and . is open:\n{body}\n"
            f"Find a shortest route from the top-left cell (row 0, column 0) to the bottom-right cell (row {n - 1}, "
            f"column {n - 1}), moving one cell at a time up, down, left or right through open cells.\n"
            "Write the route as one line of moves: L = left, R = right, U = up, D = down (for example RRDDLD)."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        moves = re.sub(r"[\s,]+", "", answer).upper()
        if not moves or len(moves) > _MAX_MOVES or any(move not in _MOVES for move in moves):
            raise AnswerFormatError("expected a string of moves L, R, U, D")
        grid = parameters["grid"]
        n = len(grid)
        row = column = 0
        for move in moves:
            row, column = row + _MOVES[move][0], column + _MOVES[move][1]
            if not (0 <= row < n and 0 <= column < n) or grid[row][column] == "#":
                return rewards.invalid("the route leaves the maze or walks into a wall")
        if (row, column) != (n - 1, n - 1):
            return rewards.wrong("the route does not end at the bottom-right cell", reward=-0.2)
        shortest = shortest_moves(grid)
        return rewards.optimality(len(moves), len(shortest), 5.0, minimize=True)
