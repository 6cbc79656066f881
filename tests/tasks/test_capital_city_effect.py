"""CapitalCityEffect: the digit DP against summing f(x) directly."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.capital_city_effect import CapitalCityEffect, run_score, run_score_prefix_sum

TASK = CapitalCityEffect()


def test_prefix_sums_match_direct_sums() -> None:
    running = 0
    for x in range(1, 2500):
        running += run_score(x)
        assert run_score_prefix_sum(x) == running, x
    assert run_score_prefix_sum(0) == 0


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_reference_answer_matches_direct_sum(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert int(problem.reference_answer) == sum(run_score(x) for x in range(p["L"], p["R"] + 1))


def test_hand_example_and_scoring() -> None:
    assert run_score(2334222) == 36
    assert run_score(7) == 7 and run_score(100) == 1 + 0 * 4
    p = {"L": 10, "R": 12}  # f(10) = 1, f(11) = 4, f(12) = 3
    assert TASK.solve(p) == 8
    assert TASK.score(p, "8").reward == 1.0
    assert TASK.score(p, "16").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "-8").reward == rewards.WRONG_FORMAT
