"""SumSetMultiplication: interpolation against summing over every sequence."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.sum_set_multiplication import SumSetMultiplication, distinct_product_sum

TASK = SumSetMultiplication()
PRIME = 998244353


def brute_force(n: int, k: int) -> int:
    """Every ordered sequence of n distinct values from 1..k (n ≤ 4), or every set times n! for longer ones."""
    if n <= 4:
        return sum(math.prod(sequence) for sequence in itertools.permutations(range(1, k + 1), n))
    return math.factorial(n) * sum(math.prod(chosen) for chosen in itertools.combinations(range(1, k + 1), n))


def slow_dp(n: int, k: int) -> int:
    """n!·e_n(1..k) by the plain O(n·k) recurrence, exact."""
    elementary = [1] + [0] * n
    for x in range(1, k + 1):
        for j in range(n, 0, -1):
            elementary[j] += x * elementary[j - 1]
    return math.factorial(n) * elementary[n]


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_matches_enumeration(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["N"], p["K"]) % p["MOD"])


def test_interpolation_far_beyond_the_nodes() -> None:
    rng = random.Random(14)
    for _ in range(40):
        n = rng.randint(1, 8)
        k = rng.randint(n, 400)
        for prime in (101, 666623333, PRIME):  # 101 < k: K wraps around the modulus
            assert distinct_product_sum(n, k, prime) == slow_dp(n, k) % prime


def test_hand_example_and_range() -> None:
    # N = 2, K = 3: ordered pairs of distinct values: 2·(1·2 + 1·3 + 2·3) = 22
    assert distinct_product_sum(2, 3, PRIME) == 22
    p = {"N": 3, "K": 4, "MOD": PRIME}
    # 3!·(1·2·3 + 1·2·4 + 1·3·4 + 2·3·4) = 6·50
    assert TASK.score(p, "300").reward == 1.0
    assert TASK.score(p, "301").reward == 0.0
    assert TASK.score(p, str(PRIME)).reward == rewards.INVALID_SOLUTION
