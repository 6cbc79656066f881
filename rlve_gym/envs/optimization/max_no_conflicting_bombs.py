"""Place as many bombs as possible on a grid so that no two see each other along a row or column."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import format_rows, parse_char_grid
from rlve_gym.envs.common.ladders import grown

_BETA = 3.0


def segment_labels(grid: list[str]) -> tuple[list[list[int]], list[list[int]]]:
    """For every cell, the number of its maximal horizontal run and of its vertical run of non-'#' cells
    (-1 on '#')."""
    rows, columns = len(grid), len(grid[0])
    row_label = [[-1] * columns for _ in range(rows)]
    column_label = [[-1] * columns for _ in range(rows)]
    count = 0
    for i in range(rows):
        for j in range(columns):
            if grid[i][j] != "#":
                if j == 0 or grid[i][j - 1] == "#":
                    count += 1
                row_label[i][j] = count - 1
    count = 0
    for j in range(columns):
        for i in range(rows):
            if grid[i][j] != "#":
                if i == 0 or grid[i - 1][j] == "#":
                    count += 1
                column_label[i][j] = count - 1
    return row_label, column_label


def best_bombs(grid: list[str]) -> list[tuple[int, int]]:
    """A largest set of '*' cells with no two in one horizontal or vertical run between walls: a maximum matching
    between row runs and column runs, a '*' cell being an edge (augmenting paths)."""
    row_label, column_label = segment_labels(grid)
    cells_of_run: dict[int, list[tuple[int, int, int]]] = {}
    for i, line in enumerate(grid):
        for j, cell in enumerate(line):
            if cell == "*":
                cells_of_run.setdefault(row_label[i][j], []).append((column_label[i][j], i, j))
    matched: dict[int, tuple[int, int, int]] = {}  # column run → (row run, cell row, cell column)

    def augment(start: int) -> None:
        """Depth-first search for an augmenting path from row run `start` (an explicit stack: runs can be many)."""
        seen: set[int] = set()
        stack = [(start, iter(cells_of_run[start]))]
        taken: list[tuple[int, int, int]] = []  # taken[k] = the edge leaving stack[k] along the current path
        while stack:
            for column_run, i, j in stack[-1][1]:
                if column_run in seen:
                    continue
                seen.add(column_run)
                taken.append((column_run, i, j))
                if column_run not in matched:
                    for (row_run, _), (column, row, col) in zip(stack, taken):
                        matched[column] = (row_run, row, col)
                    return
                next_row_run = matched[column_run][0]
                stack.append((next_row_run, iter(cells_of_run[next_row_run])))
                break
            else:
                stack.pop()
                if taken:
                    taken.pop()

    for row_run in sorted(cells_of_run):
        augment(row_run)
    return sorted((i, j) for _, i, j in matched.values())


class MaxNoConflictingBombs(Task):
    """Turn as many '*' cells of an N×M grid of '#', 'x' and '*' into 'B' as possible, such that no two B share
    a row or column without a '#' between them.

    Solved exactly as a maximum bipartite matching between horizontal and vertical runs of non-'#' cells
    (Luogu P2825).
    Difficulty: N and M uniform in [2, S] with S ← int(1.1·S + 1) from 3; the three cell kinds are drawn with
    per-instance weights uniform in [1, N·M].
    Reward: -1 unparsable or not N lines of M characters; -0.5 if a '#' or 'x' changes, a '*' becomes something
    other than 'B', or two B see each other; else (bombs placed / most possible)^3 (1 when none is possible).
    Answer: the grid, N lines of M characters, with the chosen '*' replaced by 'B'.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        n, m = rng.randint(2, max_side), rng.randint(2, max_side)
        weights = [rng.randint(1, n * m) for _ in range(3)]
        grid = ["".join(rng.choices("#x*", weights=weights, k=m)) for _ in range(n)]
        parameters = {"grid": grid}
        return Instance(parameters, format_rows(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["grid"]
        return (
            f"Here is a grid of {len(grid)} rows and {len(grid[0])} columns; every cell is '#', 'x' or '*':\n"
            f"{format_rows(grid)}\n"
            "Place bombs by replacing some '*' cells with 'B'. Two bombs in the same row must have at least one '#' "
            "between them, and so must two bombs in the same column ('x' cells do not separate them). Place as many "
            "bombs as possible.\n"
            f"Write the resulting grid: {len(grid)} lines of {len(grid[0])} characters without spaces, with the "
            "chosen '*' cells turned into 'B' and every other cell unchanged."
        )

    def solve(self, parameters: dict[str, Any]) -> list[str]:
        """The grid with a largest conflict-free set of bombs placed."""
        grid = [list(row) for row in parameters["grid"]]
        for i, j in best_bombs(parameters["grid"]):
            grid[i][j] = "B"
        return ["".join(row) for row in grid]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        grid = parameters["grid"]
        placed = parse_char_grid(answer, len(grid), len(grid[0]))
        for original, line in zip(grid, placed):
            for before, after in zip(original, line):
                if after != before and not (before == "*" and after == "B"):
                    return rewards.invalid("only '*' cells may change, and only into 'B'")
        row_label, column_label = segment_labels(grid)
        bombs = [(i, j) for i, line in enumerate(placed) for j, cell in enumerate(line) if cell == "B"]
        if len({row_label[i][j] for i, j in bombs}) < len(bombs) or len({column_label[i][j] for i, j in bombs}) < len(
            bombs
        ):
            return rewards.invalid("two bombs share a row or column with no '#' between them")
        return rewards.optimality(len(bombs), len(best_bombs(grid)), _BETA, minimize=False)
