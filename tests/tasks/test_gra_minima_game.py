"""GraMinimaGame: the closed form against a memoised minimax over every subset move."""

from __future__ import annotations

import functools
import itertools
import random

import pytest

from rlve_gym.envs.algorithmic.gra_minima_game import GraMinimaGame

TASK = GraMinimaGame()


@functools.cache
def brute_value(numbers: tuple[int, ...]) -> int:
    """Mover's best (own score - opponent's) with `numbers` (sorted) on the table."""
    if not numbers:
        return 0
    best = None
    for size in range(1, len(numbers) + 1):
        for taken in itertools.combinations(range(len(numbers)), size):
            rest = tuple(x for i, x in enumerate(numbers) if i not in taken)
            value = min(numbers[i] for i in taken) - brute_value(rest)
            best = value if best is None else max(best, value)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_matches_minimax(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        assert int(problem.reference_answer) == brute_value(tuple(sorted(problem.parameters["numbers"])))


def test_random_small_cases() -> None:
    rng = random.Random(0)
    for _ in range(40):
        numbers = [rng.randint(1, 9) for _ in range(rng.randint(1, 7))]
        assert TASK.solve({"numbers": numbers}) == brute_value(tuple(sorted(numbers)))


def test_hand_examples() -> None:
    assert TASK.solve({"numbers": [1, 3, 1]}) == 2  # take {3}, then Bob's best is the pair {1, 1}
    assert TASK.solve({"numbers": [5]}) == 5
    assert TASK.score({"numbers": [1, 3, 1]}, "2").reward == 1.0
    assert TASK.score({"numbers": [1, 3, 1]}, "3").reward == 0.0
