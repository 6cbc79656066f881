"""Max_TreeConstrainedPermutation_Weight: block merging against every permutation respecting the constraints."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.max_tree_constrained_permutation_weight import (
    Max_TreeConstrainedPermutation_Weight,
    positional_weight,
)

TASK = Max_TreeConstrainedPermutation_Weight()


def brute_force(weights: list[int], parents: list[int]) -> int:
    best = None
    for order in itertools.permutations(range(1, len(weights) + 1)):
        position = {element: index for index, element in enumerate(order)}
        if all(not parent or position[parent] < position[i] for i, parent in enumerate(parents, start=1)):
            value = positional_weight(weights, list(order))
            best = value if best is None else max(best, value)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_against_every_permutation(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        order = list(map(int, problem.reference_answer.split()))
        assert TASK.score(p, problem.reference_answer).accuracy == 1
        assert positional_weight(p["W"], order) == brute_force(p["W"], p["A"])


def test_random_forests_with_ties() -> None:
    rng = random.Random(21)
    for _ in range(150):
        n = rng.randint(1, 6)
        p = {"W": [rng.randint(1, 3) for _ in range(n)], "A": [rng.randint(0, i) for i in range(n)]}
        order = TASK.solve(p)
        assert TASK.score(p, " ".join(map(str, order))).accuracy == 1
        assert positional_weight(p["W"], order) == brute_force(p["W"], p["A"])


def test_hand_example_and_invalid_answers() -> None:
    # element 1 (weight 5) must precede element 2 (weight 1); element 3 (weight 3) is free
    p = {"W": [5, 1, 3], "A": [0, 1, 0]}
    # orders: 1 2 3 → 5+2+9 = 16; 1 3 2 → 5+6+3 = 14; 3 1 2 → 3+10+3 = 16
    assert brute_force(p["W"], p["A"]) == 16
    assert TASK.score(p, "3 1 2").reward == 1.0
    assert TASK.score(p, "1 3 2").reward == pytest.approx((14 / 16) ** 5)
    for bad in ("2 1 3", "1 2", "1 2 2", "0 1 2"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
