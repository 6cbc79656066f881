"""RangeConstrained_IncreasingSequence_Counting: the segment DP against listing sequences and a DP over values."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.range_constrained_increasing_sequence_counting import (
    RangeConstrained_IncreasingSequence_Counting,
)

TASK = RangeConstrained_IncreasingSequence_Counting()
MOD = 10**9 + 7


def count_by_listing(lows: list[int], highs: list[int]) -> int:
    choices = [[0, *range(low, high + 1)] for low, high in zip(lows, highs)]
    total = 0
    for sequence in itertools.product(*choices):
        non_zero = [v for v in sequence if v]
        total += bool(non_zero) and all(a < b for a, b in itertools.pairwise(non_zero))
    return total


def count_by_values(lows: list[int], highs: list[int]) -> int:
    """ways[v]: sequences so far whose last non-zero value is v (v = 0: none), updated position by position."""
    top = max(highs)
    ways = [1] + [0] * top
    for low, high in zip(lows, highs):
        below = list(itertools.accumulate(ways))  # below[v] = ∑_{u ≤ v} ways[u]
        for v in range(low, high + 1):
            ways[v] += below[v - 1]
    return sum(ways[1:])


def test_listing_agrees_with_value_dp() -> None:
    rng = random.Random(2)
    for _ in range(100):
        n = rng.randint(1, 4)
        lows = [rng.randint(1, 6) for _ in range(n)]
        highs = [rng.randint(low, 6) for low in lows]
        assert count_by_listing(lows, highs) == count_by_values(lows, highs)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5, 10])
def test_generated_instances_match_value_dp(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(count_by_values(p["L"], p["R"]) % MOD)


def test_random_wide_ranges() -> None:
    rng = random.Random(8)
    for _ in range(100):
        n = rng.randint(1, 8)
        lows = [rng.randint(1, 60) for _ in range(n)]
        highs = [rng.randint(low, 60) for low in lows]
        assert TASK.solve({"L": lows, "R": highs}) == count_by_values(lows, highs) % MOD


def test_hand_example_and_rewards() -> None:
    p = {"L": [1, 1], "R": [2, 2]}  # (1,0) (2,0) (0,1) (0,2) (1,2)
    assert TASK.solve(p) == 5
    assert TASK.score(p, "5").reward == 1.0
    assert TASK.score(p, "4").reward == 0.0
    assert TASK.score(p, str(MOD)).reward == -0.5
