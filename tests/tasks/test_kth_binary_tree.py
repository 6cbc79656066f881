"""Kth_BinaryTree: unranking against sorting every small tree by the rules of the statement."""

from __future__ import annotations

from functools import cmp_to_key

from rlve_gym.envs.algorithmic.kth_binary_tree import Kth_BinaryTree, tree_with_index

TASK = Kth_BinaryTree()


def trees_in_order(max_nodes: int) -> list[str]:
    """All trees with up to `max_nodes` nodes (tuples (left, right), None = empty), sorted by the statement's rules."""
    by_size: list[list] = [[None]]
    for size in range(1, max_nodes + 1):
        by_size.append([(left, right) for k in range(size) for left in by_size[k] for right in by_size[size - 1 - k]])
    index_of: dict = {}

    def compare(a, b) -> int:
        for x, y in ((a[0], b[0]), (a[1], b[1])):
            if index_of[x] != index_of[y]:
                return -1 if index_of[x] < index_of[y] else 1
        return 0

    ordered = []
    for size, trees in enumerate(by_size):
        for tree in sorted(trees, key=cmp_to_key(compare)) if size else trees:
            index_of[tree] = len(ordered)
            ordered.append(tree)

    def form(tree) -> str:
        if tree is None:
            return ""
        left, right = form(tree[0]), form(tree[1])
        return (f"({left})" if left else "") + "X" + (f"({right})" if right else "")

    return [form(tree) for tree in ordered]


def test_unranking_matches_sorted_enumeration() -> None:
    ordered = trees_in_order(7)
    assert len(ordered) == 1 + 1 + 2 + 5 + 14 + 42 + 132 + 429
    for index, form in enumerate(ordered):
        assert tree_with_index(index) == form, index


def test_statement_example_and_generated_problems() -> None:
    assert tree_with_index(20) == "((X)X(X))X"
    assert tree_with_index(1) == "X" and tree_with_index(2) == "X(X)" and tree_with_index(3) == "(X)X"
    for difficulty in (0, 5, 10):
        for seed in range(3):
            problem = TASK.generate(seed, difficulty)
            assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_rewards() -> None:
    parameters = {"N": 20}
    assert TASK.score(parameters, "((X)X(X))X").reward == 1.0
    assert TASK.score(parameters, "((X) X (X)) X").reward == 1.0
    assert TASK.score(parameters, "(X)X(X)").reward == 0.0
    assert TASK.score(parameters, "((Y)X(X))X").reward == -0.5
