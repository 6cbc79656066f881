"""Fibonacci: the matrix power against iterating the recurrence."""

import random

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.registry import get_task
from rlve_gym.envs.math.fibonacci import MODULUS, recurrence_term

TASK = get_task("Fibonacci")


def _iterate(first: int, second: int, p: int, q: int, index: int) -> int:
    terms = [first, second]
    while len(terms) < index:
        terms.append((p * terms[-1] + q * terms[-2]) % MODULUS)
    return terms[index - 1] % MODULUS


def test_matrix_power_matches_iteration():
    for difficulty in (0, 1, 2, 5):
        for seed in range(8):
            p = TASK.generate(seed, difficulty).parameters
            assert TASK.solve(p) == _iterate(p["A1"], p["A2"], p["P"], p["Q"], p["N"])
    rng = random.Random(1)
    for _ in range(30):
        args = [rng.randint(0, 9999), rng.randint(0, 9999), rng.randint(1, 9999), rng.randint(1, 9999)]
        index = rng.randint(1, 400)
        assert recurrence_term(*args, index, MODULUS) == _iterate(*args, index)


def test_hand_example_and_rewards():
    parameters = {"A1": 1, "A2": 1, "P": 1, "Q": 1, "N": 10}
    assert TASK.solve(parameters) == 55
    assert TASK.score(parameters, "55").reward == 1.0
    assert TASK.score(parameters, "56").reward == 0.0
    with pytest.raises(AnswerFormatError):
        TASK.score(parameters, "fifty-five")
