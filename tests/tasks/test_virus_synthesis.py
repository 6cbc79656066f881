"""VirusSynthesis: the even-palindrome recurrence against breadth-first search over substrings."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.algorithmic.virus_synthesis import VirusSynthesis

TASK = VirusSynthesis()


def fewest_by_bfs(target: str) -> int:
    # every intermediate string is a substring of the target, so the search stays inside them
    substrings = {target[i:j] for i in range(len(target)) for j in range(i + 1, len(target) + 1)}
    frontier, seen, steps = {""}, {""}, 0
    while target not in frontier:
        following = set()
        for text in frontier:
            for grown in (*(c + text for c in "01"), *(text + c for c in "01"), text[::-1] + text, text + text[::-1]):
                if grown in substrings and grown not in seen:
                    seen.add(grown)
                    following.add(grown)
        frontier, steps = following, steps + 1
    return steps


@pytest.mark.parametrize("difficulty", [0, 1, 2, 6, 10])
def test_generated_instances_match_bfs(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(fewest_by_bfs(problem.parameters["S"]))


def test_every_short_string() -> None:
    for length in range(1, 9):
        for letters in itertools.product("01", repeat=length):
            text = "".join(letters)
            assert TASK.solve({"S": text}) == fewest_by_bfs(text), text


def test_random_longer_strings() -> None:
    rng = random.Random(47)
    for _ in range(20):
        text = "".join(rng.choice("01") for _ in range(rng.randint(9, 16)))
        assert TASK.solve({"S": text}) == fewest_by_bfs(text)


def test_hand_examples_and_rewards() -> None:
    assert TASK.solve({"S": "0110"}) == 3  # 0, 01, 0110
    assert TASK.solve({"S": "01100110"}) == 4  # 0, 01, 0110, 01100110
    assert TASK.solve({"S": "010"}) == 3  # odd palindromes cannot come from mirroring
    assert TASK.score({"S": "0110"}, "3").reward == 1.0
    assert TASK.score({"S": "0110"}, "4").reward == 0.0
