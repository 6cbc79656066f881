"""Select non-adjacent cells of a weighted grid with the largest total weight."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.flows import FlowNetwork
from rlve_gym.envs.common.grids import neighbours, parse_char_grid
from rlve_gym.envs.common.ladders import grown

_BETA = 3.0


def heaviest_independent_cells(matrix: list[list[int]]) -> list[list[int]]:
    """A 0/1 selection of pairwise non-adjacent cells with the largest total weight.

    The grid graph is bipartite (by the parity of i + j), so the lightest vertex cover is a minimum cut between
    the two colour classes (König), and the heaviest independent set is its complement: the odd cells on the
    source side of the cut plus the even cells on the sink side."""
    n, m = len(matrix), len(matrix[0])
    source, sink = n * m, n * m + 1
    network = FlowNetwork(n * m + 2)
    unlimited = sum(map(sum, matrix)) + 1
    for i in range(n):
        for j in range(m):
            cell = i * m + j
            if (i + j) % 2:
                network.add_arc(source, cell, matrix[i][j])
                for a, b in neighbours(i, j, n, m):
                    network.add_arc(cell, a * m + b, unlimited)
            else:
                network.add_arc(cell, sink, matrix[i][j])
    network.max_flow(source, sink)
    reached = network.source_side(source)
    return [[int(reached[i * m + j] == bool((i + j) % 2)) for j in range(m)] for i in range(n)]


class MaximumIndependentSetGrid(Task):
    """Select cells of an N×M grid of positive integers, no two sharing an edge, maximising the total selected.

    Solved exactly as a minimum cut on the bipartite grid graph (Luogu P2774).
    Difficulty: N and M uniform in [2, S] with S ← int(1.1·S + 1) from 3; values uniform in [1, max(N, M)].
    Reward: -1 unparsable or not N lines of M digits 0/1; -0.5 if two selected cells are adjacent; else
    (selected total / largest total)^3.
    Answer: N lines of M characters 0 or 1 without separators, 1 marking a selected cell.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_side = self.ladder(difficulty)["max_side"]
        n, m = rng.randint(2, max_side), rng.randint(2, max_side)
        parameters = {"matrix": [[rng.randint(1, max(n, m)) for _ in range(m)] for _ in range(n)]}
        return Instance(parameters, "\n".join("".join(map(str, row)) for row in self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        matrix = parameters["matrix"]
        rows = "\n".join(" ".join(map(str, row)) for row in matrix)
        return (
            f"Here is a grid of {len(matrix)} rows and {len(matrix[0])} columns of positive integers:\n{rows}\n"
            "Select some cells so that no two selected cells share a side (horizontally or vertically adjacent), "
            "making the sum of the selected values as large as possible.\n"
            f"Write {len(matrix)} lines of {len(matrix[0])} characters without spaces: 1 for a selected cell, 0 "
            "otherwise."
        )

    def solve(self, parameters: dict[str, Any]) -> list[list[int]]:
        """A heaviest selection (minimum cut, see `heaviest_independent_cells`)."""
        return heaviest_independent_cells(parameters["matrix"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        matrix = parameters["matrix"]
        n, m = len(matrix), len(matrix[0])
        grid = parse_char_grid(answer, n, m, "01")
        for i in range(n):
            for j in range(m):
                if grid[i][j] == "1" and any(grid[a][b] == "1" for a, b in neighbours(i, j, n, m)):
                    return rewards.invalid("two selected cells are adjacent")
        total = sum(matrix[i][j] for i in range(n) for j in range(m) if grid[i][j] == "1")
        best = self.solve(parameters)
        optimum = sum(matrix[i][j] for i in range(n) for j in range(m) if best[i][j])
        return rewards.optimality(total, optimum, _BETA, minimize=False)
