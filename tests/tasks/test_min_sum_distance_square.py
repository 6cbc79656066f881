"""MinSumDistanceSquare: the midpoint sweep against evaluating every candidate X' in range."""

import random

from rlve_gym.envs.optimization.min_sum_distance_square import MinSumDistanceSquare, best_scaled_point, scaled_cost

TASK = MinSumDistanceSquare()


def brute_force_optimum(groups: list[list[int]]) -> int:
    n = len(groups)
    low = min(min(group) for group in groups)
    high = max(max(group) for group in groups)
    # an optimal X lies between the extreme points, and some optimal X is a multiple of 1/N
    return min(scaled_cost(scaled, groups) for scaled in range(n * low, n * high + 1))


def test_generated_instances_match_brute_force() -> None:
    for difficulty in (0, 1, 2, 4, 7):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            groups = problem.parameters["groups"]
            assert problem.parameters["optimum"] == brute_force_optimum(groups)
            assert scaled_cost(int(problem.reference_answer), groups) == problem.parameters["optimum"]


def test_random_groups() -> None:
    rng = random.Random(2)
    for _ in range(200):
        groups = [[rng.randint(-6, 6) for _ in range(rng.randint(1, 3))] for _ in range(rng.randint(2, 4))]
        assert scaled_cost(best_scaled_point(groups), groups) == brute_force_optimum(groups)


def test_hand_example_and_rewards() -> None:
    groups = [[0], [4]]  # X = 2: cost 4 + 4 = 8, i.e. X' = 4 with scaled cost 4 · 8 = 32
    assert best_scaled_point(groups) == 4 and scaled_cost(4, groups) == 32
    p = {"groups": groups, "optimum": 32}
    assert TASK.score(p, "4").reward == 1.0
    assert 0 < TASK.score(p, "3").reward < 1
