"""GcdLcmCounting: the power-of-two formula against checking every pair of divisors."""

from __future__ import annotations

import math

import pytest

from rlve_gym.envs.counting.gcd_lcm_counting import GcdLcmCounting

TASK = GcdLcmCounting()


def count_by_pairs(gcd: int, lcm: int) -> int:
    values = range(1, lcm + 1)
    return sum(math.gcd(p, q) == gcd and math.lcm(p, q) == lcm for p in values for q in values)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_pairs(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        expected = count_by_pairs(problem.parameters["GCD"], problem.parameters["LCM"])
        assert problem.reference_answer == str(expected)


def test_all_small_pairs() -> None:
    for lcm in range(1, 41):
        for gcd in range(1, lcm + 1):
            assert TASK.solve({"GCD": gcd, "LCM": lcm}) == count_by_pairs(gcd, lcm), (gcd, lcm)


def test_zero_answers_are_drawn() -> None:
    zeros = [seed for seed in range(600) if TASK.generate(seed, 3).reference_answer == "0"]
    assert 0 < len(zeros) < 30  # about 1% of problems


def test_rewards() -> None:
    parameters = {"GCD": 2, "LCM": 60}  # L / G = 30 = 2·3·5
    assert TASK.solve(parameters) == 8
    assert TASK.score(parameters, "8").reward == 1.0
    assert TASK.score(parameters, "4").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "6").reward == 0.0  # not a power of two
    assert TASK.score(parameters, "0").reward == 0.0
    assert TASK.score(parameters, "-8").reward == -1.0
    assert TASK.score({"GCD": 4, "LCM": 6}, "0").reward == 1.0
    assert TASK.score({"GCD": 4, "LCM": 6}, "2").reward == 0.0
