"""Minimum_VertexCover: branch and bound against every vertex subset."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.common.graphs import random_simple_graph_edges
from rlve_gym.envs.optimization.minimum_vertex_cover import Minimum_VertexCover, minimum_vertex_cover

TASK = Minimum_VertexCover()


def covers(n: int, edges: list[list[int]]) -> list[tuple[int, ...]]:
    return [
        subset
        for size in range(n + 1)
        for subset in itertools.combinations(range(n), size)
        if all(u in subset or v in subset for u, v in edges)
    ]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_exhaustive_search(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        all_covers = covers(p["N"], p["edges"])
        best = min(sum(p["C"][v] for v in cover) for cover in all_covers)
        assert p["optimum"] == best == sum(p["C"][v] for v in TASK.solve(p))
        assert TASK.score(p, problem.reference_answer).accuracy == 1
        for cover in all_covers[:50]:
            cost = sum(p["C"][v] for v in cover)
            assert TASK.score(p, " ".join(map(str, cover))).reward == pytest.approx((best / cost) ** 5)


def test_random_graphs() -> None:
    rng = random.Random(5)
    for _ in range(80):
        n = rng.randint(1, 10)
        edges = random_simple_graph_edges(rng, n, rng.randint(0, n * (n - 1) // 2))
        costs = [rng.randint(1, 10) for _ in range(n)]
        found = minimum_vertex_cover(n, edges, costs)
        assert tuple(found) in covers(n, edges)
        assert sum(costs[v] for v in found) == min(sum(costs[v] for v in c) for c in covers(n, edges))


def test_hand_example_and_invalid_answers() -> None:
    # a star centred on 0 (cost 5) with three leaves of cost 1: the leaves (3) beat the centre (5)
    p = {"N": 4, "edges": [[0, 1], [0, 2], [0, 3]], "C": [5, 1, 1, 1], "optimum": 3}
    assert minimum_vertex_cover(4, p["edges"], p["C"]) == [1, 2, 3]
    assert TASK.score(p, "3 2 1").reward == 1.0
    assert TASK.score(p, "0").reward == pytest.approx((3 / 5) ** 5)
    for bad in ("1 2", "1 1 2 3", "1 2 3 4", ""):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
