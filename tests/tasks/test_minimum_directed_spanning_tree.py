"""MinimumDirectedSpanningTree: Chu-Liu/Edmonds against every choice of one entering arc per vertex."""

from __future__ import annotations

import itertools
import random

import networkx
import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.graph.minimum_directed_spanning_tree import MinimumDirectedSpanningTree

TASK = MinimumDirectedSpanningTree()


def brute_force_weight(n: int, root: int, edges: list[list[int]]) -> int:
    entering = {v: [(s, w) for s, t, w in edges if t == v] for v in range(n) if v != root}
    others = sorted(entering)
    best = None
    for choice in itertools.product(*(entering[v] for v in others)):
        parent = dict(zip(others, (s for s, _ in choice)))
        acyclic = True
        for start in others:
            vertex, steps = start, 0
            while vertex != root and steps <= n:
                vertex, steps = parent[vertex], steps + 1
            acyclic &= vertex == root
        if acyclic:
            weight = sum(w for _, w in choice)
            best = weight if best is None else min(best, weight)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_enumeration(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == brute_force_weight(p["N"], p["root"], p["edges"])
        assert TASK.score(p, problem.reference_answer).accuracy == 1


@pytest.mark.parametrize("difficulty", [5, 10])
def test_larger_instances_match_networkx(difficulty: int) -> None:
    for seed in range(4):
        p = TASK.generate(seed, difficulty).parameters
        graph = networkx.DiGraph()
        graph.add_weighted_edges_from([*p["edges"], [p["N"], p["root"], 0]])
        optimum = networkx.minimum_spanning_arborescence(graph)
        assert p["best"] == optimum.size(weight="weight")


def test_random_dense_graphs_with_cycles() -> None:
    rng = random.Random(12)
    for _ in range(60):
        n = rng.randint(2, 5)
        arcs = [(s, t) for s in range(n) for t in range(n) if s != t]
        edges = [[s, t, rng.randint(1, 6)] for s, t in arcs if rng.random() < 0.7]
        root = rng.randrange(n)
        expected = brute_force_weight(n, root, edges)
        if expected is None:
            continue
        p = {"N": n, "root": root, "edges": edges}
        chosen = TASK.solve(p)
        weights = {(s, t): w for s, t, w in edges}
        assert len(chosen) == n - 1 and sum(weights[a] for a in chosen) == expected, p


def test_hand_example_and_invalid_answers() -> None:
    # root 0; cheap 2-cycle 1 <-> 2 must be broken by one arc from the root
    edges = [[0, 1, 5], [0, 2, 6], [1, 2, 1], [2, 1, 1], [2, 3, 2], [1, 3, 4]]
    p = {"N": 4, "root": 0, "edges": edges, "best": 8}
    assert TASK.solve(p) == [(0, 1), (1, 2), (2, 3)]
    assert TASK.score(p, "0 1 1 2 2 3").reward == 1.0
    assert TASK.score(p, "0 1 0 2 1 3").reward == pytest.approx((8 / 15) ** 5)
    for bad in ("0 1 1 2", "0 1 1 2 2 1", "1 2 2 1 2 3", "0 1 1 2 3 2", "0 1 1 2 2 3 1 3", "2 0 0 1 1 3"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "0 1 1")
