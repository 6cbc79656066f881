"""WarehouseConstruction: the lowest-warehouse DP against pricing every subset of factories."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.warehouse_construction import WarehouseConstruction, plan_cost

TASK = WarehouseConstruction()


def best_by_subsets(parameters: dict) -> int:
    n = len(parameters["D"])
    costs = []
    for size in range(n + 1):
        for built in itertools.combinations(range(n), size):
            total = sum(parameters["C"][i] for i in built)
            feasible = True
            for factory in range(n):
                below = [w for w in built if w >= factory]
                if parameters["P"][factory]:
                    if not below:
                        feasible = False
                        break
                    total += parameters["P"][factory] * (parameters["D"][min(below)] - parameters["D"][factory])
            if feasible:
                costs.append(total)
    return min(costs)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_subsets(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == best_by_subsets(p) > 0
        assert plan_cost(p, [int(x) for x in problem.reference_answer.split()]) == p["best"]


def test_random_instances_with_empty_factories() -> None:
    rng = random.Random(61)
    for _ in range(60):
        n = rng.randint(1, 8)
        p = {
            "D": [0, *sorted(rng.sample(range(1, 3 * n + 1), n - 1))],
            "P": [rng.choice([0, 0, 1, 3]) for _ in range(n)],
            "C": [rng.randint(1, 6) for _ in range(n)],
        }
        built, best = TASK.solve(p)
        assert best == best_by_subsets(p) == plan_cost(p, built)


def test_hand_example_and_rewards() -> None:
    # D 0 1 5, P 2 2 0, C 10 1 10: build at 1 only, carrying 2 products one unit → 1 + 2 = 3
    p = {"D": [0, 1, 5], "P": [2, 2, 0], "C": [10, 1, 10], "best": 3}
    assert TASK.solve(p) == ([1], 3)
    assert TASK.score(p, "1").reward == 1.0
    assert TASK.score(p, "1 1").reward == pytest.approx((3 / 4) ** 5)  # a repeated index is charged again
    assert TASK.score(p, "2").reward == pytest.approx((3 / 28) ** 5)  # 10 + 2·5 + 2·4
    assert TASK.score(p, "0").reward == rewards.INVALID_SOLUTION  # factory 1's products have nowhere to go
    assert TASK.score(p, "").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "3").reward == rewards.INVALID_SOLUTION
