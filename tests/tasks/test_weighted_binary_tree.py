"""WeightedBinaryTree: the interval DP against scoring every binary tree with the given in-order."""

from __future__ import annotations

import functools
import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.weighted_binary_tree import WeightedBinaryTree, preorder_score

TASK = WeightedBinaryTree()


def all_trees(low: int, high: int) -> list[tuple[list[int], object]]:
    """Every tree on low..high-1 as (pre-order, nested (root, left, right))."""
    if low >= high:
        return [([], None)]
    trees = []
    for root in range(low, high):
        for left_order, left in all_trees(low, root):
            for right_order, right in all_trees(root + 1, high):
                trees.append(([root, *left_order, *right_order], (root, left, right)))
    return trees


def tree_score(tree: object, node_scores: list[int]) -> int:
    root, left, right = tree
    if left is None and right is None:
        return node_scores[root]
    left_score = 1 if left is None else tree_score(left, node_scores)
    right_score = 1 if right is None else tree_score(right, node_scores)
    return left_score * right_score + node_scores[root]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_every_tree(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        node_scores = problem.parameters["scores"]
        trees = all_trees(0, len(node_scores))
        assert int(problem.parameters["best"]) == max(tree_score(t, node_scores) for _, t in trees)
        assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_preorder_scoring_matches_tree_scoring_and_rejects_other_permutations() -> None:
    rng = random.Random(71)
    for n in range(1, 6):
        node_scores = [rng.randint(1, 5) for _ in range(n)]
        valid = {tuple(order): tree_score(tree, node_scores) for order, tree in all_trees(0, n)}
        for permutation in itertools.permutations(range(n)):
            assert preorder_score(node_scores, list(permutation)) == valid.get(permutation)


@functools.cache
def _catalan(n: int) -> int:
    return 1 if n < 2 else sum(_catalan(i) * _catalan(n - 1 - i) for i in range(n))


def test_tree_enumeration_is_complete() -> None:
    assert [len(all_trees(0, n)) for n in range(7)] == [_catalan(n) for n in range(7)]


def test_hand_example_and_rewards() -> None:
    # d = 1 5 1: root 1 over two leaves scores 1·1 + 5 = 6; root 0 with right subtree 2 → 1 scores 1·(5·1 + 1) + 1 = 7
    p = {"scores": [1, 5, 1]}
    order, best = TASK.solve(p)
    p["best"] = str(best)
    assert best == max(tree_score(t, p["scores"]) for _, t in all_trees(0, 3)) == 7
    assert TASK.score(p, " ".join(map(str, order))).reward == 1.0
    assert TASK.score(p, "1 0 2").reward == pytest.approx((6 / 7) ** 5)
    assert TASK.score(p, "1 2 0").reward == 0.0  # 2 cannot come before the left subtree {0}
    assert TASK.score(p, "0 1").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 1 1").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "")
