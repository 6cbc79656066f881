"""Max pooling of an integer matrix."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


class MatrixPooling(Task):
    """Max-pool an N×M integer matrix with a K×K window at stride 1: output cell (i, j) is the largest entry of
    the K×K block whose top-left corner is (i, j).

    Difficulty: N and M uniform in [3, S] with S ← int(1.1·S + 1) from 4; K uniform in [2, min(N, M) - 1];
    entries uniform in [0, N·M].
    Reward: -1 unparsable or not N-K+1 rows of M-K+1 integers; else (fraction of output cells right)^5.
    Answer: N-K+1 lines of M-K+1 integers separated by spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        n, m = rng.randint(3, max_side), rng.randint(3, max_side)
        parameters = {
            "matrix": [[rng.randint(0, n * m) for _ in range(m)] for _ in range(n)],
            "K": rng.randint(2, min(n, m) - 1),
        }
        return Instance(parameters, "\n".join(" ".join(map(str, row)) for row in self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        matrix, k = parameters["matrix"], parameters["K"]
        n, m = len(matrix), len(matrix[0])
        rows = "\n".join(" ".join(map(str, row)) for row in matrix)
        return (
            f"Here is a matrix with {n} rows and {m} columns:\n{rows}\n"
            f"Apply max pooling with a {k} × {k} window and stride 1: for every position of the window fully inside "
            "the matrix, take the largest entry it covers. The result has "
            f"{n - k + 1} rows and {m - k + 1} columns; its entry in row i, column j is the maximum of the "
            f"{k} × {k} block whose top-left corner is row i, column j of the matrix.\n"
            f"Write the result as {n - k + 1} lines of {m - k + 1} integers separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[list[int]]:
        """Pooled matrix: row-wise window maxima first, then column-wise maxima of those."""
        matrix, k = parameters["matrix"], parameters["K"]
        row_maxima = [[max(row[j : j + k]) for j in range(len(row) - k + 1)] for row in matrix]
        return [
            [max(row_maxima[i + di][j] for di in range(k)) for j in range(len(row_maxima[0]))]
            for i in range(len(matrix) - k + 1)
        ]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        grid = parse_int_rows(answer)
        expected = self.solve(parameters)
        rows, columns = len(expected), len(expected[0])
        if len(grid) != rows or any(len(row) != columns for row in grid):
            raise AnswerFormatError(f"expected {rows} lines of {columns} integers")
        right = sum(grid[i][j] == expected[i][j] for i in range(rows) for j in range(columns))
        return rewards.partial(right / (rows * columns), _BETA, f"{right}/{rows * columns} cells right")
