"""Minimum Steiner tree: the lightest set of edges connecting a given set of terminal vertices."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import DisjointSets, random_tree_edges, vertex_pairs
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_DENSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
_MAX_TERMINALS = 20


class MinimumSteinerTree(Task):
    """Choose edges of a connected weighted undirected graph that connect K given terminal vertices, with the
    smallest total weight.

    The graph is a random spanning tree plus random extra edges up to int(density·N(N-1)/2) edges in all
    (densities that give no more than a tree are skipped); weights are uniform in [1, N]; K is uniform in
    [3, min(20, N-1)]. The optimum is exact: in the metric closure (shortest-path distances) an optimal Steiner
    tree has at most K-2 non-terminal vertices, all of degree ≥ 3, so the solver takes the cheapest minimum
    spanning tree of the closure over the terminals plus every set of at most K-2 other vertices, expands its
    edges into shortest paths, and keeps a minimum spanning tree of their union. At d ≤ 10 (N ≤ 14) that is at
    most a few hundred spanning trees.
    Difficulty: N = 4 + d vertices; density drawn from {0.1, 0.2, ..., 1.0}.
    Reward: -1 unparsable or an odd number of vertices; -0.5 if a pair is not an edge or is repeated, a terminal
    is missing, or the chosen edges are not connected; otherwise (minimum weight / chosen weight)^5.
    Answer: the endpoints of the chosen edges on one line, u1 v1 u2 v2 …, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        pairs = n * (n - 1) // 2
        density = rng.choice([d for d in _DENSITIES if int(d * pairs) > n - 1])
        tree = {(min(u, v), max(u, v)) for u, v in random_tree_edges(rng, n)}
        spare = [(u, v) for u in range(n) for v in range(u + 1, n) if (u, v) not in tree]
        chosen = sorted(tree) + rng.sample(spare, min(len(spare), int(density * pairs) - len(tree)))
        rng.shuffle(chosen)
        edges = [[u, v, rng.randint(1, n)] for u, v in chosen]
        terminals = rng.sample(range(n), rng.randint(3, min(_MAX_TERMINALS, n - 1)))
        parameters: dict[str, Any] = {"N": n, "edges": edges, "terminals": terminals}
        tree_edges = self.solve(parameters)
        parameters["best"] = self.weight(parameters, tree_edges)
        return Instance(parameters, " ".join(f"{u} {v}" for u, v in tree_edges))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges, terminals = parameters["N"], parameters["edges"], parameters["terminals"]
        lines = "\n".join(f"({u}, {v}, {w})" for u, v, w in edges)
        return (
            f"An undirected graph has {n} vertices, numbered 0 to {n - 1}, and these {len(edges)} edges, each "
            f"written (u, v, w) for an edge between u and v of weight w:\n{lines}\n"
            f"Choose a set of these edges that forms a connected graph containing all {len(terminals)} of these "
            f"vertices: {' '.join(map(str, terminals))}\n"
            "(other vertices may be used as well). Make the total weight of the chosen edges as small as possible.\n"
            "Write the endpoints of the chosen edges on one line as u1 v1 u2 v2 ..., separated by spaces (for "
            "example, 0 1 1 2 chooses the edges (0, 1) and (1, 2))."
        )

    def solve(self, parameters: dict[str, Any]) -> list[tuple[int, int]]:
        """An optimal Steiner tree as sorted (u, v) edges with u < v (see the class docstring)."""
        n, terminals = parameters["N"], parameters["terminals"]
        infinity = float("inf")
        distance = [[0 if i == j else infinity for j in range(n)] for i in range(n)]
        via = [[j for j in range(n)] for _ in range(n)]  # via[i][j]: next vertex after i on a shortest i-j path
        for u, v, w in parameters["edges"]:
            if w < distance[u][v]:
                distance[u][v] = distance[v][u] = w
        for k in range(n):
            row_k = distance[k]
            for i in range(n):
                d_ik = distance[i][k]
                if d_ik == infinity:
                    continue
                row_i = distance[i]
                for j in range(n):
                    if d_ik + row_k[j] < row_i[j]:
                        row_i[j] = d_ik + row_k[j]
                        via[i][j] = via[i][k]
        terminal_set = set(terminals)
        others = [v for v in range(n) if v not in terminal_set]
        best_cost, best_tree = infinity, []
        for extra in range(min(len(terminals) - 2, len(others)) + 1):
            for steiner in itertools.combinations(others, extra):
                cost, tree = _closure_spanning_tree([*terminals, *steiner], distance)
                if cost < best_cost:
                    best_cost, best_tree = cost, tree
        # expand closure edges into graph paths; an MST of their union costs no more, hence is optimal too
        used = set()
        for a, b in best_tree:
            while a != b:
                step = via[a][b]
                used.add((min(a, step), max(a, step)))
                a = step
        weights = {(u, v): w for u, v, w in parameters["edges"]}
        forest = DisjointSets(n)
        return sorted(edge for edge in sorted(used, key=lambda e: (weights[e], e)) if forest.union(*edge))

    def weight(self, parameters: dict[str, Any], pairs: list[tuple[int, int]]) -> int:
        """Total weight of `pairs`, which must all be edges."""
        weights = {(u, v): w for u, v, w in parameters["edges"]}
        return sum(weights[(min(u, v), max(u, v))] for u, v in pairs)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        pairs = vertex_pairs(parse_int_list(answer, allow_empty=True))
        weights = {(u, v): w for u, v, w in parameters["edges"]}
        normalised = [(min(u, v), max(u, v)) for u, v in pairs]
        if any(edge not in weights for edge in normalised):
            return rewards.invalid("every pair must be an edge of the graph")
        if len(set(normalised)) != len(normalised):
            return rewards.invalid("an edge is listed twice")
        touched = {x for edge in normalised for x in edge}
        if not set(parameters["terminals"]) <= touched:
            return rewards.invalid("the chosen edges must touch every listed vertex")
        components = DisjointSets(parameters["N"])
        for u, v in normalised:
            components.union(u, v)
        if len({components.find(x) for x in touched}) != 1:
            return rewards.invalid("the chosen edges are not connected")
        return rewards.optimality(self.weight(parameters, normalised), parameters["best"], _BETA, minimize=True)


def _closure_spanning_tree(vertices: list[int], distance: list[list[float]]) -> tuple[float, list[tuple[int, int]]]:
    """Prim's minimum spanning tree of the complete graph on `vertices` weighted by `distance`."""
    infinity = float("inf")
    best = {v: (distance[vertices[0]][v], vertices[0]) for v in vertices[1:]}
    cost, tree = 0, []
    while best:
        vertex = min(best, key=lambda v: best[v][0])
        link, parent = best.pop(vertex)
        if link == infinity:
            return infinity, []
        cost += link
        tree.append((parent, vertex))
        for v, (current, _) in best.items():
            if distance[vertex][v] < current:
                best[v] = (distance[vertex][v], vertex)
    return cost, tree
