"""SmallestBinaryMultiple: the remainder BFS against trying 0/1 numerals in increasing order."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.math.smallest_binary_multiple import SmallestBinaryMultiple

TASK = SmallestBinaryMultiple()


def brute_force(a: int) -> int:
    """Binary counting 1, 10, 11, 100, … lists the 0/1 numerals in increasing order."""
    index = 1
    while int(bin(index)[2:]) % a:
        index += 1
    return int(bin(index)[2:]) // a


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5, 10])
def test_generated_instances_match_brute_force(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(brute_force(problem.parameters["A"]))


def test_every_a_up_to_80() -> None:
    for a in range(1, 81):
        assert TASK.solve({"A": a}) == brute_force(a), a


def test_hand_examples_and_scoring() -> None:
    assert TASK.solve({"A": 9}) == 12345679  # 111111111
    assert TASK.solve({"A": 2}) == 5
    assert TASK.score({"A": 2}, "5").reward == 1.0
    assert TASK.score({"A": 2}, "50").reward == pytest.approx(0.1**5)
    assert TASK.score({"A": 2}, "6").reward == rewards.INVALID_SOLUTION
    assert TASK.score({"A": 2}, "0").reward == -1.0
