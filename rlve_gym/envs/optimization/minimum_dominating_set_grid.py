"""The cheapest set of grid cells dominating every cell (itself or an orthogonal neighbour selected)."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

MAX_NARROW_SIDE = 11
"""Grids with both sides longer than this are redrawn: the exact DP costs ~3^(narrow side) per cell."""
UNSUCCESSFUL = -0.2
"""Reward for distinct in-range cells that leave some cell undominated (RLVE's `unsuccessful_solution`)."""
_DRAWS = 64
_INFINITY = 1 << 30
# the status of a frontier cell: selected; not selected but dominated; not selected and not yet dominated
_SELECTED, _DOMINATED, _OPEN = 0, 1, 2


def _step(before: np.ndarray, after: np.ndarray, width: int, column: int, cost: int) -> None:
    """Decide one cell (row-major order) of a grid `width` cells wide.

    The frontier holds the `width` most recently decided cells, newest first: the current row's cells left of
    `column`, newest first, then the previous row's cells from the right end back to `column`; the oldest is the
    cell just above, which leaves the frontier now and must be dominated by then. Arrays are flattened, one base-3
    digit per frontier cell (newest most significant); the result is written into `after`."""
    if width == 1:
        above = before.copy()
        after[_SELECTED] = above.min() + cost
        after[_DOMINATED] = above[_SELECTED]
        after[_OPEN] = above[_DOMINATED]
        return
    rest = 3 ** (width - 2)
    old = before.reshape(3, rest, 3)  # (newest frontier cell, middle cells, cell above)
    new = after.reshape(3, 3, rest)  # (this cell, the previous newest, middle cells)
    cheapest = np.minimum(np.minimum(old[:, :, 0], old[:, :, 1]), old[:, :, 2])  # the cell above: anything
    if column == 0:  # the previous newest cell ended the row above: not a neighbour of this one
        np.add(cheapest, cost, out=new[_SELECTED])
        new[_DOMINATED] = old[:, :, _SELECTED]
        new[_OPEN] = old[:, :, _DOMINATED]
        return
    # selecting this cell also dominates its left neighbour (the previous newest cell)
    np.add(cheapest[_SELECTED], cost, out=new[_SELECTED, _SELECTED])
    np.minimum(cheapest[_DOMINATED], cheapest[_OPEN], out=new[_SELECTED, _DOMINATED])
    new[_SELECTED, _DOMINATED] += cost
    new[_SELECTED, _OPEN] = _INFINITY
    # not selecting it: the cell above must not be open; this cell is dominated by a selected left or top cell
    np.minimum(old[_SELECTED, :, _SELECTED], old[_SELECTED, :, _DOMINATED], out=new[_DOMINATED, _SELECTED])
    new[_DOMINATED, _DOMINATED] = old[_DOMINATED, :, _SELECTED]
    new[_DOMINATED, _OPEN] = old[_OPEN, :, _SELECTED]
    new[_OPEN, _SELECTED] = _INFINITY
    new[_OPEN, _DOMINATED] = old[_DOMINATED, :, _DOMINATED]
    new[_OPEN, _OPEN] = old[_OPEN, :, _DOMINATED]


def _predecessors(after: list[int], column: int, width: int) -> list[list[int]]:
    """The frontier states (newest first) that `_step` can turn into `after`, given the choice `after[0]` implies."""
    this, rest = after[0], after[1:]
    if width == 1:
        return {_SELECTED: [[0], [1], [2]], _DOMINATED: [[_SELECTED]], _OPEN: [[_DOMINATED]]}[this]
    left, middle = rest[0], rest[1:]
    if this == _SELECTED:
        lefts = [left] if column == 0 or left == _SELECTED else [_DOMINATED, _OPEN]
        return [[previous, *middle, above] for previous in lefts for above in (0, 1, 2)]
    if this == _DOMINATED:
        found = [[left, *middle, _SELECTED]]
        if column and left == _SELECTED:
            found.append([left, *middle, _DOMINATED])
        return found
    return [[left, *middle, _DOMINATED]] if column == 0 or left != _SELECTED else []


def _index(digits: list[int]) -> int:
    value = 0
    for digit in digits:
        value = 3 * value + digit
    return value


def cheapest_dominating_cells(costs: list[list[int]]) -> list[tuple[int, int]]:
    """An optimal dominating set (0-based cells), by a cell-by-cell frontier DP along the longer side.

    Each frontier cell is selected, dominated, or still open (to be dominated by the cell below); each step is a
    few numpy passes over the 3^width states. The set is read back row by row from stored row checkpoints,
    recomputing one row's steps at a time."""
    transposed = len(costs[0]) > len(costs)
    grid = [list(column) for column in zip(*costs)] if transposed else costs
    length, width = len(grid), len(grid[0])
    # every step writes into preallocated arrays: fresh multi-megabyte arrays per step would cost page faults
    checkpoints = np.empty((length + 1, 3**width), dtype=np.int32)  # the states at the start of every row
    checkpoints[0] = _INFINITY
    checkpoints[0, (3**width - 1) // 2] = 0  # a virtual row above: every cell dominated, none selected
    row_states = np.empty((width + 1, 3**width), dtype=np.int32)  # row_states[c]: before deciding column c
    for row in range(length):
        row_states[0] = checkpoints[row]
        for column, cost in enumerate(grid[row]):
            _step(row_states[column], row_states[column + 1], width, column, cost)
        checkpoints[row + 1] = row_states[width]
    final = checkpoints[length].reshape((3,) * width)[(slice(0, 2),) * width]  # nothing may stay open
    digits = [int(d) for d in np.unravel_index(int(np.argmin(final)), final.shape)]
    chosen = []
    for row in range(length - 1, -1, -1):
        row_states[0] = checkpoints[row]
        for column, cost in enumerate(grid[row]):
            _step(row_states[column], row_states[column + 1], width, column, cost)
        for column in range(width - 1, -1, -1):
            value = int(row_states[column + 1, _index(digits)])
            selected = digits[0] == _SELECTED
            paid = grid[row][column] if selected else 0
            if selected:
                chosen.append((row, column))
            options = _predecessors(digits, column, width)
            digits = next(d for d in options if int(row_states[column, _index(d)]) + paid == value)
    return sorted((c, r) if transposed else (r, c) for r, c in chosen)


def dominated_count(rows: int, columns: int, chosen: list[tuple[int, int]]) -> int:
    """How many cells are selected or orthogonally next to a selected cell."""
    covered = set()
    for r, c in chosen:
        for dr, dc in ((0, 0), (1, 0), (-1, 0), (0, 1), (0, -1)):
            if 0 <= r + dr < rows and 0 <= c + dc < columns:
                covered.add((r + dr, c + dc))
    return len(covered)


class Minimum_DominatingSet_Grid(Task):
    """Select distinct cells of an N×M grid with costs F[i][j] so that every cell is selected or orthogonally next
    to a selected cell, at the least total cost.

    N and M are uniform in [2, MAX] (pairs with both sides above 11 are redrawn, so the exact DP stays fast);
    costs are uniform in [1, N·M]. The optimum is exact (a cell-by-cell frontier DP over the narrow side).
    Difficulty: MAX = d + 3.
    Reward: -1 unparsable (a line that is not two integers); -0.5 for a cell out of range or listed twice; -0.2 if
    some cell is left undominated; otherwise (optimal cost / cost)^5.
    Answer: one selected cell per line, as its row and column (1-based) separated by a space, in any order.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_side"]
        for _ in range(_DRAWS):
            n, m = rng.randint(2, largest), rng.randint(2, largest)
            if min(n, m) <= MAX_NARROW_SIDE:
                break
        else:  # rare (under 0.5^64 at any d): keep the long side, draw the narrow one in range
            n, m = rng.randint(2, MAX_NARROW_SIDE), rng.randint(2, largest)
        costs = [[rng.randint(1, n * m) for _ in range(m)] for _ in range(n)]
        chosen = cheapest_dominating_cells(costs)
        parameters = {"F": costs, "optimum": sum(costs[r][c] for r, c in chosen)}
        return Instance(parameters, "\n".join(f"{r + 1} {c + 1}" for r, c in chosen))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        costs = parameters["F"]
        n, m = len(costs), len(costs[0])
        body = "\n".join(" ".join(map(str, row)) for row in costs)
        return (
            f"A grid has {n} rows and {m} columns, numbered from 1. Cell (i, j) costs F[i][j]; the costs are given "
            f"row by row:\n{body}\n"
            "Select a set of distinct cells so that every cell of the grid is selected or has a selected cell "
            "directly above, below, left or right of it. Make the total cost of the selected cells as small as "
            "possible.\n"
            "Write one selected cell per line: its row i and column j separated by a space (in any order of lines)."
        )

    def solve(self, parameters: dict[str, Any]) -> list[tuple[int, int]]:
        """An optimal set of cells (0-based)."""
        return cheapest_dominating_cells(parameters["F"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        lines = parse_int_rows(answer)
        if any(len(line) != 2 for line in lines):
            raise AnswerFormatError("every line must hold two integers: a row and a column")
        costs = parameters["F"]
        n, m = len(costs), len(costs[0])
        cells = [(r - 1, c - 1) for r, c in lines]
        if any(not (0 <= r < n and 0 <= c < m) for r, c in cells) or len(set(cells)) != len(cells):
            return rewards.invalid("cells must be distinct and inside the grid")
        if dominated_count(n, m, cells) != n * m:
            return rewards.wrong("some cell is neither selected nor next to a selected cell", reward=UNSUCCESSFUL)
        cost = sum(costs[r][c] for r, c in cells)
        return rewards.optimality(cost, parameters["optimum"], 5.0, minimize=True)
