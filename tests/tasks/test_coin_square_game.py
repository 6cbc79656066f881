"""CoinSquareGame: the memoised value against a plain game-tree search that tracks both scores."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.algorithmic.coin_square_game import CoinSquareGame

TASK = CoinSquareGame()


def alice_by_search(coins: list[int], start: int = 0, last: int = 1, alice_moves: bool = True) -> int:
    """Alice's score from here, Alice maximising it and Bob minimising it (the total is fixed)."""
    if start == len(coins):
        return 0
    outcomes = []
    for take in range(1, min(2 * last, len(coins) - start) + 1):
        gained = sum(coins[start : start + take]) if alice_moves else 0
        outcomes.append(gained + alice_by_search(coins, start + take, take, not alice_moves))
    return max(outcomes) if alice_moves else min(outcomes)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_search(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(alice_by_search(problem.parameters["C"]))


def test_random_rows() -> None:
    rng = random.Random(3)
    for _ in range(40):
        coins = [rng.randint(1, 20) for _ in range(rng.randint(1, 9))]
        assert TASK.solve({"C": coins}) == alice_by_search(coins)


def test_hand_example_and_rewards() -> None:
    # the USACO sample ("A Coin Game", 2009): Alice can secure 9 and no more
    parameters = {"C": [1, 3, 1, 7, 2]}
    assert TASK.solve(parameters) == 9
    assert TASK.score(parameters, "9").reward == 1.0
    assert TASK.score(parameters, "10").reward == 0.0
