"""Change the fewest arrows of a wrap-around arrow grid so that every cell lies on a cycle."""

from __future__ import annotations

import heapq
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.grids import parse_char_grid
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
MOVES = {"L": (0, -1), "R": (0, 1), "U": (-1, 0), "D": (1, 0)}


def _target(rows: int, columns: int, cell: int, direction: str) -> int:
    row, column = divmod(cell, columns)
    dr, dc = MOVES[direction]
    return ((row + dr) % rows) * columns + (column + dc) % columns


def fewest_changes_grid(grid: list[str]) -> list[str]:
    """A grid with the fewest changed arrows in which every cell has exactly one arrow pointing into it.

    Every cell then lies on a cycle (the arrows form a permutation of the cells). Choosing each cell's arrow is an
    assignment of cells to their 4 neighbours, costing 0 for the current arrow and 1 otherwise: a min-cost perfect
    matching, solved from the greedy matching of current arrows by successive shortest augmenting paths (Dijkstra
    with potentials, all unmatched cells as sources).
    """
    rows, columns = len(grid), len(grid[0])
    n = rows * columns
    options: list[dict[int, tuple[int, str]]] = []  # per cell: target -> (cost, an arrow reaching it)
    for cell in range(n):
        current = grid[cell // columns][cell % columns]
        reach: dict[int, tuple[int, str]] = {}
        for direction in "LRUD":
            target = _target(rows, columns, cell, direction)
            cost = 0 if direction == current else 1
            if target not in reach or cost < reach[target][0]:
                reach[target] = (cost, direction)
        options.append(reach)
    match_cell, match_target = [-1] * n, [-1] * n
    for cell in range(n):
        target = _target(rows, columns, cell, grid[cell // columns][cell % columns])
        if match_target[target] < 0:
            match_cell[cell], match_target[target] = target, cell
    potential_cell, potential_target = [0] * n, [0] * n
    infinity = 4 * n + 4
    for _ in range(match_cell.count(-1)):
        dist_cell, dist_target = [infinity] * n, [infinity] * n
        parent = [-1] * n  # for a target: the cell it was reached from
        heap = []
        for cell in range(n):
            if match_cell[cell] < 0:
                dist_cell[cell] = 0
                heap.append((0, 0, cell))  # (distance, 0 = cell / 1 = target, index)
        heapq.heapify(heap)
        done_cell, done_target = [False] * n, [False] * n
        reached = -1
        while heap:
            dist, kind, node = heapq.heappop(heap)
            if kind == 0:
                if done_cell[node]:
                    continue
                done_cell[node] = True
                for target, (cost, _) in options[node].items():
                    if target == match_cell[node]:
                        continue
                    candidate = dist + cost + potential_cell[node] - potential_target[target]
                    if candidate < dist_target[target]:
                        dist_target[target], parent[target] = candidate, node
                        heapq.heappush(heap, (candidate, 1, target))
            else:
                if done_target[node]:
                    continue
                done_target[node] = True
                owner = match_target[node]
                if owner < 0:
                    reached = node
                    break
                candidate = dist - options[owner][node][0] + potential_target[node] - potential_cell[owner]
                if candidate < dist_cell[owner]:
                    dist_cell[owner] = candidate
                    heapq.heappush(heap, (candidate, 0, owner))
        limit = dist_target[reached]
        for i in range(n):
            potential_cell[i] += min(dist_cell[i], limit)
            potential_target[i] += min(dist_target[i], limit)
        target = reached
        while target >= 0:  # flip the augmenting path
            cell = parent[target]
            previous = match_cell[cell]
            match_cell[cell], match_target[target] = target, cell
            target = previous
    arrows = [options[cell][match_cell[cell]][1] for cell in range(n)]
    return ["".join(arrows[r * columns : (r + 1) * columns]) for r in range(rows)]


def all_on_cycles(grid: list[str]) -> bool:
    """True iff every cell has exactly one arrow pointing into it."""
    rows, columns = len(grid), len(grid[0])
    incoming = [0] * (rows * columns)
    for cell in range(rows * columns):
        incoming[_target(rows, columns, cell, grid[cell // columns][cell % columns])] += 1
    return all(count == 1 for count in incoming)


def changes(grid: list[str], original: list[str]) -> int:
    """Cells whose arrow differs."""
    return sum(a != b for row, old in zip(grid, original, strict=True) for a, b in zip(row, old, strict=True))


class CirculatingGrid(Task):
    """An R × C grid of arrows L, R, U, D moves from each cell to a neighbour, wrapping around the edges. Change as
    few arrows as possible so that from every cell one can walk the arrows back to it (every cell on a cycle).

    Difficulty: R and C uniform in [2, MAX], MAX = d + 3; arrows drawn with per-instance weights uniform in
    [1, R·C].
    Reward: -1 unparsable (wrong shape or a character other than L, R, U, D); -0.5 if some cell is not on a cycle;
    otherwise (fewest changes / changes made)^5 (1 when no change is needed and none is made).
    Answer: R lines of C characters L, R, U or D, without separators.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_side"]
        rows, columns = rng.randint(2, largest), rng.randint(2, largest)
        weights = [rng.randint(1, rows * columns) for _ in MOVES]
        grid = ["".join(rng.choices("LRUD", weights=weights)[0] for _ in range(columns)) for _ in range(rows)]
        parameters: dict[str, Any] = {"grid": grid}
        solution = self.solve(parameters)
        parameters["fewest_changes"] = changes(solution, grid)
        return Instance(parameters, "\n".join(solution))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        grid = parameters["grid"]
        rows, columns = len(grid), len(grid[0])
        body = "\n".join(grid)
        return (
            f"Each cell (i, j) of this {rows} x {columns} grid (0 ≤ i < {rows}, 0 ≤ j < {columns}) holds an arrow: "
            f"L moves to (i, (j − 1) mod {columns}), R to (i, (j + 1) mod {columns}), U to ((i − 1) mod {rows}, j) "
            f"and D to ((i + 1) mod {rows}, j), where −1 mod n = n − 1. The grid:\n{body}\n"
            "Change as few arrows as possible so that, starting from any cell and following the arrows, you "
            "eventually come back to that cell (standing still at the start does not count).\n"
            f"Write the new grid as {rows} lines of {columns} characters (L, R, U or D), without separators."
        )

    def solve(self, parameters: dict[str, Any]) -> list[str]:
        """A grid with every cell on a cycle and the fewest changes."""
        return fewest_changes_grid(parameters["grid"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        original = parameters["grid"]
        grid = parse_char_grid(answer, len(original), len(original[0]), "LRUD")
        if not all_on_cycles(grid):
            return rewards.invalid("some cell is not on a cycle (it has no arrow, or several, pointing into it)")
        return rewards.optimality(changes(grid, original), parameters["fewest_changes"], _BETA, minimize=True)
