"""BucketSorting: every tied mode is accepted, other values are not."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.bucket_sorting import BucketSorting

TASK = BucketSorting()


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10])
def test_verdict_for_every_value(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        values = problem.parameters["A"]
        top = max(values.count(v) for v in values)
        for candidate in range(-1, max(values) + 2):
            verdict = TASK.score(problem.parameters, str(candidate))
            if candidate not in values:
                assert verdict.reward == rewards.INVALID_SOLUTION
            else:
                assert verdict.accuracy == (values.count(candidate) == top)


def test_hand_example() -> None:
    p = {"A": [3, 1, 3, 2, 1]}
    assert TASK.solve(p) == 1
    assert TASK.score(p, "3").reward == 1.0
    assert TASK.score(p, "1").reward == 1.0
    assert TASK.score(p, "2").reward == 0.0
    assert TASK.score(p, "4").reward == rewards.INVALID_SOLUTION
