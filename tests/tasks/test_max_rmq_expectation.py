"""MaxRMQExpectation: the threshold DP against the exact average over every array."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.max_rmq_expectation import MaxRMQExpectation, expected_maximum_of_minima

TASK = MaxRMQExpectation()


def exact_expectation(n: int, values: int, intervals: list[list[int]]) -> Fraction:
    total = sum(
        max(min(array[left - 1 : right]) for left, right in intervals)
        for array in itertools.product(range(1, values + 1), repeat=n)
    )
    return Fraction(total, values**n)


def as_residue(value: Fraction, modulus: int) -> int:
    return value.numerator % modulus * pow(value.denominator, -1, modulus) % modulus


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_against_every_array(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        expected = as_residue(exact_expectation(p["N"], p["X"], p["intervals"]), p["modulus"])
        assert int(problem.reference_answer) == expected


def test_random_instances() -> None:
    rng = random.Random(8)
    for _ in range(60):
        n, values = rng.randint(1, 5), rng.randint(1, 4)
        intervals = [sorted((rng.randint(1, n), rng.randint(1, n))) for _ in range(rng.randint(1, 4))]
        expected = as_residue(exact_expectation(n, values, intervals), 998244353)
        assert expected_maximum_of_minima(n, values, intervals, 998244353) == expected


def test_hand_example_and_range() -> None:
    # one interval [1, 2] over {1, 2}^2: min is 2 only for (2, 2), so E = 1 + 1/4 = 5/4
    p = {"N": 2, "X": 2, "intervals": [[1, 2]], "modulus": 998244353}
    five_quarters = 5 * pow(4, -1, 998244353) % 998244353
    assert TASK.score(p, str(five_quarters)).reward == 1.0
    assert TASK.score(p, "1").reward == 0.0
    assert TASK.score(p, "998244353").reward == rewards.INVALID_SOLUTION
