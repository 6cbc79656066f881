"""MinXorPair: the sorted-neighbours shortcut against every pair."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.algorithmic.min_xor_pair import MinXorPair

TASK = MinXorPair()


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10])
def test_generated_instances_match_all_pairs(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        values = problem.parameters["A"]
        assert 1 << TASK.ladder(difficulty)["bits"] > 2 * len(values)
        assert problem.parameters["best"] == min(a ^ b for a, b in itertools.combinations(values, 2))
        assert TASK.score(problem.parameters, problem.reference_answer).accuracy == 1


def test_random_sets() -> None:
    rng = random.Random(3)
    for _ in range(200):
        values = rng.sample(range(64), rng.randint(2, 12))
        i, j = TASK.solve({"A": values})
        assert i < j and values[i] ^ values[j] == min(a ^ b for a, b in itertools.combinations(values, 2))


def test_ladder_follows_the_rule() -> None:
    assert [TASK.ladder(d)["bits"] for d in range(4)] == [3, 4, 4, 4]  # N = 3, 4, 5, 6


def test_hand_example_and_invalid_answers() -> None:
    p = {"A": [8, 1, 3, 12], "best": 2}  # 1 ^ 3 = 2, 8 ^ 12 = 4
    assert TASK.solve(p) == (1, 2)
    assert TASK.score(p, "1 2").reward == 1.0
    assert TASK.score(p, "0 3").reward == pytest.approx((2 / 4) ** 5)
    for bad in ("2 1", "1 1", "1 4"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    for bad in ("1", "1 2 3"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
