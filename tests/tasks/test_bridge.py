"""Bridge: Tarjan's low-link DFS against removing each edge and testing connectivity."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.common.graphs import DisjointSets
from rlve_gym.envs.graph.bridge import Bridge

TASK = Bridge()


def brute_force_bridges(n: int, edges: list[list[int]]) -> list[tuple[int, int]]:
    found = []
    for skip, (u, v) in enumerate(edges):
        components = DisjointSets(n)
        for index, (a, b) in enumerate(edges):
            if index != skip:
                components.union(a, b)
        if components.find(u) != components.find(v):
            found.append((min(u, v), max(u, v)))
    return sorted(found)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 6, 10])
def test_generated_instances_match_edge_removal(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert TASK.solve(p) == brute_force_bridges(p["N"], p["edges"]) != []
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_graphs() -> None:
    rng = random.Random(13)
    for _ in range(150):
        n = rng.randint(1, 9)
        pairs = [[u, v] for u in range(n) for v in range(u + 1, n)]
        edges = rng.sample(pairs, rng.randint(0, len(pairs)))
        assert TASK.solve({"N": n, "edges": edges}) == brute_force_bridges(n, edges)


def test_hand_example_and_invalid_answers() -> None:
    # triangle 0-1-2 with a tail 2-3-4: bridges (2, 3) and (3, 4)
    p = {"N": 5, "edges": [[0, 1], [1, 2], [0, 2], [2, 3], [3, 4]]}
    assert TASK.solve(p) == [(2, 3), (3, 4)]
    assert TASK.score(p, "4 3 2 3").reward == 1.0
    assert TASK.score(p, "3 4").reward == pytest.approx(0.5**5)
    assert TASK.score(p, "").reward == 0.0
    for bad in ("0 1", "3 4 4 3", "2 4"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "2 3 4")
