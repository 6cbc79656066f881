"""Numbrix: planted paths are Hamiltonian; hand-made grids get the right rewards."""

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.numbrix import Numbrix, random_hamiltonian_path

TASK = Numbrix()


def test_random_paths_are_hamiltonian() -> None:
    rng = random.Random(20)
    for _ in range(40):
        rows, columns = rng.randint(1, 7), rng.randint(2, 7)
        path = random_hamiltonian_path(rng, rows, columns)
        assert sorted(path) == [(r, c) for r in range(rows) for c in range(columns)]
        assert all(abs(a[0] - b[0]) + abs(a[1] - b[1]) == 1 for a, b in itertools.pairwise(path))


def test_generated_puzzles_keep_their_solution() -> None:
    for difficulty in (0, 2, 5, 10):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            grid = problem.parameters["grid"]
            solution = [list(map(int, line.split())) for line in problem.reference_answer.split("\n")]
            assert all(g in (-1, s) for grid_row, row in zip(grid, solution) for g, s in zip(grid_row, row))
            assert any(-1 in row for row in grid)
            assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_hand_made_grids() -> None:
    p = {"grid": [[0, -1], [-1, 2]]}
    assert TASK.score(p, "0 1\n3 2").reward == 1.0
    assert TASK.score(p, "0 3\n1 2").reward == 1.0  # another valid completion
    p = {"grid": [[-1, -1], [-1, -1]]}
    assert TASK.score(p, "0 2\n1 3").reward == pytest.approx((1 / 2) ** 3)  # 1 and 2 are diagonal
    assert TASK.score(p, "0 3\n2 1").reward == pytest.approx((1 / 3) ** 3)  # 0-1 and 2-3 are diagonal
    assert TASK.score(p, "0 0\n1 2").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 1\n2 4").reward == rewards.INVALID_SOLUTION
    assert TASK.score({"grid": [[0, -1], [-1, 2]]}, "1 0\n3 2").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "0 1 2 3")
