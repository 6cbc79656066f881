"""Two vertices of a weighted tree whose path has the largest XOR of edge weights."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import random_tree_edges
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_SMALLEST_WEIGHT_BOUND = 16


def xor_from_root(n: int, edges: list[list[int]]) -> list[int]:
    """XOR of the edge weights on the path from vertex 0 to each vertex of a tree."""
    neighbours: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for u, v, w in edges:
        neighbours[u].append((v, w))
        neighbours[v].append((u, w))
    xor_to = [-1] * n
    xor_to[0] = 0
    stack = [0]
    while stack:
        u = stack.pop()
        for v, w in neighbours[u]:
            if xor_to[v] < 0:
                xor_to[v] = xor_to[u] ^ w
                stack.append(v)
    return xor_to


class MaxTreeXorPath(Task):
    """Pick two vertices u, v of a tree with N vertices and weighted edges so that the XOR of the weights on the
    path between them is as large as possible.

    The path XOR is X[u] ⊕ X[v], with X the XOR from a fixed root; the reference tries every pair (Luogu P4551).
    Difficulty: N ← int(1.1·N + 1) from 4; a random tree (each vertex, in random order, attached to an earlier
    one); weights uniform in [1, B - 2], B the smallest power of two ≥ 16 above 2N.
    Reward: -1 unparsable, not two integers, or a vertex out of range (as in RLVE); else (path XOR / largest
    path XOR)^5.
    Answer: two vertex labels u and v on one line, separated by a space.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        bound = _SMALLEST_WEIGHT_BOUND
        while bound <= 2 * n:
            bound *= 2
        edges = [[min(u, v), max(u, v), rng.randint(1, bound - 2)] for u, v in random_tree_edges(rng, n)]
        parameters = {"N": n, "edges": edges}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"({u}, {v}, {w})" for u, v, w in edges)
        return (
            f"Here is a tree (a connected undirected graph without cycles) with {n} vertices labelled 0 to {n - 1}. "
            f"Its {n - 1} edges are listed as (u, v, w): an edge between u and v with weight w.\n{lines}\n"
            "Choose two vertices u and v so that the bitwise XOR of the weights of all edges on the path between "
            "them is as large as possible.\n"
            "Write u and v on one line, separated by a space."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A best pair [u, v] (u < v; the first in lexicographic order among the best)."""
        xor_to = xor_from_root(parameters["N"], parameters["edges"])
        best, pair = -1, [0, 1]
        for u in range(len(xor_to)):
            for v in range(u + 1, len(xor_to)):
                if xor_to[u] ^ xor_to[v] > best:
                    best, pair = xor_to[u] ^ xor_to[v], [u, v]
        return pair

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        n = parameters["N"]
        if len(values) != 2:
            raise AnswerFormatError("expected two vertices")
        if any(not 0 <= x < n for x in values):
            raise AnswerFormatError(f"vertices must be in [0, {n - 1}]")
        xor_to = xor_from_root(n, parameters["edges"])
        u, v = self.solve(parameters)
        return rewards.optimality(xor_to[values[0]] ^ xor_to[values[1]], xor_to[u] ^ xor_to[v], _BETA, minimize=False)
