"""Double crosses (one vertical and two horizontal bars of ones) in a 0/1 grid (HNOI 2012, Luogu P3221)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 3.0
_SMALLEST = "..1..\n.111.\n..1..\n11111\n..1.."


def _bar_pairs(upper: int, lower: int) -> int:
    """Pairs 1 ≤ u < w with u ≤ upper and w ≤ lower: Σ_(k=1)^(lower−1) min(k, upper)."""
    if lower < 2 or upper < 1:
        return 0
    shared = min(lower - 1, upper)
    return shared * (shared + 1) // 2 + (lower - 1 - shared) * upper


def count_double_crosses(rows: int, columns: int, zeros: list[list[int]]) -> int:
    """Count by centre column and bar rows: for rows x_up < x_down − 1 with the column all ones between them,
    the top end can go up the run above x_up, the bottom end down the run below x_down, and the half-lengths
    u < w are bounded by the shorter side of each row's run of ones around the column."""
    grid = [[1] * columns for _ in range(rows)]
    for x, y in zeros:
        grid[x][y] = 0
    left = [[0] * columns for _ in range(rows)]
    right = [[0] * columns for _ in range(rows)]
    above = [[0] * columns for _ in range(rows)]
    below = [[0] * columns for _ in range(rows)]
    for x in range(rows):
        for y in range(columns):
            left[x][y] = left[x][y - 1] + 1 if grid[x][y] and y else grid[x][y]
        for y in range(columns - 1, -1, -1):
            right[x][y] = right[x][y + 1] + 1 if grid[x][y] and y + 1 < columns else grid[x][y]
    for y in range(columns):
        for x in range(rows):
            above[x][y] = above[x - 1][y] + 1 if grid[x][y] and x else grid[x][y]
        for x in range(rows - 1, -1, -1):
            below[x][y] = below[x + 1][y] + 1 if grid[x][y] and x + 1 < rows else grid[x][y]
    total = 0
    for y in range(columns):
        for up in range(1, rows):
            upper_half = min(left[up][y], right[up][y]) - 1
            top_choices = above[up][y] - 1  # ones strictly above, each a possible top end
            if upper_half < 1 or top_choices < 1:
                continue
            # x_down runs over the ones continuing the column below x_up, skipping the adjacent row
            for down in range(up + 2, up + below[up][y]):
                lower_half = min(left[down][y], right[down][y]) - 1
                bottom_choices = below[down][y] - 1
                if bottom_choices >= 1:
                    total += top_choices * bottom_choices * _bar_pairs(upper_half, lower_half)
    return total


class DoubleCrossCounting(Task):
    """Count the double crosses in a 0/1 grid: a vertical bar of ones from row x_top to row x_bottom in column c,
    crossed by a horizontal bar of ones of half-length u on row x_up and one of half-length w on row x_down, with
    x_top < x_up, x_up + 1 < x_down < x_bottom and 1 ≤ u < w, both bars centred on column c.

    Difficulty: N, M uniform in [5, S], S growing as S ← int(1.1·S + 1) from 5; between 1 and ⌊NM/4⌋ cells
    (uniform) are 0, the rest 1.
    Reward: -1 unparsable or negative; otherwise (min/max)^3 of the answer and the true count (0 is right only
    when the count is 0).
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        side = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(5, side), rng.randint(5, side)
        cells = [[x, y] for x in range(rows) for y in range(columns)]
        parameters = {"N": rows, "M": columns, "zeros": rng.sample(cells, rng.randint(1, rows * columns // 4))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        rows, columns = parameters["N"], parameters["M"]
        zeros = "\n".join(f"({x}, {y})" for x, y in parameters["zeros"])
        return (
            f"An {rows} × {columns} grid (rows 0 to {rows - 1}, columns 0 to {columns - 1}) holds 1 in every cell "
            f"except these cells (row, column), which hold 0:\n{zeros}\n"
            "A double cross is given by rows x_top, x_up, x_down, x_bottom, a column c and lengths u, w with\n"
            f"- 0 ≤ x_top < x_up, x_up + 1 < x_down < x_bottom < {rows} (the bars are not on adjacent rows, and the "
            "vertical bar sticks out above and below them);\n"
            f"- 1 ≤ u < w and 0 ≤ c − w, c + w < {columns} (the upper bar is strictly shorter);\n"
            "- every cell (x, c) with x_top ≤ x ≤ x_bottom holds 1 (the vertical bar);\n"
            "- every cell (x_up, y) with c − u ≤ y ≤ c + u and every cell (x_down, y) with c − w ≤ y ≤ c + w holds 1 "
            "(the two horizontal bars, each centred on column c).\n"
            f"The smallest double cross looks like this (1 = part of the cross):\n{_SMALLEST}\n"
            "How many double crosses does the grid contain?\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of double crosses."""
        return count_double_crosses(parameters["N"], parameters["M"], parameters["zeros"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
