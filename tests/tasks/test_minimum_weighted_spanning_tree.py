"""MinimumWeightedSpanningTree: the layered subset DP against every spanning tree and root."""

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.graph.minimum_weighted_spanning_tree import (
    MinimumWeightedSpanningTree,
    cheapest_rooted_tree,
    tree_cost,
)

TASK = MinimumWeightedSpanningTree()


def brute_force_optimum(n: int, edges: list[list[int]]) -> int | None:
    """Every (n-1)-subset of edges that is a tree, every root; depths by a plain DFS."""
    best = None
    for subset in itertools.combinations(edges, n - 1):
        neighbours: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        for u, v, w in subset:
            neighbours[u].append((v, w))
            neighbours[v].append((u, w))
        for root in range(n):
            depth, stack, cost = {root: 0}, [root], 0
            while stack:
                u = stack.pop()
                for v, w in neighbours[u]:
                    if v not in depth:
                        depth[v] = depth[u] + 1
                        cost += w * depth[v]
                        stack.append(v)
            if len(depth) == n and (best is None or cost < best):
                best = cost
    return best


def test_generated_instances_match_brute_force() -> None:
    for difficulty in (0, 1, 2, 3):
        for seed in range(5):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert p["optimum"] == brute_force_optimum(p["N"], p["edges"])
            assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_graphs() -> None:
    rng = random.Random(21)
    checked = 0
    while checked < 40:
        n = rng.randint(2, 6)
        pairs = [(u, v) for u in range(n) for v in range(u + 1, n)]
        edges = [[u, v, rng.randint(0, n)] for u, v in rng.sample(pairs, rng.randint(n - 1, len(pairs)))]
        best = brute_force_optimum(n, edges)
        if best is None:
            continue  # disconnected
        checked += 1
        root, tree = cheapest_rooted_tree(n, edges)
        assert len(tree) == n - 1
        assert tree_cost(n, {(u, v): w for u, v, w in edges}, root, tree) == best


def test_hand_example_and_rewards() -> None:
    # a triangle with a heavy edge: root 1 with both light edges costs 1 + 1, any tree using (0, 2) costs more
    edges = [[0, 1, 1], [1, 2, 1], [0, 2, 5]]
    assert cheapest_rooted_tree(3, edges)[0] == 1
    p = {"N": 3, "edges": edges, "optimum": 2}
    assert TASK.score(p, "1 0 1 1 2").reward == 1.0
    assert TASK.score(p, "0 0 1 1 2").reward == pytest.approx((2 / 3) ** 5)  # 1·1 + 1·2
    for bad in ("3 0 1 1 2", "1 0 1", "1 0 1 0 1", "1 0 1 1 1"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "1 0 1 1")


def test_planted_optimum_beyond_the_exact_solver() -> None:
    import rlve_gym

    task = rlve_gym.get_task("MinimumWeightedSpanningTree")
    for difficulty in (13, 20):
        for seed in range(5):
            problem = task.generate(seed, difficulty)
            n, edges = problem.parameters["N"], problem.parameters["edges"]
            # every weight is at least 1, so each non-root vertex costs at least 1: N - 1 is a lower bound
            assert all(w >= 1 for _, _, w in edges) and problem.parameters["optimum"] == n - 1
            assert task.verify(problem, f"<answer>{problem.reference_answer}</answer>").accuracy == 1
