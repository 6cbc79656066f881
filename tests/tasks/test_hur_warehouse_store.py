"""HURWarehouseStore: the exchange greedy against every subset of customers at small N."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.optimization.hur_warehouse_store import HURWarehouseStore, serve_most

TASK = HURWarehouseStore()


def most_by_enumeration(arrivals: list[int], demands: list[int]) -> int:
    n = len(arrivals)
    best = 0
    for mask in range(1 << n):
        stock, feasible = 0, True
        for day in range(n):
            stock += arrivals[day]
            if mask >> day & 1:
                stock -= demands[day]
                feasible &= stock >= 0
        if feasible:
            best = max(best, mask.bit_count())
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == most_by_enumeration(p["A"], p["B"]) > 0
        assert TASK.score(p, problem.reference_answer).reward == 1.0


def test_greedy_on_random_days() -> None:
    rng = random.Random(7)
    for _ in range(200):
        n = rng.randint(1, 8)
        arrivals = [rng.randint(0, 6) for _ in range(n)]
        demands = [rng.randint(1, 6) for _ in range(n)]
        days = serve_most(arrivals, demands)
        assert len(days) == most_by_enumeration(arrivals, demands)
        stock = 0
        for day in range(n):
            stock += arrivals[day] - (demands[day] if day in days else 0)
            assert stock >= 0


def test_hand_example_and_invalid_answers() -> None:
    # day 1 brings 2 (wants 2), day 2 brings 0 (wants 1), day 3 brings 1 (wants 1): at most 2 customers
    parameters = {"N": 3, "A": [2, 0, 1], "B": [2, 1, 1], "best": 2}
    assert TASK.score(parameters, "2 3").reward == 1.0
    assert TASK.score(parameters, "1").reward == pytest.approx(0.5**5)
    assert TASK.score(parameters, "").reward == 0.0
    assert TASK.score(parameters, "1 2").reward == -0.5  # nothing left on day 2
    assert TASK.score(parameters, "2 2").reward == -0.5
    assert TASK.score(parameters, "0").reward == -0.5
