"""Rebuild a binary tree from its in-order and post-order traversals and give its pre-order traversal."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def random_binary_tree(rng: random.Random, n: int) -> tuple[int, list[int], list[int]]:
    """(root, left, right) of a random binary tree on 0..n-1 (-1 = no child).

    The in-order sequence is a random permutation, and each subtree's root is uniform over its in-order segment.
    """
    inorder = list(range(n))
    rng.shuffle(inorder)
    left, right = [-1] * n, [-1] * n
    root = -1
    # (low, high, parent, is_left_child) segments of the in-order sequence still to be rooted
    pending = [(0, n - 1, -1, False)]
    while pending:
        low, high, parent, is_left = pending.pop()
        position = rng.randint(low, high)
        node = inorder[position]
        if parent < 0:
            root = node
        elif is_left:
            left[parent] = node
        else:
            right[parent] = node
        if low < position:
            pending.append((low, position - 1, node, True))
        if position < high:
            pending.append((position + 1, high, node, False))
    return root, left, right


def traversals(root: int, left: list[int], right: list[int]) -> tuple[list[int], list[int], list[int]]:
    """(pre-order, in-order, post-order) of a binary tree, computed without recursion."""
    preorder, inorder, postorder = [], [], []
    stack = [(root, 0)]
    while stack:
        node, stage = stack.pop()
        if node < 0:
            continue
        if stage == 0:
            preorder.append(node)
            stack.extend([(node, 1), (left[node], 0)])
        elif stage == 1:
            inorder.append(node)
            stack.extend([(node, 2), (right[node], 0)])
        else:
            postorder.append(node)
    return preorder, inorder, postorder


class PreorderTraversal(Task):
    """Given the in-order and post-order traversals of a binary tree on N labelled nodes, give its pre-order.

    The two traversals determine the tree uniquely (the last post-order node is the root and splits the in-order
    sequence into the two subtrees).
    Difficulty: N grows as N ← int(1.1·N + 1) from 3; the tree is random (uniform root in every in-order segment).
    Reward: -1 unparsable; 0 if the list does not have N entries; else (fraction of positions equal to the
    pre-order)^10.
    Answer: the N node labels in pre-order on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"nodes": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["nodes"]
        root, left, right = random_binary_tree(rng, n)
        _, inorder, postorder = traversals(root, left, right)
        parameters = {"N": n, "inorder": inorder, "postorder": postorder}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        inorder, postorder = " ".join(map(str, parameters["inorder"])), " ".join(map(str, parameters["postorder"]))
        return (
            f"A binary tree has {n} nodes labelled 0 to {n - 1}.\n"
            f"Its in-order traversal (left subtree, node, right subtree) is: {inorder}\n"
            f"Its post-order traversal (left subtree, right subtree, node) is: {postorder}\n"
            "Reconstruct the tree and give its pre-order traversal (node, left subtree, right subtree).\n"
            f"Write the {n} labels of the pre-order traversal on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The pre-order traversal: peel the root off the end of each post-order segment, left subtree first."""
        inorder, postorder = parameters["inorder"], parameters["postorder"]
        position = {node: index for index, node in enumerate(inorder)}
        preorder = []
        # (in-order start, post-order start, size) of subtrees still to emit, the next one on top
        stack = [(0, 0, len(inorder))]
        while stack:
            in_start, post_start, size = stack.pop()
            if size == 0:
                continue
            root = postorder[post_start + size - 1]
            preorder.append(root)
            left_size = position[root] - in_start
            stack.append((position[root] + 1, post_start + left_size, size - left_size - 1))
            stack.append((in_start, post_start, left_size))
        return preorder

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        expected = self.solve(parameters)
        if len(values) != len(expected):
            return rewards.wrong(f"expected {len(expected)} labels, got {len(values)}")
        matches = sum(a == b for a, b in zip(values, expected, strict=True))
        return rewards.partial(matches / len(expected), 10.0, f"{matches}/{len(expected)} positions right")
