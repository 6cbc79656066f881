"""SumGCDWithIndividual: the multiplicative formula against summing the gcds."""

from __future__ import annotations

from math import gcd

import pytest

from rlve_gym.envs.math.sum_gcd_with_individual import SumGCDWithIndividual, gcd_sum

TASK = SumGCDWithIndividual()


def brute_force(n: int) -> int:
    return sum(gcd(i, n) for i in range(1, n + 1))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 8])
def test_reference_matches_direct_sum(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(brute_force(problem.parameters["N"]))


def test_every_small_n() -> None:
    assert [gcd_sum(n) for n in range(1, 1501)] == [brute_force(n) for n in range(1, 1501)]


def test_hand_example_and_scoring() -> None:
    # gcd(i, 6) for i = 1..6: 1 2 3 2 1 6 → 15
    assert TASK.solve({"N": 6}) == 15
    assert TASK.score({"N": 6}, "15").reward == 1.0
    assert TASK.score({"N": 6}, "30").reward == pytest.approx(0.5**10)
    assert TASK.score({"N": 6}, "0").reward == -1.0
