"""MaxTree_KPathCoverage: the leaf-layer formula against every choice of K distinct vertex pairs."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.graph.max_tree_k_path_coverage import MaxTree_KPathCoverage, most_covered

TASK = MaxTree_KPathCoverage()


def brute_force(n: int, edges: list[list[int]], k: int) -> int:
    neighbours: dict[int, list[int]] = {v: [] for v in range(n)}
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)

    def path(source: int, target: int) -> frozenset[int]:
        parent = {source: source}
        stack = [source]
        while stack:
            u = stack.pop()
            for v in neighbours[u]:
                if v not in parent:
                    parent[v] = u
                    stack.append(v)
        cells = {target}
        while target != source:
            target = parent[target]
            cells.add(target)
        return frozenset(cells)

    paths = [path(u, v) for u in range(n) for v in range(u + 1, n)]
    return max(len(frozenset().union(*chosen)) for chosen in itertools.combinations(paths, k))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_against_every_choice(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert int(problem.reference_answer) == brute_force(p["N"], p["edges"], p["K"])


def test_random_trees_and_path_counts() -> None:
    rng = random.Random(12)
    for _ in range(60):
        n = rng.randint(2, 8)
        edges = random_tree_edges(rng, n)
        k = rng.randint(1, min(3, n * (n - 1) // 2))
        assert most_covered(n, edges, k) == brute_force(n, edges, k)


def test_hand_example() -> None:
    # a spider: centre 0 with legs 0-1-2, 0-3-4, 0-5-6; one path covers two legs and the centre
    edges = [[0, 1], [1, 2], [0, 3], [3, 4], [0, 5], [5, 6]]
    p = {"N": 7, "edges": edges, "K": 1}
    assert TASK.solve(p) == 5
    assert TASK.score(p, "5").reward == 1.0
    assert TASK.score(p, "7").reward == 0.0
    assert TASK.solve({**p, "K": 2}) == 7
