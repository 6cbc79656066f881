"""Find an Eulerian circuit of a graph with both undirected and directed edges."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import DisjointSets
from rlve_gym.envs.common.ladders import stepped

_DRAWS = 100


def _even_graph(rng: random.Random, n: int) -> list[tuple[int, int]]:
    """RLVE's construction: vertex v < n-1 links to a random subset of the earlier vertices, then every vertex of
    odd degree links to vertex n-1 (making all degrees even); redrawn until connected (fallback: a cycle)."""
    for _ in range(_DRAWS):
        edges = [(u, v) for v in range(1, n - 1) for u in rng.sample(range(v), rng.randint(0, v))]
        degree = [0] * n
        for u, v in edges:
            degree[u] += 1
            degree[v] += 1
        edges += [(u, n - 1) for u in range(n - 1) if degree[u] % 2]
        components = DisjointSets(n)
        merged = sum(components.union(u, v) for u, v in edges)
        if merged == n - 1:
            return edges
    return [(v, v + 1) for v in range(n - 1)] + [(0, n - 1)]


def _euler_circuit(rng: random.Random, n: int, edges: list[tuple[int, int]]) -> list[int]:
    """An Eulerian circuit of a connected graph with even degrees (Hierholzer; neighbour order shuffled)."""
    incident: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for index, (u, v) in enumerate(edges):
        incident[u].append((v, index))
        incident[v].append((u, index))
    for options in incident:
        rng.shuffle(options)
    used = [False] * len(edges)
    stack, circuit = [rng.randrange(n)], []
    while stack:
        u = stack[-1]
        while incident[u] and used[incident[u][-1][1]]:
            incident[u].pop()
        if incident[u]:
            v, index = incident[u].pop()
            used[index] = True
            stack.append(v)
        else:
            circuit.append(stack.pop())
    return circuit[::-1]


class MixedGraphEulerianCircuit(Task):
    """A graph has undirected edges and directed edges (each used only from its tail to its head); find a closed
    walk using every edge exactly once.

    An undirected connected graph with all degrees even is drawn (RLVE's construction), an Eulerian circuit is
    found, and 1..E-1 of its edges are made directed along the circuit, which is the planted reference.
    Difficulty: N = d + 3 vertices.
    Reward: -1 unparsable; -0.5 for a vertex out of range, a walk that does not return to its start, or a step
    along no edge (or against a directed edge); otherwise (edges used exactly once / all edges)^10.
    Answer: the vertices of the closed walk in order (first = last) on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        circuit = _euler_circuit(rng, n, _even_graph(rng, n))
        steps = list(itertools.pairwise(circuit))
        directed_steps = set(rng.sample(range(len(steps)), rng.randint(1, len(steps) - 1)))
        directed = [[u, v] for i, (u, v) in enumerate(steps) if i in directed_steps]
        undirected = [sorted((u, v)) for i, (u, v) in enumerate(steps) if i not in directed_steps]
        rng.shuffle(directed)
        rng.shuffle(undirected)
        parameters = {"N": n, "undirected": undirected, "directed": directed}
        return Instance(parameters, " ".join(map(str, circuit)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        undirected = "\n".join(f"{u} - {v}" for u, v in parameters["undirected"])
        directed = "\n".join(f"{u} -> {v}" for u, v in parameters["directed"])
        return (
            f"A graph has {n} vertices, labelled 0 to {n - 1}.\n"
            f"Undirected edges (usable in either direction):\n{undirected}\n"
            f"Directed edges (usable only from the first vertex to the second):\n{directed}\n"
            "Ignoring directions, the graph is connected, has no repeated edges, and every vertex has even degree.\n"
            "Find an Eulerian circuit: a closed walk that starts and ends at the same vertex and uses every edge "
            "exactly once, respecting the directions of the directed edges.\n"
            "Write the vertices of the walk in order on one line, separated by spaces, repeating the starting vertex "
            "at the end."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        walk = parse_int_list(answer)
        n = parameters["N"]
        if any(not 0 <= v < n for v in walk):
            return rewards.invalid("a vertex is out of range")
        if walk[0] != walk[-1]:
            return rewards.invalid("the walk does not end where it starts")
        uses = {("u", u, v): 0 for u, v in parameters["undirected"]}
        uses.update({("d", u, v): 0 for u, v in parameters["directed"]})
        for u, v in itertools.pairwise(walk):
            key = ("d", u, v) if ("d", u, v) in uses else ("u", min(u, v), max(u, v))
            if key not in uses:
                return rewards.invalid(f"no usable edge from {u} to {v}")
            uses[key] += 1
        once = sum(count == 1 for count in uses.values())
        return rewards.partial(once / len(uses), 10.0, f"{once} of {len(uses)} edges used exactly once")
