"""PalembangBridges: the median/split solver against trying every placement of the points in [0, N]."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.palembang_bridges import PalembangBridges, _total_cost

TASK = PalembangBridges()


def best_cost_by_search(p: dict) -> int:
    pairs = list(zip(p["S"], p["T"]))
    low, high = min(min(pair) for pair in pairs), max(max(pair) for pair in pairs)
    return min(_total_cost(pairs, list(points)) for points in itertools.product(range(low, high + 1), repeat=p["K"]))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_are_optimal(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        points = [int(x) for x in problem.reference_answer.split()]
        assert len(points) == p["K"]
        assert _total_cost(list(zip(p["S"], p["T"])), points) == best_cost_by_search(p)


def test_random_instances() -> None:
    rng = random.Random(11)
    for _ in range(150):
        n = rng.randint(3, 8)
        p = {
            "K": rng.randint(1, 2),
            "S": [rng.randint(0, 12) for _ in range(n)],
            "T": [rng.randint(0, 12) for _ in range(n)],
        }
        assert _total_cost(list(zip(p["S"], p["T"])), TASK.solve(p)) == best_cost_by_search(p)


def test_hand_example_and_rewards() -> None:
    p = {"K": 2, "S": [0, 10, 1], "T": [2, 12, 1]}  # points 1 and 11: costs 2 + 2 + 0
    assert _total_cost(list(zip(p["S"], p["T"])), TASK.solve(p)) == 4
    assert TASK.score(p, "11 1").reward == 1.0
    assert TASK.score(p, "1 10").reward == pytest.approx((4 / 4) ** 5)
    assert TASK.score(p, "0 0").reward == pytest.approx((4 / 26) ** 5)
    assert TASK.score(p, "1").reward == rewards.INVALID_SOLUTION
    assert TASK.score({"K": 1, "S": [3, 3, 3], "T": [3, 3, 3]}, "3").reward == 1.0
    assert TASK.score({"K": 1, "S": [3, 3, 3], "T": [3, 3, 3]}, "4").reward == 0.0
