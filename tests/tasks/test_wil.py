"""WIL: the left-end sweep against trying every zeroed interval with every target interval."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.wil import WIL

TASK = WIL()


def best_by_enumeration(values: list[int], zero_length: int, budget: int) -> int:
    n = len(values)
    best = 0
    for l1 in range(1, n + 1):
        for r1 in range(l1, min(n, l1 + zero_length - 1) + 1):
            zeroed = [0 if l1 <= i <= r1 else v for i, v in enumerate(values, start=1)]
            for l2 in range(1, n + 1):
                for r2 in range(l2, n + 1):
                    if sum(zeroed[l2 - 1 : r2]) <= budget:
                        best = max(best, r2 - l2 + 1)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_match_enumeration(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == best_by_enumeration(p["A"], p["D"], p["P"])
        assert TASK.score(p, problem.reference_answer).reward == 1.0


def test_random_arrays() -> None:
    rng = random.Random(59)
    for _ in range(60):
        n = rng.randint(2, 8)
        values = [rng.randint(1, 6) for _ in range(n)]
        zero_length = rng.randint(1, n - 1)
        budget = rng.randint(0, sum(values))
        p = {"A": values, "D": zero_length, "P": budget}
        choice = TASK.solve(p)
        p["best"] = best_by_enumeration(values, zero_length, budget)
        assert choice[3] - choice[2] + 1 == p["best"]
        assert TASK.score(p, " ".join(map(str, choice))).reward == 1.0


def test_hand_example_and_rewards() -> None:
    # A = 3 1 4 1 5, zero at most 2, budget 2: zeroing A[3] leaves 1 0 1 on [2, 4]; every window of length 4
    # still sums to at least 4 after zeroing its heaviest pair
    p = {"A": [3, 1, 4, 1, 5], "D": 2, "P": 2}
    p["best"] = best_by_enumeration(p["A"], 2, 2)
    assert p["best"] == 3
    assert TASK.score(p, "3 3 2 4").reward == 1.0
    assert TASK.score(p, "1 2 1 2").reward == pytest.approx((2 / 3) ** 5)
    for bad in ("1 3 1 3", "3 3 1 4", "0 1 2 3", "2 1 2 3", "3 3 2 6"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "3 3 2")
