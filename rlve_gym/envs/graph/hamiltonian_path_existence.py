"""Find a Hamiltonian path in a directed graph that has one."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_DENSITIES = (0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95)


class HamiltonianPathExistence(Task):
    """Find a path in a directed graph on N vertices that visits every vertex exactly once.

    A random Hamiltonian path is planted, then random extra edges are added up to int(density·N(N-1)) edges.
    Any Hamiltonian path is accepted.
    Difficulty: N = d + 3; the density is drawn from {0.05, 0.15, ..., 0.95}, keeping those giving at least N
    edges.
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 0..N-1; else (consecutive pairs that are
    edges / (N-1))^5.
    Answer: the N vertices of the path in order, on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"vertices": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["vertices"]
        density = rng.choice([d for d in _DENSITIES if int(d * n * (n - 1)) >= n])
        path = rng.sample(range(n), n)
        edges = [[u, v] for u, v in itertools.pairwise(path)]
        wanted = int(density * n * (n - 1))
        if wanted > len(edges):
            planted = set(itertools.pairwise(path))
            spare = [[u, v] for u in range(n) for v in range(n) if u != v and (u, v) not in planted]
            edges += rng.sample(spare, min(len(spare), wanted - len(edges)))
        rng.shuffle(edges)
        return Instance({"N": n, "edges": edges}, " ".join(map(str, path)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges = parameters["N"], parameters["edges"]
        lines = "\n".join(f"{u} -> {v}" for u, v in edges)
        return (
            f"A directed graph has {n} vertices, labelled 0 to {n - 1}, and these {len(edges)} edges:\n{lines}\n"
            "Find a path that visits every vertex exactly once, following the edges in their direction.\n"
            f"Write the {n} vertices of the path in order on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        path = parse_int_list(answer)
        n = parameters["N"]
        if sorted(path) != list(range(n)):
            return rewards.invalid(f"the path must visit each of 0..{n - 1} exactly once")
        edges = {(u, v) for u, v in parameters["edges"]}
        present = sum(pair in edges for pair in itertools.pairwise(path))
        return rewards.partial(present / (n - 1), 5.0, f"{present}/{n - 1} steps are edges")
