"""NewNimGame: the matroid greedy against every removal, checked by enumerating zero-XOR subsets."""

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.new_nim_game import UNSUCCESSFUL, NewNimGame, heaps_to_remove

TASK = NewNimGame()


def opponent_can_zero(values: list[int]) -> bool:
    for size in range(1, len(values) + 1):
        for subset in itertools.combinations(values, size):
            total = 0
            for value in subset:
                total ^= value
            if total == 0:
                return True
    return False


def brute_force_optimum(sizes: list[int]) -> int:
    n = len(sizes)
    return min(
        sum(sizes[i] for i in removed)
        for count in range(n)
        for removed in itertools.combinations(range(n), count)
        if not opponent_can_zero([s for i, s in enumerate(sizes) if i not in removed])
    )


def test_generated_instances_match_brute_force() -> None:
    for difficulty in (0, 1, 2, 3, 4):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert p["optimum"] == brute_force_optimum(p["A"])
            assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_heaps() -> None:
    rng = random.Random(19)
    for _ in range(150):
        sizes = [rng.randint(1, 12) for _ in range(rng.randint(1, 7))]
        removed = heaps_to_remove(sizes)
        assert sum(sizes[i] for i in removed) == brute_force_optimum(sizes)


def test_hand_example_and_rewards() -> None:
    p = {"A": [1, 2, 3], "optimum": 1}  # 1 ^ 2 = 3: drop the smallest heap
    assert heaps_to_remove(p["A"]) == [0]
    assert TASK.score(p, "1").reward == 1.0
    assert TASK.score(p, "2").reward == pytest.approx((1 / 2) ** 3)
    assert TASK.score(p, "none").reward == UNSUCCESSFUL
    assert TASK.score(p, "1 1").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "1 2 3").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "4").reward == rewards.INVALID_SOLUTION
    q = {"A": [1, 2, 4], "optimum": 0}
    assert TASK.solve(q) == []
    assert TASK.generate(0, 0).reference_answer  # never empty: an empty answer could not be extracted
    assert TASK.score(q, "None").reward == 1.0
    assert TASK.score(q, "3").reward == 0.0
