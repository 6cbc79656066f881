"""CleaningUp: the batch DP against every way to cut the sequence."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.cleaning_up import CleaningUp, best_batches, division_cost

TASK = CleaningUp()


def brute_force(values: list[int]) -> int:
    n = len(values)
    return min(
        division_cost(values, [end for end, cut in zip(range(1, n), mask) if cut] + [n])
        for mask in itertools.product((0, 1), repeat=n - 1)
    )


def test_dp_matches_every_division() -> None:
    rng = random.Random(8)
    for _ in range(200):
        values = [rng.randint(1, 4) for _ in range(rng.randint(1, 10))]
        assert division_cost(values, best_batches(values)) == brute_force(values)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_reference_answer_is_optimal_and_non_trivial(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        values = problem.parameters["A"]
        ends = list(map(int, problem.reference_answer.split()))
        best = brute_force(values)
        assert division_cost(values, ends) == best < min(len(values), len(set(values)) ** 2)


def test_hand_example_and_scoring() -> None:
    p = {"A": [1, 1, 2, 2, 2]}  # batches [1 1] [2 2 2] cost 2
    assert TASK.solve(p) == [2, 5]
    assert TASK.score(p, "2 5").reward == 1.0
    assert TASK.score(p, "5").reward == pytest.approx((2 / 4) ** 5)
    assert TASK.score(p, "2 4").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "3 2 5").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 5").reward == rewards.INVALID_SOLUTION
