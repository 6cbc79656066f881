"""StoneGame: block-wise Grundy values against searching the game tree over multisets of heaps."""

from __future__ import annotations

import itertools
from functools import cache

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.stone_game import StoneGame, first_player_wins, heap_grundy_values

TASK = StoneGame()


def splits(x: int, parts: int) -> list[int]:
    return [x // parts + (i < x % parts) for i in range(parts)]


@cache
def mover_wins(heaps: tuple[int, ...], threshold: int) -> bool:
    """Plain game-tree search; heaps below the threshold never move and are dropped."""
    for index, heap in enumerate(heaps):
        for parts in range(2, heap + 1):
            rest = heaps[:index] + heaps[index + 1 :] + tuple(splits(heap, parts))
            after = tuple(sorted(h for h in rest if h >= threshold))
            if not mover_wins(after, threshold):
                return True
    return False


def brute_force(heaps: list[int], threshold: int) -> str:
    return "Stan" if mover_wins(tuple(sorted(h for h in heaps if h >= threshold)), threshold) else "Ollie"


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_reference_matches_game_tree(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == brute_force(p["heaps"], p["F"])


def test_grundy_values_against_every_split() -> None:
    for threshold in range(1, 8):
        naive = [0] * 60
        for x in range(threshold, 60):
            options = set()
            for parts in range(2, x + 1):
                value = 0
                for heap in splits(x, parts):
                    value ^= naive[heap]
                options.add(value)
            naive[x] = min(set(range(len(options) + 1)) - options)
        assert heap_grundy_values(59, threshold) == naive
    for heaps in itertools.product(range(1, 7), repeat=2):
        for threshold in range(1, 5):
            assert ("Stan" if first_player_wins(list(heaps), threshold) else "Ollie") == brute_force(
                list(heaps), threshold
            )


def test_hand_example_and_scoring() -> None:
    # one heap of 3 with F = 2: splitting into 3 ones ends the game at once, so Stan wins
    assert TASK.solve({"heaps": [3], "F": 2}) == "Stan"
    assert TASK.solve({"heaps": [1, 1], "F": 2}) == "Ollie"
    assert TASK.score({"heaps": [3], "F": 2}, "Stan").reward == 1.0
    assert TASK.score({"heaps": [3], "F": 2}, "Ollie").reward == 0.0
    assert TASK.score({"heaps": [3], "F": 2}, "Alice").reward == rewards.INVALID_SOLUTION
