"""MultipleFlippingGame: Sprague–Grundy values against a full game-tree search over colourings."""

import random
from functools import cache

from rlve_gym.core import rewards
from rlve_gym.envs.math.multiple_flipping_game import MultipleFlippingGame, first_player_wins

TASK = MultipleFlippingGame()


def searched_win(n: int, white: list[int]) -> bool:
    @cache
    def wins(state: int) -> bool:
        for x in range(1, n + 1):
            if state >> x & 1:
                flipped = state
                for k in range(1, n // x + 1):
                    flipped ^= 1 << (k * x)
                    if not wins(flipped):
                        return True
        return False

    return wins(sum(1 << x for x in white))


def test_generated_instances_match_search() -> None:
    for difficulty in range(0, 8):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert problem.reference_answer == ("Yes" if searched_win(p["N"], p["white"]) else "No")


def test_random_positions() -> None:
    rng = random.Random(16)
    for _ in range(60):
        n = rng.randint(1, 11)
        white = rng.sample(range(1, n + 1), rng.randint(0, n))
        assert first_player_wins(n, white) == searched_win(n, white)


def test_hand_example_and_rewards() -> None:
    p = {"N": 3, "white": [2, 3]}  # two independent single-flip cells: the second player mirrors
    assert TASK.solve(p) == "No"
    assert TASK.score(p, "No").reward == 1.0
    assert TASK.score(p, "no").reward == 1.0
    assert TASK.score(p, "Yes").reward == 0.0
    assert TASK.score(p, "Maybe").reward == rewards.INVALID_SOLUTION
