"""Find an isomorphism between two undirected graphs."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.graphs import random_simple_graph_edges
from rlve_gym.envs.common.ladders import stepped

_DENSITIES = (0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95)


class GraphIsomorphism(Task):
    """Given two undirected graphs G1 and G2 on N vertices with M edges each, find a bijection p of the vertices
    with (u, v) an edge of G1 exactly when (p(u), p(v)) is an edge of G2.

    G1 is random with int(density·N(N-1)/2) edges; G2 is G1 relabelled by a hidden random permutation (the
    reference). Any isomorphism is accepted.
    Difficulty: N = d + 3; the density is drawn from {0.05, 0.15, ..., 0.95}, keeping those giving at least one
    edge.
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 0..N-1; else (edges of G1 mapped onto edges
    of G2 / M)^10.
    Answer: p(0) … p(N-1) on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        pairs = n * (n - 1) // 2
        density = rng.choice([d for d in _DENSITIES if int(d * pairs) > 0])
        first = random_simple_graph_edges(rng, n, int(density * pairs))
        mapping = rng.sample(range(n), n)
        second = [sorted((mapping[u], mapping[v])) for u, v in first]
        rng.shuffle(second)
        return Instance({"N": n, "G1": first, "G2": second}, " ".join(map(str, mapping)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, first, second = parameters["N"], parameters["G1"], parameters["G2"]
        first_lines, second_lines = ("\n".join(f"{u} - {v}" for u, v in edges) for edges in (first, second))
        return (
            f"Two undirected graphs G1 and G2 each have {n} vertices, labelled 0 to {n - 1}, and {len(first)} edges.\n"
            f"Edges of G1:\n{first_lines}\n"
            f"Edges of G2:\n{second_lines}\n"
            "Find a one-to-one mapping p from the vertices of G1 to the vertices of G2 such that u - v is an edge of "
            "G1 exactly when p(u) - p(v) is an edge of G2.\n"
            f"Write p(0), p(1), ..., p({n - 1}) on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        mapping = parse_int_list(answer)
        n = parameters["N"]
        if sorted(mapping) != list(range(n)):
            return rewards.invalid(f"p must be a permutation of 0..{n - 1}")
        second = {(u, v) for u, v in parameters["G2"]}
        kept = sum(tuple(sorted((mapping[u], mapping[v]))) in second for u, v in parameters["G1"])
        total = len(parameters["G1"])
        return rewards.partial(kept / total, 10.0, f"{kept}/{total} edges mapped onto edges")
