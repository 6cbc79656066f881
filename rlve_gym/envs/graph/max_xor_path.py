"""Largest XOR of edge weights along a walk between two vertices of an undirected graph."""

from __future__ import annotations

import random
from collections import deque
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.graphs import DisjointSets
from rlve_gym.envs.common.numbers import xor_basis_insert

_DENSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _maximise(basis: dict[int, int], value: int) -> int:
    for top in sorted(basis, reverse=True):
        value = max(value, value ^ basis[top])
    return value


def xor_from_zero(n: int, edges: list[list[int]]) -> tuple[list[int | None], list[list[int]]]:
    """XOR of the BFS-tree path from 0 to each vertex (None if unreachable), and the edges not in that tree."""
    neighbours: list[list[tuple[int, int, int]]] = [[] for _ in range(n)]
    for index, (u, v, w) in enumerate(edges):
        neighbours[u].append((v, w, index))
        neighbours[v].append((u, w, index))
    xor_to: list[int | None] = [None] * n
    xor_to[0] = 0
    in_tree = [False] * len(edges)
    queue = deque([0])
    while queue:
        u = queue.popleft()
        for v, w, index in neighbours[u]:
            if xor_to[v] is None:
                xor_to[v] = xor_to[u] ^ w
                in_tree[index] = True
                queue.append(v)
    return xor_to, [edge for edge, tree in zip(edges, in_tree, strict=True) if not tree]


class MaxXorPath(Task):
    """Find the largest XOR of edge weights over walks from vertex 0 to vertex N-1 of a weighted undirected graph.

    A walk may repeat vertices and edges; every traversal XORs the edge weight in. The achievable values are the
    XOR of one 0 → N-1 path with any combination of cycle values, so the answer is that path value maximised over
    a linear basis of the cycle space. Edges are random (vertex N-1 is joined to 0's component if needed); tree
    edges get random weights and the cycle space is given a random rank r < B (weights of further non-tree edges
    are chosen inside the span), redrawn (at most 64 times) while the answer would be 2^B - 1.
    Difficulty: N grows as N ← int(1.1·N + 1) from 4; the base bit width starts at 3 and grows until 2^width ≥ 2N;
    the bit length B is drawn from [width, width + 4], and M = int(density·N(N-1)/2) ≥ N edges with density drawn
    from {0.1, ..., 0.9}.
    Reward: -1 unparsable; 1 for the maximum XOR, else 0.
    Answer: one integer, the maximum XOR value (in decimal).
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        n, width = 4, 3
        for _ in range(difficulty):
            n = int(n * 1.1 + 1)
            while 2**width < 2 * n:
                width += 1
        return {"vertices": n, "bit_width": width}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        ladder = self.ladder(difficulty)
        n = ladder["vertices"]
        pairs_total = n * (n - 1) // 2
        densities = [density for density in _DENSITIES if int(density * pairs_total) >= n]
        edge_count = int(rng.choice(densities) * pairs_total)
        bits = rng.randint(ladder["bit_width"], ladder["bit_width"] + 4)
        all_pairs = [(u, v) for u in range(n) for v in range(u + 1, n)]
        pairs = [list(pair) for pair in rng.sample(all_pairs, edge_count)]
        components = DisjointSets(n)
        for u, v in pairs:
            components.union(u, v)
        if components.find(0) != components.find(n - 1):
            with_zero = [v for v in range(n) if components.find(v) == components.find(0)]
            with_last = [v for v in range(n) if components.find(v) == components.find(n - 1)]
            u, v = rng.choice(with_zero), rng.choice(with_last)
            pairs.append([min(u, v), max(u, v)])
        for _ in range(64):
            edges = self._weigh(rng, n, pairs, bits)
            best = self.solve({"N": n, "edges": edges})
            if best != 2**bits - 1:
                break
        rng.shuffle(edges)
        return Instance({"N": n, "edges": edges}, str(best))

    @staticmethod
    def _weigh(rng: random.Random, n: int, pairs: list[list[int]], bits: int) -> list[list[int]]:
        """Weights for `pairs`: random on a BFS tree and until the cycle basis has a random rank r < bits, then
        inside the span of that basis."""
        top = 2**bits - 1
        neighbours: list[list[int]] = [[] for _ in range(n)]
        for index, (u, v) in enumerate(pairs):
            neighbours[u].append(index)
            neighbours[v].append(index)
        weights: list[int | None] = [None] * len(pairs)
        xor_to: list[int | None] = [None] * n
        xor_to[0] = 0
        queue = deque([0])
        while queue:
            u = queue.popleft()
            for index in neighbours[u]:
                v = pairs[index][0] + pairs[index][1] - u
                if xor_to[v] is None:
                    weights[index] = rng.randint(0, top)
                    xor_to[v] = xor_to[u] ^ weights[index]
                    queue.append(v)
        rank = rng.randint(0, bits - 1)
        basis: dict[int, int] = {}
        for index, (u, v) in enumerate(pairs):
            if weights[index] is not None:
                continue
            if xor_to[u] is None or len(basis) < rank:
                weights[index] = rng.randint(0, top)
                if xor_to[u] is not None:
                    xor_basis_insert(basis, xor_to[u] ^ xor_to[v] ^ weights[index])
            else:
                inside = 0
                for vector in basis.values():
                    if rng.random() < 0.5:
                        inside ^= vector
                weights[index] = xor_to[u] ^ xor_to[v] ^ inside
        return [[u, v, w] for (u, v), w in zip(pairs, weights, strict=True)]

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"{u} - {v} (weight {w})" for u, v, w in edges)
        return (
            f"An undirected graph has {n} vertices, labelled 0 to {n - 1}, and these {len(edges)} weighted edges:\n"
            f"{lines}\n"
            f"Walk from vertex 0 to vertex {n - 1} along edges. The walk may visit vertices and edges more than once; "
            "every time it crosses an edge, that edge's weight is XORed (bitwise exclusive or) into the walk's value, "
            "which starts at 0. What is the largest value a walk can have when it ends at "
            f"vertex {n - 1}?\n"
            "Write the largest value as one integer in decimal."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The path value to N-1 maximised over an XOR basis of the cycle values of 0's component."""
        n = parameters["N"]
        xor_to, non_tree = xor_from_zero(n, parameters["edges"])
        basis: dict[int, int] = {}
        for u, v, w in non_tree:
            if xor_to[u] is not None:
                xor_basis_insert(basis, xor_to[u] ^ xor_to[v] ^ w)
        return _maximise(basis, xor_to[n - 1])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))
