"""Collect the most value with K monotone walks across a grid (each cell pays out once)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.graphs import min_cost_max_flow
from rlve_gym.envs.common.ladders import stepped


def max_collected(grid: list[list[int]], walks: int) -> int:
    """The most `walks` right/down walks from the top-left to the bottom-right cell can collect together.

    Minimum-cost flow of `walks` units through split cells: one unit may collect the cell's value, the others
    pass for free. Every walk visits exactly 2N - 1 cells, so pricing a visit at (top - value) keeps costs
    non-negative and turns the largest collection into the cheapest flow."""
    n = len(grid)
    top = max(max(row) for row in grid)
    arcs: list[tuple[int, int, int, int]] = []
    for i in range(n):
        for j in range(n):
            cell_in, cell_out = 2 * (i * n + j), 2 * (i * n + j) + 1
            arcs.append((cell_in, cell_out, 1, top - grid[i][j]))
            if walks > 1:
                arcs.append((cell_in, cell_out, walks - 1, top))
            if j + 1 < n:
                arcs.append((cell_out, 2 * (i * n + j + 1), walks, 0))
            if i + 1 < n:
                arcs.append((cell_out, 2 * ((i + 1) * n + j), walks, 0))
    flow, cost, _ = min_cost_max_flow(2 * n * n, arcs, 0, 2 * n * n - 1)
    return flow * (2 * n - 1) * top - cost


class MaxGridPathIntersection(Task):
    """K times, walk from the top-left to the bottom-right cell of an N×N grid of non-negative integers, moving
    only right or down; a cell's value is collected the first time any walk steps on it. Report the largest
    total that can be collected.

    Solved exactly by minimum-cost flow on split cells (Luogu P2045).
    Difficulty: N = d + 3; K uniform in [1, N // 2]; cell values uniform in [0, N].
    Reward: -1 unparsable; else 1 if right, 0 if not.
    Answer: one integer, the largest total.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"grid": [[rng.randint(0, n) for _ in range(n)] for _ in range(n)], "K": rng.randint(1, n // 2)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid, walks = parameters["grid"], parameters["K"]
        n = len(grid)
        rows = "\n".join(" ".join(map(str, row)) for row in grid)
        return (
            f"Here is a grid of {n} × {n} non-negative integers (rows and columns numbered from 0):\n{rows}\n"
            f"You walk {walks} times from cell (0, 0) to cell ({n - 1}, {n - 1}); every step of a walk goes one "
            "cell right or one cell down. The first time any walk steps on a cell (the start and end cells "
            "included) you collect its value and the cell becomes 0, so later walks collect nothing there.\n"
            f"What is the largest total you can collect over the {walks} walks? Write it as a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The largest total (minimum-cost flow, see `max_collected`)."""
        return max_collected(parameters["grid"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))
