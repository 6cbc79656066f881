"""SumProductDivisorNum: the Möbius formula against counting divisors of every product."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.math.sum_product_divisor_num import SumProductDivisorNum, sum_product_divisor_counts

TASK = SumProductDivisorNum()


def divisor_counts(limit: int) -> list[int]:
    counts = [0] * (limit + 1)
    for k in range(1, limit + 1):
        for multiple in range(k, limit + 1, k):
            counts[multiple] += 1
    return counts


def brute_force(n: int, m: int) -> int:
    counts = divisor_counts(n * m)
    return sum(counts[i * j] for i in range(1, n + 1) for j in range(1, m + 1))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3, 5])
def test_generated_instances_match_divisor_counting(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["N"], p["M"]))


def test_random_pairs_and_the_sublinear_branch() -> None:
    rng = random.Random(13)
    for _ in range(20):
        n, m = rng.randint(1, 40), rng.randint(1, 40)
        expected = brute_force(n, m)
        assert sum_product_divisor_counts(n, m) == expected
        assert sum_product_divisor_counts(n, m, sieve_limit=2) == expected  # forces the Mertens recursion


def test_hand_examples() -> None:
    # d(1), d(2), d(2), d(4) = 1 + 2 + 2 + 3
    assert sum_product_divisor_counts(2, 2) == 8
    assert TASK.score({"N": 2, "M": 2}, "8").reward == 1.0
    assert TASK.score({"N": 2, "M": 2}, "4").reward == pytest.approx(0.5**10)
    assert TASK.score({"N": 2, "M": 2}, "0").reward == -1.0
