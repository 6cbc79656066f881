"""Sum_DivisorNum: the quotient-block formula against counting divisors one by one."""

from __future__ import annotations

import pytest

from rlve_gym.envs.math.sum_divisor_num import Sum_DivisorNum

TASK = Sum_DivisorNum()


def brute_force(low: int, high: int) -> int:
    return sum(sum(i % k == 0 for k in range(1, i + 1)) for i in range(low, high + 1))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4, 6])
def test_generated_instances_match_divisor_counting(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["L"], p["R"]))


def test_all_small_intervals() -> None:
    for high in range(1, 40):
        for low in range(1, high + 1):
            assert TASK.solve({"L": low, "R": high}) == brute_force(low, high)


def test_hand_examples() -> None:
    assert TASK.solve({"L": 1, "R": 6}) == 14  # 1 + 2 + 2 + 3 + 2 + 4
    assert TASK.solve({"L": 12, "R": 12}) == 6
    assert TASK.score({"L": 1, "R": 6}, "7").reward == pytest.approx(0.5**10)
    assert TASK.score({"L": 1, "R": 6}, "0").reward == -1.0
