"""InversionPairK_Counting: the Mahonian product against counting inversions of every permutation."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from rlve_gym.envs.counting.inversion_pair_k_counting import InversionPairK_Counting

TASK = InversionPairK_Counting()
BIG = 10**30


def inversion_histogram(n: int) -> Counter[int]:
    return Counter(
        sum(p[i] > p[j] for i in range(n) for j in range(i + 1, n)) for p in itertools.permutations(range(n))
    )


@pytest.mark.parametrize("n", range(1, 8))
def test_every_k_matches_listing(n: int) -> None:
    histogram = inversion_histogram(n)
    for k in range(n * (n - 1) // 2 + 2):
        assert TASK.solve({"N": n, "K": k, "MOD": BIG}) == histogram[k], (n, k)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        n, k, modulus = problem.parameters["N"], problem.parameters["K"], problem.parameters["MOD"]
        assert problem.reference_answer == str(inversion_histogram(n)[k] % modulus)


def test_rewards() -> None:
    parameters = {"N": 4, "K": 2, "MOD": 3}  # 5 permutations
    assert TASK.solve(parameters) == 2
    assert TASK.score(parameters, "2").reward == 1.0
    assert TASK.score(parameters, "5").reward == -0.5
    assert TASK.score(parameters, "1").reward == 0.0
