"""Average expected hitting time of a random walk on a tree, modulo 998244353."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.common.trees import random_tree, rooted, subtree_sizes

_MOD = 998244353


class TreeRandomWalkExpectation(Task):
    """A walker on a tree moves to a uniformly random neighbour at each step. With E(S, T) the expected number of
    steps to reach T from S, give (Σ over all ordered pairs E(S, T)) / N² modulo 998244353.

    Crossing an edge from the side with s vertices to the other takes 2s − 1 expected steps (the walk wanders in the
    s − 1 edges behind it first), and s(N − s) ordered pairs cross it each way, so the sum is Σ_edges
    s(N − s)(2N − 2), an integer.
    Difficulty: N ← N + 1 from 3; a random tree on 0..N−1.
    Reward: -1 unparsable; -0.5 outside [0, 998244353); 1 for the right residue, else 0.
    Answer: one integer in [0, 998244353): the value p/q written as p·q^(-1) mod 998244353.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"N": n, "edges": random_tree(rng, n)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        edges = "\n".join(f"({u}, {v})" for u, v in parameters["edges"])
        return (
            f"A tree has {n} vertices, numbered 0 to {n - 1}, and these {n - 1} edges:\n{edges}\n"
            "A random walk on the tree moves, at every step, from the current vertex to one of its neighbours chosen "
            "uniformly at random. For vertices S and T, let E(S, T) be the expected number of steps a walk started "
            "at S needs to reach T for the first time (E(T, T) = 0).\n"
            f"Compute (the sum of E(S, T) over all {n}·{n} ordered pairs (S, T)) divided by {n * n}. Writing it as a "
            f"fraction p/q in lowest terms, give p·q^(-1) modulo {_MOD} (q^(-1) being the inverse of q modulo "
            f"{_MOD}), as a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The average hitting time modulo 998244353."""
        n = parameters["N"]
        parent, order = rooted(n, parameters["edges"])
        size = subtree_sizes(parent, order)
        total = sum(size[v] * (n - size[v]) * (2 * n - 2) for v in order[1:])
        return total % _MOD * pow(n * n, _MOD - 2, _MOD) % _MOD

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), _MOD)
