"""SetCover (exact cover): rewards over every selection of small instances against an independent check."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.puzzle.set_cover import SetCover

TASK = SetCover()


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_rewards_over_all_selections(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        n, sets = p["N"], p["sets"]
        assert all(sets) and all(0 <= item < n for items in sets for item in items)
        exact = 0
        for size in range(len(sets) + 1):
            for selection in itertools.combinations(range(len(sets)), size):
                counts = [sum(item in sets[i] for i in selection) for item in range(n)]
                verdict = TASK.score(p, " ".join(map(str, selection)))
                if max(counts, default=0) > 1:
                    assert verdict.reward == rewards.INVALID_SOLUTION
                else:
                    assert verdict.reward == pytest.approx((sum(counts) / n) ** 10)
                    exact += sum(counts) == n
        assert exact >= 1
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_hand_example_and_invalid_answers() -> None:
    p = {"N": 4, "sets": [[0, 1], [2, 3], [1, 2], [0]]}
    assert TASK.score(p, "0 1").reward == 1.0
    assert TASK.score(p, "1 0 1").reward == 1.0  # a repeated index counts once
    assert TASK.score(p, "2 3").reward == pytest.approx((3 / 4) ** 10)
    assert TASK.score(p, "").reward == 0.0
    assert TASK.score(p, "0 2").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 4").reward == rewards.INVALID_SOLUTION
