"""RoundTableAssignment: planted seatings are valid and fill every table exactly; the verifier's branches."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.round_table_assignment import RoundTableAssignment

TASK = RoundTableAssignment()


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10])
def test_planted_seatings(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        sizes, capacity = problem.parameters["R"], problem.parameters["C"]
        rows = [[int(t) for t in line.split()] for line in problem.reference_answer.split("\n")]
        assert [len(row) for row in rows] == sizes
        assert all(len(set(row)) == len(row) for row in rows)
        seated = [sum(row.count(table) for row in rows) for table in range(len(capacity))]
        assert seated == capacity and min(capacity) >= 1


def test_hand_example_and_rewards() -> None:
    p = {"R": [2, 2], "C": [2, 1, 1]}
    assert TASK.score(p, "0 1\n0 2").reward == 1.0
    assert TASK.score(p, "1 2\n1 0").reward == pytest.approx((2 / 3) ** 5)  # table 1 holds two
    assert TASK.score(p, "0 0\n1 2").reward == rewards.INVALID_SOLUTION  # same group twice at table 0
    assert TASK.score(p, "0 1\n0 3").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 1").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 1 2\n0 2").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "0 one\n0 2")
