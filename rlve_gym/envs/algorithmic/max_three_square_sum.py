"""The largest total of three non-overlapping K×K squares in a grid."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import grown

_NONE = -(10**18)
"""Stands for "no square fits" in maxima (every real total is non-negative)."""


def _prefix_maxima(values: list[list[int]]) -> list[list[int]]:
    """table[r][c] = max of values[a][b] over a < r, b < c (_NONE when empty)."""
    rows, columns = len(values), len(values[0]) if values else 0
    table = [[_NONE] * (columns + 1) for _ in range(rows + 1)]
    for r in range(rows):
        for c in range(columns):
            table[r + 1][c + 1] = max(table[r][c + 1], table[r + 1][c], values[r][c])
    return table


def best_three_squares(grid: list[list[int]], k: int) -> int:
    """Largest sum of three pairwise disjoint k×k squares.

    Three disjoint axis-parallel squares can always be separated by one full cut and then one cut of a side
    (three parallel bands, or one band plus two quadrants), so the optimum is the best such pattern, built from
    band maxima and the best square inside each quadrant of every grid point.
    """
    n, m = len(grid), len(grid[0])
    prefix = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n):
        for j in range(m):
            prefix[i + 1][j + 1] = grid[i][j] + prefix[i][j + 1] + prefix[i + 1][j] - prefix[i][j]
    # square[i][j] = sum of the square with top-left corner (i, j)
    square = [
        [prefix[i + k][j + k] - prefix[i][j + k] - prefix[i + k][j] + prefix[i][j] for j in range(m - k + 1)]
        for i in range(n - k + 1)
    ]
    tops, lefts = len(square), len(square[0])

    def flipped(rows: bool, columns: bool) -> list[list[int]]:
        order_i = range(tops - 1, -1, -1) if rows else range(tops)
        order_j = range(lefts - 1, -1, -1) if columns else range(lefts)
        return [[square[i][j] for j in order_j] for i in order_i]

    # quadrant[r][c] for each corner: best square inside rows [0, r) × columns [0, c) of the (flipped) grid,
    # indexed by the number of rows and columns of the quadrant
    def quadrant(rows: bool, columns: bool) -> list[list[int]]:
        corner = _prefix_maxima(flipped(rows, columns))
        table = [[_NONE] * (m + 1) for _ in range(n + 1)]
        for r in range(k, n + 1):
            for c in range(k, m + 1):
                table[r][c] = corner[r - k + 1][c - k + 1]
        return table

    top_left, top_right = quadrant(False, False), quadrant(False, True)
    bottom_left, bottom_right = quadrant(True, False), quadrant(True, True)
    row_best = [max(row) for row in square]
    column_best = [max(square[i][j] for i in range(tops)) for j in range(lefts)]

    def band_table(best: list[int], size: int) -> list[list[int]]:
        """table[start][stop] = best square lying within lines [start, stop) of one direction."""
        table = [[_NONE] * (size + 1) for _ in range(size + 1)]
        for start in range(len(best)):
            running = _NONE
            for top in range(start, len(best)):
                running = max(running, best[top])
                table[start][top + k] = running
            for stop in range(start + k + 1, size + 1):
                table[start][stop] = max(table[start][stop], table[start][stop - 1])
        return table

    row_band, column_band = band_table(row_best, n), band_table(column_best, m)
    answer = _NONE
    for band, size in ((row_band, n), (column_band, m)):
        for first in range(k, size + 1):
            for second in range(first + k, size - k + 1):
                answer = max(answer, band[0][first] + band[first][second] + band[second][size])
    for r in range(n + 1):
        for c in range(m + 1):
            # tables are indexed by quadrant height and width measured from their own corner
            upper_left, upper_right = top_left[r][c], top_right[r][m - c]
            lower_left, lower_right = bottom_left[n - r][c], bottom_right[n - r][m - c]
            answer = max(
                answer,
                upper_left + upper_right + row_band[r][n],
                lower_left + lower_right + row_band[0][r],
                upper_left + lower_left + column_band[c][m],
                upper_right + lower_right + column_band[0][c],
            )
    return answer


class MaxThreeSquareSum(Task):
    """Choose three non-overlapping K×K squares in an N×M grid of non-negative integers to maximise the total of
    the cells they cover; report that total.

    Three disjoint squares always admit a guillotine separation, so the optimum comes from band and quadrant
    maxima in O(N·M + N² + M²) (Luogu P3625).
    Difficulty: N and M uniform in [4, S] with S ← int(1.1·S + 1) from 4; K uniform in [2, min(N, M) // 2];
    entries uniform in [0, S].
    Reward: -1 unparsable; else 1 if right, 0 if not.
    Answer: one integer, the largest total.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        n, m = rng.randint(4, max_side), rng.randint(4, max_side)
        parameters = {
            "grid": [[rng.randint(0, max_side) for _ in range(m)] for _ in range(n)],
            "K": rng.randint(2, min(n, m) // 2),
        }
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid, k = parameters["grid"], parameters["K"]
        rows = "\n".join(" ".join(map(str, row)) for row in grid)
        return (
            f"Here is a grid of {len(grid)} rows and {len(grid[0])} columns of non-negative integers:\n{rows}\n"
            f"Place three {k} × {k} squares on the grid, aligned with its cells and fully inside it, with no cell "
            "covered by two squares. What is the largest possible total of the cells covered by the three squares?\n"
            "Write that total as a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The largest total (guillotine patterns, see `best_three_squares`)."""
        return best_three_squares(parameters["grid"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))
