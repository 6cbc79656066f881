"""Root and orient a tree as a binary tree with the lexicographically smallest inorder traversal."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0


def random_binary_tree_edges(rng: random.Random, n: int) -> list[list[int]]:
    """Edges [min, max] of a random binary tree on 1..n: a random root, a uniform left-subtree size, recursively
    (an explicit stack of node groups), in random order."""
    edges: list[list[int]] = []
    pending: list[tuple[list[int], int | None]] = [(list(range(1, n + 1)), None)]
    while pending:
        nodes, parent = pending.pop()
        rng.shuffle(nodes)
        root = nodes[0]
        if parent is not None:
            edges.append([min(root, parent), max(root, parent)])
        left_size = rng.randint(0, len(nodes) - 1)
        for group in (nodes[1 : 1 + left_size], nodes[1 + left_size :]):
            if group:
                pending.append((group, root))
    rng.shuffle(edges)
    return edges


def smallest_inorder(n: int, edges: list[list[int]]) -> list[int]:
    """The lexicographically smallest inorder traversal over every binary tree using exactly these edges.

    For a fixed root each subtree is independent: a node with two children puts the child whose best traversal
    starts lower on the left; with one child it goes first or last, whichever starts lower. Every vertex of
    degree ≤ 2 is tried as the root."""
    neighbours: list[list[int]] = [[] for _ in range(n + 1)]
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    best: list[int] | None = None
    for root in range(1, n + 1):
        if len(neighbours[root]) > 2:
            continue
        order, parent = [root], {root: 0}
        for u in order:
            for v in neighbours[u]:
                if v != parent[u]:
                    parent[v] = u
                    order.append(v)
        traversal: dict[int, list[int]] = {}
        for u in reversed(order):
            children = sorted((traversal[v] for v in neighbours[u] if v != parent[u]), key=lambda seq: seq[0])
            if not children:
                traversal[u] = [u]
            elif len(children) == 1:
                traversal[u] = [u, *children[0]] if u < children[0][0] else [*children[0], u]
            else:
                traversal[u] = [*children[0], u, *children[1]]
        if best is None or traversal[root] < best:
            best = traversal[root]
    return best or []


class MinInorderBinaryTree(Task):
    """Given the N - 1 undirected edges of a tree on nodes 1..N (every node has degree ≤ 3), choose a root and
    which child goes left or right so that the edges form a binary tree, making its inorder traversal
    lexicographically smallest; report that traversal.

    The tree is a random binary tree with its edges unoriented. The reference tries every root of degree ≤ 2 and
    orders each node's subtrees by their best first element.
    Difficulty: N = d + 4.
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 1..N; else (fraction of positions equal to
    the smallest traversal)^10.
    Answer: the N node labels of the inorder traversal on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"N": n, "edges": random_binary_tree_edges(rng, n)}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        lines = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        return (
            f"Here are the {n - 1} edges of a tree on the nodes 1 to {n}; the edges have no direction:\n{lines}\n"
            "Turn it into a binary tree that uses exactly these edges: choose the root, and for every node decide "
            "which of its children (at most two) is the left child and which the right child; a node with a single "
            "child may have it on either side. Among all binary trees you can make this way, take the one whose "
            "inorder traversal (left subtree, node, right subtree) is smallest in lexicographic order.\n"
            f"Write that inorder traversal, the {n} node labels, on one line separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The smallest inorder traversal (see `smallest_inorder`)."""
        return smallest_inorder(parameters["N"], parameters["edges"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        traversal = parse_int_list(answer)
        n = parameters["N"]
        if sorted(traversal) != list(range(1, n + 1)):
            return rewards.invalid(f"the answer must be a permutation of 1..{n}")
        best = self.solve(parameters)
        right = sum(a == b for a, b in zip(traversal, best))
        return rewards.partial(right / n, _BETA, f"{right}/{n} positions match the smallest traversal")
