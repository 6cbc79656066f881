"""MaxXorPath: the cycle-basis answer against a search over every (vertex, XOR value) state a walk can reach."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.graph.max_xor_path import MaxXorPath

TASK = MaxXorPath()


def best_walk(n: int, edges: list[list[int]]) -> int:
    neighbours = {v: [] for v in range(n)}
    for u, v, w in edges:
        neighbours[u].append((v, w))
        neighbours[v].append((u, w))
    seen = {(0, 0)}
    stack = [(0, 0)]
    while stack:
        u, value = stack.pop()
        for v, w in neighbours[u]:
            state = (v, value ^ w)
            if state not in seen:
                seen.add(state)
                stack.append(state)
    return max(value for vertex, value in seen if vertex == n - 1)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_state_search(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert int(problem.reference_answer) == best_walk(p["N"], p["edges"])


def test_random_connected_graphs() -> None:
    rng = random.Random(11)
    for _ in range(60):
        n = rng.randint(2, 7)
        pairs = {(min(u, v), max(u, v)) for u, v in random_tree_edges(rng, n)}
        others = [(u, v) for u in range(n) for v in range(u + 1, n) if (u, v) not in pairs]
        pairs |= set(rng.sample(others, rng.randint(0, len(others))))
        edges = [[u, v, rng.randint(0, 63)] for u, v in sorted(pairs)]
        assert TASK.solve({"N": n, "edges": edges}) == best_walk(n, edges)


def test_hand_example() -> None:
    p = {"N": 3, "edges": [[0, 1, 1], [1, 2, 2], [0, 2, 4]]}
    # walks 0→2: 4, or 0→1→2: 3; the cycle value 1 ^ 2 ^ 4 = 7 gives 4 ^ 7 = 3 as well
    assert TASK.solve(p) == 4
    assert TASK.score(p, "4").reward == 1.0
    assert TASK.score(p, "3").reward == 0.0
