"""MostComponentTreeRemovingTwoPaths: the O(n²) formula against every pair of edge-disjoint paths."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.graph.most_component_tree_removing_two_paths import (
    MostComponentTreeRemovingTwoPaths,
    most_components,
)

TASK = MostComponentTreeRemovingTwoPaths()


def brute_most(n: int, edges: list[list[int]]) -> int:
    neighbours = {v: set() for v in range(1, n + 1)}
    for u, v in edges:
        neighbours[u].add(v)
        neighbours[v].add(u)

    def path(a: int, b: int) -> tuple[set[int], set[frozenset[int]]]:
        previous = {a: None}
        frontier = [a]
        while frontier:
            vertex = frontier.pop()
            for other in neighbours[vertex]:
                if other not in previous:
                    previous[other] = vertex
                    frontier.append(other)
        vertices, walk = {b}, b
        path_edges = set()
        while previous[walk] is not None:
            path_edges.add(frozenset((walk, previous[walk])))
            walk = previous[walk]
            vertices.add(walk)
        return vertices, path_edges

    def components(removed: set[int]) -> int:
        seen, count = set(removed), 0
        for start in range(1, n + 1):
            if start not in seen:
                count += 1
                seen.add(start)
                stack = [start]
                while stack:
                    for other in neighbours[stack.pop()]:
                        if other not in seen:
                            seen.add(other)
                            stack.append(other)
        return count

    paths = [path(a, b) for a in range(1, n + 1) for b in range(a, n + 1)]
    return max(components(first[0] | second[0]) for first in paths for second in paths if not first[1] & second[1])


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        n, edges = problem.parameters["N"], problem.parameters["edges"]
        assert int(problem.reference_answer) == brute_most(n, edges)


def test_random_trees() -> None:
    rng = random.Random(11)
    for _ in range(40):
        n = rng.randint(2, 10)
        edges = [sorted([u + 1, v + 1]) for u, v in random_tree_edges(rng, n)]
        assert most_components(n, edges) == brute_most(n, edges)


def test_hand_examples() -> None:
    star = [[1, v] for v in range(2, 7)]  # delete the centre: 5 leaves remain
    assert most_components(6, star) == 5
    path = [[v, v + 1] for v in range(1, 7)]  # 1-2-...-7: delete 2 and 5 (or 2 and 4, 6)
    assert most_components(7, path) == 3
    assert TASK.score({"N": 6, "edges": star}, "5").reward == 1.0
    assert TASK.score({"N": 6, "edges": star}, "4").reward == 0.0
