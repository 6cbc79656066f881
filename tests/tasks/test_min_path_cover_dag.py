"""MinPathCover_DAG: the min-cost flow against a search over sets of distinct paths from vertex 1.

A cheapest cover never repeats a path (dropping a copy keeps every edge covered and is cheaper), so the
optimum is a cheapest set cover of the edges by distinct paths, found here by a DP over covered-edge masks.
"""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.min_path_cover_dag import MinPathCover_DAG

TASK = MinPathCover_DAG()


def cheapest_cover(n: int, edges: list[list[int]]) -> int:
    index = {(s, t): i for i, (s, t, _) in enumerate(edges)}
    outgoing = {v: [t for s, t, _ in edges if s == v] for v in range(1, n + 1)}
    paths = []  # (edge mask, weight) of every path from 1 with at least one edge

    def extend(vertex: int, mask: int, weight: int) -> None:
        for t in outgoing[vertex]:
            i = index[(vertex, t)]
            paths.append((mask | 1 << i, weight + edges[i][2]))
            extend(t, mask | 1 << i, weight + edges[i][2])

    extend(1, 0, 0)
    full = (1 << len(edges)) - 1
    best = {0: 0}
    for path_mask, weight in paths:
        for mask, cost in list(best.items()):
            union = mask | path_mask
            if cost + weight < best.get(union, float("inf")):
                best[union] = cost + weight
    return best[full]


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_flow_matches_exhaustive_cover(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        optimum = cheapest_cover(p["N"], p["edges"])
        assert TASK.solve(p) == optimum
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_hand_example_and_invalid_answers() -> None:
    # 1 → 2 → 3 and 1 → 3: paths "1 2 3" and "1 3" cost 2 + 3 + 10 = 15
    p = {"N": 3, "edges": [[1, 2, 2], [2, 3, 3], [1, 3, 10]]}
    assert TASK.solve(p) == 15
    assert TASK.score(p, "1 2 3\n1 3").reward == 1.0
    assert TASK.score(p, "1 2 3\n1 3\n1 2").reward == pytest.approx((15 / 17) ** 5)
    assert TASK.score(p, "1 2 3").reward == -0.2
    assert TASK.score(p, "2 3\n1 3\n1 2").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "1 3 2").reward == rewards.INVALID_SOLUTION
    # vertex 2 has out-degree 2 and in-degree 1, so the edge 1 → 2 must be walked twice
    fork = {"N": 4, "edges": [[1, 2, 5], [2, 3, 1], [2, 4, 1]]}
    assert TASK.solve(fork) == 12
