"""MaxPermutation: the exchange-rule sort against every order."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.max_permutation import MaxPermutation

TASK = MaxPermutation()


def brute_force(numbers: list[str]) -> str:
    return max("".join(order) for order in itertools.permutations(numbers))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_against_every_order(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        numbers = problem.parameters["numbers"]
        order = list(map(int, problem.reference_answer.split()))
        assert "".join(numbers[i] for i in order) == brute_force(numbers)


def test_random_numbers() -> None:
    rng = random.Random(4)
    for _ in range(200):
        numbers = [str(rng.randint(1, 300)) for _ in range(rng.randint(1, 6))]
        assert "".join(numbers[i] for i in TASK.solve({"numbers": numbers})) == brute_force(numbers)


def test_hand_example_and_invalid_answers() -> None:
    p = {"numbers": ["12", "121", "2"]}
    # best is 2 12 121 = 212121; 2 121 12 = 212112
    assert TASK.score(p, "2 0 1").reward == 1.0
    assert TASK.score(p, "2 1 0").reward == pytest.approx((212112 / 212121) ** 5)
    for bad in ("0 1", "0 1 1", "0 1 3", "0 1 2 0"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    # equal numbers: any order of them is optimal
    assert TASK.score({"numbers": ["1", "1"]}, "1 0").reward == 1.0
