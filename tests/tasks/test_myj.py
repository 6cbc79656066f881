"""MYJ: the interval DP against trying every price vector built from the customers' limits."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.optimization.myj import MYJ, best_prices, revenue

TASK = MYJ()


def best_by_enumeration(n: int, customers: list[list[int]]) -> int:
    values = sorted({c for _, _, c in customers})
    return max(revenue(list(prices), customers) for prices in itertools.product(values, repeat=n))


def test_reference_matches_enumeration() -> None:
    checked = 0
    for difficulty in (0, 1, 2):
        for seed in range(10):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            if len({c for _, _, c in p["customers"]}) ** p["N"] > 15_000:
                continue
            assert p["best"] == best_by_enumeration(p["N"], p["customers"])
            assert TASK.score(p, problem.reference_answer).reward == 1.0
            checked += 1
    assert checked >= 8


def test_dp_on_random_customers() -> None:
    rng = random.Random(9)
    for _ in range(60):
        n = rng.randint(1, 4)
        customers = []
        for _ in range(rng.randint(1, 6)):
            a, b = sorted((rng.randint(1, n), rng.randint(1, n)))
            customers.append([a, b, rng.randint(1, 7)])
        assert revenue(best_prices(n, customers), customers) == best_by_enumeration(n, customers)


def test_hand_example_and_invalid_answers() -> None:
    # customers (1, 2, 5) and (2, 3, 3): prices 5 3 9 earn 3 + 3; 5 9 3 earns 5 + 3 (best)
    parameters = {"N": 3, "customers": [[1, 2, 5], [2, 3, 3]], "best": 8}
    assert TASK.score(parameters, "5 9 3").reward == 1.0
    assert TASK.score(parameters, "5 3 9").reward == pytest.approx((6 / 8) ** 5)
    assert TASK.score(parameters, "9 9 9").reward == 0.0
    assert TASK.score(parameters, "5 9").reward == -0.5
    assert TASK.score(parameters, "5 0 3").reward == -0.5
