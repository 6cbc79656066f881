"""Longest_MatchingSubsequence: the chain DP against every index subset."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.longest_matching_subsequence import Longest_MatchingSubsequence

TASK = Longest_MatchingSubsequence()


def brute_force(values: list[int]) -> int:
    best = 0
    for mask in range(1 << len(values)):
        chosen = [i for i in range(len(values)) if mask >> i & 1]
        best = max(best, sum(values[i] == j for j, i in enumerate(chosen, start=1)))
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_match_enumeration(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == brute_force(p["A"])
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_arrays() -> None:
    rng = random.Random(21)
    for _ in range(150):
        n = rng.randint(1, 10)
        values = [rng.randint(1, n) for _ in range(n)]
        chosen = TASK.solve({"A": values})
        assert chosen == sorted(set(chosen)) and all(0 <= i < n for i in chosen)
        assert sum(values[i] == j for j, i in enumerate(chosen, start=1)) == brute_force(values), values


def test_hand_example_and_invalid_answers() -> None:
    p = {"A": [3, 1, 5, 2, 3], "best": 3}  # pick 1, 3, 4 -> B = 1, 2, 3
    assert TASK.score(p, "1 3 4").reward == 1.0
    assert TASK.score(p, "1").reward == pytest.approx((1 / 3) ** 5)
    assert TASK.score(p, "").reward == 0.0
    for bad in ("3 1", "1 1", "5"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
