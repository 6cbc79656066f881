"""The binary tree with in-order 0..N−1 whose recursive score is largest, written in pre-order."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_MAX_SCORE = 5


def preorder_score(node_scores: list[int], preorder: list[int]) -> int | None:
    """Score of the tree whose in-order is 0..N−1 and pre-order is `preorder` (a permutation), or None when no such
    tree exists. A leaf scores d; any other node (left or 1) × (right or 1) + d.

    Built with a stack: each value becomes the right child of the last node popped for being smaller, else the
    left child of the stack top; a value below the last popped node breaks the in-order."""
    n = len(preorder)
    left, right = [-1] * n, [-1] * n
    stack: list[int] = []
    floor = -1
    for value in preorder:
        if value < floor:
            return None
        popped = -1
        while stack and stack[-1] < value:
            popped = stack.pop()
        if popped >= 0:
            right[popped] = value
            floor = popped
        elif stack:
            left[stack[-1]] = value
        stack.append(value)
    score = [0] * n
    for node in reversed(preorder):  # children come after their parent in pre-order
        if left[node] < 0 and right[node] < 0:
            score[node] = node_scores[node]
        else:
            below_left = score[left[node]] if left[node] >= 0 else 1
            below_right = score[right[node]] if right[node] >= 0 else 1
            score[node] = below_left * below_right + node_scores[node]
    return score[preorder[0]]


class WeightedBinaryTree(Task):
    """Among binary trees on nodes 0..N−1 with in-order traversal 0, 1, …, N−1, find one of largest score, where a
    leaf scores d_i and any other node scores (left subtree's score) × (right subtree's score) + d_i, an empty
    subtree counting 1; give its pre-order traversal.

    Solved by the interval DP over (first, last, root) (NOIP 2003 "Scored Binary Tree").
    Difficulty: N ← int(1.1·N + 1) from 3; d_i uniform in [1, 5].
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 0..N−1; 0 if it is not the pre-order of a
    tree with in-order 0..N−1; otherwise (its score / best score)^5.
    Answer: the pre-order traversal, N labels on one line separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters: dict[str, Any] = {"scores": [rng.randint(1, _MAX_SCORE) for _ in range(n)]}
        preorder, best = self.solve(parameters)
        parameters["best"] = str(best)  # a string: scores outgrow what JSON readers keep exact
        return Instance(parameters, " ".join(map(str, preorder)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        node_scores = parameters["scores"]
        n = len(node_scores)
        listed = "\n".join(f"d_{i}={d}" for i, d in enumerate(node_scores))
        return (
            f"A binary tree has {n} nodes labelled 0 to {n - 1}, and its in-order traversal is 0, 1, ..., {n - 1}. "
            f"Node i carries a number d_i:\n{listed}\n"
            "The score of a tree is defined recursively: a leaf i scores d_i; any other root i scores (score of its "
            "left subtree) × (score of its right subtree) + d_i, where an empty subtree scores 1.\n"
            "Among all such trees, find one with the largest score and give its pre-order traversal (root, then "
            "the left subtree, then the right subtree): the node labels on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> tuple[list[int], int]:
        """(the pre-order of a best tree, its score)."""
        node_scores = parameters["scores"]
        n = len(node_scores)
        best = [[1] * (n + 1) for _ in range(n + 1)]  # best[i][j]: nodes i..j-1; empty ranges score 1
        root_of = [[-1] * (n + 1) for _ in range(n + 1)]
        for i in range(n):
            best[i][i + 1], root_of[i][i + 1] = node_scores[i], i
        for length in range(2, n + 1):
            for i in range(n - length + 1):
                j = i + length
                best[i][j] = -1
                for root in range(i, j):
                    value = best[i][root] * best[root + 1][j] + node_scores[root]
                    if value > best[i][j]:
                        best[i][j], root_of[i][j] = value, root
        preorder, pending = [], [(0, n)]
        while pending:
            i, j = pending.pop()
            if i < j:
                root = root_of[i][j]
                preorder.append(root)
                pending += [(root + 1, j), (i, root)]  # left is popped first
        return preorder, best[0][n]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        preorder = parse_int_list(answer)
        n = len(parameters["scores"])
        if sorted(preorder) != list(range(n)):
            return rewards.invalid(f"the answer must be a permutation of 0..{n - 1}")
        achieved = preorder_score(parameters["scores"], preorder)
        if achieved is None:
            return rewards.wrong("not the pre-order of a tree whose in-order is 0..N-1")
        return rewards.optimality(achieved, int(parameters["best"]), _BETA, minimize=False)
