"""MaximumClique: branch and bound against every vertex subset."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.common.graphs import maximum_clique, random_simple_graph_edges
from rlve_gym.envs.optimization.maximum_clique import MaximumClique

TASK = MaximumClique()


def cliques(n: int, edges: list[list[int]]) -> list[tuple[int, ...]]:
    adjacent = {frozenset(edge) for edge in edges}
    return [
        subset
        for size in range(n + 1)
        for subset in itertools.combinations(range(n), size)
        if all(frozenset(pair) in adjacent for pair in itertools.combinations(subset, 2))
    ]


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_exhaustive_search(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        all_cliques = cliques(p["N"], p["edges"])
        best = max(len(c) for c in all_cliques)
        assert p["optimum"] == best == len(TASK.solve(p))
        assert TASK.score(p, problem.reference_answer).accuracy == 1
        for clique in all_cliques:
            assert TASK.score(p, " ".join(map(str, clique))).reward == pytest.approx((len(clique) / best) ** 5)


def test_random_graphs() -> None:
    rng = random.Random(7)
    for _ in range(80):
        n = rng.randint(1, 11)
        edges = random_simple_graph_edges(rng, n, rng.randint(0, n * (n - 1) // 2))
        found = maximum_clique(n, edges)
        assert tuple(found) in cliques(n, edges)
        assert len(found) == max(len(c) for c in cliques(n, edges))


def test_hand_example_and_invalid_answers() -> None:
    p = {"N": 4, "edges": [[0, 1], [1, 2], [0, 2], [2, 3]], "optimum": 3}
    assert maximum_clique(4, p["edges"]) == [0, 1, 2]
    assert TASK.score(p, "2 0 1").reward == 1.0
    assert TASK.score(p, "2 3").reward == pytest.approx((2 / 3) ** 5)
    assert TASK.score(p, "").reward == 0.0
    for bad in ("0 3", "0 0", "0 4", "-1"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
