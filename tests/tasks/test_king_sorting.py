"""KingSorting: the a·b order against every permutation at small N."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.optimization.king_sorting import KingSorting, largest_reward

TASK = KingSorting()


def least_by_enumeration(first: list[int], pairs: list[list[int]]) -> int:
    return min(largest_reward(first, pairs, list(order)) for order in itertools.permutations(range(1, len(pairs) + 1)))


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == least_by_enumeration(p["first"], p["pairs"])
        assert TASK.score(p, problem.reference_answer).reward == 1.0


def test_product_order_on_random_pairs() -> None:
    rng = random.Random(2)
    for _ in range(150):
        first = [rng.randint(1, 10), rng.randint(1, 10)]
        pairs = [[rng.randint(1, 10), rng.randint(1, 10)] for _ in range(rng.randint(1, 6))]
        order = sorted(range(1, len(pairs) + 1), key=lambda i: pairs[i - 1][0] * pairs[i - 1][1])
        assert largest_reward(first, pairs, order) == least_by_enumeration(first, pairs)


def test_hand_example_and_invalid_answers() -> None:
    # the classic sample: (1, 1) then (2, 3), (7, 4), (4, 6); the best maximum is 2
    parameters = {"N": 3, "first": [1, 1], "pairs": [[2, 3], [7, 4], [4, 6]], "best": 2}
    assert TASK.score(parameters, "1 2 3").reward == 1.0
    assert largest_reward([1, 1], parameters["pairs"], [2, 3, 1]) == 9  # 7·4 // 3
    assert TASK.score(parameters, "2 3 1").reward == pytest.approx((2 / 9) ** 5)
    assert TASK.score(parameters, "1 2").reward == -0.5
    assert TASK.score(parameters, "0 1 2").reward == -0.5
    zero = {"N": 2, "first": [1, 1], "pairs": [[1, 2], [1, 3]], "best": 0}
    assert TASK.score(zero, "2 1").reward == 1.0
