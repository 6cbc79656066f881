"""MinDivisionSumXor: the bitwise greedy against every division into at most K batches."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.min_division_sum_xor import MinDivisionSumXor, batch_or, least_or_division

TASK = MinDivisionSumXor()


def brute_force(values: list[int], limit: int) -> int:
    n = len(values)
    return min(
        batch_or(values, [*cuts, n])
        for size in range(min(limit, n))
        for cuts in itertools.combinations(range(1, n), size)
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4, 6])
def test_generated_instances_against_every_division(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        ends = list(map(int, problem.reference_answer.split()))
        assert TASK.score(p, problem.reference_answer).accuracy == 1
        assert batch_or(p["A"], ends) == brute_force(p["A"], p["K"])


def test_random_sequences() -> None:
    rng = random.Random(8)
    for _ in range(200):
        values = [rng.choice([0, 1, 2, 3, 4, 6, 8, 12]) for _ in range(rng.randint(1, 8))]
        limit = rng.randint(1, len(values))
        ends = least_or_division(values, limit)
        assert len(ends) <= limit and ends[-1] == len(values)
        assert batch_or(values, ends) == brute_force(values, limit)


def test_hand_example_and_invalid_answers() -> None:
    # 1 2 1 with K = 2: [1 2 | 1] → 3 | 1 = 3; [1 | 2 1] → 1 | 3 = 3; [1 2 1] → 4
    p = {"A": [1, 2, 1], "K": 2}
    assert brute_force(p["A"], 2) == 3
    assert TASK.score(p, "2 3").reward == 1.0
    assert TASK.score(p, "3").reward == pytest.approx((3 / 4) ** 5)
    for bad in ("1 2 3", "2", "2 2 3", "0 3", "3 3", "2 4"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    assert TASK.score({"A": [0, 0], "K": 2}, "2").reward == 1.0
