"""Simple cycles of an undirected graph."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0
_EDGE_DENSITIES = (0.25, 0.45, 0.65, 0.85)


def count_simple_cycles(n: int, edges: list[list[int]]) -> int:
    """Simple cycles (≥ 3 vertices, counted once per edge set) by a path DP per lowest vertex.

    For each lowest vertex s, ways[mask, v] counts the paths from s that visit exactly the vertices in `mask`
    (all above s) and end at v; a path closes into a cycle when v is adjacent to s and it has ≥ 2 vertices
    besides s. Both directions of each cycle are found, hence the halving. Vectorised per path length: time and
    memory grow as 2^n, so this serves n up to about 20.
    """
    adjacent = np.zeros((n, n), dtype=np.int64)
    for u, v in edges:
        adjacent[u, v] = adjacent[v, u] = 1
    dtype = np.int64 if n <= 21 else object  # path counts stay below (n-1)! < 2^63 up to n = 21
    closed = 0
    for start in range(n - 2):
        above = list(range(start + 1, n))
        size = len(above)
        links = adjacent[np.ix_(above, above)].astype(dtype)
        closes = adjacent[above, start].astype(dtype)
        masks = np.arange(1 << size)
        popcount = np.zeros(1 << size, dtype=np.int64)
        for bit in range(size):
            popcount += (masks >> bit) & 1
        ways = np.zeros((1 << size, size), dtype=dtype)
        first = np.flatnonzero(adjacent[start, above])
        ways[1 << first, first] = 1
        for length in range(1, size + 1):
            layer = masks[popcount == length]
            current = ways[layer]
            if length >= 2:
                closed += int((current @ closes).sum())
            if length == size:
                break
            extended = current @ links
            for vertex in range(size):
                free = (layer >> vertex) & 1 == 0
                ways[layer[free] | (1 << vertex), vertex] += extended[free, vertex]
    return closed // 2


class CycleCounting(Task):
    """Count the simple cycles of an undirected graph: closed walks through at least 3 distinct vertices with no
    repeated vertex, where two cycles are the same exactly when they use the same set of edges.

    Difficulty: N = d + 4 vertices; the edge density q is drawn from {0.25, 0.45, 0.65, 0.85} (values giving at
    least one edge) and ⌊q·N(N−1)/2⌋ distinct edges are chosen uniformly. Counting is exponential in N.
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count (1 for 0 when
    there is no cycle).
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        pairs = n * (n - 1) // 2
        density = rng.choice([q for q in _EDGE_DENSITIES if int(q * pairs) > 0])
        all_edges = [[u, v] for u in range(n) for v in range(u + 1, n)]
        parameters: dict[str, Any] = {"N": n, "edges": rng.sample(all_edges, int(density * pairs))}
        # the count is exponential work, so it is kept with the instance and the verifier does not redo it
        parameters["cycles"] = self.solve(parameters)
        return Instance(parameters, str(parameters["cycles"]))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        return (
            f"An undirected graph has {n} vertices, numbered 0 to {n - 1}, and these edges:\n{edges}\n"
            "How many simple cycles does it have? A simple cycle passes through at least 3 vertices and returns to "
            "its start without repeating a vertex or an edge. Two cycles are the same when they use the same set "
            "of edges, whatever the starting vertex or direction: (0, 1, 2, 3) and (1, 0, 3, 2) are one cycle, "
            "while (0, 1, 2, 3) and (1, 0, 2, 3) are two different ones.\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of simple cycles."""
        return count_simple_cycles(parameters["N"], parameters["edges"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(value, parameters["cycles"], _BETA)
