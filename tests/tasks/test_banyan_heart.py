"""BanyanHeart: the tree DP against a search over every growth order."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.graph.banyan_heart import BanyanHeart

TASK = BanyanHeart()


def final_hearts(n: int, edges: list[list[int]]) -> str:
    """Explore all states (present vertices, heart) reachable from ({1}, 1); collect hearts of full states."""
    neighbours = {v: [] for v in range(1, n + 1)}
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    toward = {}  # toward[target][v]: v's neighbour on the path to target
    for target in neighbours:
        step = {target: target}
        frontier = [target]
        for u in frontier:
            for v in neighbours[u]:
                if v not in step:
                    step[v] = u
                    frontier.append(v)
        toward[target] = step
    full = (1 << (n + 1)) - 2
    seen = {(1 << 1, 1)}
    stack = [(1 << 1, 1)]
    ends = set()
    while stack:
        present, heart = stack.pop()
        if present == full:
            ends.add(heart)
            continue
        for v in range(1, n + 1):
            if not present >> v & 1 and any(present >> u & 1 for u in neighbours[v]):
                state = (present | 1 << v, toward[v][heart])
                if state not in seen:
                    seen.add(state)
                    stack.append(state)
    return "".join("T" if v in ends else "F" for v in range(1, n + 1))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_search(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == final_hearts(p["N"], p["edges"])


def test_random_trees_up_to_nine_vertices() -> None:
    rng = random.Random(5)
    for _ in range(60):
        n = rng.randint(2, 9)
        edges = [[u + 1, v + 1] for u, v in random_tree_edges(rng, n)]
        assert TASK.solve({"N": n, "edges": edges}) == final_hearts(n, edges), edges


def test_hand_examples_and_scoring() -> None:
    path = {"N": 4, "edges": [[1, 2], [2, 3], [3, 4]]}
    assert TASK.solve(path) == "FFFT"  # on a path from its end the heart simply follows the growth
    star = {"N": 4, "edges": [[1, 2], [1, 3], [1, 4]]}
    assert TASK.solve(star) == "FTTT"  # three leaves: out, back, out again
    assert TASK.score(star, "FTTT").reward == 1.0
    assert TASK.score(star, "fttt").reward == 1.0
    assert TASK.score(star, "FTTF").reward == pytest.approx((2 / 3) ** 5)
    assert TASK.score(star, "TFFF").reward == 0.0
    for bad in ("FTT", "FTTTT", "FTTX"):
        with pytest.raises(AnswerFormatError):
            TASK.score(star, bad)
