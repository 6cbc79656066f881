"""MinSwapTwoPermutations: the parity colouring against every subset of indices."""

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.min_swap_two_permutations import UNSUCCESSFUL, MinSwapTwoPermutations, fewest_swaps

TASK = MinSwapTwoPermutations()


def brute_force_optimum(a: list[int], b: list[int]) -> int:
    n = len(a)
    for size in range(n + 1):
        for subset in itertools.combinations(range(n), size):
            x, y = list(a), list(b)
            for i in subset:
                x[i], y[i] = y[i], x[i]
            if len(set(x)) == n and len(set(y)) == n:
                return size
    raise AssertionError("no solution")


def test_generated_instances_match_brute_force() -> None:
    for difficulty in (0, 1, 2, 3, 5):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert p["optimum"] == brute_force_optimum(p["A"], p["B"]) > 0
            assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_hand_example_and_rewards() -> None:
    a, b = [1, 1, 3], [2, 3, 2]  # swapping index 0 alone gives A = 2 1 3, B = 1 3 2
    assert fewest_swaps(a, b) == [0]
    p = {"A": a, "B": b, "optimum": 1}
    assert TASK.score(p, "0").reward == 1.0
    assert TASK.score(p, "0 2 2").reward == pytest.approx((1 / 3) ** 5)
    assert TASK.score(p, "1").reward == UNSUCCESSFUL  # A = 1 3 3
    assert TASK.score(p, "0 0").reward == UNSUCCESSFUL
    assert TASK.score(p, "3").reward == rewards.INVALID_SOLUTION
