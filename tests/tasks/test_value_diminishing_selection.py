"""ValueDiminishingSelection: the sorted DP against trying every ordered selection."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.value_diminishing_selection import ValueDiminishingSelection, selection_gain

TASK = ValueDiminishingSelection()


def best_by_enumeration(values: list[int], factors: list[int]) -> int:
    n = len(values)
    return max(
        selection_gain(values, factors, list(order))
        for k in range(n + 1)
        for order in itertools.permutations(range(n), k)
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_enumeration(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == best_by_enumeration(p["W"], p["R"])
        chosen = [int(x) for x in problem.reference_answer.split()]
        assert chosen and selection_gain(p["W"], p["R"], chosen) == p["best"]


def test_random_instances_including_all_zero_values() -> None:
    rng = random.Random(41)
    for trial in range(40):
        n = rng.randint(1, 6)
        values = [0] * n if trial % 8 == 0 else [rng.randint(0, 10) for _ in range(n)]
        factors = [rng.randint(1, 5) for _ in range(n)]
        chosen = TASK.solve({"W": values, "R": factors})
        assert chosen and selection_gain(values, factors, chosen) == best_by_enumeration(values, factors)


def test_hand_example_and_rewards() -> None:
    # W = 5, 5 and R = 4, 1: pick 1 then 0 → 5 + (5 − 1) = 9; the other order gives 5 + 1 = 6
    p = {"W": [5, 5], "R": [4, 1], "best": 9}
    assert TASK.solve(p) == [1, 0]
    assert TASK.score(p, "1 0").reward == 1.0
    assert TASK.score(p, "0 1").reward == pytest.approx((6 / 9) ** 5)
    assert TASK.score(p, "").reward == 0.0
    for bad in ("0 0", "2", "-1"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
