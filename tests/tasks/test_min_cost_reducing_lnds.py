"""MinCostReducingLNDS: the minimum cut against every subset of erased positions."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.min_cost_reducing_lnds import MinCostReducingLNDS, cheapest_erasure

TASK = MinCostReducingLNDS()


def longest(values: list[int]) -> int:
    return max(
        (
            size
            for size in range(len(values) + 1)
            for chosen in itertools.combinations(values, size)
            if list(chosen) == sorted(chosen)
        ),
        default=0,
    )


def brute_force(values: list[int], costs: list[int]) -> int:
    original = longest(values)
    best = None
    for mask in range(1 << len(values)):
        kept = [v for i, v in enumerate(values) if not mask >> i & 1]
        if longest(kept) < original:
            cost = sum(c for i, c in enumerate(costs) if mask >> i & 1)
            best = cost if best is None else min(best, cost)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_against_every_erasure(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        erased = list(map(int, problem.reference_answer.split()))
        assert TASK.score(p, problem.reference_answer).accuracy == 1
        assert sum(p["B"][i] for i in erased) == brute_force(p["A"], p["B"])


def test_random_arrays() -> None:
    rng = random.Random(17)
    for _ in range(60):
        n = rng.randint(1, 7)
        values, costs = [rng.randint(1, 4) for _ in range(n)], [rng.randint(1, 5) for _ in range(n)]
        assert sum(costs[i] for i in cheapest_erasure(values, costs)) == brute_force(values, costs)


def test_hand_example_and_invalid_answers() -> None:
    # 1 2 2 3: the only longest run is the whole array; the cheapest entry to erase is the 3
    p = {"A": [1, 2, 2, 3], "B": [4, 5, 6, 2]}
    assert TASK.solve(p) == [3]
    assert TASK.score(p, "3").reward == 1.0
    assert TASK.score(p, "0").reward == pytest.approx((2 / 4) ** 3)
    assert TASK.score(p, "").reward == -0.2
    for bad in ("3 3", "4", "-1"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
