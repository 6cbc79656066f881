"""MinNonsubstring: the absent word against trying every string in length-then-lexicographic order."""

import itertools
import random

from rlve_gym.core import rewards
from rlve_gym.core.registry import get_task

TASK = get_task("MinNonsubstring")


def first_absent(text: str) -> str:
    for length in itertools.count(1):
        for letters in itertools.product("ab", repeat=length):
            word = "".join(letters)
            if word not in text:
                return word
    raise AssertionError("unreachable")


def test_reference_matches_brute_force() -> None:
    for difficulty in (0, 1, 2, 5):
        for seed in range(10):
            problem = TASK.generate(seed, difficulty)
            assert problem.reference_answer == first_absent(problem.parameters["A"])
    rng = random.Random(7)
    for _ in range(200):
        text = "".join(rng.choice("ab") for _ in range(rng.randint(1, 14)))
        assert TASK.solve({"A": text}) == first_absent(text)


def test_hand_examples_and_rewards() -> None:
    assert TASK.solve({"A": "aaa"}) == "b"
    assert TASK.solve({"A": "abba"}) == "aa"
    assert TASK.solve({"A": "aabba"}) == "aaa"  # ab, bb, ba and aa all occur
    parameters = {"A": "abba"}
    assert TASK.score(parameters, "aa").reward == 1.0
    assert TASK.score(parameters, "bab").reward == 0.0
    assert TASK.score(parameters, "ac").reward == rewards.INVALID_SOLUTION
    assert TASK.score(parameters, "a a").reward == rewards.INVALID_SOLUTION
