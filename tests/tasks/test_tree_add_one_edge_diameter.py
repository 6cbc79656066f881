"""TreeAddOneEdgeDiameter: the pair search against Floyd–Warshall on every augmented graph."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.graph.tree_add_one_edge_diameter import TreeAddOneEdgeDiameter

TASK = TreeAddOneEdgeDiameter()


def floyd_diameter(n: int, edges: list[list[int]]) -> int:
    inf = float("inf")
    dist = [[0 if i == j else inf for j in range(n + 1)] for i in range(n + 1)]
    for u, v, w in edges:
        dist[u][v] = dist[v][u] = min(dist[u][v], w)
    for k in range(1, n + 1):
        for i in range(1, n + 1):
            for j in range(1, n + 1):
                if dist[i][k] + dist[k][j] < dist[i][j]:
                    dist[i][j] = dist[i][k] + dist[k][j]
    return max(dist[i][j] for i in range(1, n + 1) for j in range(1, n + 1))


def brute_best(n: int, edges: list[list[int]], weight: int) -> int:
    return min(floyd_diameter(n, [*edges, [x, y, weight]]) for x in range(1, n + 1) for y in range(1, n + 1))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_floyd(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        best = brute_best(p["N"], p["edges"], p["L"])
        assert p["best"] == best
        x, y = map(int, problem.reference_answer.split())
        assert floyd_diameter(p["N"], [*p["edges"], [x, y, p["L"]]]) == best


def test_random_trees_every_answer_scores_consistently() -> None:
    rng = random.Random(7)
    for _ in range(6):
        n = rng.randint(2, 6)
        edges = [[v, rng.randint(1, v - 1), rng.randint(0, 5)] for v in range(2, n + 1)]
        p = {"N": n, "edges": edges, "L": rng.randint(0, 5)}
        p["best"] = TASK.solve(p)[1]
        assert p["best"] == brute_best(n, edges, p["L"])
        for x in range(1, n + 1):
            for y in range(1, n + 1):
                achieved = floyd_diameter(n, [*edges, [x, y, p["L"]]])
                verdict = TASK.score(p, f"{x} {y}")
                assert verdict.reward == pytest.approx((p["best"] / achieved) ** 5 if achieved else 1.0)


def test_hand_example_and_rewards() -> None:
    # path 1-2-3-4 with unit weights and a free (weight 0) new edge: joining the ends leaves every distance ≤ 1
    p = {"N": 4, "edges": [[1, 2, 1], [2, 3, 1], [3, 4, 1]], "L": 0, "best": 1}
    assert TASK.solve(p)[1] == 1
    assert TASK.score(p, "4 1").reward == 1.0
    assert TASK.score(p, "1 2").reward == pytest.approx(0.5**5)  # 2 and 1 merge; 1 → 4 still costs 2
    assert TASK.score(p, "2 2").reward == pytest.approx((1 / 3) ** 5)
    assert TASK.score(p, "0 2").reward == rewards.INVALID_SOLUTION
    for malformed in ("1", "1 2 3"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, malformed)
