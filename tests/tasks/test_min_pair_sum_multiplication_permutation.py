"""MinPairSumMultiplicationPermutation: the convex-hull walk against every permutation."""

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.min_pair_sum_multiplication_permutation import (
    MinPairSumMultiplicationPermutation,
    min_cost_assignment,
    min_product_permutation,
)

TASK = MinPairSumMultiplicationPermutation()


def best_product(a: list[list[int]], b: list[list[int]]) -> int:
    n = len(a)
    return min(
        sum(a[i][p[i]] for i in range(n)) * sum(b[i][p[i]] for i in range(n)) for p in itertools.permutations(range(n))
    )


def test_generated_instances_match_brute_force() -> None:
    for difficulty in (0, 1, 2, 3):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert p["optimum"] == best_product(p["A"], p["B"])
            assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_matrices_and_assignment() -> None:
    rng = random.Random(5)
    for _ in range(60):
        n = rng.randint(1, 6)
        top = rng.choice((2, 5, 30))
        a = [[rng.randint(1, top) for _ in range(n)] for _ in range(n)]
        b = [[rng.randint(1, top) for _ in range(n)] for _ in range(n)]
        permutation = min_product_permutation(a, b)
        assert sorted(permutation) == list(range(n))
        achieved = sum(a[i][permutation[i]] for i in range(n)) * sum(b[i][permutation[i]] for i in range(n))
        assert achieved == best_product(a, b)
        cheapest = min_cost_assignment(a)
        assert sum(a[i][cheapest[i]] for i in range(n)) == min(
            sum(a[i][p[i]] for i in range(n)) for p in itertools.permutations(range(n))
        )


def test_hand_example_and_rewards() -> None:
    a = [[1, 3], [3, 1]]
    b = [[3, 1], [1, 3]]  # identity: 2 × 6 = 12, swap: 6 × 2 = 12
    assert best_product(a, b) == 12
    p = {"A": [[1, 9], [9, 1]], "B": [[1, 1], [1, 1]], "optimum": 4}
    assert TASK.score(p, "0 1").reward == 1.0
    assert TASK.score(p, "1 0").reward == pytest.approx((4 / 36) ** 5)
    for bad in ("0 0", "0", "0 1 2", "1 2"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
