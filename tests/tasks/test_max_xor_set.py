"""MaxXorSet: Gaussian elimination against every subset at small N."""

from __future__ import annotations

import itertools
import random
from functools import reduce
from operator import xor

import pytest

from rlve_gym.envs.optimization.max_xor_set import MaxXorSet, max_xor_subset

TASK = MaxXorSet()


def brute_best(values: list[int]) -> int:
    return max(reduce(xor, subset, 0) for k in range(len(values) + 1) for subset in itertools.combinations(values, k))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        values = problem.parameters["A"]
        chosen = list(map(int, problem.reference_answer.split()))
        assert len(set(chosen)) == len(chosen)
        assert reduce(xor, (values[i] for i in chosen), 0) == brute_best(values)


def test_random_instances() -> None:
    rng = random.Random(3)
    for _ in range(50):
        values = [rng.randint(1, 31) for _ in range(rng.randint(1, 9))]
        best, chosen = max_xor_subset(values)
        assert best == brute_best(values) == reduce(xor, (values[i] for i in chosen), 0)


def test_ladder_matches_rlve_bit_growth() -> None:
    assert TASK.ladder(0) == {"N": 3, "bit_length": 3}
    for d in range(1, 30):
        size = TASK.ladder(d)
        assert 2 ** size["bit_length"] - 2 >= 2 * size["N"] > 2 ** (size["bit_length"] - 1) - 2


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"A": [5, 3, 6]}  # subsets XOR to 0, 5, 3, 6, 6, 3, 5, 0
    assert max_xor_subset(parameters["A"])[0] == 6
    assert TASK.score(parameters, "2").reward == 1.0
    assert TASK.score(parameters, "0 1").reward == 1.0
    assert TASK.score(parameters, "0").reward == pytest.approx((5 / 6) ** 5)
    assert TASK.score(parameters, "").reward == 0.0
    assert TASK.score(parameters, "0 0").reward == -0.5
    assert TASK.score(parameters, "3").reward == -0.5
