"""Maximum_SubsequenceNum: the greedy extension against every extension, and the counting DP against sets."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.maximum_subsequence_num import Maximum_SubsequenceNum, distinct_subsequences

TASK = Maximum_SubsequenceNum()


def subsequence_set(sequence: list[int]) -> int:
    return len(
        {
            tuple(sequence[i] for i in chosen)
            for size in range(1, len(sequence) + 1)
            for chosen in itertools.combinations(range(len(sequence)), size)
        }
    )


def test_counting_dp_against_explicit_sets() -> None:
    rng = random.Random(3)
    for _ in range(100):
        sequence = [rng.randint(0, 2) for _ in range(rng.randint(0, 9))]
        assert distinct_subsequences(sequence) == subsequence_set(sequence)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_against_every_extension(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        best = max(
            distinct_subsequences(p["A"] + list(tail)) for tail in itertools.product(range(p["K"]), repeat=p["N"])
        )
        assert distinct_subsequences(p["A"] + list(map(int, problem.reference_answer.split()))) == best


def test_hand_example_and_invalid_answers() -> None:
    p = {"A": [0, 0], "N": 2, "K": 3}
    # appending the unseen values first: 0 0 1 2
    assert TASK.solve(p) == [1, 2]
    assert TASK.score(p, "2 1").reward == 1.0
    assert TASK.score(p, "0 0").reward == pytest.approx((4 / distinct_subsequences([0, 0, 1, 2])) ** 5)
    for bad in ("1", "1 3", "-1 1", "1 2 0"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
