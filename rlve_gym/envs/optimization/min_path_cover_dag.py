"""Cheapest set of paths from vertex 1 covering every edge of a weighted DAG."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import min_cost_max_flow
from rlve_gym.envs.common.ladders import stepped

UNCOVERED_REWARD = -0.2
"""Reward for valid paths that leave some edge uncovered (RLVE's `unsuccessful_solution`)."""


def cheapest_edge_multiplicities(n: int, edges: list[list[int]]) -> list[int]:
    """How often each edge is walked in a cheapest cover of all edges by paths from vertex 1.

    Every edge is used once, plus g_e ≥ 0 extra times. A vertex v ≠ 1 may end paths but never start them, so
    (uses in) ≥ (uses out); with b(v) = in-degree - out-degree, vertices with b(v) < 0 must receive -b(v)
    extra units and vertices with b(v) > 0 may pass on up to b(v) units, while vertex 1 supplies any amount.
    The cheapest such g is a min-cost flow from a super source (0) to a super sink (N + 1); the flow is maximal
    exactly when every deficit is met, which vertex 1 can always do since it reaches every vertex.
    """
    balance = [0] * (n + 1)
    for s, t, _ in edges:
        balance[t] += 1
        balance[s] -= 1
    source, sink = 0, n + 1
    unbounded = len(edges) + 1  # more than the total deficit, so never binding
    arcs = [(s, t, unbounded, w) for s, t, w in edges]
    arcs.append((source, 1, unbounded, 0))
    for v in range(2, n + 1):
        if balance[v] > 0:
            arcs.append((source, v, balance[v], 0))
        elif balance[v] < 0:
            arcs.append((v, sink, -balance[v], 0))
    _, _, flows = min_cost_max_flow(n + 2, arcs, source, sink)
    return [1 + flow for flow in flows[: len(edges)]]


def paths_from_multiplicities(n: int, edges: list[list[int]], uses: list[int]) -> list[list[int]]:
    """Split edge multiplicities with (uses in) ≥ (uses out) at every v ≠ 1 into unit paths starting at 1."""
    outgoing: list[list[int]] = [[] for _ in range(n + 1)]
    ends = [0] * (n + 1)
    for index, (s, t, _) in enumerate(edges):
        outgoing[s].append(index)
        ends[t] += uses[index]
        ends[s] -= uses[index]
    remaining = list(uses)
    paths = []
    while any(remaining[index] for index in outgoing[1]):
        path, vertex = [1], 1
        while True:
            if vertex != 1 and ends[vertex] > 0:
                ends[vertex] -= 1
                break
            index = next(index for index in outgoing[vertex] if remaining[index])
            remaining[index] -= 1
            vertex = edges[index][1]
            path.append(vertex)
        paths.append(path)
    return paths


class MinPathCover_DAG(Task):
    """Cover every edge of a weighted DAG with paths that start at vertex 1, minimising the total path weight.

    A path may repeat edges that other paths also use; its weight is the sum of its edge weights. Vertex 1
    comes first in a random topological order and each later vertex gets between 1 and all possible in-edges
    from earlier vertices, so vertex 1 reaches every vertex. The optimum is a min-cost flow with lower bound 1
    on every edge.
    Difficulty: N = d + 4 vertices (labelled 1..N); edge weights are uniform in [1, N·(N-1)].
    Reward: -1 unparsable; -0.5 if a path does not start at 1 or uses a missing edge; -0.2 if some edge is left
    uncovered; else (optimal total weight / total weight)^5.
    Answer: one path per line, each a list of vertices starting with 1, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        order = [1, *rng.sample(range(2, n + 1), n - 1)]
        edges = []
        for i in range(1, n):
            for s in rng.sample(order[:i], rng.randint(1, i)):
                edges.append([s, order[i], rng.randint(1, n * (n - 1))])
        rng.shuffle(edges)
        parameters = {"N": n, "edges": edges}
        paths = paths_from_multiplicities(n, edges, cheapest_edge_multiplicities(n, edges))
        return Instance(parameters, "\n".join(" ".join(map(str, path)) for path in paths))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"{s} -> {t} (weight {w})" for s, t, w in edges)
        return (
            f"A directed acyclic graph has {n} vertices, labelled 1 to {n}, and these {len(edges)} weighted edges "
            f"(vertex 1 can reach every other vertex):\n{lines}\n"
            "Choose some paths, each starting at vertex 1 and following edges in their direction (a path may stop at "
            "any vertex), so that every edge lies on at least one path. The weight of a path is the sum of its edge "
            "weights (an edge counts again in every path that uses it). Make the total weight of all paths as small "
            "as possible.\n"
            "Write one path per line: its vertices in order, starting with 1, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The least total weight of a cover (min-cost flow)."""
        edges = parameters["edges"]
        uses = cheapest_edge_multiplicities(parameters["N"], edges)
        return sum(count * edge[2] for count, edge in zip(uses, edges, strict=True))

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        paths = parse_int_rows(answer)
        weight = {(s, t): w for s, t, w in parameters["edges"]}
        covered = set()
        total = 0
        for path in paths:
            if path[0] != 1:
                return rewards.invalid("every path must start at vertex 1")
            for s, t in itertools.pairwise(path):
                if (s, t) not in weight:
                    return rewards.invalid(f"there is no edge {s} -> {t}")
                covered.add((s, t))
                total += weight[(s, t)]
        if len(covered) < len(weight):
            return rewards.wrong(f"{len(weight) - len(covered)} edge(s) not covered", reward=UNCOVERED_REWARD)
        return rewards.optimality(total, self.solve(parameters), 5.0, minimize=True)
