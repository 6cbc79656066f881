"""SlidingWindow: the deque against min() over every window."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.sliding_window import SlidingWindow

TASK = SlidingWindow()


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10])
def test_generated_instances(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        values, width = problem.parameters["A"], problem.parameters["K"]
        expected = [min(values[i : i + width]) for i in range(len(values) - width + 1)]
        assert problem.reference_answer == " ".join(map(str, expected))


def test_random_arrays() -> None:
    rng = random.Random(0)
    for _ in range(200):
        values = [rng.randint(-3, 9) for _ in range(rng.randint(1, 12))]
        width = rng.randint(1, len(values))
        expected = [min(values[i : i + width]) for i in range(len(values) - width + 1)]
        assert TASK.solve({"A": values, "K": width}) == expected


def test_hand_example() -> None:
    p = {"A": [4, 2, 5, 1, 3], "K": 2}
    assert TASK.score(p, "2 2 1 1").reward == 1.0
    assert TASK.score(p, "2 2 1 3").reward == pytest.approx(0.75**10)
    assert TASK.score(p, "2 2 1").reward == rewards.INVALID_SOLUTION
