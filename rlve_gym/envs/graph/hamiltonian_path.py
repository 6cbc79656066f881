"""Cheapest walk that visits every vertex of a weighted directed graph at least once."""

from __future__ import annotations

import itertools
import random
from typing import Any

import numpy as np

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_DENSITIES = (0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95)
_UNREACHABLE = 10**12
EXACT_SOLVER_LIMIT = 16
"""Largest N solved exactly (Held–Karp needs 2^N·N memory and 2^N·N² time)."""


def _shortest_paths(n: int, edges: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """All-pairs distances and next hops (Floyd–Warshall, vectorised over rows)."""
    distance = np.full((n, n), _UNREACHABLE, dtype=np.int64)
    next_hop = np.full((n, n), -1, dtype=np.int64)
    for v in range(n):
        distance[v, v] = 0
        next_hop[v, v] = v
    for s, t, w in edges:
        if w < distance[s, t]:
            distance[s, t] = w
            next_hop[s, t] = t
    for k in range(n):
        through = distance[:, k : k + 1] + distance[k : k + 1, :]
        better = through < distance
        distance = np.where(better, through, distance)
        next_hop = np.where(better, next_hop[:, k : k + 1], next_hop)
    return distance, next_hop


def cheapest_covering_walk(n: int, edges: list[list[int]]) -> tuple[int, list[int]]:
    """(weight, walk) of a minimum-weight walk visiting all n vertices, or (-1, []) if none exists.

    A covering walk is a sequence of shortest paths between consecutive first visits, so the optimum is a
    Held–Karp tour over the shortest-path metric: best[S][v] = cheapest walk whose visited set is S, ending at v.
    Masks are processed by popcount layers with numpy (about 2^n·n² cheap operations).
    """
    distance, next_hop = _shortest_paths(n, edges)
    full = (1 << n) - 1
    popcount = np.zeros(1 << n, dtype=np.int64)
    for bit in range(n):
        popcount[1 << bit : 1 << (bit + 1)] = popcount[: 1 << bit] + 1
    best = np.full((1 << n, n), _UNREACHABLE, dtype=np.int64)
    for v in range(n):
        best[1 << v, v] = 0
    layers = [np.flatnonzero(popcount == size) for size in range(n + 1)]
    for size in range(2, n + 1):
        masks = layers[size]
        for v in range(n):
            ending = masks[((masks >> v) & 1) == 1]
            before = best[ending ^ (1 << v)]
            best[ending, v] = np.minimum((before + distance[:, v]).min(axis=1), _UNREACHABLE)
    end = int(np.argmin(best[full]))
    total = int(best[full, end])
    if total >= _UNREACHABLE:
        return -1, []
    order = [end]
    mask = full
    while mask != 1 << order[-1]:
        v = order[-1]
        previous = mask ^ (1 << v)
        costs = best[previous] + distance[:, v]
        u = int(np.flatnonzero(costs == best[mask, v])[0])
        order.append(u)
        mask = previous
    order.reverse()
    walk = [order[0]]
    for u, v in itertools.pairwise(order):
        while u != v:
            u = int(next_hop[u, v])
            walk.append(u)
    return total, walk


class HamiltonianPath(Task):
    """Find a minimum-weight walk in a weighted directed graph that visits every vertex at least once.

    A random Hamiltonian path with weights in [1, N] is planted (so a covering walk exists), then extra random
    edges with weights in [1, max(1, N/2)] are added up to a density drawn from {0.05, 0.15, …, 0.95} among
    those giving at least N edges. Vertices may be revisited; the optimum is found by Held–Karp over
    shortest-path distances. That is exponential in N, so for N > 16 (d > 13) the planted path's weights are all
    1 instead, which makes it optimal by construction (the task becomes finding a Hamiltonian path of weight-1
    edges).
    Difficulty: N = d + 3 vertices.
    Reward: -1 unparsable; -0.5 if a vertex is out of range, some vertex is never visited, or two consecutive
    vertices are not joined by an edge; otherwise (optimal weight / walk weight)^5.
    Answer: the vertices of the walk in order on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        density = rng.choice([rho for rho in _DENSITIES if int(rho * n * (n - 1)) >= n])
        planted = list(range(n))
        rng.shuffle(planted)
        exact = n <= EXACT_SOLVER_LIMIT
        # beyond the exact solver's reach the planted path is made all-ones: a covering walk has ≥ N-1 edges of
        # weight ≥ 1, so weight N-1 is then certifiably optimal
        weights = {(s, t): rng.randint(1, n) if exact else 1 for s, t in itertools.pairwise(planted)}
        wanted = int(density * n * (n - 1))
        spare = [(s, t) for s in range(n) for t in range(n) if s != t and (s, t) not in weights]
        for pair in rng.sample(spare, min(len(spare), max(0, wanted - len(weights)))):
            weights[pair] = rng.randint(1, max(1, n // 2))
        edges = [[s, t, w] for (s, t), w in weights.items()]
        rng.shuffle(edges)
        if exact:
            best_weight, walk = cheapest_covering_walk(n, edges)
        else:
            best_weight, walk = n - 1, planted
        parameters = {"N": n, "edges": edges, "best_weight": best_weight}
        return Instance(parameters, " ".join(map(str, walk)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"{s} -> {t} (weight {w})" for s, t, w in edges)
        return (
            f"A directed graph has {n} vertices, numbered 0 to {n - 1}, and these {len(edges)} weighted edges:\n"
            f"{lines}\n"
            "Find a walk p1, p2, ..., pk that follows edges of the graph (an edge from each vertex to the next), "
            "visits every vertex at least once (vertices may be repeated), and has the smallest possible total "
            "weight (the sum of the weights of the edges it uses).\n"
            "Write the vertices of the walk in order on one line, separated by spaces (for example 0 2 1 2 3)."
        )

    def solve(self, parameters: dict[str, Any]) -> tuple[int, list[int]]:
        """(minimum weight, one optimal walk)."""
        return cheapest_covering_walk(parameters["N"], parameters["edges"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        walk = parse_int_list(answer)
        n = parameters["N"]
        if any(not 0 <= v < n for v in walk):
            return rewards.invalid("vertex out of range")
        if len(set(walk)) != n:
            return rewards.invalid("the walk does not visit every vertex")
        weight = {(s, t): w for s, t, w in parameters["edges"]}
        total = 0
        for s, t in itertools.pairwise(walk):
            if (s, t) not in weight:
                return rewards.invalid(f"there is no edge {s} -> {t}")
            total += weight[(s, t)]
        return rewards.optimality(total, parameters["best_weight"], 5.0, minimize=True)
