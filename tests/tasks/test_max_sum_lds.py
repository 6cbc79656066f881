"""MaxSumLDS: the preorder construction against every permutation with the given increasing profile."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.max_sum_lds import MaxSumLDS, decreasing_profile, increasing_profile

TASK = MaxSumLDS()


def brute_force(profile: list[int]) -> int:
    n = len(profile)
    return max(
        sum(decreasing_profile(list(p)))
        for p in itertools.permutations(range(1, n + 1))
        if increasing_profile(list(p)) == profile
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_against_every_permutation(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        profile = problem.parameters["A"]
        answer = list(map(int, problem.reference_answer.split()))
        assert increasing_profile(answer) == profile
        assert sum(decreasing_profile(answer)) == brute_force(profile)


def test_every_profile_of_small_permutations() -> None:
    rng = random.Random(1)
    for _ in range(40):
        n = rng.randint(1, 6)
        profile = increasing_profile(rng.sample(range(1, n + 1), n))
        answer = TASK.solve({"A": profile})
        assert increasing_profile(answer) == profile
        assert sum(decreasing_profile(answer)) == brute_force(profile)


def test_profiles_and_scoring() -> None:
    assert increasing_profile([2, 1, 3]) == [1, 1, 2]
    assert decreasing_profile([2, 1, 3]) == [2, 1, 1]
    p = {"A": [1, 1, 2]}
    # the permutations with A = 1 1 2 are 2 1 3 and 3 1 2, both with B sum 4
    assert TASK.score(p, "2 1 3").reward == 1.0
    assert TASK.score(p, "1 2 3").reward == -0.2
    for bad in ("1 2", "1 1 2", "0 1 2"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    q = {"A": [1, 2, 1, 2]}  # valid answers differ in their B sums
    best = brute_force(q["A"])
    for candidate in itertools.permutations(range(1, 5)):
        if increasing_profile(list(candidate)) == q["A"]:
            total = sum(decreasing_profile(list(candidate)))
            assert TASK.score(q, " ".join(map(str, candidate))).reward == pytest.approx((total / best) ** 5)
