"""DerangementExtension: binomial times derangements against counting fixed points of every permutation."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.counting.derangement_extension import DerangementExtension

TASK = DerangementExtension()


def count_by_listing(n: int, fixed: int) -> int:
    return sum(sum(p[i] == i for i in range(n)) == fixed for p in itertools.permutations(range(n)))


def test_every_n_up_to_7() -> None:
    for n in range(0, 8):
        for fixed in range(n + 1):
            exact = count_by_listing(n, fixed)
            assert TASK.solve({"N": n, "M": fixed, "MOD": 10**9 + 7}) == exact, (n, fixed)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(count_by_listing(p["N"], p["M"]) % p["MOD"])


def test_large_n_modulo_and_rewards() -> None:
    # D(20) = 895014631192902121
    assert TASK.solve({"N": 20, "M": 0, "MOD": 998244353}) == 895014631192902121 % 998244353
    parameters = {"N": 5, "M": 2, "MOD": 998244353}  # C(5, 2) · D(3) = 10 · 2
    assert TASK.score(parameters, "20").reward == 1.0
    assert TASK.score(parameters, "21").reward == 0.0
    assert TASK.score(parameters, "-1").reward == -0.5
