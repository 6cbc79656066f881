"""TransmissionDelay: the order-preserving DP against applying every permutation with bounded displacement."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.transmission_delay import TransmissionDelay

TASK = TransmissionDelay()


def count_by_permutations(values: list[int], shift: int) -> int:
    n = len(values)
    return len(
        {
            tuple(values[p] for p in perm)
            for perm in itertools.permutations(range(n))
            if all(abs(i - p) <= shift for i, p in enumerate(perm))
        }
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_permutations(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["D"] >= 1
        assert problem.reference_answer == str(count_by_permutations(p["A"], p["D"]))


def test_random_arrays() -> None:
    rng = random.Random(9)
    for _ in range(40):
        n = rng.randint(1, 7)
        values = [rng.randint(0, 1) for _ in range(n)]
        shift = rng.randint(0, 4)
        assert TASK.solve({"A": values, "D": shift}) == count_by_permutations(values, shift)


def test_hand_example_and_rewards() -> None:
    # adjacent swaps of 0101: 0101, 1001, 0011, 0110 and 1010 (1100 would move a 1 three places)
    assert TASK.solve({"A": [0, 1, 0, 1], "D": 1}) == 5
    small = {"A": [0, 1], "D": 1}
    assert TASK.solve(small) == 2
    assert TASK.score(small, "2").reward == 1.0
    assert TASK.score(small, "1").reward == pytest.approx(0.5**10)
    assert TASK.score(small, "0").reward == rewards.WRONG_FORMAT
