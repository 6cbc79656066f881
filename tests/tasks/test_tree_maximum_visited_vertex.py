"""TreeMaximumVisitedVertex: the constructed walk against a search over (vertex, visited set) states."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.graph.tree_maximum_visited_vertex import TreeMaximumVisitedVertex

TASK = TreeMaximumVisitedVertex()


def best_by_search(n: int, edges: list[list[int]], steps: int) -> int:
    neighbours = [[] for _ in range(n)]
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    states = {(0, 1)}
    for _ in range(steps):
        states = {(w, visited | 1 << w) for v, visited in states for w in neighbours[v]}
    return max(bin(visited).count("1") for _, visited in states)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4, 6])
def test_generated_instances_match_search(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == best_by_search(p["N"], p["edges"], p["M"])
        assert TASK.score(p, problem.reference_answer).reward == 1.0


def test_random_trees_every_walk_length() -> None:
    rng = random.Random(17)
    for _ in range(12):
        n = rng.randint(2, 8)
        edges = [[rng.randint(0, v - 1), v] for v in range(1, n)]
        for steps in range(1, 2 * n):
            p = {"N": n, "edges": edges, "M": steps}
            walk = TASK.solve(p)
            p["best"] = best_by_search(n, edges, steps)
            assert len(set(walk)) == p["best"]
            assert TASK.score(p, " ".join(map(str, walk))).reward == 1.0


def test_hand_example_and_rewards() -> None:
    # 0 has leaves 1 and 2, and 2 has leaf 3; with 4 steps: 0 1 0 2 3 visits all four
    p = {"N": 4, "edges": [[0, 1], [0, 2], [2, 3]], "M": 4, "best": 4}
    assert len(set(TASK.solve(p))) == 4
    assert TASK.score(p, "0 1 0 2 3").reward == 1.0
    assert TASK.score(p, "0 2 0 2 3").reward == pytest.approx((3 / 4) ** 3)
    for bad in ("0 1 0 2", "1 0 1 0 2", "0 3 2 0 1", "0 1 0 2 9"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "")
