"""StuntFlying: the nested-span arrangement against trying every array."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.stunt_flying import StuntFlying, arrangement_value, best_arrangement

TASK = StuntFlying()


def brute_force(n: int, values: list[int]) -> int:
    best = 0
    for arrangement in itertools.product(range(len(values)), repeat=n):
        total = 0
        for i, element in enumerate(arrangement):
            previous = [j for j in range(i) if arrangement[j] == element]
            total += values[element] * (i - previous[-1] if previous else 0)
        best = max(best, total)
    return best


@pytest.mark.parametrize("difficulty", [0, 1])
def test_reference_matches_exhaustive_search(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        reference = list(map(int, problem.reference_answer.split()))
        assert arrangement_value(p["C"], reference) == brute_force(p["N"], p["C"])


def test_more_shapes() -> None:
    for n, values in [(6, [3, 1]), (6, [2, 2, 5, 1]), (5, [1, 4, 4]), (6, [1, 2, 3, 4, 5, 6]), (3, [7, 1])]:
        assert arrangement_value(values, best_arrangement(n, values)) == brute_force(n, values)


def test_hand_example_and_scoring() -> None:
    p = {"N": 4, "C": [1, 5]}
    # 1 0 0 1: element 1 spans 3 (15), element 0 spans 1 (1)
    assert TASK.score(p, "1 0 0 1").reward == 1.0
    assert TASK.score(p, "1 1 1 1").reward == pytest.approx((15 / 16) ** 5)
    assert TASK.score(p, "0 1 0 1").reward == pytest.approx((12 / 16) ** 5)
    assert TASK.score(p, "1 0 1").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "1 0 2 1").reward == rewards.INVALID_SOLUTION
