"""StoneIntervalsGame: the greedy against exhaustive minimax over every game state."""

from __future__ import annotations

import functools
import random

import pytest

from rlve_gym.envs.algorithmic.stone_intervals_game import StoneIntervalsGame, first_player_stones

TASK = StoneIntervalsGame()


def brute_first_player(piles: list[int]) -> int:
    n = len(piles)

    @functools.cache
    def margin(state: tuple[int, ...]) -> int:
        """Mover's best (own stones - opponent's) from `state`."""
        moves = [
            i for i in range(n) if state[i] and ((i > 0 and state[i - 1] == 0) or (i < n - 1 and state[i + 1] == 0))
        ]
        if not moves:
            return 0
        return max(state[i] - margin((*state[:i], 0, *state[i + 1 :])) for i in moves)

    return (sum(piles) + margin(tuple(piles))) // 2


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_reference_matches_minimax(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        piles = problem.parameters["A"]
        assert 1 <= piles.count(0) <= len(piles) - 2
        assert int(problem.reference_answer) == brute_first_player(piles)


def test_random_rows_with_many_ties() -> None:
    rng = random.Random(8)
    for _ in range(300):
        n = rng.randint(3, 10)
        piles = [rng.randint(1, 4) for _ in range(n)]
        for index in rng.sample(range(n), rng.randint(1, n - 2)):
            piles[index] = 0
        assert first_player_stones(piles) == brute_first_player(piles)


def test_hand_examples() -> None:
    assert first_player_stones([0, 5, 1]) == 5  # Alice takes 5 (next to the empty pile), Bob gets 1
    assert first_player_stones([0, 1, 5, 1, 0]) == 2  # Alice must open with a 1, Bob takes 5, Alice the other 1
    assert TASK.score({"A": [0, 5, 1]}, "5").reward == 1.0
    assert TASK.score({"A": [0, 5, 1]}, "6").reward == 0.0
