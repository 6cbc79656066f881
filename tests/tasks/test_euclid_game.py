"""EuclidGame: the closed-form winner rule against a full game-tree search."""

from functools import cache

from rlve_gym.core.registry import get_task
from rlve_gym.envs.math.euclid_game import first_player_wins

TASK = get_task("EuclidGame")


@cache
def _mover_wins_by_search(a: int, b: int) -> bool:
    """Try every legal move: subtract k·(one number) from the other, keeping it non-negative."""
    for big, small in ((a, b), (b, a)):
        for k in range(1, big // small + 1):
            rest = big - k * small
            if rest == 0 or not _mover_wins_by_search(rest, small):
                return True
    return False


def test_rule_matches_game_tree_search():
    for x in range(1, 45):
        for y in range(1, 45):
            assert first_player_wins(x, y) == _mover_wins_by_search(x, y), (x, y)


def test_generated_instances_match_search():
    for difficulty in (0, 1, 2):
        for seed in range(12):
            problem = TASK.generate(seed, difficulty)
            x, y = problem.parameters["X"], problem.parameters["Y"]
            expected = "Stan" if _mover_wins_by_search(x, y) else "Ollie"
            assert problem.reference_answer == expected


def test_hand_examples_and_rewards():
    assert TASK.solve({"X": 25, "Y": 7}) == "Stan"  # 25 ≥ 2·7: Stan chooses the parity
    assert TASK.solve({"X": 3, "Y": 2}) == "Ollie"  # forced (3,2) → (2,1), then Ollie empties it
    assert TASK.solve({"X": 5, "Y": 5}) == "Stan"
    parameters = {"X": 3, "Y": 2}
    assert TASK.score(parameters, "ollie").reward == 1.0
    assert TASK.score(parameters, "Stan").reward == 0.0
    assert TASK.score(parameters, "nobody").reward == -0.5
