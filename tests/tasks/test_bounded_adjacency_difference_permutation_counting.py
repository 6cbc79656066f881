"""BoundedAdjacencyDifference_Permutation_Counting: the insertion DP against enumerating permutations."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.bounded_adjacency_difference_permutation_counting import (
    BoundedAdjacencyDifference_Permutation_Counting,
    bounded_difference_permutations,
)

TASK = BoundedAdjacencyDifference_Permutation_Counting()


def brute_force(n: int, k: int) -> int:
    return sum(
        all(abs(a - b) <= k for a, b in itertools.pairwise(perm)) for perm in itertools.permutations(range(1, n + 1))
    )


@pytest.mark.parametrize("n", range(1, 9))
def test_dp_matches_enumeration(n: int) -> None:
    for k in range(1, 6):
        assert bounded_difference_permutations(n, k) == brute_force(n, k)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3, 4])
def test_reference_answer_matches_enumeration(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert 2 <= p["K"] <= min(4, p["N"] - 2)
        assert int(problem.reference_answer) == brute_force(p["N"], p["K"])


def test_scoring() -> None:
    p = {"N": 4, "K": 2}  # 1324-style: 12 of the 24 permutations
    assert TASK.solve(p) == brute_force(4, 2)
    gold = TASK.solve(p)
    assert TASK.score(p, str(gold)).reward == 1.0
    assert TASK.score(p, str(2 * gold)).reward == pytest.approx(0.5**10)
    assert TASK.score(p, "-1").reward == rewards.WRONG_FORMAT
