"""LandformGenerationCounting: the per-height DP against checking every permutation."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.landform_generation_counting import LandformGenerationCounting

TASK = LandformGenerationCounting()


def brute_force(heights: list[int], limits: list[int]) -> int:
    sequences = set()
    for order in itertools.permutations(range(len(heights))):
        if all(
            sum(heights[order[j]] > heights[order[i]] for j in range(i)) < limits[order[i]] for i in range(len(order))
        ):
            sequences.add(tuple(heights[i] for i in order))
    return len(sequences)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_permutations(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["H"], p["C"]) % p["MOD"])


def test_random_instances_including_infeasible() -> None:
    rng = random.Random(6)
    for _ in range(60):
        n = rng.randint(1, 6)
        heights = [rng.randint(1, 3) for _ in range(n)]
        limits = [rng.randint(1, n) for _ in range(n)]
        expected = brute_force(heights, limits)
        assert TASK.solve({"H": heights, "C": limits, "MOD": 10**9}) == expected, (heights, limits)


def test_hand_examples() -> None:
    # heights 2, 1, 1 with limits 1, 1, 2: the first 1 (C = 1) must stand before the 2, the other 1 anywhere;
    # the height sequences are 1 2 1 and 1 1 2
    assert TASK.solve({"H": [2, 1, 1], "C": [1, 1, 2], "MOD": 100}) == 2
    assert TASK.solve({"H": [3, 3], "C": [1, 1], "MOD": 100}) == 1
    assert TASK.score({"H": [3, 3], "C": [1, 1], "MOD": 100}, "100").reward == -0.5
