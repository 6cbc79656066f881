"""MinimumSpanningTree: Kruskal against every (N-1)-edge subset at small N."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.graph.minimum_spanning_tree import MinimumSpanningTree

TASK = MinimumSpanningTree()


def is_spanning_tree(n: int, pairs: list[tuple[int, int]]) -> bool:
    reached, frontier = {0}, [0]
    while frontier:
        vertex = frontier.pop()
        for u, v in pairs:
            for a, b in ((u, v), (v, u)):
                if a == vertex and b not in reached:
                    reached.add(b)
                    frontier.append(b)
    return len(pairs) == n - 1 and len(reached) == n


def brute_best(n: int, edges: list[list[int]]) -> int:
    return min(
        sum(w for _, _, w in subset)
        for subset in itertools.combinations(edges, n - 1)
        if is_spanning_tree(n, [(u, v) for u, v, _ in subset])
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        n, edges = problem.parameters["N"], problem.parameters["edges"]
        assert len({(u, v) for u, v, _ in edges}) == len(edges) > n - 1
        numbers = list(map(int, problem.reference_answer.split()))
        pairs = list(zip(numbers[::2], numbers[1::2]))
        weight = {(u, v): w for u, v, w in edges}
        assert is_spanning_tree(n, pairs)
        assert sum(weight[min(p), max(p)] for p in pairs) == brute_best(n, edges)


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"N": 4, "edges": [[0, 1, 1], [1, 2, 2], [2, 3, 1], [0, 3, 5], [0, 2, 3]]}
    assert TASK.score(parameters, "0 1 2 1 3 2").reward == 1.0
    assert TASK.score(parameters, "0 1 0 2 2 3").reward == pytest.approx((4 / 5) ** 5)
    assert TASK.score(parameters, "0 1 1 2").reward == -0.5  # too few edges
    assert TASK.score(parameters, "0 1 1 3 2 3").reward == -0.5  # (1, 3) is not an edge
    assert TASK.score(parameters, "0 1 1 2 0 2").reward == -0.5  # a cycle
    with pytest.raises(AnswerFormatError):
        TASK.score(parameters, "0 1 1")
