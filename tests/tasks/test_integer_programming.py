"""IntegerProgramming: the verifier's count of satisfied rows against a direct evaluation over a box."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.integer_programming import IntegerProgramming

TASK = IntegerProgramming()


@pytest.mark.parametrize("difficulty", [0, 1])
def test_reward_matches_direct_evaluation_over_a_box(difficulty: int) -> None:
    for seed in range(3):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        n, total = p["N"], len(p["rows"])
        assert int(1.0 * n) <= total <= 2 * n
        for point in itertools.product(range(-2, 3), repeat=n):
            satisfied = 0
            for row, bound in zip(p["rows"], p["bounds"]):
                satisfied += sum(c * x for c, x in zip(row, point)) >= bound
            verdict = TASK.score(p, " ".join(map(str, point)))
            assert verdict.reward == pytest.approx((satisfied / total) ** 5)
            assert verdict.accuracy == (satisfied == total)
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_hand_example() -> None:
    # x0 + x1 ≥ 2 and -x0 ≥ -1 (x0 ≤ 1)
    p = {"N": 2, "rows": [[1, 1], [-1, 0]], "bounds": [2, -1]}
    assert TASK.score(p, "1 1").reward == 1.0
    assert TASK.score(p, "2 0").reward == pytest.approx(0.5**5)
    assert TASK.score(p, "0 0").reward == pytest.approx(0.5**5)
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "1 1 1")
