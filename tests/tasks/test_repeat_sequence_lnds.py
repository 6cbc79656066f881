"""RepeatSequenceLNDS: the 2n-copies shortcut against an O(L²) DP over the whole repeated array."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.algorithmic.repeat_sequence_lnds import RepeatSequenceLNDS

TASK = RepeatSequenceLNDS()


def lnds_quadratic(values: list[int]) -> int:
    best = [1] * len(values)
    for j in range(len(values)):
        for i in range(j):
            if values[i] <= values[j]:
                best[j] = max(best[j], best[i] + 1)
    return max(best)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_full_array(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(lnds_quadratic(p["pattern"] * p["T"]))


def test_random_patterns_with_many_copies() -> None:
    rng = random.Random(4)
    for _ in range(60):
        n = rng.randint(1, 5)
        pattern = [rng.randint(1, 6) for _ in range(n)]
        copies = rng.randint(1, 25)
        assert TASK.solve({"pattern": pattern, "T": copies}) == lnds_quadratic(pattern * copies)


def test_hand_example() -> None:
    p = {"pattern": [3, 1, 4, 2], "T": 3}  # 3 1 4 2 3 1 4 2 3 1 4 2: 1 2 3 4 4
    assert TASK.solve(p) == 5
    assert TASK.score(p, "5").reward == 1.0
    assert TASK.score(p, "0").reward == 0.0
