"""Induced subgraph isomorphism: embed a small graph into a larger one."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_DENSITIES = (0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95)


class SubgraphIsomorphism(Task):
    """Find an injective map p from G1's vertices into G2's with (u, v) ∈ E1 exactly when (p(u), p(v)) ∈ E2.

    G2 has int(density·N2·(N2-1)/2) uniform random edges, the density drawn among those giving at least one edge;
    G1 is the subgraph of G2 induced by N1 random vertices (N1 uniform in [3, N2]), relabelled at random.
    Difficulty: N2 = d + 3 vertices in G2.
    Reward: -1 unparsable; -0.5 unless the answer lists N1 distinct vertices of G2; else (pairs {u, v} of G1 whose
    adjacency is preserved / (N1·(N1-1)/2))^10.
    Answer: p(0), p(1), ..., p(N1 - 1) on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N2": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n2 = self.ladder(difficulty)["N2"]
        pairs = [[u, v] for u in range(n2) for v in range(u + 1, n2)]
        density = rng.choice([d for d in _DENSITIES if int(d * len(pairs)) > 0])
        big_edges = rng.sample(pairs, int(density * len(pairs)))
        n1 = rng.randint(3, n2)
        mapping = rng.sample(range(n2), n1)
        present = {(u, v) for u, v in big_edges}
        small_edges = [
            [u, v] for u in range(n1) for v in range(u + 1, n1) if tuple(sorted((mapping[u], mapping[v]))) in present
        ]
        rng.shuffle(small_edges)
        parameters = {"N1": n1, "G1": small_edges, "N2": n2, "G2": big_edges}
        return Instance(parameters, " ".join(map(str, mapping)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n1, n2 = parameters["N1"], parameters["N2"]
        small = "\n".join(f"({u}, {v})" for u, v in parameters["G1"]) or "(none)"
        big = "\n".join(f"({u}, {v})" for u, v in parameters["G2"])
        return (
            f"Graph G1 is undirected with {n1} vertices, numbered 0 to {n1 - 1}, and edges:\n{small}\n"
            f"Graph G2 is undirected with {n2} vertices, numbered 0 to {n2 - 1}, and edges:\n{big}\n"
            "Find a map p sending each vertex of G1 to a different vertex of G2 such that for every two vertices u "
            "and v of G1, (u, v) is an edge of G1 if and only if (p(u), p(v)) is an edge of G2.\n"
            f"Write p(0), p(1), ..., p({n1 - 1}) on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        mapping = parse_int_list(answer)
        n1, n2 = parameters["N1"], parameters["N2"]
        if len(mapping) != n1 or len(set(mapping)) != n1 or any(not 0 <= vertex < n2 for vertex in mapping):
            return rewards.invalid(f"expected {n1} distinct vertices of G2 (0 to {n2 - 1})")
        small = {(u, v) for u, v in parameters["G1"]}
        big = {(u, v) for u, v in parameters["G2"]}
        kept = sum(
            ((u, v) in small) == ((min(mapping[u], mapping[v]), max(mapping[u], mapping[v])) in big)
            for u in range(n1)
            for v in range(u + 1, n1)
        )
        pairs = n1 * (n1 - 1) // 2
        return rewards.partial(kept / pairs, 10.0, f"{kept}/{pairs} vertex pairs keep their adjacency")
