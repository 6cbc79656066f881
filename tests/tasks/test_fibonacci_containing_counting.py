"""FibonacciContainingCounting: the residue-class count against running every starting pair."""

from __future__ import annotations

import pytest

from rlve_gym.envs.counting.fibonacci_containing_counting import (
    FibonacciContainingCounting,
    count_starting_pairs,
)

TASK = FibonacciContainingCounting()


def count_by_running(target: int) -> int:
    total = 0
    for a in range(1, target + 1):
        for b in range(1, target + 1):
            previous, current = b, a + b  # f(1), f(2)
            while current < target:
                previous, current = current, previous + current
            total += current == target
    return total


def test_every_target_up_to_150() -> None:
    for target in range(1, 151):
        assert count_starting_pairs(target) == count_by_running(target), target


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_running(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(count_by_running(problem.parameters["K"]))


def test_hand_example_and_rewards() -> None:
    # K = 5: a + b = 5 (4 pairs), a + 2b = 5 (a = 3, b = 1; a = 1, b = 2), 2a + 3b = 5 (1, 1)
    assert count_starting_pairs(5) == 7
    assert TASK.score({"K": 5}, "7").reward == 1.0
    assert TASK.score({"K": 5}, "-7").reward == -1.0
    assert TASK.score({"K": 5}, "14").reward == pytest.approx(0.5**10)
