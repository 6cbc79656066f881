"""MinKDivisorNumber: the exponent search against the first n with K divisors in a divisor-count sieve."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from rlve_gym.envs.math.min_k_divisor_number import MinKDivisorNumber, smallest_with_divisor_count

TASK = MinKDivisorNumber()
SIEVE_LIMIT = 1 << 18


@pytest.fixture(scope="module")
def first_with_count() -> dict[int, int]:
    counts = np.zeros(SIEVE_LIMIT + 1, dtype=np.int32)
    for divisor in range(1, SIEVE_LIMIT + 1):
        counts[divisor::divisor] += 1
    first: dict[int, int] = {}
    for n in range(SIEVE_LIMIT, 0, -1):
        first[int(counts[n])] = n
    return first


def test_every_k_whose_answer_is_in_the_sieve(first_with_count: dict[int, int]) -> None:
    assert all(k in first_with_count for k in range(1, 21))  # covers every K drawn at d ≤ 2
    for k, n in first_with_count.items():
        assert smallest_with_divisor_count(k) == n, k


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_sieve(difficulty: int, first_with_count: dict[int, int]) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(first_with_count[problem.parameters["K"]])


def test_larger_answers_have_k_divisors() -> None:
    for seed in range(6):
        problem = TASK.generate(seed, 8)
        assert sympy.divisor_count(int(problem.reference_answer)) == problem.parameters["K"]


def test_rewards() -> None:
    parameters = {"K": 6}  # 12 = 2^2 · 3: divisors 1, 2, 3, 4, 6, 12
    assert TASK.score(parameters, "12").reward == 1.0
    assert TASK.score(parameters, "18").reward == pytest.approx((12 / 18) ** 2)  # 2 · 3^2
    assert TASK.score(parameters, "32").reward == pytest.approx((12 / 32) ** 2)  # 2^5
    assert TASK.score(parameters, "16").reward == 0.0  # 5 divisors
    assert TASK.score(parameters, "0").reward == -1.0
    prime_above_trial = 1_000_003  # below 2^32: recognised as prime
    assert TASK.score({"K": 2}, str(prime_above_trial)).reward == pytest.approx((2 / prime_above_trial) ** 2)
    assert TASK.score({"K": 4}, str(4 * prime_above_trial)).reward == 0.0  # 6 divisors
    huge_prime = 2**61 - 1  # beyond the trial bound: scored 0 as documented
    assert TASK.score({"K": 2}, str(huge_prime)).reward == 0.0
