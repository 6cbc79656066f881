"""PalindromePartitionCounting: the centre-expansion DP against trying every set of cut points."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.palindrome_partition_counting import PalindromePartitionCounting

TASK = PalindromePartitionCounting()


def brute_force(text: str) -> int:
    count = 0
    for cuts in itertools.product((False, True), repeat=len(text) - 1):
        bounds = [0, *(i + 1 for i, cut in enumerate(cuts) if cut), len(text)]
        pieces = [text[a:b] for a, b in itertools.pairwise(bounds)]
        count += all(piece == piece[::-1] for piece in pieces)
    return count


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3, 5])
def test_generated_instances_match_cut_enumeration(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(brute_force(problem.parameters["S"]))


def test_random_strings() -> None:
    rng = random.Random(9)
    for _ in range(60):
        text = "".join(rng.choice("01") for _ in range(rng.randint(1, 11)))
        assert TASK.solve({"S": text}) == brute_force(text), text


def test_hand_examples() -> None:
    assert TASK.solve({"S": "000"}) == 4  # 0|0|0, 00|0, 0|00, 000
    assert TASK.solve({"S": "010"}) == 2  # 0|1|0, 010
    assert TASK.score({"S": "000"}, "2").reward == pytest.approx(0.5**10)
    assert TASK.score({"S": "000"}, "0").reward == -1.0
