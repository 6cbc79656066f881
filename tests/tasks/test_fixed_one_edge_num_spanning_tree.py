"""FixedOneEdgeNum_SpanningTree: the exchange solver against every (N-1)-edge subset at small N."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.graph.fixed_one_edge_num_spanning_tree import FixedOneEdgeNum_SpanningTree

TASK = FixedOneEdgeNum_SpanningTree()


def is_spanning_tree(n: int, pairs: list[list[int]]) -> bool:
    reached, frontier = {0}, [0]
    while frontier:
        vertex = frontier.pop()
        for u, v, _ in pairs:
            for a, b in ((u, v), (v, u)):
                if a == vertex and b not in reached:
                    reached.add(b)
                    frontier.append(b)
    return len(pairs) == n - 1 and len(reached) == n


def achievable_one_counts(n: int, edges: list[list[int]]) -> set[int]:
    """Weight-1 counts of all spanning trees, by enumerating edge subsets."""
    return {
        sum(w for _, _, w in subset)
        for subset in itertools.combinations(edges, n - 1)
        if is_spanning_tree(n, list(subset))
    }


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_solver_finds_a_tree_exactly_when_brute_force_does(difficulty: int) -> None:
    for seed in range(5):
        parameters = TASK.generate(seed, difficulty).parameters
        n, edges = parameters["N"], parameters["edges"]
        possible = achievable_one_counts(n, edges)
        assert parameters["K"] in possible
        for target in range(n):
            tree = TASK.solve({**parameters, "K": target})
            assert (tree is not None) == (target in possible), (seed, target)
            if tree is not None:
                answer = " ".join(f"{u} {v}" for u, v in tree)
                assert TASK.score({**parameters, "K": target}, answer).reward == 1.0


def test_hand_example_and_invalid_answers() -> None:
    # a 4-cycle 0-1-2-3-0 with weights 1, 0, 1, 0 plus the chord (0, 2) of weight 1
    parameters = {"N": 4, "K": 2, "edges": [[0, 1, 1], [1, 2, 0], [2, 3, 1], [0, 3, 0], [0, 2, 1]]}
    assert TASK.score(parameters, "0 1 1 2 2 3").reward == 1.0
    assert TASK.score(parameters, "1 0 3 2 0 3").reward == 1.0  # any order and orientation
    assert TASK.score(parameters, "1 2 2 3 0 3").reward == 0.0  # a spanning tree with one weight-1 edge
    assert TASK.score(parameters, "0 1 1 2").reward == -0.5  # too few edges
    assert TASK.score(parameters, "0 1 1 3 2 3").reward == -0.5  # (1, 3) is not an edge
    assert TASK.score(parameters, "0 1 1 2 0 2").reward == -0.5  # a cycle
    assert TASK.solve({**parameters, "K": 0}) is None  # (0, 1, 2, 3) cannot be joined by 0-edges alone
    with pytest.raises(AnswerFormatError):
        TASK.score(parameters, "0 1 1")
