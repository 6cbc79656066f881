"""Assign a level to every grid cell, neighbours within D levels of each other, at the least total cost."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.flows import FlowNetwork
from rlve_gym.envs.common.grids import neighbours
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0


def assignment_cost(costs: list[list[list[int]]], levels: list[list[int]]) -> int:
    """∑ c(i, j, f(i, j)) over the grid."""
    return sum(costs[i][j][level] for i, row in enumerate(levels) for j, level in enumerate(row))


def cheapest_levels(costs: list[list[list[int]]], slack: int) -> list[list[int]]:
    """Levels f(i, j) ∈ [0, R) with |f(u) - f(v)| ≤ slack for edge-adjacent cells, of least total cost.

    Each cell is a chain of R arcs (arc k costs c(i, j, k)); cutting arc k sets the level to k. Infinite reverse
    chain arcs force one cut per chain, and an infinite arc from level k of a cell to level k - slack of each
    neighbour forbids levels further apart (Luogu P3227), so a minimum cut is an optimal assignment."""
    rows, columns, levels = len(costs), len(costs[0]), len(costs[0][0])
    if slack == 0:  # the grid is connected, so every cell takes the same level: no cut needed
        level = min(range(levels), key=lambda k: (sum(cell[k] for row in costs for cell in row), k))
        return [[level] * columns for _ in range(rows)]
    source, sink = rows * columns * (levels + 1), rows * columns * (levels + 1) + 1
    network = FlowNetwork(sink + 1)
    unlimited = sum(sum(sum(cell) for cell in row) for row in costs) + 1

    def node(i: int, j: int, k: int) -> int:
        return (i * columns + j) * (levels + 1) + k

    for i in range(rows):
        for j in range(columns):
            network.add_arc(source, node(i, j, 0), unlimited)
            network.add_arc(node(i, j, levels), sink, unlimited)
            for k in range(levels):
                network.add_arc(node(i, j, k), node(i, j, k + 1), costs[i][j][k])
                network.add_arc(node(i, j, k + 1), node(i, j, k), unlimited)
            for a, b in neighbours(i, j, rows, columns):
                for k in range(slack + 1, levels + 1):
                    network.add_arc(node(i, j, k), node(a, b, k - slack), unlimited)
    network.max_flow(source, sink)
    reached = network.source_side(source)
    # the source side of each chain is a prefix 0..f; its last node is the chosen level
    return [[sum(reached[node(i, j, k)] for k in range(1, levels + 1)) for j in range(columns)] for i in range(rows)]


class MinCubeAssignment(Task):
    """Give every cell (i, j) of a P×Q grid a level f(i, j) in [0, R), paying c(i, j, f(i, j)), such that
    edge-adjacent cells have levels at most D apart; minimise the total paid.

    Solved exactly as a minimum cut over one chain of R arcs per cell (Luogu P3227); the optimum is stored with
    the instance.
    Difficulty: P, Q and R uniform in [2, d + 2]; costs uniform in [1, P·Q]; D uniform in [0, R-1].
    Reward: -1 unparsable; -0.5 for a wrong shape, a level outside [0, R), or adjacent levels more than D apart;
    else (least total / total paid)^5.
    Answer: P lines of Q levels separated by spaces (row i holds f(i, 0) … f(i, Q-1)).
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_size": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_size"]
        rows, columns, levels = rng.randint(2, largest), rng.randint(2, largest), rng.randint(2, largest)
        costs = [[[rng.randint(1, rows * columns) for _ in range(levels)] for _ in range(columns)] for _ in range(rows)]
        parameters = {"costs": costs, "D": rng.randint(0, levels - 1)}
        best = self.solve(parameters)
        parameters["optimum"] = assignment_cost(costs, best)
        return Instance(parameters, "\n".join(" ".join(map(str, row)) for row in best))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        costs, slack = parameters["costs"], parameters["D"]
        rows, columns, levels = len(costs), len(costs[0]), len(costs[0][0])
        table = "\n".join(
            " ".join(f"c({i},{j},{k})={cost}" for k, cost in enumerate(costs[i][j]))
            for i in range(rows)
            for j in range(columns)
        )
        return (
            f"A grid has {rows} rows and {columns} columns (cells (i, j), numbered from 0). Give every cell a level "
            f"f(i, j), an integer in [0, {levels}). Level k for cell (i, j) costs c(i, j, k):\n{table}\n"
            f"Any two cells sharing a side must get levels differing by at most {slack}. Choose the levels so that "
            "the total cost is as small as possible.\n"
            f"Write {rows} lines of {columns} levels each, separated by spaces: line i holds f(i, 0), ..., "
            f"f(i, {columns - 1})."
        )

    def solve(self, parameters: dict[str, Any]) -> list[list[int]]:
        """A cheapest assignment (minimum cut, see `cheapest_levels`)."""
        return cheapest_levels(parameters["costs"], parameters["D"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        costs, slack = parameters["costs"], parameters["D"]
        rows, columns, levels = len(costs), len(costs[0]), len(costs[0][0])
        grid = parse_int_rows(answer)
        if len(grid) != rows or any(len(row) != columns for row in grid):
            return rewards.invalid(f"expected {rows} lines of {columns} levels")
        if any(not 0 <= level < levels for row in grid for level in row):
            return rewards.invalid(f"levels must lie in [0, {levels})")
        for i in range(rows):
            for j in range(columns):
                if any(abs(grid[i][j] - grid[a][b]) > slack for a, b in neighbours(i, j, rows, columns)):
                    return rewards.invalid(f"adjacent levels differ by more than {slack}")
        return rewards.optimality(assignment_cost(costs, grid), parameters["optimum"], _BETA, minimize=True)
