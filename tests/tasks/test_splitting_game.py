"""SplittingGame: Grundy values of single beans against searching the whole game tree."""

from __future__ import annotations

import itertools
from functools import cache

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.splitting_game import SplittingGame, first_player_wins

TASK = SplittingGame()


@cache
def mover_wins(beans: tuple[int, ...]) -> bool:
    """Plain game-tree search over bean counts (beans in the last bottle can never move, so they are dropped)."""
    n = len(beans)
    for i in range(n - 1):
        if beans[i]:
            for j in range(i + 1, n):
                for k in range(j, n):
                    after = list(beans)
                    after[i] -= 1
                    after[j] += 1
                    after[k] += 1
                    after[-1] = 0
                    if not mover_wins(tuple(after)):
                        return True
    return False


def brute_force(beans: list[int]) -> str:
    return "Alice" if mover_wins(tuple([*beans[:-1], 0])) else "Bob"


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_matches_game_tree(difficulty: int) -> None:
    winners = set()
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == brute_force(problem.parameters["P"])
        winners.add(problem.reference_answer)
    assert winners == {"Alice", "Bob"}


def test_every_small_position() -> None:
    for n in (2, 3, 4, 5):
        for beans in itertools.product(range(3), repeat=n):
            assert first_player_wins(list(beans)) == mover_wins((*beans[:-1], 0))


def test_hand_example_and_scoring() -> None:
    # one bean in bottle 0 of 2: its only move puts two beans in bottle 1, then nobody can move → Alice
    assert TASK.solve({"P": [1, 5]}) == "Alice"
    assert TASK.solve({"P": [2, 0, 0]}) == "Bob"
    assert TASK.score({"P": [1, 5]}, "Alice").reward == 1.0
    assert TASK.score({"P": [1, 5]}, "bob").reward == 0.0
    assert TASK.score({"P": [1, 5]}, "Carol").reward == rewards.INVALID_SOLUTION
