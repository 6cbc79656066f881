"""StringReversalConstruction: planted shifts reach t; the verifier simulates the operation and its limits."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.string_reversal_construction import StringReversalConstruction, shift

TASK = StringReversalConstruction()


def shortest_solution_length(source: str, target: str) -> int | None:
    """Fewest shifts from source to target, by breadth-first search over strings."""
    frontier, seen, steps = {source}, {source}, 0
    while frontier:
        if target in frontier:
            return steps
        frontier = {shift(text, x) for text in frontier for x in range(len(source) + 1)} - seen
        seen |= frontier
        steps += 1
    return None


def test_shift_definition() -> None:
    assert shift("abcacb", 4) == "bcacab"
    assert shift("hello", 3) == "ollhe"
    assert shift("abc", 0) == "abc"
    assert shift("abc", 3) == "cba"


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_planted_shifts_reach_the_target(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert TASK.score(p, problem.reference_answer).reward == 1.0
        fewest = shortest_solution_length(p["s"], p["t"])
        assert fewest is not None and fewest <= len(problem.reference_answer.split()) <= 3 * len(p["s"])


def test_every_short_answer_is_judged_by_simulation() -> None:
    p = {"s": "abc", "t": "cab"}
    for operations in itertools.product(range(4), repeat=2):
        text = "abc"
        for x in operations:
            text = shift(text, x)
        assert TASK.score(p, " ".join(map(str, operations))).reward == (1.0 if text == "cab" else 0.0)


def test_invalid_answers() -> None:
    p = {"s": "abc", "t": "cba"}
    assert TASK.score(p, "3").reward == 1.0
    assert TASK.score(p, "4").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "-1").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, " ".join(["0"] * 9 + ["3"])).reward == rewards.INVALID_SOLUTION  # 10 > 3n operations
    assert TASK.score(p, " ".join(["0"] * 8 + ["3"])).reward == 1.0
