"""GridColoringCounting: the row/column block DP against colouring cell by cell with backtracking."""

from __future__ import annotations

import math
import random

import pytest

from rlve_gym.envs.counting.grid_coloring_counting import GridColoringCounting, grid_colorings

TASK = GridColoringCounting()
BIG = 10**15 + 37


def count_by_backtracking(rows: int, columns: int, counts: list[int]) -> int:
    """Visit cells in order; each stays blank or takes a colour its row and column do not contradict."""
    cells = [(r, c) for r in range(rows) for c in range(columns)]
    used = [0] * len(counts)
    row_colour, row_cells = [-1] * rows, [0] * rows
    column_colour, column_cells = [-1] * columns, [0] * columns
    still_needed = sum(counts)

    def place(index: int) -> int:
        nonlocal still_needed
        if still_needed > len(cells) - index:
            return 0
        if index == len(cells):
            return 1
        r, c = cells[index]
        total = place(index + 1)
        for colour, quota in enumerate(counts):
            if used[colour] < quota and row_colour[r] in (-1, colour) and column_colour[c] in (-1, colour):
                row_colour[r] = column_colour[c] = colour
                row_cells[r] += 1
                column_cells[c] += 1
                used[colour] += 1
                still_needed -= 1
                total += place(index + 1)
                still_needed += 1
                used[colour] -= 1
                row_cells[r] -= 1
                column_cells[c] -= 1
                if not row_cells[r]:
                    row_colour[r] = -1
                if not column_cells[c]:
                    column_colour[c] = -1
        return total

    return place(0)


def placements_bound(rows: int, columns: int, counts: list[int]) -> int:
    """Ways to put the coloured cells anywhere, ignoring the row/column rule (bounds the backtracking)."""
    cells, bound = rows * columns, 1
    if sum(counts) > cells:
        return 0
    for count in counts:
        bound *= math.comb(cells, count)
        cells -= count
    return bound


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_backtracking(difficulty: int) -> None:
    checked = 0
    for seed in range(30):
        problem = TASK.generate(seed, difficulty)
        rows, columns, counts, modulus = (problem.parameters[key] for key in ("N", "M", "X", "MOD"))
        if placements_bound(rows, columns, counts) <= 3000:
            exact = count_by_backtracking(rows, columns, counts)
            assert problem.reference_answer == str(exact % modulus)
            checked += 1
    assert checked >= 8


def test_random_small_grids_exactly() -> None:
    rng = random.Random(9)
    nonzero = 0
    for _ in range(60):
        rows, columns = rng.randint(1, 4), rng.randint(1, 4)
        counts = [rng.randint(1, 3) for _ in range(rng.randint(1, 3))]
        if placements_bound(rows, columns, counts) > 20_000:
            continue
        exact = count_by_backtracking(rows, columns, counts)
        nonzero += exact > 0
        assert grid_colorings(rows, columns, counts, BIG) == exact, (rows, columns, counts)
    assert nonzero >= 10


def test_hand_examples_and_rewards() -> None:
    assert grid_colorings(2, 2, [1, 1], BIG) == 4  # opposite corners, either diagonal, colours in 2 orders
    assert grid_colorings(3, 3, [4], BIG) == math.comb(9, 4)  # one colour: any cells
    parameters = {"N": 2, "M": 2, "X": [1, 1], "MOD": 3}
    assert TASK.score(parameters, "1").reward == 1.0
    assert TASK.score(parameters, "4").reward == -0.5
    assert TASK.score(parameters, "2").reward == 0.0
