"""OddVisitation: the reference walk checked by an independent validator on generated and random graphs."""

from __future__ import annotations

import itertools
import random
from collections import Counter

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.common.graphs import DisjointSets
from rlve_gym.envs.graph.odd_visitation import OddVisitation

TASK = OddVisitation()


def is_odd_visitation(n: int, edges: list[list[int]], walk: list[int]) -> bool:
    adjacent = {frozenset(edge) for edge in edges}
    steps_ok = all(frozenset((a, b)) in adjacent for a, b in itertools.pairwise(walk))
    counts = Counter(walk)
    return steps_ok and all(counts[v] % 2 == 1 for v in range(n))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5, 10])
def test_generated_graphs_are_connected_and_reference_is_valid(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        n, edges = problem.parameters["N"], problem.parameters["edges"]
        components = DisjointSets(n)
        assert sum(components.union(u, v) for u, v in edges) == n - 1
        assert len({tuple(e) for e in edges}) == len(edges) and all(u < v for u, v in edges)
        walk = [int(v) for v in problem.reference_answer.split()]
        assert is_odd_visitation(n, edges, walk)
        assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_random_connected_graphs() -> None:
    rng = random.Random(5)
    for _ in range(200):
        n = rng.randint(1, 12)
        order = list(range(n))
        rng.shuffle(order)
        edges = {tuple(sorted((order[i], order[rng.randrange(i)]))) for i in range(1, n)}
        for _ in range(rng.randint(0, n)):
            u, v = rng.sample(range(n), 2) if n > 1 else (0, 0)
            if u != v:
                edges.add((min(u, v), max(u, v)))
        edge_list = [list(e) for e in sorted(edges)]
        assert is_odd_visitation(n, edge_list, TASK.solve({"N": n, "edges": edge_list}))


def test_hand_example_and_rewards() -> None:
    p = {"N": 3, "edges": [[0, 1], [1, 2]]}  # a path: 0 1 2 visits each vertex once
    assert TASK.score(p, "0 1 2").reward == 1.0
    assert TASK.score(p, "1 0 1 2 1").reward == 1.0  # 1 three times, 0 and 2 once each
    assert TASK.score(p, "0 1 0").reward == 0.0
    assert TASK.score(p, "").reward == 0.0
    assert TASK.score(p, "0 2 1").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 1 3").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "0 1 x")
