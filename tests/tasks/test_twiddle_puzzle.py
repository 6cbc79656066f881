"""TwiddlePuzzle: rotation direction by hand, partial credit, invalid and malformed moves, planted sequences."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.twiddle_puzzle import TwiddlePuzzle, rotate

TASK = TwiddlePuzzle()


def test_rotation_is_counterclockwise() -> None:
    grid = [[0, 1, 2], [3, 4, 5]]
    rotate(grid, 0, 1, 2)  # block 1 2 / 4 5 → 2 5 / 1 4
    assert grid == [[0, 2, 5], [3, 1, 4]]
    for _ in range(3):
        rotate(grid, 0, 1, 2)
    assert grid == [[0, 1, 2], [3, 4, 5]]


def test_hand_solved_instance_and_rewards() -> None:
    p = {"K": 2, "start_grid": [[0, 1, 2], [3, 4, 5]], "destination_grid": [[0, 2, 5], [3, 1, 4]]}
    assert TASK.score(p, "0 1").reward == 1.0
    assert TASK.score(p, "0 1\n0 1\n0 1\n0 1\n0 1").reward == 1.0
    assert TASK.score(p, "").reward == pytest.approx((2 / 6) ** 5)  # only 0 and 3 are already in place
    assert TASK.score(p, "0 2").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "-1 0").reward == rewards.INVALID_SOLUTION
    for malformed in ("0 1 2", "0", "0 x"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, malformed)


@pytest.mark.parametrize("difficulty", [0, 4, 10])
def test_planted_moves_reach_the_target(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        grid = [row[:] for row in p["start_grid"]]
        for line in problem.reference_answer.split("\n"):
            i, j = map(int, line.split())
            rotate(grid, i, j, p["K"])
        assert grid == p["destination_grid"]
        assert 2 <= len(problem.reference_answer.split("\n")) <= 10
