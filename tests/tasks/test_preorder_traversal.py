"""PreorderTraversal: the reconstruction against a search over every binary tree with the given in-order."""

from __future__ import annotations

import functools

import pytest

from rlve_gym.envs.graph.preorder_traversal import PreorderTraversal

TASK = PreorderTraversal()


def all_trees(labels: tuple[int, ...]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """(pre-order, post-order) of every binary tree whose in-order is `labels`."""

    @functools.cache
    def trees(low: int, high: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        if low > high:
            return [((), ())]
        result = []
        for root in range(low, high + 1):
            for left_pre, left_post in trees(low, root - 1):
                for right_pre, right_post in trees(root + 1, high):
                    result.append(((labels[root], *left_pre, *right_pre), (*left_post, *right_post, labels[root])))
        return result

    return trees(0, len(labels) - 1)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3, 4])
def test_reference_is_the_only_tree_matching_both_traversals(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        matches = [pre for pre, post in all_trees(tuple(p["inorder"])) if list(post) == p["postorder"]]
        assert len(matches) == 1
        assert problem.reference_answer == " ".join(map(str, matches[0]))


def test_hand_example_and_scoring() -> None:
    # root 1 with left child 0 and right child 2
    p = {"N": 3, "inorder": [0, 1, 2], "postorder": [0, 2, 1]}
    assert TASK.solve(p) == [1, 0, 2]
    assert TASK.score(p, "1 0 2").reward == 1.0
    assert TASK.score(p, "1 2 0").reward == pytest.approx((1 / 3) ** 10)
    assert TASK.score(p, "1 0").reward == 0.0
    # a right chain 0 → 1 → 2: post-order 2 1 0
    chain = {"N": 3, "inorder": [0, 1, 2], "postorder": [2, 1, 0]}
    assert TASK.solve(chain) == [0, 1, 2]
