"""Clique_IndependentSet_Partitioning_Counting: the split-graph count against checking every subset S."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.clique_independent_set_partitioning_counting import (
    Clique_IndependentSet_Partitioning_Counting,
)

TASK = Clique_IndependentSet_Partitioning_Counting()


def brute_force(n: int, edges: list[list[int]]) -> int:
    edge_set = {frozenset(edge) for edge in edges}
    count = 0
    for mask in range(1, 2**n - 1):
        group_s = [v for v in range(n) if mask >> v & 1]
        group_t = [v for v in range(n) if not mask >> v & 1]
        clique = all(frozenset(pair) in edge_set for pair in itertools.combinations(group_s, 2))
        independent = not any(frozenset(pair) in edge_set for pair in itertools.combinations(group_t, 2))
        count += clique and independent
    return count


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_subset_enumeration(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["N"], p["edges"]))


def test_arbitrary_graphs_including_non_split() -> None:
    rng = random.Random(11)
    for _ in range(150):
        n = rng.randint(2, 7)
        pairs = [[u, v] for u in range(n) for v in range(u + 1, n)]
        edges = rng.sample(pairs, rng.randint(0, len(pairs)))
        assert TASK.solve({"N": n, "edges": edges}) == brute_force(n, edges), edges


def test_hand_examples() -> None:
    # a triangle: S = any two vertices (T = the third); a one-vertex S leaves an edge inside T
    assert TASK.solve({"N": 3, "edges": [[0, 1], [1, 2], [0, 2]]}) == 3
    # a 4-cycle is not split
    assert TASK.solve({"N": 4, "edges": [[0, 1], [1, 2], [2, 3], [0, 3]]}) == 0
    # one edge 0-1 and vertex 2: S = {0}, {1} or {0, 1}; S = {2} would leave the edge inside T
    assert TASK.solve({"N": 3, "edges": [[0, 1]]}) == 3
    assert TASK.score({"N": 3, "edges": [[0, 1]]}, "-3").reward == -1.0
