"""Choose R rows and C columns of a matrix so that the submatrix has the smallest total difference between
neighbouring entries."""

from __future__ import annotations

import itertools
import math
import random
from typing import Any

import numpy as np

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_UNUSABLE = 1 << 40  # cost of an impossible column pair: far above any sum, and no int64 overflow after C steps


def submatrix_cost(matrix: list[list[int]], rows: list[int], columns: list[int]) -> int:
    """Σ |difference| over horizontally and vertically adjacent entries of the submatrix on `rows` × `columns`."""
    total = 0
    for r in rows:
        total += sum(abs(matrix[r][c2] - matrix[r][c1]) for c1, c2 in itertools.pairwise(columns))
    for c in columns:
        total += sum(abs(matrix[r2][c] - matrix[r1][c]) for r1, r2 in itertools.pairwise(rows))
    return total


def _best_columns(matrix: list[list[int]], rows: tuple[int, ...], count: int) -> list[int]:
    """For fixed rows, the best `count` columns: a DP over the last chosen column."""
    m = len(matrix[0])
    vertical = [sum(abs(matrix[r2][c] - matrix[r1][c]) for r1, r2 in itertools.pairwise(rows)) for c in range(m)]
    best = [list(vertical)]  # best[t][i]: cheapest t+1 columns ending with column i
    came_from: list[list[int]] = [[-1] * m]
    for _ in range(1, count):
        previous, current, links = best[-1], [math.inf] * m, [-1] * m
        for i in range(m):
            for j in range(i):
                value = previous[j] + sum(abs(matrix[r][i] - matrix[r][j]) for r in rows) + vertical[i]
                if value < current[i]:
                    current[i], links[i] = value, j
        best.append(current)
        came_from.append(links)
    column = min(range(m), key=lambda i: best[-1][i])
    chosen = []
    for step in range(count - 1, -1, -1):
        chosen.append(column)
        column = came_from[step][column]
    return chosen[::-1]


def best_submatrix(matrix: list[list[int]], row_count: int, column_count: int) -> tuple[list[int], list[int]]:
    """Optimal rows and columns: every choice of rows (or of columns, whichever has fewer choices, by symmetry of
    the cost under transposition) with a DP over the columns, vectorised over the row choices with numpy."""
    n, m = len(matrix), len(matrix[0])
    if math.comb(m, column_count) < math.comb(n, row_count):
        columns, rows = best_submatrix([list(column) for column in zip(*matrix)], column_count, row_count)
        return rows, columns
    values = np.array(matrix, dtype=np.float64)
    subsets = np.array(list(itertools.combinations(range(n), row_count)), dtype=np.intp)  # K × R
    vertical = np.abs(np.diff(values[subsets], axis=1)).sum(axis=1).astype(np.int64)  # K × M
    # pair_cost[k, i, j] = Σ over the rows of choice k of |a[r][i] - a[r][j]| (a float matmul is exact here: the
    # sums are far below 2^53); only j < i, column j just before column i, is ever used
    differences = np.abs(values[:, None, :] - values[:, :, None]).reshape(n, m * m)
    indicator = np.zeros((len(subsets), n))
    np.put_along_axis(indicator, subsets, 1.0, axis=1)
    pair_cost = np.rint(indicator @ differences).astype(np.int64).reshape(len(subsets), m, m)
    pair_cost[:, np.triu(np.ones((m, m), dtype=bool))] = _UNUSABLE
    best = vertical
    for _ in range(1, column_count):
        best = (best[:, None, :] + pair_cost).min(axis=2) + vertical
    choice = int(np.argmin(best.min(axis=1)))
    rows = [int(r) for r in subsets[choice]]
    return rows, _best_columns(matrix, tuple(rows), column_count)


class MinimumSumDifferenceSubmatrix(Task):
    """Given an N×M matrix, choose R rows and C columns (kept in order) so that the R×C submatrix they form has the
    smallest sum of |differences| between horizontally or vertically adjacent entries.

    N and M are uniform in [3, MAX], R in [2, N-1] and C in [2, M-1]; entries are uniform in [1, N·M]. The optimum
    is exact (every row choice, or column choice, with a DP over the other side).
    Difficulty: MAX = d + 4.
    Reward: -1 unparsable (anything but two lines of R and C integers); -0.5 for an index out of range or
    indices not strictly increasing; otherwise (optimal sum / sum)^5 (1 when both are 0).
    Answer: two lines: the chosen row indices, then the chosen column indices (0-based, increasing, separated by
    spaces).
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_side"]
        n, m = rng.randint(3, largest), rng.randint(3, largest)
        row_count, column_count = rng.randint(2, n - 1), rng.randint(2, m - 1)
        matrix = [[rng.randint(1, n * m) for _ in range(m)] for _ in range(n)]
        rows, columns = best_submatrix(matrix, row_count, column_count)
        parameters = {
            "matrix": matrix,
            "R": row_count,
            "C": column_count,
            "optimum": submatrix_cost(matrix, rows, columns),
        }
        return Instance(parameters, f"{' '.join(map(str, rows))}\n{' '.join(map(str, columns))}")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        matrix, row_count, column_count = parameters["matrix"], parameters["R"], parameters["C"]
        n, m = len(matrix), len(matrix[0])
        body = "\n".join(" ".join(map(str, row)) for row in matrix)
        return (
            f"A {n}×{m} matrix is given, one row per line (rows are numbered 0 to {n - 1}, columns 0 to {m - 1}):\n"
            f"{body}\n"
            f"Choose {row_count} rows r[1] < ... < r[{row_count}] and {column_count} columns "
            f"c[1] < ... < c[{column_count}]. They form a {row_count}×{column_count} submatrix whose entry (i, j) "
            "is the matrix entry in row r[i] and column c[j]. Make the sum of |x - y| over all pairs of entries x, y "
            "that are next to each other in the submatrix (same row and consecutive columns, or same column and "
            "consecutive rows) as small as possible.\n"
            "Write two lines: the chosen row indices on the first, the chosen column indices on the second, in "
            "increasing order and separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> tuple[list[int], list[int]]:
        """Optimal rows and columns."""
        return best_submatrix(parameters["matrix"], parameters["R"], parameters["C"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        lines = parse_int_rows(answer)
        row_count, column_count = parameters["R"], parameters["C"]
        if len(lines) != 2 or len(lines[0]) != row_count or len(lines[1]) != column_count:
            raise AnswerFormatError(f"expected a line of {row_count} row indices and a line of {column_count} columns")
        rows, columns = lines
        matrix = parameters["matrix"]
        for indices, size in ((rows, len(matrix)), (columns, len(matrix[0]))):
            if any(not 0 <= index < size for index in indices):
                return rewards.invalid("an index is out of range")
            if any(first >= second for first, second in itertools.pairwise(indices)):
                return rewards.invalid("indices must be strictly increasing")
        cost = submatrix_cost(matrix, rows, columns)
        return rewards.optimality(cost, parameters["optimum"], 5.0, minimize=True)
