"""Minimum-weight spanning arborescence of a directed graph (Chu-Liu/Edmonds)."""

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
_DENSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9)


class MinimumDirectedSpanningTree(Task):
    """Choose N-1 arcs of a weighted directed graph forming a spanning arborescence rooted at a given vertex
    (every vertex reachable from the root, every other vertex entered by exactly one chosen arc), of least total
    weight.

    A random arborescence from the root is planted, then random arcs bring the count to int(density·N(N-1))
    (densities giving no more than N-1 arcs are skipped); weights are uniform in [1, max(1, arc count)]. The
    optimum comes from the Chu-Liu/Edmonds algorithm (cheapest entering arcs, cycles contracted recursively).
    Difficulty: N ← int(1.1·N + 1) from 4; density drawn from {0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9}.
    Reward: -1 unparsable or an odd number of vertices; -0.5 unless the pairs are N-1 arcs of the graph forming
    an arborescence rooted at the given root; otherwise (minimum weight / chosen weight)^5.
    Answer: the chosen arcs on one line as s1 t1 s2 t2 … (each arc from s to t), separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        density = rng.choice([d for d in _DENSITIES if int(d * n * (n - 1)) > n - 1])
        wanted = int(density * n * (n - 1))
        heaviest = max(1, wanted)
        order = list(range(n))
        rng.shuffle(order)
        pairs = [(rng.choice(order[:index]), vertex) for index, vertex in enumerate(order) if index]
        present = set(pairs)
        spare = [(s, t) for s in range(n) for t in range(n) if s != t and (s, t) not in present]
        pairs += rng.sample(spare, min(len(spare), wanted - len(pairs)))
        edges = [[s, t, rng.randint(1, heaviest)] for s, t in pairs]
        rng.shuffle(edges)
        parameters: dict[str, Any] = {"N": n, "root": order[0], "edges": edges}
        arcs = self.solve(parameters)
        chosen = set(arcs)
        parameters["best"] = sum(w for s, t, w in edges if (s, t) in chosen)
        return Instance(parameters, " ".join(f"{s} {t}" for s, t in arcs))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, root, edges = parameters["N"], parameters["root"], parameters["edges"]
        lines = "\n".join(f"({s}, {t}, {w})" for s, t, w in edges)
        return (
            f"A directed graph has {n} vertices, numbered 0 to {n - 1}, and these {len(edges)} arcs, each written "
            f"(s, t, w) for an arc from s to t of weight w:\n{lines}\n"
            f"Choose exactly {n - 1} of these arcs forming a spanning arborescence rooted at vertex {root}: every "
            f"vertex can be reached from {root} along chosen arcs, every vertex other than {root} has exactly one "
            "chosen arc entering it, and the chosen arcs contain no cycle. Make the total weight of the chosen "
            "arcs as small as possible.\n"
            "Write the chosen arcs on one line as s1 t1 s2 t2 ..., separated by spaces (for example, 0 1 0 2 "
            "chooses the arcs 0 -> 1 and 0 -> 2)."
        )

    def solve(self, parameters: dict[str, Any]) -> list[tuple[int, int]]:
        """A minimum spanning arborescence as sorted (s, t) arcs."""
        edges = parameters["edges"]
        arcs = [(s, t, w, index) for index, (s, t, w) in enumerate(edges)]
        chosen = _min_arborescence(parameters["N"], parameters["root"], arcs)
        return sorted((edges[i][0], edges[i][1]) for i in chosen)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        pairs = vertex_pairs(parse_int_list(answer, allow_empty=True))
        n, root = parameters["N"], parameters["root"]
        weights = {(s, t): w for s, t, w in parameters["edges"]}
        if len(pairs) != n - 1:
            return rewards.invalid(f"expected {n - 1} arcs")
        if any(pair not in weights for pair in pairs):
            return rewards.invalid("every pair must be an arc of the graph")
        parent = [-1] * n
        for s, t in pairs:
            if t == root or parent[t] >= 0:
                return rewards.invalid("every vertex but the root must be entered by exactly one arc")
            parent[t] = s
        # with one entering arc per non-root vertex, reaching the root from everywhere rules out cycles
        for start in range(n):
            vertex, steps = start, 0
            while vertex != root and steps < n:
                vertex, steps = parent[vertex], steps + 1
            if vertex != root:
                return rewards.invalid("the chosen arcs contain a cycle")
        total = sum(weights[pair] for pair in pairs)
        return rewards.optimality(total, parameters["best"], _BETA, minimize=True)


def _min_arborescence(n: int, root: int, arcs: list[tuple[int, int, int, int]]) -> list[int]:
    """Chu-Liu/Edmonds on vertices 0..n-1: the ids (4th field) of the arcs of a minimum arborescence.

    Every vertex but the root takes its cheapest entering arc; if these form no cycle they are optimal.
    Otherwise each cycle is contracted to one vertex, arc weights are lowered by the cheapest weight entering
    their head, the smaller instance is solved, and each cycle keeps all its arcs but the one whose head the
    contracted solution enters."""
    cheapest: list[int | None] = [None] * n  # position in `arcs` of the cheapest arc entering each vertex
    for position, (s, t, w, _) in enumerate(arcs):
        if s != t and t != root and (cheapest[t] is None or w < arcs[cheapest[t]][2]):
            cheapest[t] = position
    if any(cheapest[v] is None for v in range(n) if v != root):
        raise ValueError("some vertex cannot be reached from the root")
    walked_from = [-1] * n
    cycles: list[list[int]] = []
    for start in range(n):
        trail, vertex = [], start
        while vertex != root and walked_from[vertex] < 0:
            walked_from[vertex] = start
            trail.append(vertex)
            vertex = arcs[cheapest[vertex]][0]
        if vertex != root and walked_from[vertex] == start:
            cycles.append(trail[trail.index(vertex) :])
    if not cycles:
        return [arcs[cheapest[v]][3] for v in range(n) if v != root]
    group = [-1] * n
    for index, cycle in enumerate(cycles):
        for vertex in cycle:
            group[vertex] = index
    groups = len(cycles)
    for vertex in range(n):
        if group[vertex] < 0:
            group[vertex], groups = groups, groups + 1
    contracted = [
        (group[s], group[t], w - arcs[cheapest[t]][2], position)
        for position, (s, t, w, _) in enumerate(arcs)
        if group[s] != group[t] and t != root
    ]
    chosen = set(_min_arborescence(groups, group[root], contracted))
    entry = {group[arcs[position][1]]: arcs[position][1] for position in chosen}
    for index, cycle in enumerate(cycles):
        chosen.update(cheapest[vertex] for vertex in cycle if vertex != entry[index])
    return [arcs[position][3] for position in sorted(chosen)]
