"""Pick vertices of least total cost from which every vertex of a directed graph is reachable (Luogu P1262)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

UNSUCCESSFUL_REWARD = -0.3
"""Reward for distinct, in-range vertices from which some vertex is unreachable (RLVE's `unsuccessful_solution`)."""
_EDGE_DENSITIES = (0.01, 0.02, 0.03, 0.05, 0.1, 0.15)
_DOMINATED_PROBABILITIES = (0.3, 0.4, 0.5, 0.6, 0.7)
_BETA = 3.0


def strong_components(n: int, edges: list[list[int]]) -> list[int]:
    """Component index of each vertex (Kosaraju's algorithm, iterative)."""
    forward: list[list[int]] = [[] for _ in range(n)]
    backward: list[list[int]] = [[] for _ in range(n)]
    for s, t in edges:
        forward[s].append(t)
        backward[t].append(s)
    finished, seen = [], [False] * n
    for root in range(n):
        if seen[root]:
            continue
        seen[root] = True
        stack = [(root, iter(forward[root]))]
        while stack:
            vertex, successors = stack[-1]
            for t in successors:
                if not seen[t]:
                    seen[t] = True
                    stack.append((t, iter(forward[t])))
                    break
            else:
                stack.pop()
                finished.append(vertex)
    component = [-1] * n
    count = 0
    for root in reversed(finished):
        if component[root] >= 0:
            continue
        component[root], stack = count, [root]
        while stack:
            for s in backward[stack.pop()]:
                if component[s] < 0:
                    component[s] = count
                    stack.append(s)
        count += 1
    return component


def cheapest_sources(n: int, edges: list[list[int]], costs: list[int]) -> list[int]:
    """A least-cost set of vertices reaching every vertex: the cheapest vertex of each component that no edge
    enters from another component (every such component needs one of its own; together they reach everything)."""
    component = strong_components(n, edges)
    entered = {component[t] for s, t in edges if component[s] != component[t]}
    cheapest: dict[int, int] = {}
    for vertex in range(n):
        c = component[vertex]
        if c not in entered and (c not in cheapest or costs[vertex] < costs[cheapest[c]]):
            cheapest[c] = vertex
    return sorted(cheapest.values())


def reached_from(n: int, edges: list[list[int]], starts: list[int]) -> list[bool]:
    """Which vertices some vertex of `starts` reaches (itself included)."""
    forward: list[list[int]] = [[] for _ in range(n)]
    for s, t in edges:
        forward[s].append(t)
    reached = [False] * n
    stack = list(starts)
    for vertex in starts:
        reached[vertex] = True
    while stack:
        for t in forward[stack.pop()]:
            if not reached[t]:
                reached[t] = True
                stack.append(t)
    return reached


class SpyNetwork(Task):
    """In a directed graph with vertex costs, choose vertices of least total cost such that every vertex is
    reachable from a chosen one.

    Each vertex is 'dominated' with a probability p; edges are drawn among the ordered pairs that do not lead from
    a dominated to an undominated vertex.
    Difficulty: N grows as N ← int(1.1·N + 1) from 4; int(density·N(N-1)) edges with the density drawn from
    {0.01, 0.02, 0.03, 0.05, 0.1, 0.15} (among those giving an edge) and p from {0.3, ..., 0.7}; costs are
    uniform in [1, N].
    Reward: -1 unparsable; -0.5 for a repeated or out-of-range vertex; -0.3 if some vertex is unreachable;
    otherwise (least cost / cost)^3.
    Answer: the chosen vertices on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        density = rng.choice([d for d in _EDGE_DENSITIES if int(d * n * (n - 1)) > 0])
        dominated_probability = rng.choice(_DOMINATED_PROBABILITIES)
        dominated = [rng.random() < dominated_probability for _ in range(n)]
        allowed = [[s, t] for s in range(n) for t in range(n) if s != t and (not dominated[s] or dominated[t])]
        edges = rng.sample(allowed, min(len(allowed), int(density * n * (n - 1))))
        parameters = {"N": n, "edges": edges, "costs": [rng.randint(1, n) for _ in range(n)]}
        return Instance(parameters, " ".join(map(str, cheapest_sources(n, edges, parameters["costs"]))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, costs = parameters["N"], parameters["costs"]
        edges = "\n".join(f"({s}, {t})" for s, t in parameters["edges"])
        cost_list = "\n".join(f"c[{v}]={c}" for v, c in enumerate(costs))
        return (
            f"A directed graph has {n} vertices, labelled 0 to {n - 1}, and these edges, each (s, t) going from s "
            f"to t:\n{edges}\n"
            f"Vertex v costs c[v]:\n{cost_list}\n"
            "Choose a set of distinct vertices such that every vertex of the graph can be reached from at least one "
            "chosen vertex by following edges (a chosen vertex reaches itself), with the smallest possible total "
            "cost.\n"
            "Write the chosen vertices on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer)
        n, edges, costs = parameters["N"], parameters["edges"], parameters["costs"]
        if len(set(chosen)) != len(chosen) or any(not 0 <= v < n for v in chosen):
            return rewards.invalid("the vertices must be distinct labels in range")
        if not all(reached_from(n, edges, chosen)):
            return rewards.wrong("some vertex is not reachable from the chosen ones", reward=UNSUCCESSFUL_REWARD)
        best = sum(costs[v] for v in cheapest_sources(n, edges, costs))
        return rewards.optimality(sum(costs[v] for v in chosen), best, _BETA, minimize=True)
