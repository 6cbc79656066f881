"""Implement single-source shortest distances on a graph given as an edge list (generated variant)."""

from __future__ import annotations

import heapq
import random
from typing import Any

from rlve_gym.core.problem import Instance
from rlve_gym.envs.code.common import (
    FunctionTask,
    HiddenTest,
    hidden_test_rng,
    program_answer_instructions,
)
from rlve_gym.envs.common.ladders import grown

FUNCTION_NAME = "shortest_distances"
TIME_LIMIT_S = 4.0


class ImplementShortestPaths(FunctionTask):
    """Write shortest_distances(n, edges, source): the length of a shortest path from source to every vertex.

    The variant is drawn per instance: directed or undirected edges, and weighted edges [u, v, w] (w ≥ 1) or
    unweighted edges [u, v] (every edge has length 1). Edge lists may hold self-loops and parallel edges;
    unreachable vertices get -1.
    Difficulty: weighted variants appear from d = 1; graphs hold up to int(1.1·n + 1) vertices from 5 and up to
    twice as many edges, weights up to 9 + d; hidden tests grow as 8 + d.
    Reward: -1 when the answer is not a Python program; -0.5 when it does not define shortest_distances;
    otherwise (passed hidden tests / tests)^5.
    Answer: a Python program defining shortest_distances (a ```python fenced block inside the answer is fine).
    """

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"tests": 8 + difficulty, "max_vertices": grown(5, difficulty), "max_weight": 9 + difficulty}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        parameters = {
            "function_name": FUNCTION_NAME,
            "time_limit_s": TIME_LIMIT_S,
            "directed": rng.random() < 0.5,
            "weighted": difficulty >= 1 and rng.random() < 0.7,
            "tests": sizes["tests"],
            "max_vertices": sizes["max_vertices"],
            "max_weight": sizes["max_weight"],
            "test_seed": rng.getrandbits(63),
        }
        parameters["example"] = self._example_graph(rng, parameters)
        return Instance(parameters, self.reference_program(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges, source = parameters["example"]
        edge = "a list [u, v, w]" if parameters["weighted"] else "a list [u, v]"
        length = "w (a positive integer)" if parameters["weighted"] else "1"
        if parameters["directed"]:
            edge_text = f"{edge}: an edge from u to v of length {length}, usable only in that direction"
        else:
            edge_text = f"{edge}: an edge between u and v of length {length}"
        kind = "directed" if parameters["directed"] else "undirected"
        return (
            f"Write a Python function {FUNCTION_NAME}(n, edges, source) for a {kind} graph with vertices 0 to n-1. "
            f"Each element of edges is {edge_text}; the list may contain self-loops and repeated edges. Return a "
            "list of n integers whose i-th element is the length of a shortest path from source to vertex i "
            "(0 for source itself), or -1 when vertex i cannot be reached.\n\n"
            f"Example: {FUNCTION_NAME}({n}, {edges}, {source}) returns {self.solve(n, edges, source, parameters)}."
            "\n\n" + program_answer_instructions(FUNCTION_NAME, parameters["time_limit_s"])
        )

    def solve(self, n: int, edges: list[list[int]], source: int, parameters: dict[str, Any]) -> list[int]:
        """Dijkstra's algorithm with a binary heap."""
        neighbours: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        for edge in edges:
            u, v = edge[0], edge[1]
            length = edge[2] if parameters["weighted"] else 1
            neighbours[u].append((v, length))
            if not parameters["directed"]:
                neighbours[v].append((u, length))
        distance = [-1] * n
        frontier = [(0, source)]
        while frontier:
            reached, vertex = heapq.heappop(frontier)
            if distance[vertex] != -1:
                continue
            distance[vertex] = reached
            for neighbour, length in neighbours[vertex]:
                if distance[neighbour] == -1:
                    heapq.heappush(frontier, (reached + length, neighbour))
        return distance

    def reference_program(self, parameters: dict[str, Any]) -> str:
        """A correct program: Dijkstra with ``heapq``."""
        unpack = "u, v, w" if parameters["weighted"] else "u, v"
        length = "w" if parameters["weighted"] else "1"
        backward = "" if parameters["directed"] else f"        neighbours[v].append((u, {length}))\n"
        return (
            "import heapq\n\n\n"
            f"def {FUNCTION_NAME}(n, edges, source):\n"
            "    neighbours = [[] for _ in range(n)]\n"
            f"    for {unpack} in edges:\n"
            f"        neighbours[u].append((v, {length}))\n"
            f"{backward}"
            "    distance = [-1] * n\n"
            "    frontier = [(0, source)]\n"
            "    while frontier:\n"
            "        reached, vertex = heapq.heappop(frontier)\n"
            "        if distance[vertex] != -1:\n"
            "            continue\n"
            "        distance[vertex] = reached\n"
            "        for neighbour, length in neighbours[vertex]:\n"
            "            if distance[neighbour] == -1:\n"
            "                heapq.heappush(frontier, (reached + length, neighbour))\n"
            "    return distance\n"
        )

    def hidden_tests(self, parameters: dict[str, Any]) -> list[HiddenTest]:
        rng = hidden_test_rng(parameters)
        graphs = [parameters["example"], [1, [], 0], self._graph(rng, 3, 0, parameters)]
        while len(graphs) < parameters["tests"]:
            n = rng.randint(2, parameters["max_vertices"])
            graphs.append(self._graph(rng, n, rng.randint(0, 2 * n), parameters))
        return [HiddenTest(list(graph), self.solve(*graph, parameters)) for graph in graphs]

    @staticmethod
    def _example_graph(rng: random.Random, parameters: dict[str, Any]) -> list[Any]:
        """Five vertices: a tree reaching four of them from the source, one extra edge, one vertex unreachable."""
        order = list(range(5))
        rng.shuffle(order)
        source, unreachable = order[0], order[4]
        edges = [[order[position], order[rng.randrange(position)]][::-1] for position in range(1, 4)]
        edges.append([unreachable, rng.choice(order[:4])] if parameters["directed"] else [order[3], order[1]])
        if parameters["weighted"]:
            for edge in edges:
                edge.append(rng.randint(1, 9))
        rng.shuffle(edges)
        return [5, edges, source]

    @staticmethod
    def _graph(rng: random.Random, n: int, edge_count: int, parameters: dict[str, Any]) -> list[Any]:
        edges = []
        for _ in range(edge_count):
            edge = [rng.randrange(n), rng.randrange(n)]
            if parameters["weighted"]:
                edge.append(rng.randint(1, parameters["max_weight"]))
            edges.append(edge)
        return [n, edges, rng.randrange(n)]
