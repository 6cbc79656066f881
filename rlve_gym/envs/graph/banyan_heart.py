"""Banyan heart: where can a token end that steps toward every vertex as a tree grows?"""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0


class BanyanHeart(Task):
    """A tree on vertices 1..N is grown from vertex 1 by adding its other vertices one at a time, each next to a
    vertex already present, in any order consistent with the tree; a "heart" token starts on vertex 1 and after
    each addition steps one edge toward the new vertex. Which vertices can hold the heart at the end?

    Difficulty: N = 4 + d; the tree is a random recursive tree with shuffled labels.
    Reward: -1 unparsable (not N letters T/F); otherwise (|answer ∩ truth| / |answer ∪ truth|)^5 over the
    vertices marked T.
    Answer: N letters T or F with no separators, the i-th saying whether vertex i can be the final heart.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        edges = [sorted([u + 1, v + 1]) for u, v in random_tree_edges(rng, n)]
        parameters = {"N": n, "edges": edges}
        return Instance(parameters, self.solve(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"{u} - {v}" for u, v in parameters["edges"])
        return (
            f"Here is a tree on the vertices 1 to {n}, given by its {n - 1} edges:\n{edges}\n"
            "The tree is built up step by step. At the start only vertex 1 is present, and a token called the "
            "heart sits on it. In each step one missing vertex that is adjacent (in the tree above) to a present "
            "vertex is added, and then the heart moves one edge along the path toward the vertex just added. Any "
            "such order of additions is allowed; the process stops when all vertices are present.\n"
            "For each vertex, decide whether some order of additions leaves the heart on it at the end.\n"
            f"Answer with a string of {n} letters and no spaces: the i-th letter is T if vertex i can be the final "
            "position of the heart and F otherwise."
        )

    def solve(self, parameters: dict[str, Any]) -> str:
        """Root the tree at 1. ``rest[v]`` is the smallest distance from v at which the heart can end when only
        v's subtree is grown from v: the biggest child subtree pulls the heart away, the other vertices can each
        pull it back one step, and leftover pulls cancel in pairs (parity of the subtree size).

        To end at u, grow the path 1 → u first (the heart follows it); the other N - depth(u) vertices hang off
        the path and act like children of u. u is reachable iff that count is even and the biggest hanging
        subtree H can be cancelled: rest[H] + 1 ≤ N - depth(u) - size(H).
        """
        n = parameters["N"]
        neighbours: list[list[int]] = [[] for _ in range(n + 1)]
        for u, v in parameters["edges"]:
            neighbours[u].append(v)
            neighbours[v].append(u)
        parent, depth, order = [0] * (n + 1), [0] * (n + 1), [1]
        depth[1] = 1
        for u in order:  # breadth-first order; `order` grows while iterating
            for v in neighbours[u]:
                if v != parent[u]:
                    parent[v], depth[v] = u, depth[u] + 1
                    order.append(v)
        size, rest = [1] * (n + 1), [0] * (n + 1)
        size[0] = 0  # vertex 0 stands for "no subtree"
        heavy, second = [0] * (n + 1), [0] * (n + 1)
        for u in reversed(order):
            for v in neighbours[u]:
                if v == parent[u]:
                    continue
                size[u] += size[v]
                if size[v] > size[heavy[u]]:
                    heavy[u], second[u] = v, heavy[u]
                elif size[v] > size[second[u]]:
                    second[u] = v
            others = size[u] - 1 - size[heavy[u]]
            if heavy[u] == 0:
                rest[u] = 0
            elif rest[heavy[u]] + 1 <= others:
                rest[u] = (size[u] - 1) % 2
            else:
                rest[u] = rest[heavy[u]] + 1 - others

        def bigger(a: int, b: int) -> int:
            return a if size[a] > size[b] else b

        hanging = [0] * (n + 1)  # biggest subtree hanging off the path 1 → parent(u), excluding that path
        result = []
        for u in order:
            for v in neighbours[u]:
                if v != parent[u]:
                    hanging[v] = bigger(second[u] if v == heavy[u] else heavy[u], hanging[u])
        for u in range(1, n + 1):
            off_path = n - depth[u]
            biggest = bigger(heavy[u], hanging[u])
            can_cancel = biggest == 0 or rest[biggest] + 1 <= off_path - size[biggest]
            result.append("T" if off_path % 2 == 0 and can_cancel else "F")
        return "".join(result)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        letters = "".join(answer.split()).upper()
        n = parameters["N"]
        if len(letters) != n or set(letters) - {"T", "F"}:
            raise AnswerFormatError(f"expected {n} letters T or F")
        truth = self.solve(parameters)
        both = sum(a == b == "T" for a, b in zip(letters, truth))
        either = sum("T" in (a, b) for a, b in zip(letters, truth))
        if either == 0:
            return rewards.correct()
        return rewards.partial(both / either, _BETA, f"{both} of {either} marked vertices agree")
