"""RoundRobin: planted tables are valid with the stated scores; the verifier's branches on hand-made tables."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.round_robin import RoundRobin

TASK = RoundRobin()


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10])
def test_planted_tables(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        rows = problem.reference_answer.split("\n")
        n = len(rows)
        assert n == len(problem.parameters["W"])
        for i in range(n):
            assert rows[i][i] == "0"
            assert all(int(rows[i][j]) + int(rows[j][i]) == 2 for j in range(n) if j != i)
        points = [sum({"2": 3, "1": 1, "0": 0}[c] for c in row) for row in rows]
        assert points == problem.parameters["W"]


def test_hand_example_and_rewards() -> None:
    p = {"W": [6, 1, 1]}  # player 0 beats both, 1 and 2 draw
    assert TASK.score(p, "022\n001\n010").reward == 1.0
    assert TASK.score(p, "0 2 2\n0 0 1\n0 1 0").reward == 1.0
    assert TASK.score(p, "021\n002\n100").reward == pytest.approx((1 / 3) ** 5)  # scores 4, 3, 1
    assert TASK.score(p, "022\n002\n000").reward == pytest.approx((1 / 3) ** 5)  # scores 6, 3, 0
    assert TASK.score(p, "122\n001\n010").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "022\n011\n010").reward == rewards.INVALID_SOLUTION
    for bad in ("022\n001", "023\n001\n010", "0220\n001\n010"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
