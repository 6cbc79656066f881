"""TakingPrimeGame: the win/moves table against a negamax search with a lexicographic utility."""

from __future__ import annotations

import functools

import pytest

from rlve_gym.envs.math.taking_prime_game import TakingPrimeGame, game_table

TASK = TakingPrimeGame()
_HORIZON = 10**6


@functools.cache
def mover_utility(pile: int) -> int:
    """_HORIZON − T when the mover wins after T more moves, −(_HORIZON − T) when the mover loses."""
    primes = [p for p in range(2, pile + 1) if all(p % f for f in range(2, p))]
    if not primes:
        return -_HORIZON
    best = None
    for p in primes:
        opponent = mover_utility(pile - p)
        # the opponent's win in T' moves is our loss in T' + 1, and the reverse
        mine = -(opponent - 1) if opponent > 0 else -(opponent + 1)
        best = mine if best is None else max(best, mine)
    return best


def brute_answer(pile: int) -> int:
    utility = mover_utility(pile)
    return _HORIZON - utility if utility > 0 else -1


def test_table_matches_negamax() -> None:
    wins, moves = game_table(60)
    for pile in range(61):
        utility = mover_utility(pile)
        assert wins[pile] == (utility > 0)
        assert moves[pile] == _HORIZON - abs(utility)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances(difficulty: int) -> None:
    kinds = set()
    for seed in range(30):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(brute_answer(problem.parameters["N"]))
        kinds.add(problem.reference_answer == "-1")
    assert kinds == {True, False}


def test_hand_examples() -> None:
    assert TASK.solve({"N": 1}) == -1  # no prime fits: Stan cannot move
    assert TASK.solve({"N": 3}) == 1  # take all three
    assert TASK.solve({"N": 4}) == 1  # take 3, leaving 1
    assert TASK.score({"N": 4}, "1").reward == 1.0
    assert TASK.score({"N": 4}, "-1").reward == 0.0
