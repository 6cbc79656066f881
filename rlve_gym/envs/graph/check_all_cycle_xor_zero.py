"""Decide whether every cycle of an edge-weighted graph has XOR 0."""

from __future__ import annotations

import random
from collections import deque
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import adjacency
from rlve_gym.envs.common.ladders import grown

_EDGE_RATIOS = tuple(round(1.0 + 0.1 * i, 1) for i in range(21))


def all_cycles_xor_zero(n: int, edges: list[list[int]]) -> bool:
    """True iff every cycle's XOR of weights is 0 (vertices 1..n): iff some potential p has p[u] ⊕ p[v] = w on
    every edge, which a search from each component's first vertex either builds or refutes."""
    neighbours = adjacency(n + 1, edges, directed=False)
    potential: list[int | None] = [None] * (n + 1)
    for root in range(1, n + 1):
        if potential[root] is not None:
            continue
        potential[root] = 0
        queue = deque([root])
        while queue:
            u = queue.popleft()
            for v, weight in neighbours[u]:
                expected = potential[u] ^ weight
                if potential[v] is None:
                    potential[v] = expected
                    queue.append(v)
                elif potential[v] != expected:
                    return False
    return True


class CheckAllCycleXorZero(Task):
    """Given an undirected graph with vertices 1..N and weighted edges, decide whether every cycle (closed walk) has
    XOR of its edge weights equal to 0.

    A random spanning tree (weights uniform in [0, 2^b − 1] with b the bit length of N(N−1)/2) gets extra edges up
    to int(r·N) in all; with probability 1/2 the extra weights agree with the tree (answer YES), otherwise they are
    uniform (almost always NO).
    Difficulty: N grows as N ← int(1.1·N + 1) from 4; r is drawn from {1.0, 1.1, …, 3.0} (values keeping
    int(r·N) ≤ N(N−1)/2).
    Reward: -1 unparsable; -0.5 for an answer other than YES or NO; 1 if right, else 0.
    Answer: YES or NO.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        pairs = n * (n - 1) // 2
        top_weight = 2 ** pairs.bit_length() - 1
        order = rng.sample(range(1, n + 1), n)
        potential = [0] * (n + 1)
        edges = []
        for index in range(1, n):
            u, v, weight = order[index], rng.choice(order[:index]), rng.randint(0, top_weight)
            potential[u] = potential[v] ^ weight
            edges.append([min(u, v), max(u, v), weight])
        consistent = rng.random() < 0.5
        ratio = rng.choice([r for r in _EDGE_RATIOS if int(r * n) <= pairs])
        present = {(u, v) for u, v, _ in edges}
        missing = [[u, v] for u in range(1, n + 1) for v in range(u + 1, n + 1) if (u, v) not in present]
        for u, v in rng.sample(missing, min(len(missing), int(ratio * n) - len(edges))):
            weight = potential[u] ^ potential[v] if consistent else rng.randint(0, top_weight)
            edges.append([u, v, weight])
        rng.shuffle(edges)
        parameters = {"N": n, "edges": edges}
        return Instance(parameters, self._verdict(parameters))

    @staticmethod
    def _verdict(parameters: dict[str, Any]) -> str:
        return "YES" if all_cycles_xor_zero(parameters["N"], parameters["edges"]) else "NO"

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        edges = "\n".join(f"({u}, {v}, {w})" for u, v, w in parameters["edges"])
        return (
            f"An undirected graph has vertices 1 to {parameters['N']} and these edges, each written (u, v, w) for an "
            f"edge between u and v with weight w:\n{edges}\n"
            "A cycle is a path that starts and ends at the same vertex. Is the XOR of the edge weights along every "
            "cycle of this graph equal to 0?\n"
            "Answer YES or NO."
        )

    def solve(self, parameters: dict[str, Any]) -> str:
        """YES or NO."""
        return self._verdict(parameters)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        verdict = answer.strip().rstrip(".").strip().upper()
        if verdict not in ("YES", "NO"):
            return rewards.invalid("the answer must be YES or NO")
        return rewards.correct() if verdict == self.solve(parameters) else rewards.wrong()
