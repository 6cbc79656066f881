"""FixedModK_Selection_Counting: the cyclic-convolution power against summing exact binomials."""

from __future__ import annotations

import math

import pytest

from rlve_gym.envs.counting.fixed_mod_k_selection_counting import FixedModK_Selection_Counting

TASK = FixedModK_Selection_Counting()


def brute_force(n: int, k: int, r: int, p: int) -> int:
    return sum(math.comb(n * k, m) for m in range(r, n * k + 1, k)) % p


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3, 4])
def test_generated_instances_match_binomial_sums(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["n"], p["k"], p["r"], p["p"]))


def test_small_grid() -> None:
    for n in range(1, 7):
        for k in range(2, 7):
            for r in range(k):
                for p in (2, 7, 1000, 999_983):
                    assert TASK.solve({"n": n, "k": k, "r": r, "p": p}) == brute_force(n, k, r, p)


def test_hand_example() -> None:
    # n = 2, k = 2, r = 1: C(4,1) + C(4,3) = 8
    assert TASK.solve({"n": 2, "k": 2, "r": 1, "p": 1000}) == 8
    assert TASK.score({"n": 2, "k": 2, "r": 1, "p": 5}, "3").reward == 1.0
    assert TASK.score({"n": 2, "k": 2, "r": 1, "p": 5}, "8").reward == -0.5
