"""Minimum spanning trees of a weighted graph, counted modulo MOD."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.graphs import DisjointSets
from rlve_gym.envs.common.ladders import grown

_MAX_MODULUS = 10_000
_EDGE_RATIOS = tuple(tenths / 10 for tenths in range(10, 51))  # 1.0, 1.1, …, 5.0 edges per vertex


def _determinant(matrix: list[list[int]]) -> int:
    """Exact integer determinant (Bareiss fraction-free elimination)."""
    size = len(matrix)
    rows = [row[:] for row in matrix]
    sign, previous = 1, 1
    for k in range(size):
        pivot = next((r for r in range(k, size) if rows[r][k]), None)
        if pivot is None:
            return 0
        if pivot != k:
            rows[k], rows[pivot] = rows[pivot], rows[k]
            sign = -sign
        for r in range(k + 1, size):
            for c in range(k + 1, size):
                rows[r][c] = (rows[r][c] * rows[k][k] - rows[r][k] * rows[k][c]) // previous
            rows[r][k] = 0
        previous = rows[k][k]
    return sign * rows[-1][-1] if size else 1


def count_minimum_spanning_trees(n: int, edges: list[list[int]]) -> int:
    """Exact number of minimum spanning trees (0 if the graph is disconnected).

    Every MST takes, from each weight class, a spanning forest of that class's edges on the components that the
    lighter edges have formed, and the choices in different classes are independent. Within a class, each
    connected piece of the contracted multigraph contributes its number of spanning trees (Kirchhoff's
    matrix-tree theorem: any cofactor of the Laplacian).
    """
    components = DisjointSets(n)
    total = 1
    for weight in sorted({w for _, _, w in edges}):
        links = []
        for u, v, w in edges:
            if w == weight:
                a, b = components.find(u), components.find(v)
                if a != b:
                    links.append((a, b))
        pieces = DisjointSets(n)
        for a, b in links:
            pieces.union(a, b)
        members: dict[int, list[int]] = {}
        for node in sorted({x for link in links for x in link}):
            members.setdefault(pieces.find(node), []).append(node)
        for nodes in members.values():
            index = {node: i for i, node in enumerate(nodes)}
            laplacian = [[0] * len(nodes) for _ in nodes]
            for a, b in links:
                if a in index:
                    i, j = index[a], index[b]
                    laplacian[i][i] += 1
                    laplacian[j][j] += 1
                    laplacian[i][j] -= 1
                    laplacian[j][i] -= 1
            total *= _determinant([row[1:] for row in laplacian[1:]])
        for a, b in links:
            components.union(a, b)
    roots = {components.find(x) for x in range(n)}
    return total if len(roots) == 1 else 0


class MinimumSpanningTreeCounting(Task):
    """Count the minimum spanning trees of a connected weighted undirected graph, modulo MOD.

    Difficulty: N grows as N ← int(1.1·N + 1) from 4; an edge ratio q is drawn from {1.0, 1.1, …, 5.0} (values
    with ⌊q·N⌋ ≤ N(N−1)/2); a random spanning tree plus further distinct random edges up to ⌊q·N⌋ in all, each
    weighted uniformly in [1, max(1, ⌊q·N/10⌋) + 1] (few weights, so ties and many MSTs are common); MOD
    uniform in [2, 10^4].
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        ratio = rng.choice([q for q in _EDGE_RATIOS if int(q * n) <= n * (n - 1) // 2])
        heaviest = max(1, int(ratio * n / 10)) + 1
        order = list(range(n))
        rng.shuffle(order)
        pairs = []
        for i in range(1, n):
            u, v = order[i], order[rng.randrange(i)]
            pairs.append([min(u, v), max(u, v)])
        used = {tuple(pair) for pair in pairs}
        spare = [[u, v] for u in range(n) for v in range(u + 1, n) if (u, v) not in used]
        pairs += rng.sample(spare, max(0, min(len(spare), int(ratio * n) - len(pairs))))
        edges = [[u, v, rng.randint(1, heaviest)] for u, v in pairs]
        rng.shuffle(edges)
        parameters = {"N": n, "edges": edges, "MOD": rng.randint(2, _MAX_MODULUS)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, modulus = parameters["N"], parameters["MOD"]
        edges = "\n".join(f"({u}, {v}, {w})" for u, v, w in parameters["edges"])
        return (
            f"An undirected graph has {n} vertices, numbered 0 to {n - 1}. Each line (u, v, w) below is an edge "
            f"between u and v with weight w:\n{edges}\n"
            f"A spanning tree is a set of exactly {n - 1} of these edges that connects all {n} vertices without "
            "forming a cycle; it is a minimum spanning tree when its total weight is as small as possible among all "
            "spanning trees. How many minimum spanning trees does the graph have? Give the count modulo "
            f"{modulus}, as a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The exact count, reduced modulo MOD."""
        return count_minimum_spanning_trees(parameters["N"], parameters["edges"]) % parameters["MOD"]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])
