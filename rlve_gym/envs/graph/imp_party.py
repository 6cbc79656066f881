"""Find a clique of size N in a 3N-vertex graph that is known to contain a clique of size 2N."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped


class ImpParty(Task):
    """Find N mutually adjacent vertices in a graph on 3N vertices that contains a clique of 2N vertices.

    A clique on 2N random vertices is planted and a random subset of the edges between it and the other N vertices
    is added (POI 2011 "Imp", Luogu P3524); the other N vertices have no edges among themselves.
    Difficulty: N = d + 3.
    Reward: -1 unparsable; -0.5 for a wrong count, out-of-range or repeated vertices; else
    (adjacent pairs among the chosen vertices / (N·(N-1)/2))^5.
    Answer: the N chosen vertices on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        clique = rng.sample(range(3 * n), 2 * n)
        members = set(clique)
        others = [vertex for vertex in range(3 * n) if vertex not in members]
        edges = [[min(u, v), max(u, v)] for i, u in enumerate(clique) for v in clique[i + 1 :]]
        across = [[min(u, v), max(u, v)] for u in clique for v in others]
        edges += rng.sample(across, rng.randint(0, len(across)))
        rng.shuffle(edges)
        return Instance({"N": n, "edges": edges}, " ".join(map(str, rng.sample(clique, n))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        return (
            f"An undirected graph has {3 * n} vertices, numbered 0 to {3 * n - 1}, and these edges:\n{edges}\n"
            f"The graph is guaranteed to contain a clique of {2 * n} vertices (every two of them joined by an "
            f"edge). Find any clique of exactly {n} vertices.\n"
            f"Write the {n} vertices on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer)
        n = parameters["N"]
        if len(chosen) != n:
            return rewards.invalid(f"expected {n} vertices, got {len(chosen)}")
        if len(set(chosen)) != n or any(not 0 <= vertex < 3 * n for vertex in chosen):
            return rewards.invalid(f"vertices must be distinct and between 0 and {3 * n - 1}")
        edges = {(u, v) for u, v in parameters["edges"]}
        adjacent = sum((min(u, v), max(u, v)) in edges for i, u in enumerate(chosen) for v in chosen[i + 1 :])
        pairs = n * (n - 1) // 2
        return rewards.partial(adjacent / pairs, 5.0, f"{adjacent}/{pairs} pairs adjacent")
