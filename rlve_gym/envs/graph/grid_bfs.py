"""Multi-source BFS on a grid: each cell's distance to the nearest 1, around walls."""

from __future__ import annotations

import random
from collections import deque
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0
_STEPS = ((-1, 0), (1, 0), (0, -1), (0, 1))


class GridBFS(Task):
    """In an N × M grid of cells 0, 1 and X (wall), give every cell's shortest distance, in up/down/left/right
    steps not passing through walls, to a cell holding 1; -1 for walls and for cells that reach no 1.

    Difficulty: N and M uniform in [2, S] with S ← int(1.1·S + 1) from 4; each cell is 0, 1 or X with
    probabilities drawn per instance (three weights uniform in [1, N·M], normalised).
    Reward: -1 unparsable or not N rows of M integers; otherwise (fraction of cells right)^10.
    Answer: N lines of M integers separated by spaces, the distances row by row.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        side = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(2, side), rng.randint(2, side)
        weights = [rng.randint(1, rows * columns) for _ in range(3)]
        grid = ["".join(rng.choices("01X", weights=weights, k=columns)) for _ in range(rows)]
        parameters = {"grid": grid}
        return Instance(parameters, "\n".join(" ".join(map(str, row)) for row in self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["grid"]
        rows, columns = len(grid), len(grid[0])
        return (
            f"Here is a {rows} × {columns} grid; each cell holds 0, 1 or X:\n" + "\n".join(grid) + "\n"
            "For every cell, find its shortest distance to a cell holding 1: the fewest steps up, down, left or "
            "right needed to get there, never entering a cell holding X. A cell holding 1 has distance 0; a cell "
            "holding X, or one from which no 1 can be reached, has distance -1.\n"
            f"Write {rows} lines of {columns} integers separated by spaces: the distances, row by row."
        )

    def solve(self, parameters: dict[str, Any]) -> list[list[int]]:
        """Distances by one breadth-first search started from every 1 at once."""
        grid = parameters["grid"]
        rows, columns = len(grid), len(grid[0])
        distance = [[-1] * columns for _ in range(rows)]
        queue = deque()
        for r in range(rows):
            for c in range(columns):
                if grid[r][c] == "1":
                    distance[r][c] = 0
                    queue.append((r, c))
        while queue:
            r, c = queue.popleft()
            for dr, dc in _STEPS:
                nr, nc = r + dr, c + dc
                if 0 <= nr < rows and 0 <= nc < columns and grid[nr][nc] != "X" and distance[nr][nc] < 0:
                    distance[nr][nc] = distance[r][c] + 1
                    queue.append((nr, nc))
        return distance

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_rows(answer)
        expected = self.solve(parameters)
        rows, columns = len(expected), len(expected[0])
        if len(values) != rows or any(len(row) != columns for row in values):
            raise AnswerFormatError(f"expected {rows} rows of {columns} integers")
        right = sum(a == b for got, want in zip(values, expected, strict=True) for a, b in zip(got, want, strict=True))
        return rewards.partial(right / (rows * columns), _BETA, f"{right}/{rows * columns} cells right")
