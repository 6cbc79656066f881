"""Minimum_CrossingEdges_GraphPartition: the subset DP against every labelling with all K labels used."""

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.common.graphs import random_simple_graph_edges
from rlve_gym.envs.optimization.minimum_crossing_edges_graph_partition import (
    Minimum_CrossingEdges_GraphPartition,
    best_partition,
    crossing_edges,
)

TASK = Minimum_CrossingEdges_GraphPartition()


def brute_force_optimum(n: int, edges: list[list[int]], parts: int) -> int:
    return min(
        crossing_edges(edges, list(labels))
        for labels in itertools.product(range(parts), repeat=n)
        if len(set(labels)) == parts
    )


def test_generated_instances_match_brute_force() -> None:
    for difficulty in (0, 1, 2, 3):
        for seed in range(6):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert p["optimum"] == brute_force_optimum(p["N"], p["edges"], p["K"])
            assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_graphs() -> None:
    rng = random.Random(17)
    for _ in range(50):
        n = rng.randint(2, 7)
        parts = rng.randint(1, n)
        edges = random_simple_graph_edges(rng, n, rng.randint(0, n * (n - 1) // 2))
        labels = best_partition(n, edges, parts)
        assert sorted(set(labels)) == list(range(parts))
        assert crossing_edges(edges, labels) == brute_force_optimum(n, edges, parts)


def test_hand_example_and_rewards() -> None:
    # two triangles joined by one edge: splitting them cuts 1 edge
    edges = [[0, 1], [1, 2], [0, 2], [3, 4], [4, 5], [3, 5], [2, 3]]
    p = {"N": 6, "K": 2, "edges": edges, "optimum": 1}
    assert crossing_edges(edges, best_partition(6, edges, 2)) == 1
    assert TASK.score(p, "0 0 0 1 1 1").reward == 1.0
    assert TASK.score(p, "1 1 1 0 0 0").reward == 1.0
    assert TASK.score(p, "0 0 1 1 1 1").reward == pytest.approx((1 / 2) ** 5)
    for bad in ("0 0 0 0 0 0", "0 0 0 1 1 2", "0 0 0 1 1", "0 0 0 1 1 -1"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION


def test_planted_optimum_beyond_the_exact_solver() -> None:
    import networkx as nx

    import rlve_gym

    task = rlve_gym.get_task("Minimum_CrossingEdges_GraphPartition")
    for difficulty in (13, 20):
        for seed in range(5):
            problem = task.generate(seed, difficulty)
            n, parts, edges = problem.parameters["N"], problem.parameters["K"], problem.parameters["edges"]
            graph = nx.Graph()
            graph.add_nodes_from(range(n))
            graph.add_edges_from(map(tuple, edges))
            # connected: any split into K non-empty sets cuts at least K - 1 edges, and the planted one cuts K - 1
            assert nx.is_connected(graph) and problem.parameters["optimum"] == parts - 1
            assert task.verify(problem, f"<answer>{problem.reference_answer}</answer>").accuracy == 1
