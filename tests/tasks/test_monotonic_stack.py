"""MonotonicStack: the stack count against the definition, checked pair by pair."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.algorithmic.monotonic_stack import MonotonicStack

TASK = MonotonicStack()


def by_definition(values: list[int]) -> int:
    n = len(values)
    return sum(1 for i in range(n) for j in range(i + 1, n) if all(values[k] < values[i] for k in range(i + 1, j + 1)))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10])
def test_generated_instances(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        assert int(problem.reference_answer) == by_definition(problem.parameters["A"])


def test_random_arrays() -> None:
    rng = random.Random(0)
    for _ in range(300):
        values = [rng.randint(1, 6) for _ in range(rng.randint(1, 10))]
        assert TASK.solve({"A": values}) == by_definition(values)


def test_hand_example() -> None:
    p = {"A": [10, 3, 7, 4, 12, 2]}  # C = 3, 0, 1, 0, 1, 0
    assert TASK.solve(p) == 5
    assert TASK.score(p, "5").reward == 1.0
    assert TASK.score(p, "4").reward == 0.0
