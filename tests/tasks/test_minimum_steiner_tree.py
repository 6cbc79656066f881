"""MinimumSteinerTree: the metric-closure solver against an enumeration of every edge subset."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.common.graphs import DisjointSets, random_tree_edges
from rlve_gym.envs.graph.minimum_steiner_tree import MinimumSteinerTree

TASK = MinimumSteinerTree()


def brute_force_weight(parameters: dict) -> int:
    """Lightest edge subset that connects every terminal (all 2^E subsets)."""
    edges, terminals = parameters["edges"], parameters["terminals"]
    best = None
    for mask in range(1 << len(edges)):
        chosen = [edges[i] for i in range(len(edges)) if mask >> i & 1]
        weight = sum(w for _, _, w in chosen)
        if best is not None and weight >= best:
            continue
        components = DisjointSets(parameters["N"])
        for u, v, _ in chosen:
            components.union(u, v)
        if len({components.find(t) for t in terminals}) == 1 and all(
            any(t in (u, v) for u, v, _ in chosen) for t in terminals
        ):
            best = weight
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_enumeration(difficulty: int) -> None:
    for seed in range(8):  # N ≤ 6, so at most 2^15 edge subsets
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == brute_force_weight(p)
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_sparse_graphs() -> None:
    rng = random.Random(11)
    for _ in range(40):
        n = rng.randint(4, 8)
        tree = {(min(u, v), max(u, v)) for u, v in random_tree_edges(rng, n)}
        spare = [(u, v) for u in range(n) for v in range(u + 1, n) if (u, v) not in tree]
        chosen = sorted(tree) + rng.sample(spare, min(len(spare), rng.randint(0, 4)))
        p = {
            "N": n,
            "edges": [[u, v, rng.randint(1, 6)] for u, v in chosen],
            "terminals": rng.sample(range(n), rng.randint(2, n)),
        }
        assert TASK.weight(p, TASK.solve(p)) == brute_force_weight(p), p


def test_hand_example_and_invalid_answers() -> None:
    # a star through 3 is cheaper (3) than any path between the terminals 0, 1, 2 (4)
    p = {"N": 4, "edges": [[0, 1, 2], [1, 2, 2], [0, 3, 1], [1, 3, 1], [2, 3, 1]], "terminals": [0, 1, 2], "best": 3}
    assert TASK.solve(p) == [(0, 3), (1, 3), (2, 3)]
    assert TASK.score(p, "3 0 3 1 2 3").reward == 1.0
    assert TASK.score(p, "0 1 1 2").reward == pytest.approx((3 / 4) ** 5)
    for bad in ("0 1", "0 3 1 3 2 3 0 3", "0 2 1 3", "0 1 2 3"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "0 3 1")
