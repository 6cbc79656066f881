"""TreeChangeOneEdgeDiameter: the centre/end formulas against trying every removal and every reconnection."""

from __future__ import annotations

import itertools
import random
from collections import deque

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.graph.tree_change_one_edge_diameter import TreeChangeOneEdgeDiameter

TASK = TreeChangeOneEdgeDiameter()


def bfs_diameter(n: int, edges: list[list[int]]) -> int | None:
    """Diameter of a graph on 1..n by BFS from every vertex; None if disconnected."""
    neighbours = {v: [] for v in range(1, n + 1)}
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    largest = 0
    for source in neighbours:
        dist = {source: 0}
        queue = deque([source])
        while queue:
            u = queue.popleft()
            for v in neighbours[u]:
                if v not in dist:
                    dist[v] = dist[u] + 1
                    queue.append(v)
        if len(dist) < n:
            return None
        largest = max(largest, *dist.values())
    return largest


def all_outcomes(n: int, edges: list[list[int]]) -> list[int]:
    outcomes = []
    for index in range(len(edges)):
        rest = edges[:index] + edges[index + 1 :]
        for u, v in itertools.combinations(range(1, n + 1), 2):
            if [u, v] not in rest:
                diameter = bfs_diameter(n, [*rest, [u, v]])
                if diameter is not None:
                    outcomes.append(diameter)
    return outcomes


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_every_change(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        outcomes = all_outcomes(p["N"], p["edges"])
        assert p["best"] == (min(outcomes) if p["goal"] == "minimize" else max(outcomes))
        assert TASK.score(p, problem.reference_answer).reward == 1.0


def test_random_trees_both_goals() -> None:
    rng = random.Random(11)
    for _ in range(25):
        n = rng.randint(2, 7)
        edges = sorted([min(v, p), max(v, p)] for v in range(2, n + 1) for p in [rng.randint(1, v - 1)])
        outcomes = all_outcomes(n, edges)
        assert TASK.solve({"N": n, "edges": edges, "goal": "minimize"})[1] == min(outcomes)
        assert TASK.solve({"N": n, "edges": edges, "goal": "maximize"})[1] == max(outcomes)


def test_hand_example_and_rewards() -> None:
    # star centred at 1 with leaves 2..5: diameter 2; moving leaf 5 under leaf 4 gives a path of length 3
    star = [[1, 2], [1, 3], [1, 4], [1, 5]]
    p = {"N": 5, "edges": star, "goal": "maximize", "best": 3}
    assert TASK.solve(p)[1] == 3
    assert TASK.score(p, "1 5 4 5").reward == 1.0
    assert TASK.score(p, "5 1 1 5").reward == pytest.approx((2 / 3) ** 5)  # put the same edge back
    for bad in ("2 3 1 2", "1 5 5 5", "1 5 1 2", "1 5 2 3", "1 5 5 9"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "1 5 4")
    q = {"N": 5, "edges": [[1, 2], [2, 3], [3, 4], [4, 5]], "goal": "minimize", "best": 3}
    assert TASK.solve(q)[1] == 3
    assert TASK.score(q, "4 5 2 5").reward == pytest.approx(1.0)  # path 1-2-3-4 with 5 hung on 2: diameter 3
