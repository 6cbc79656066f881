"""Pick one cell per row, in distinct columns, minimising the K-th largest picked value."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def _matching(grid: list[list[int]], limit: int) -> list[int]:
    """A maximum matching of rows to columns through cells ≤ limit (Kuhn's augmenting paths); -1 = unmatched."""
    n, m = len(grid), len(grid[0])
    owner = [-1] * m

    def augment(row: int, seen: list[bool]) -> bool:
        """Find an augmenting path from `row`; True if the matching grew."""
        for column in range(m):
            if grid[row][column] <= limit and not seen[column]:
                seen[column] = True
                if owner[column] < 0 or augment(owner[column], seen):
                    owner[column] = row
                    return True
        return False

    for row in range(n):
        augment(row, [False] * m)
    match = [-1] * n
    for column, row in enumerate(owner):
        if row >= 0:
            match[row] = column
    return match


def best_columns(grid: list[list[int]], k: int) -> list[int]:
    """Distinct columns (0-based) per row minimising the k-th largest chosen value.

    The k-th largest is ≤ x exactly when at least N - k + 1 chosen values are ≤ x; since M ≥ N the other rows can
    always take leftover columns, so the optimum is the least x whose cells ≤ x admit a matching of N - k + 1 rows
    (binary search over the distinct values)."""
    n, m = len(grid), len(grid[0])
    needed = n - k + 1
    values = sorted({value for row in grid for value in row})
    low, high = 0, len(values) - 1
    while low < high:
        middle = (low + high) // 2
        if sum(column >= 0 for column in _matching(grid, values[middle])) >= needed:
            high = middle
        else:
            low = middle + 1
    match = _matching(grid, values[low])
    spare = iter(sorted(set(range(m)) - set(match)))
    return [column if column >= 0 else next(spare) for column in match]


def kth_largest(grid: list[list[int]], columns: list[int], k: int) -> int:
    """The k-th largest of grid[i][columns[i]] (0-based columns)."""
    return sorted((grid[i][c] for i, c in enumerate(columns)), reverse=True)[k - 1]


class MinimumUnconflictedGridKMax(Task):
    """Given an N×M grid (M ≥ N), choose for every row i a column p[i], all distinct, minimising the K-th largest
    of the chosen values A[i][p[i]].

    N is uniform in [3, MAX], M in [N, MAX], K in [1, N], values in [1, N·M]; the optimum is exact (binary search
    on the answer with bipartite matching).
    Difficulty: MAX grows as MAX ← int(1.1·MAX + 1) from 3.
    Reward: -1 unparsable; -0.5 for the wrong count, a repeated column or a column outside 1..M; otherwise
    (optimal value / value)^5.
    Answer: p[1] … p[N] (1-based columns) on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_side"]
        n = rng.randint(3, largest)
        m = rng.randint(n, largest)
        k = rng.randint(1, n)
        grid = [[rng.randint(1, n * m) for _ in range(m)] for _ in range(n)]
        columns = best_columns(grid, k)
        parameters = {"A": grid, "K": k, "optimum": kth_largest(grid, columns, k)}
        return Instance(parameters, " ".join(str(c + 1) for c in columns))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid, k = parameters["A"], parameters["K"]
        n, m = len(grid), len(grid[0])
        body = "\n".join(" ".join(map(str, row)) for row in grid)
        return (
            f"A grid A has {n} rows and {m} columns (both numbered from 1), one row per line:\n{body}\n"
            f"Choose {n} distinct column numbers p[1], p[2], ..., p[{n}] from 1 to {m}, one for each row. Among the "
            f"{n} values A[i][p[i]], sorted from largest to smallest (repeated values counted separately), look at "
            f"the one in position {k}; make it as small as possible.\n"
            f"Write p[1], p[2], ..., p[{n}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Optimal columns, 0-based."""
        return best_columns(parameters["A"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer)
        grid = parameters["A"]
        n, m = len(grid), len(grid[0])
        if len(chosen) != n or len(set(chosen)) != n or any(not 1 <= c <= m for c in chosen):
            return rewards.invalid(f"expected {n} distinct columns from 1 to {m}")
        value = kth_largest(grid, [c - 1 for c in chosen], parameters["K"])
        return rewards.optimality(value, parameters["optimum"], 5.0, minimize=True)
