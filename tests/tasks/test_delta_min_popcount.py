"""DeltaMinPopcount: the non-adjacent-form weight against trying every n below 2^(bits + 2)."""

from __future__ import annotations

import pytest

from rlve_gym.envs.math.delta_min_popcount import DeltaMinPopcount

TASK = DeltaMinPopcount()


def minimum_by_search(d: int) -> int:
    # an optimal n never needs a bit above the top bit of d plus one
    return min((n ^ (n + d)).bit_count() for n in range(1 << (d.bit_length() + 2)))


def test_every_d_up_to_2_to_the_9() -> None:
    for d in range(1, 1 << 9):
        assert TASK.solve({"binary": bin(d)[2:]}) == minimum_by_search(d), d


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_search(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(minimum_by_search(int(problem.parameters["binary"], 2)))


def test_hand_examples_and_rewards() -> None:
    assert TASK.solve({"binary": "111"}) == 2  # 7 = 8 − 1, e.g. n = 1: 1 XOR 8
    assert TASK.solve({"binary": "1011"}) == 3  # 11 = 16 − 4 − 1
    assert TASK.score({"binary": "111"}, "2").reward == 1.0
    assert TASK.score({"binary": "111"}, "3").reward == 0.0
