"""BubbleSwapLowerBound_PermutationCounting: the prefix DP against simulating bubble sort on every permutation."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.bubble_swap_lower_bound_permutation_counting import (
    BubbleSwapLowerBound_PermutationCounting,
)

TASK = BubbleSwapLowerBound_PermutationCounting()


def meets_bound(permutation: tuple[int, ...]) -> bool:
    p = list(permutation)
    swaps = 0
    for _ in range(len(p)):
        for j in range(len(p) - 1):
            if p[j] > p[j + 1]:
                p[j], p[j + 1] = p[j + 1], p[j]
                swaps += 1
    return 2 * swaps == sum(abs(i - value) for i, value in enumerate(permutation, start=1))


def count_by_simulation(given: list[int]) -> int:
    n = len(given)
    return sum(p > tuple(given) and meets_bound(p) for p in itertools.permutations(range(1, n + 1)))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_simulation(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(count_by_simulation(problem.parameters["P"]))


def test_every_permutation_of_five() -> None:
    for given in itertools.permutations(range(1, 6)):
        assert TASK.solve({"P": list(given)}) == count_by_simulation(list(given))


def test_random_permutations_of_seven() -> None:
    rng = random.Random(1)
    good = [p for p in itertools.permutations(range(1, 8)) if meets_bound(p)]
    assert len(good) == 429  # Catalan(7): bubble sort meets the bound exactly on 321-avoiding permutations
    for _ in range(10):
        given = rng.sample(range(1, 8), 7)
        assert TASK.solve({"P": given}) == sum(p > tuple(given) for p in good)


def test_hand_example_and_rewards() -> None:
    parameters = {"P": [1, 2, 3]}  # all 5 other 321-avoiding permutations of 3 are greater
    assert TASK.solve(parameters) == 4
    assert TASK.score(parameters, "4").reward == 1.0
    assert TASK.score(parameters, "2").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "-1").reward == -1.0
