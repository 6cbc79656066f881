"""PythagoreanGraph_IndependentSetCounting: the weighted forest DP against checking every subset of indices."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.pythagorean_graph_independent_set_counting import (
    PythagoreanGraph_IndependentSetCounting,
    count_weighted_independent_sets,
    primitive_legs,
)

TASK = PythagoreanGraph_IndependentSetCounting()


def brute_force(values: list[int]) -> int:
    n = len(values)
    conflicts = [(i, j) for i, j in itertools.combinations(range(n), 2) if primitive_legs(values[i], values[j])]
    return sum(not any(mask >> i & 1 and mask >> j & 1 for i, j in conflicts) for mask in range(1, 2**n))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3, 5])
def test_generated_instances_match_subset_enumeration(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["H"]) % p["MOD"])
        assert any(primitive_legs(a, b) for a, b in itertools.combinations(p["H"], 2))


def test_values_rich_in_triangles() -> None:
    rng = random.Random(1)
    legs = [3, 4, 5, 12, 8, 15, 7, 24, 20, 21, 9, 40, 35, 16, 63, 1, 2]
    for _ in range(30):
        values = [rng.choice(legs) for _ in range(rng.randint(2, 11))]
        assert TASK.solve({"H": values, "MOD": 10**9}) == brute_force(values), values


def test_weighted_count_on_graphs_with_cycles() -> None:
    rng = random.Random(2)
    for _ in range(80):
        n = rng.randint(1, 8)
        weights = {v: rng.randint(1, 4) for v in range(n)}
        pairs = list(itertools.combinations(range(n), 2))
        edges = rng.sample(pairs, rng.randint(0, len(pairs)))
        expected = 0
        for mask in range(2**n):
            if not any(mask >> u & 1 and mask >> v & 1 for u, v in edges):
                product = 1
                for v in range(n):
                    if mask >> v & 1:
                        product *= weights[v]
                expected += product
        assert count_weighted_independent_sets(weights, edges, 10**9 + 7) == expected % (10**9 + 7), edges


def test_hand_examples() -> None:
    # H = [3, 4, 4]: index 0 conflicts with 1 and 2; of the 7 non-empty subsets, {0,1}, {0,2}, {0,1,2} fail
    assert TASK.solve({"H": [3, 4, 4], "MOD": 1000}) == 4
    assert TASK.solve({"H": [6, 8, 10], "MOD": 1000}) == 7  # 6-8-10 is not primitive
    assert TASK.score({"H": [3, 4, 4], "MOD": 3}, "1").reward == 1.0
