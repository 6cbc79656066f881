"""SalesmanFatigue: the greedy against enumeration of every subset."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.salesman_fatigue import SalesmanFatigue, best_totals

TASK = SalesmanFatigue()


def brute_force(distances: list[int], values: list[int]) -> list[int]:
    n = len(values)
    return [
        max(
            2 * max(distances[i] for i in chosen) + sum(values[i] for i in chosen)
            for chosen in itertools.combinations(range(n), k)
        )
        for k in range(1, n + 1)
    ]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_reference_matches_enumeration(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == " ".join(map(str, brute_force(p["S"], p["A"])))


def test_random_small_instances_with_ties() -> None:
    rng = random.Random(1)
    for _ in range(200):
        n = rng.randint(1, 7)
        distances = sorted(rng.randint(1, 6) for _ in range(n))
        values = [rng.randint(1, 4) for _ in range(n)]
        assert best_totals(distances, values) == brute_force(distances, values)


def test_hand_example_and_scoring() -> None:
    p = {"S": [1, 2, 10], "A": [5, 4, 1]}
    # k=1: 2·10 + 1 = 21; k=2: 20 + 5 + 1 = 26; k=3: 20 + 10 = 30
    assert TASK.solve(p) == [21, 26, 30]
    assert TASK.score(p, "21 26 30").reward == 1.0
    assert TASK.score(p, "21 26 31").reward == pytest.approx((2 / 3) ** 5)
    assert TASK.score(p, "21 26").reward == rewards.INVALID_SOLUTION
