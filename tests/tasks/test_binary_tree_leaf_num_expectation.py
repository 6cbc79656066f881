"""BinaryTreeLeafNumExpectation: the closed form against enumerating every binary tree."""

from __future__ import annotations

from fractions import Fraction
from functools import cache

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.math.binary_tree_leaf_num_expectation import BinaryTreeLeafNumExpectation, expected_leaves

TASK = BinaryTreeLeafNumExpectation()


@cache
def trees(n: int) -> tuple:
    """Every binary tree with n nodes, as nested (left, right) tuples (None is empty)."""
    if n == 0:
        return (None,)
    return tuple((left, right) for k in range(n) for left in trees(k) for right in trees(n - 1 - k))


def leaves(tree) -> int:
    if tree is None:
        return 0
    left, right = tree
    return 1 if left is None and right is None else leaves(left) + leaves(right)


@pytest.mark.parametrize("n", range(1, 10))
def test_closed_form_matches_enumeration(n: int) -> None:
    all_trees = trees(n)
    assert expected_leaves(n) == Fraction(sum(map(leaves, all_trees)), len(all_trees))


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_answer_is_the_reduced_fraction(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        n = problem.parameters["N"]
        a, b = map(int, problem.reference_answer.split("/"))
        if n <= 9:
            assert Fraction(a, b) == Fraction(sum(map(leaves, trees(n))), len(trees(n)))
        assert Fraction(a, b).denominator == b


def test_scoring() -> None:
    p = {"N": 3}  # 5 trees, 6 leaves in all
    assert TASK.score(p, "6/5").reward == 1.0
    assert TASK.score(p, "12/10").reward == 1.0
    assert TASK.score(p, "1.2").reward == 1.0
    assert TASK.score(p, "5/6").reward == 0.0
    assert TASK.score(p, "-6/5").reward == rewards.WRONG_FORMAT
    assert TASK.score(p, "0").reward == rewards.WRONG_FORMAT
