"""Max_NonAdjacent_KElementSum: the prefix DP against every K-subset."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.max_non_adjacent_k_element_sum import Max_NonAdjacent_KElementSum

TASK = Max_NonAdjacent_KElementSum()


def brute_force(values: list[int], count: int) -> int:
    return max(
        sum(values[i] for i in chosen)
        for chosen in itertools.combinations(range(len(values)), count)
        if all(b - a >= 2 for a, b in itertools.pairwise(chosen))
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_match_enumeration(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == brute_force(p["A"], p["K"])
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_arrays() -> None:
    rng = random.Random(7)
    for _ in range(200):
        n = rng.randint(1, 10)
        p = {"A": [rng.randint(1, 9) for _ in range(n)], "K": rng.randint(1, (n + 1) // 2)}
        chosen = TASK.solve(p)
        assert len(chosen) == p["K"] and all(b - a >= 2 for a, b in itertools.pairwise(chosen))
        assert sum(p["A"][i] for i in chosen) == brute_force(p["A"], p["K"]), p


def test_hand_example_and_invalid_answers() -> None:
    p = {"A": [5, 9, 5, 1, 4], "K": 2, "best": 13}
    assert TASK.solve(p) == [1, 4]
    assert TASK.score(p, "4 1").reward == 1.0
    assert TASK.score(p, "0 2").reward == pytest.approx((10 / 13) ** 5)
    for bad in ("0 1", "1 1", "1", "1 3 4", "1 5"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
