"""WYRLevelingGround: the convex greedy against a DP over every bounded decomposition."""

from rlve_gym.core.registry import get_task
from rlve_gym.envs.algorithmic.wyr_leveling_ground import fewest_leveling_operations

TASK = get_task("WYRLevelingGround")


def _fewest_by_dp(heights: list[int], a: int, b: int, bound: int = 170) -> int:
    """Try every x in [-bound, bound] with A·x + B·y = D[i] at each difference position; DP over Σx.

    For d ≤ 2 (N ≤ 4, coefficients ≤ 8) the generating coefficients already give a decomposition with
    Σ(|x| + |y|) ≤ 2·(N+1)·16 = 160, so every optimal |x_i| lies within the bound."""
    differences = [heights[0]] + [heights[i] - heights[i - 1] for i in range(1, len(heights))] + [-heights[-1]]
    best_by_sum = {0: 0}
    for value in differences:
        options = [(x, (value - a * x) // b) for x in range(-bound, bound + 1) if (value - a * x) % b == 0]
        following: dict[int, int] = {}
        for total, cost in best_by_sum.items():
            for x, y in options:
                key, new_cost = total + x, cost + abs(x) + abs(y)
                if new_cost < following.get(key, 10**9):
                    following[key] = new_cost
        best_by_sum = following
    return best_by_sum[0] // 2


def test_greedy_matches_dp():
    for difficulty in (0, 1, 2):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert int(problem.reference_answer) == _fewest_by_dp(p["H"], p["A"], p["B"]), p


def test_hand_examples_and_rewards():
    assert fewest_leveling_operations([3, 3], 3, 5) == 1
    assert fewest_leveling_operations([2, 0], 1, 2) == 1
    assert fewest_leveling_operations([1, 2, 1], 1, 2) == 2  # -1 on all, then -1 on the middle
    assert fewest_leveling_operations([0, 0], 4, 7) == 0
    parameters = {"H": [1, 2, 1], "A": 1, "B": 2}
    assert TASK.score(parameters, "2").reward == 1.0
    assert TASK.score(parameters, "3").reward == 0.0
