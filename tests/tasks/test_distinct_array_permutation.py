"""DistinctArrayPermutation: the subset-sum closure against listing every proper subset, on every permutation
of small arrays; the planted permutation is always accepted."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.puzzle.distinct_array_permutation import DistinctArrayPermutation, has_zero_sum_subset

TASK = DistinctArrayPermutation()


def valid_by_listing(values: list[int], permuted: list[int]) -> bool:
    n = len(values)
    return all(
        sum(values[i] for i in subset) != sum(permuted[i] for i in subset)
        for size in range(1, n)
        for subset in itertools.combinations(range(n), size)
    )


def test_closure_matches_listing_on_every_permutation() -> None:
    rng = random.Random(1)
    for n in range(2, 7):
        values = rng.sample(range(2 * n + 3), n)
        for permuted in itertools.permutations(values):
            expected = valid_by_listing(values, list(permuted))
            assert (not has_zero_sum_subset([a - b for a, b in zip(values, permuted)])) == expected
            assert (TASK.score({"A": values}, " ".join(map(str, permuted))).reward == 1.0) == expected


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10, 40])
def test_planted_permutation_is_accepted(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        values = problem.parameters["A"]
        permuted = list(map(int, problem.reference_answer.split()))
        if len(values) <= 12:
            assert valid_by_listing(values, permuted)
        assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_hand_made_answers() -> None:
    parameters = {"A": [0, 3, 1]}
    assert TASK.score(parameters, "1 0 3").reward == 1.0  # each to the next larger, 3 to 0
    assert TASK.score(parameters, "0 1 3").reward == 0.0  # position 1 keeps its value
    assert TASK.score(parameters, "0 3 2").reward == -0.5
    assert TASK.score(parameters, "0 3").reward == -0.5
