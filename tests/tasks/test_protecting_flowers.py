"""ProtectingFlowers: Smith's rule against trying every order."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.protecting_flowers import ProtectingFlowers, _cost

TASK = ProtectingFlowers()


def best_by_search(p: dict) -> int:
    n = len(p["T"])
    return min(_cost(p, list(order)) for order in itertools.permutations(range(1, n + 1)))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_are_optimal(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        order = [int(v) for v in problem.reference_answer.split()]
        assert _cost(problem.parameters, order) == best_by_search(problem.parameters)


def test_random_instances() -> None:
    rng = random.Random(9)
    for _ in range(100):
        n = rng.randint(1, 6)
        p = {"T": [rng.randint(1, 5) for _ in range(n)], "D": [rng.randint(1, 5) for _ in range(n)]}
        assert _cost(p, TASK.solve(p)) == best_by_search(p)


def test_hand_example_and_rewards() -> None:
    p = {"T": [3, 2, 1], "D": [1, 5, 2]}  # ratios 3, 0.4, 0.5: order 2 3 1 costs 0 + 2·2 + 3·1 = 7
    assert TASK.solve(p) == [2, 3, 1]
    assert TASK.score(p, "2 3 1").reward == 1.0
    assert TASK.score(p, "1 2 3").reward == pytest.approx((7 / 25) ** 5)  # 0 + 3·5 + 5·2
    assert TASK.score(p, "1 2 2").reward == rewards.INVALID_SOLUTION
