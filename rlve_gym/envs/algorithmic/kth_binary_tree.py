"""Unrank a binary tree: the tree with a given index in the size-then-left-then-right order, in postorder form."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def tree_with_index(index: int) -> str:
    """The postorder form of the binary tree with `index` (0 is the empty tree, written as '')."""
    catalan = [1]
    below = [1]  # below[k] = number of trees with at most k nodes = index of the first tree with k + 1 nodes
    while below[-1] <= index:
        size = len(catalan)
        catalan.append(sum(catalan[left] * catalan[size - 1 - left] for left in range(size)))
        below.append(below[-1] + catalan[-1])

    def build(rank_index: int) -> str:
        if rank_index == 0:
            return ""
        size = next(k for k, bound in enumerate(below) if rank_index < bound)
        rank = rank_index - below[size - 1]
        for left in range(size):
            right = size - 1 - left
            block = catalan[left] * catalan[right]
            if rank < block:
                left_rank, right_rank = divmod(rank, catalan[right])
                left_index = (below[left - 1] if left else 0) + left_rank
                right_index = (below[right - 1] if right else 0) + right_rank
                left_part, right_part = build(left_index), build(right_index)
                return (f"({left_part})" if left_part else "") + "X" + (f"({right_part})" if right_part else "")
            rank -= block
        raise AssertionError("unreachable: the rank lies inside one block")

    return build(index)


class Kth_BinaryTree(Task):
    """Write the binary tree with index N, where trees are numbered by size, then by left subtree index, then by right.

    The empty tree is 0 and the single node is 1; trees are unranked with Catalan-number block sizes. A tree with
    subtrees L and R is written (L')X(R'), dropping the parentheses of an empty side; a single node is X.
    Difficulty: N uniform in [1, MAX_N], MAX_N ← int(1.5·MAX_N) from 3.
    Reward: -1 unparsable; -0.5 for characters other than X, ( and ); 1 for the right tree, else 0.
    Answer: the tree in that notation on one line, e.g. ((X)X(X))X.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_n": grown(3, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        index = rng.randint(1, self.ladder(difficulty)["max_n"])
        return Instance({"N": index}, tree_with_index(index))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            "Every binary tree gets a unique non-negative integer index:\n"
            "1. the empty tree has index 0 and the tree with a single node has index 1;\n"
            "2. a tree with fewer nodes has a smaller index than a tree with more nodes;\n"
            "3. among trees with the same number of nodes, the one whose left subtree has the smaller index comes "
            "first, and if the left subtrees are equal, the one whose right subtree has the smaller index comes "
            "first;\n"
            "4. the indices are consecutive, so every non-negative integer is the index of exactly one tree.\n"
            "Write a tree in postorder form: a single node is X; a node with left subtree L and right subtree R is "
            "(L')X(R'), where L' and R' are the forms of L and R, and the parentheses of an empty subtree are left "
            "out (so a node with only a right subtree is X(R') and one with only a left subtree is (L')X). For "
            "example, the tree with index 20 is ((X)X(X))X.\n"
            f"Which tree has index {parameters['N']}? Write its form on one line."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        form = "".join(answer.split())
        if not form or any(char not in "X()" for char in form):
            return rewards.invalid("the tree must be written with X, ( and ) only")
        return rewards.correct() if form == tree_with_index(parameters["N"]) else rewards.wrong()
