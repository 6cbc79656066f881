"""MaximumLexicographicalOrderSubsequence: the stack greedy against every choice of K positions."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.maximum_lexicographical_order_subsequence import (
    MaximumLexicographicalOrderSubsequence,
)

TASK = MaximumLexicographicalOrderSubsequence()


def brute_force(values: list[int], k: int) -> list[int]:
    return max([values[i] for i in chosen] for chosen in itertools.combinations(range(len(values)), k))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_against_every_choice(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert list(map(int, problem.reference_answer.split())) == brute_force(p["A"], p["K"])


def test_random_arrays() -> None:
    rng = random.Random(2)
    for _ in range(200):
        values = [rng.randint(1, 4) for _ in range(rng.randint(1, 8))]
        k = rng.randint(1, len(values))
        assert TASK.solve({"A": values, "K": k}) == brute_force(values, k)


def test_hand_example_and_invalid_answers() -> None:
    p = {"A": [3, 1, 4, 1, 5], "K": 3}
    assert TASK.solve(p) == [4, 1, 5]
    assert TASK.score(p, "4 1 5").reward == 1.0
    assert TASK.score(p, "3 4 5").reward == pytest.approx((1 / 3) ** 5)
    for bad in ("5 4 1", "4 5", "4 1 5 1", "9 1 5"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
