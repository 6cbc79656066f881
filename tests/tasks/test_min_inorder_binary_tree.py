"""MinInorderBinaryTree: the per-subtree rule against every root and every left/right choice."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.graph.min_inorder_binary_tree import MinInorderBinaryTree, random_binary_tree_edges

TASK = MinInorderBinaryTree()


def every_inorder(n: int, edges: list[list[int]]) -> list[list[int]]:
    """All inorder traversals of all binary trees made from the edges."""
    neighbours: dict[int, list[int]] = {v: [] for v in range(1, n + 1)}
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)

    def traversals(u: int, parent: int) -> list[list[int]]:
        children = [v for v in neighbours[u] if v != parent]
        if len(children) > 2:
            return []
        results = []
        for slots in (
            [(None, None)]
            if not children
            else [(children[0], None), (None, children[0])]
            if len(children) == 1
            else [(children[0], children[1]), (children[1], children[0])]
        ):
            left_options = traversals(slots[0], u) if slots[0] else [[]]
            right_options = traversals(slots[1], u) if slots[1] else [[]]
            results += [[*left, u, *right] for left, right in itertools.product(left_options, right_options)]
        return results

    return [t for root in range(1, n + 1) for t in traversals(root, 0)]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_against_every_binary_tree(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert list(map(int, problem.reference_answer.split())) == min(every_inorder(p["N"], p["edges"]))


def test_random_binary_trees() -> None:
    rng = random.Random(9)
    for _ in range(60):
        n = rng.randint(1, 8)
        edges = random_binary_tree_edges(rng, n)
        assert len(edges) == n - 1
        assert TASK.solve({"N": n, "edges": edges}) == min(every_inorder(n, edges))


def test_hand_example_and_invalid_answers() -> None:
    # a star around 2: rooted at 4, node 2 keeps 1 and 3 as children (1 2 3), then 4 comes last
    p = {"N": 4, "edges": [[1, 2], [2, 3], [2, 4]]}
    assert TASK.solve(p) == [1, 2, 3, 4]
    assert TASK.score(p, "1 2 3 4").reward == 1.0
    assert TASK.score(p, "1 3 2 4").reward == pytest.approx(0.5**10)  # rooted at 1
    for bad in ("1 2 3", "1 2 3 3", "0 1 2 3"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
