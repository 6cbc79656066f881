"""Tree_DistanceEqualTriad_Counting: centre/branch sums against checking every triple's distances."""

from __future__ import annotations

import itertools
import random
from collections import deque

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.tree_distance_equal_triad_counting import Tree_DistanceEqualTriad_Counting

TASK = Tree_DistanceEqualTriad_Counting()


def count_by_triples(n: int, edges: list[list[int]]) -> int:
    neighbours = {v: [] for v in range(1, n + 1)}
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    dist = {}
    for source in neighbours:
        seen = {source: 0}
        queue = deque([source])
        while queue:
            u = queue.popleft()
            for v in neighbours[u]:
                if v not in seen:
                    seen[v] = seen[u] + 1
                    queue.append(v)
        dist[source] = seen
    return sum(dist[a][b] == dist[a][c] == dist[b][c] for a, b, c in itertools.combinations(range(1, n + 1), 3))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 8])
def test_generated_instances_match_triples(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(count_by_triples(p["N"], p["edges"]))


def test_random_bushy_trees() -> None:
    rng = random.Random(29)
    for _ in range(40):
        n = rng.randint(1, 12)
        edges = [[rng.randint(1, max(1, v // 3)), v] for v in range(2, n + 1)]
        assert TASK.solve({"N": n, "edges": edges}) == count_by_triples(n, edges)


def test_hand_examples_and_rewards() -> None:
    star = {"N": 5, "edges": [[1, 2], [1, 3], [1, 4], [1, 5]]}  # any 3 leaves: C(4, 3)
    assert TASK.solve(star) == 4
    assert TASK.score(star, "4").reward == 1.0
    assert TASK.score(star, "2").reward == pytest.approx(0.5**10)
    assert TASK.score(star, "-4").reward == rewards.WRONG_FORMAT
    path = {"N": 4, "edges": [[1, 2], [2, 3], [3, 4]]}
    assert TASK.solve(path) == 0
    assert TASK.score(path, "0").reward == 1.0
