"""MaximumDivisor: binary search against trying every L."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.optimization.maximum_divisor import MaximumDivisor

TASK = MaximumDivisor()


def best_by_trying_all(lengths: list[int], target: int) -> int:
    return max(divisor for divisor in range(1, max(lengths) + 1) if sum(a // divisor for a in lengths) >= target)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_exhaustive_search(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        lengths, target = problem.parameters["A"], problem.parameters["K"]
        assert sum(lengths) >= target
        assert problem.reference_answer == str(best_by_trying_all(lengths, target))


def test_random_small_arrays() -> None:
    rng = random.Random(3)
    for _ in range(300):
        lengths = [rng.randint(1, 30) for _ in range(rng.randint(1, 6))]
        target = rng.randint(1, sum(lengths))
        assert TASK.solve({"A": lengths, "K": target}) == best_by_trying_all(lengths, target)


def test_hand_examples_and_rewards() -> None:
    parameters = {"A": [7, 9, 4], "K": 5}  # L = 3: 2 + 3 + 1 = 6; L = 4: 1 + 2 + 1 = 4
    assert TASK.solve(parameters) == 3
    assert TASK.score(parameters, "3").reward == 1.0
    assert TASK.score(parameters, "2").reward == pytest.approx((2 / 3) ** 5)
    assert TASK.score(parameters, "4").reward == -0.5
    assert TASK.score(parameters, "0").reward == -1.0
