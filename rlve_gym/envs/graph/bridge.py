"""Bridges: the edges of an undirected graph whose removal disconnects their endpoints."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import vertex_pairs
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_DENSITIES = (0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9)
_GROUP_FRACTIONS = (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8)


class Bridge(Task):
    """List every bridge of an undirected graph: an edge whose removal disconnects its two endpoints.

    The vertices are split at random into C groups (at least two non-empty); each non-empty group is joined to
    the groups before it by one edge, and random edges inside groups bring the count to int(density·N(N-1)/2),
    so at least one bridge exists. Bridges are found with Tarjan's low-link DFS.
    Difficulty: N ← int(1.1·N + 1) from 4; density drawn from {0.02, 0.05, ..., 0.9}; C drawn from the values
    int(f·N) ≥ 2 for f in {0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8}.
    Reward: -1 unparsable or an odd number of vertices; -0.5 if a pair is repeated or is not a bridge;
    otherwise (bridges listed / all bridges)^5.
    Answer: the bridges on one line as u1 v1 u2 v2 …, in any order, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        density = rng.choice(_DENSITIES)
        group_count = rng.choice(sorted({int(f * n) for f in _GROUP_FRACTIONS if int(f * n) >= 2}))
        group_of = [rng.randrange(group_count) for _ in range(n)]
        if len(set(group_of)) < 2:  # all in one group: move one vertex out instead of redrawing
            mover = rng.randrange(n)
            group_of[mover] = (group_of[mover] + rng.randrange(1, group_count)) % group_count
        members: list[list[int]] = [[] for _ in range(group_count)]
        for vertex, group in enumerate(group_of):
            members[group].append(vertex)
        edges, inside, earlier = [], [], []
        for group in members:
            if not group:
                continue
            if earlier:
                u, v = rng.choice(earlier), rng.choice(group)
                edges.append([min(u, v), max(u, v)])
            inside += [[u, v] for i, u in enumerate(group) for v in group[i + 1 :]]
            earlier += group
        wanted = int(density * n * (n - 1) / 2)
        if len(edges) < wanted:
            edges += rng.sample(inside, min(len(inside), wanted - len(edges)))
        rng.shuffle(edges)
        parameters = {"N": n, "edges": edges}
        return Instance(parameters, " ".join(f"{u} {v}" for u, v in self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"({u}, {v})" for u, v in edges)
        return (
            f"An undirected graph has {n} vertices, numbered 0 to {n - 1}, and these edges ({len(edges)} in all):\n"
            f"{lines}\n"
            "Find every edge (u, v) whose removal would leave u and v disconnected from each other.\n"
            "Write all such edges on one line as u1 v1 u2 v2 ..., in any order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[tuple[int, int]]:
        """All bridges as sorted (u, v) pairs with u < v (iterative Tarjan low-link DFS)."""
        n = parameters["N"]
        neighbours: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        for index, (u, v) in enumerate(parameters["edges"]):
            neighbours[u].append((v, index))
            neighbours[v].append((u, index))
        order, low = [-1] * n, [0] * n
        bridges, clock = [], 0
        for root in range(n):
            if order[root] >= 0:
                continue
            order[root] = low[root] = clock
            clock += 1
            stack = [(root, -1, 0)]  # (vertex, index of the edge it was entered by, next neighbour to try)
            while stack:
                vertex, via, cursor = stack[-1]
                if cursor < len(neighbours[vertex]):
                    stack[-1] = (vertex, via, cursor + 1)
                    child, edge = neighbours[vertex][cursor]
                    if edge == via:
                        continue
                    if order[child] < 0:
                        order[child] = low[child] = clock
                        clock += 1
                        stack.append((child, edge, 0))
                    else:
                        low[vertex] = min(low[vertex], order[child])
                    continue
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[vertex])
                    if low[vertex] > order[parent]:
                        bridges.append((min(parent, vertex), max(parent, vertex)))
        return sorted(bridges)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        pairs = [(min(u, v), max(u, v)) for u, v in vertex_pairs(parse_int_list(answer, allow_empty=True))]
        if len(set(pairs)) != len(pairs):
            return rewards.invalid("an edge is listed twice")
        bridges = set(self.solve(parameters))
        if not set(pairs) <= bridges:
            return rewards.invalid("a listed pair is not a bridge")
        return rewards.partial(len(pairs) / len(bridges), _BETA, f"{len(pairs)}/{len(bridges)} bridges listed")
