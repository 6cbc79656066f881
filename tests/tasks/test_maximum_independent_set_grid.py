"""MaximumIndependentSetGrid: the minimum-cut selection against a row-by-row DP over selection masks."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.maximum_independent_set_grid import (
    MaximumIndependentSetGrid,
    heaviest_independent_cells,
)

TASK = MaximumIndependentSetGrid()


def profile_dp(matrix: list[list[int]]) -> int:
    """Best total over rows, each row a mask with no two adjacent bits, disjoint from the row above."""
    m = len(matrix[0])
    masks = [mask for mask in range(1 << m) if not mask & (mask >> 1)]
    best = {0: 0}
    for row in matrix:
        gain = {mask: sum(row[j] for j in range(m) if mask >> j & 1) for mask in masks}
        best = {mask: gain[mask] + max(v for above, v in best.items() if not above & mask) for mask in masks}
    return max(best.values())


def every_subset(matrix: list[list[int]]) -> int:
    cells = [(i, j) for i in range(len(matrix)) for j in range(len(matrix[0]))]
    best = 0
    for chosen in itertools.product((0, 1), repeat=len(cells)):
        picked = {cell for cell, bit in zip(cells, chosen) if bit}
        if all((i + 1, j) not in picked and (i, j + 1) not in picked for i, j in picked):
            best = max(best, sum(matrix[i][j] for i, j in picked))
    return best


def selected_total(matrix: list[list[int]], selection: list[list[int]]) -> int:
    return sum(v for row, bits in zip(matrix, selection) for v, bit in zip(row, bits) if bit)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 6])
def test_generated_instances_against_profile_dp(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        matrix = problem.parameters["matrix"]
        assert TASK.score(problem.parameters, problem.reference_answer).accuracy == 1
        assert selected_total(matrix, TASK.solve(problem.parameters)) == profile_dp(matrix)


def test_tiny_grids_against_every_subset() -> None:
    rng = random.Random(5)
    for _ in range(40):
        width = rng.randint(1, 3)
        matrix = [[rng.randint(1, 9) for _ in range(width)] for _ in range(rng.randint(1, 3))]
        assert selected_total(matrix, heaviest_independent_cells(matrix)) == every_subset(matrix) == profile_dp(matrix)


def test_hand_example_and_invalid_answers() -> None:
    p = {"matrix": [[1, 9], [9, 1]]}
    assert TASK.score(p, "01\n10").reward == 1.0
    assert TASK.score(p, "10\n01").reward == pytest.approx((2 / 18) ** 3)
    assert TASK.score(p, "00\n00").reward == 0.0
    assert TASK.score(p, "11\n00").reward == rewards.INVALID_SOLUTION
    for bad in ("01", "01\n12", "011\n100"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
