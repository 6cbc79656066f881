"""DeltaNimGame: the staircase-nim rule against a memoised search of the game itself."""

from __future__ import annotations

import itertools
from functools import cache

import pytest

from rlve_gym.envs.math.delta_nim_game import DeltaNimGame

TASK = DeltaNimGame()


@cache
def mover_wins(piles: tuple[int, ...]) -> bool:
    for i, pile in enumerate(piles):
        floor = piles[i - 1] if i else 0
        for smaller in range(floor, pile):
            if not mover_wins((*piles[:i], smaller, *piles[i + 1 :])):
                return True
    return False


def winner_by_search(piles: list[int]) -> str:
    return "Alice" if mover_wins(tuple(piles)) else "Bob"


def test_every_small_non_decreasing_array() -> None:
    for n in range(1, 5):
        for piles in itertools.combinations_with_replacement(range(7), n):
            assert TASK.solve({"A": list(piles)}) == winner_by_search(list(piles)), piles


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_search(difficulty: int) -> None:
    winners = set()
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        piles = problem.parameters["A"]
        assert piles[0] >= 1 and all(a <= b for a, b in itertools.pairwise(piles))
        assert problem.reference_answer == winner_by_search(piles)
        winners.add(problem.reference_answer)
    assert winners == {"Alice", "Bob"}


def test_rewards() -> None:
    # (1, 1): Alice's only move is to (0, 1), and Bob empties the last pile
    parameters = {"A": [1, 1]}
    gold = TASK.solve(parameters)
    assert gold == "Bob"
    assert TASK.score(parameters, gold).reward == 1.0
    assert TASK.score(parameters, gold.lower()).reward == 1.0
    assert TASK.score(parameters, "Bob" if gold == "Alice" else "Alice").reward == 0.0
    assert TASK.score(parameters, "Carol").reward == -0.5
