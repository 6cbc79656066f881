"""XorEquationCounting: the bit walk against listing tuples (small ranges) and a Walsh–Hadamard power (any
range, exact modulo a large prime)."""

from __future__ import annotations

import functools
import itertools
import operator
import random

import numpy as np
import pytest

from rlve_gym.envs.counting.xor_equation_counting import MODULUS, XorEquationCounting, xor_tuples

TASK = XorEquationCounting()
PRIME = 2_147_483_647


def count_by_listing(n: int, low: int, high: int, target: int) -> int:
    values = range(low, high + 1)
    return sum(functools.reduce(operator.xor, chosen, 0) == target for chosen in itertools.product(values, repeat=n))


def count_by_hadamard(n: int, low: int, high: int, target: int) -> int:
    """Count mod PRIME: transform the indicator of [low, high], raise to the n-th power, transform back."""
    bits = max(high, target, 1).bit_length()
    size = 1 << bits

    def transform(values: np.ndarray) -> np.ndarray:
        values = values.copy()
        half = 1
        while half < size:
            pairs = values.reshape(-1, 2, half)
            first, second = pairs[:, 0, :].copy(), pairs[:, 1, :].copy()
            pairs[:, 0, :] = (first + second) % PRIME
            pairs[:, 1, :] = (first - second) % PRIME
            half *= 2
        return values

    indicator = np.zeros(size, dtype=np.int64)
    indicator[low : high + 1] = 1
    spectrum = transform(indicator)
    powered = np.ones(size, dtype=np.int64)
    for _ in range(n):
        powered = powered * spectrum % PRIME
    return int(transform(powered)[target]) * pow(size, -1, PRIME) % PRIME


def test_random_small_cases_against_listing() -> None:
    rng = random.Random(0)
    for _ in range(300):
        n, high = rng.randint(1, 4), rng.randint(0, 12)
        low, target = rng.randint(0, high), rng.randint(0, 16)
        assert xor_tuples(n, low, high, target) == count_by_listing(n, low, high, target), (n, low, high, target)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_hadamard(difficulty: int) -> None:
    for seed in range(5):
        p = TASK.generate(seed, difficulty).parameters
        exact = xor_tuples(p["N"], p["L"], p["R"], p["K"])
        assert exact > 0 and TASK.generate(seed, difficulty).reference_answer == str(exact % MODULUS)
        assert exact % PRIME == count_by_hadamard(p["N"], p["L"], p["R"], p["K"])


def test_hand_example_and_rewards() -> None:
    parameters = {"N": 2, "L": 1, "R": 3, "K": 0}  # (1,1) (2,2) (3,3)
    assert TASK.solve(parameters) == 3
    assert TASK.score(parameters, "3").reward == 1.0
    assert TASK.score(parameters, "10000").reward == -0.5
    assert TASK.score(parameters, "4").reward == 0.0
