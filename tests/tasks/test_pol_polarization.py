"""POLPolarization: the centroid formula against trying every orientation of the tree."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.graph.pol_polarization import POLPolarization

TASK = POLPolarization()


def best_orientation(n: int, edges: list[list[int]]) -> int:
    best = 0
    for mask in range(1 << len(edges)):
        out = [[] for _ in range(n)]
        for index, (u, v) in enumerate(edges):
            if mask >> index & 1:
                out[u].append(v)
            else:
                out[v].append(u)
        pairs = 0
        for source in range(n):
            seen, stack = {source}, [source]
            while stack:
                for w in out[stack.pop()]:
                    if w not in seen:
                        seen.add(w)
                        stack.append(w)
            pairs += len(seen) - 1
        best = max(best, pairs)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_all_orientations(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(best_orientation(p["N"], p["edges"]))


def test_random_trees() -> None:
    rng = random.Random(3)
    for _ in range(40):
        n = rng.randint(2, 9)
        edges = random_tree_edges(rng, n)
        assert TASK.solve({"N": n, "edges": edges}) == best_orientation(n, edges)


def test_hand_examples() -> None:
    assert TASK.solve({"N": 4, "edges": [[0, 1], [1, 2], [2, 3]]}) == 6  # a directed path
    # star with 4 leaves: 2 in, 2 out gives 4 (leaf-centre) + 2·2 (leaf to leaf) = 8
    star = {"N": 5, "edges": [[0, 1], [0, 2], [0, 3], [0, 4]]}
    assert TASK.solve(star) == 8
    assert TASK.score(star, "8").reward == 1.0
    assert TASK.score(star, "7").reward == 0.0
