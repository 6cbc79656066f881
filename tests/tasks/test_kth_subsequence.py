"""KthSubsequence: the counting walk against sorting every distinct subsequence."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.algorithmic.kth_subsequence import KthSubsequence

TASK = KthSubsequence()


def all_distinct_subsequences(text: str) -> list[str]:
    found = {
        "".join(text[i] for i in chosen)
        for size in range(1, len(text) + 1)
        for chosen in itertools.combinations(range(len(text)), size)
    }
    return sorted(found)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_sorted_list(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        listing = all_distinct_subsequences(p["S"])
        assert TASK.count(p["S"]) == len(listing)
        assert problem.reference_answer == listing[p["K"] - 1]


def test_every_rank_of_short_strings() -> None:
    for n in range(1, 7):
        for letters in itertools.product("ab", repeat=n):
            text = "".join(letters)
            listing = all_distinct_subsequences(text)
            assert TASK.count(text) == len(listing)
            for rank, expected in enumerate(listing, start=1):
                assert TASK.solve({"S": text, "K": rank}) == expected


def test_hand_example() -> None:
    p = {"S": "aba", "K": 4}  # a, aa, ab, aba, b, ba
    assert TASK.solve(p) == "aba"
    assert TASK.score(p, "aba").reward == 1.0
    assert TASK.score(p, "ab").reward == 0.0
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "abc")
