"""Expected number of steps to colour a rooted tree by repeatedly colouring a random uncoloured vertex's root path."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import stepped

_MOD = 10**9 + 7


class TreeElimination_Expectation(Task):
    """A rooted tree starts uncoloured; each step picks an uncoloured vertex uniformly at random and colours every
    vertex on its path to the root. Give the expected number of steps until all are coloured, modulo 10^9 + 7.

    Picking uniformly among uncoloured vertices is the same as walking through a uniformly random order of all
    vertices and skipping the coloured ones; vertex v is picked exactly when it precedes its whole subtree in that
    order, so the expectation is Σ_v 1/size(v).
    Difficulty: N ← N + 1 from 3; vertex 1 is the root and the others join in a random order, each under a
    uniformly chosen earlier vertex.
    Reward: -1 unparsable; -0.5 outside [0, 10^9 + 7); 1 for the right residue, else 0.
    Answer: one integer in [0, 10^9 + 7): the expectation p/q written as p·q^(-1) mod 10^9 + 7.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        order = [1, *rng.sample(range(2, n + 1), n - 1)]
        parents = [[order[rng.randrange(i)], order[i]] for i in range(1, n)]
        parameters = {"N": n, "parents": parents}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        listed = "\n".join(f"parent[{child}]={parent}" for parent, child in parameters["parents"])
        return (
            f"A tree has {n} vertices, numbered 1 to {n}, and is rooted at vertex 1. The parent of every other vertex "
            f"is:\n{listed}\n"
            "At first no vertex is coloured. In each step, one of the uncoloured vertices is chosen uniformly at "
            "random, and every vertex on the path from it to the root (both ends included) becomes coloured. The "
            "process stops when all vertices are coloured.\n"
            "What is the expected number of steps? Writing it as a fraction p/q in lowest terms, give p·q^(-1) "
            f"modulo {_MOD} (q^(-1) being the inverse of q modulo {_MOD}), as a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Σ_v 1/size(v) modulo 10^9 + 7."""
        n = parameters["N"]
        size = [1] * (n + 1)
        # the pairs are listed in joining order (a parent before its children), so a reversed pass is bottom-up
        for parent, child in reversed(parameters["parents"]):
            size[parent] += size[child]
        return sum(pow(size[v], _MOD - 2, _MOD) for v in range(1, n + 1)) % _MOD

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), _MOD)
