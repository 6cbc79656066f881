"""Cornfield: the suffix-raise DP against trying every multiset of at most K intervals."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.optimization.cornfield import Cornfield, best_raises, longest_non_decreasing

TASK = Cornfield()


def best_by_trying_all(heights: list[int], limit: int) -> int:
    n = len(heights)
    intervals = [(low, high) for low in range(n) for high in range(low, n)]
    best = 0
    for count in range(limit + 1):
        for chosen in itertools.combinations_with_replacement(intervals, count):
            final = list(heights)
            for low, high in chosen:
                for i in range(low, high + 1):
                    final[i] += 1
            best = max(best, longest_by_subsets(final))
    return best


def longest_by_subsets(values: list[int]) -> int:
    return max(
        len(chosen)
        for size in range(1, len(values) + 1)
        for chosen in itertools.combinations(values, size)
        if all(a <= b for a, b in itertools.pairwise(chosen))
    )


def apply(heights: list[int], raises: list[list[int]]) -> list[int]:
    return [h + sum(low <= i <= high for low, high in raises) for i, h in enumerate(heights)]


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_exhaustive_search(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        heights, limit = problem.parameters["H"], problem.parameters["K"]
        best = best_by_trying_all(heights, limit)
        assert TASK.solve(problem.parameters) == best
        assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_random_arrays_and_reconstruction() -> None:
    rng = random.Random(8)
    for _ in range(30):
        n = rng.randint(1, 5)
        heights = [rng.randint(1, 8) for _ in range(n)]
        limit = rng.randint(0, 3)
        value, raises = best_raises(heights, limit)
        assert value == best_by_trying_all(heights, limit), (heights, limit)
        assert len(raises) <= limit
        assert longest_non_decreasing(apply(heights, raises)) == value
        assert longest_non_decreasing(heights) == longest_by_subsets(heights)


def test_hand_example_and_rewards() -> None:
    # 4 1 2 3 5: 1 2 3 5 is already non-decreasing, and no single raise lets the 4 join it
    parameters = {"H": [4, 1, 2, 3, 5], "K": 1}
    assert TASK.solve(parameters) == 4
    assert TASK.score(parameters, "1 4").reward == 1.0
    assert TASK.score(parameters, "").reward == 1.0  # 1 2 3 5 already has length 4
    assert TASK.score(parameters, "1 4\n1 4").reward == -0.5
    assert TASK.score(parameters, "0 5").reward == -0.5
    parameters = {"H": [2, 1], "K": 1}
    assert TASK.solve(parameters) == 2
    assert TASK.score(parameters, "1 1").reward == 1.0
    assert TASK.score(parameters, "0 0").reward == pytest.approx(0.5**5)
