"""SecretCowCode: walking back down the doublings against building the string."""

from __future__ import annotations

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.algorithmic.secret_cow_code import SecretCowCode, letter_at

TASK = SecretCowCode()


def brute_force(text: str, position: int) -> str:
    while len(text) < position:
        text = text + text[-1] + text[:-1]
    return text[position - 1]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 6])
def test_reference_matches_built_string(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == brute_force(p["S"], p["K"])


def test_every_position_of_small_strings() -> None:
    for text in ("ab", "cow", "abcde"):
        for position in range(1, 200):
            assert letter_at(text, position) == brute_force(text, position)


def test_hand_example_and_scoring() -> None:
    # COW → COWWCO → COWWCOOCOWWC: position 8 is C
    p = {"S": "cow", "K": 8}
    assert TASK.solve(p) == "c"
    assert TASK.score(p, "c").reward == 1.0
    assert TASK.score(p, "C").reward == 1.0
    assert TASK.score(p, "w").reward == 0.0
    for bad in ("z", "co", "1"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
