"""LIS_LDS_Concatenation: the patience-sorting solver against every index subset."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.lis_lds_concatenation import LIS_LDS_Concatenation

TASK = LIS_LDS_Concatenation()


def is_bitonic(values: list[int]) -> bool:
    return any(
        all(a < b for a, b in itertools.pairwise(values[: m + 1]))
        and all(a > b for a, b in itertools.pairwise(values[m:]))
        for m in range(len(values))
    )


def brute_force(values: list[int]) -> int:
    for size in range(len(values), 0, -1):
        for chosen in itertools.combinations(range(len(values)), size):
            if is_bitonic([values[i] for i in chosen]):
                return size
    return 0


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_enumeration(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == brute_force(p["A"])
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_arrays_with_ties() -> None:
    rng = random.Random(8)
    for _ in range(150):
        values = [rng.randint(0, 4) for _ in range(rng.randint(1, 9))]
        chosen = TASK.solve({"A": values})
        assert list(chosen) == sorted(set(chosen))
        assert is_bitonic([values[i] for i in chosen])
        assert len(chosen) == brute_force(values), values


def test_hand_example_and_invalid_answers() -> None:
    p = {"A": [1, 5, 2, 4, 3, 0], "best": 5}  # 1 2 4 3 0
    assert len(TASK.solve(p)) == 5
    assert TASK.score(p, "0 2 3 4 5").reward == 1.0
    assert TASK.score(p, "1 4 5").reward == pytest.approx((3 / 5) ** 5)
    assert TASK.score(p, "5").reward == pytest.approx((1 / 5) ** 5)
    for bad in ("", "0 0", "2 1", "0 1 2 3", "6"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
