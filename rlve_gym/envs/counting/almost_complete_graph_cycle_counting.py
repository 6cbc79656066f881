"""Simple cycles of the complete graph on N vertices with one edge removed, modulo an odd number."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

_MAX_MODULUS = 1_000_000


def almost_complete_cycle_count(n: int, modulus: int) -> int:
    """Simple cycles of K_n minus one edge, modulo an odd `modulus`, in O(n).

    With A(m) = Σ_j m!/(m−j)! (ordered selections from m items; A(m) = m·A(m−1) + 1), a cycle whose smallest
    vertex has m larger vertices available is one of Σ_{j ≥ 2} m!/(m−j)! = A(m) − 1 − m directed walks, each cycle
    twice (both directions; the count is even, and 2 is invertible modulo an odd number). The cycles through the
    missing edge are the paths between its ends through j ≥ 1 of the other n − 2 vertices: A(n − 2) − 1 of them.
    """
    half = (modulus + 1) // 2
    selections = 1  # A(0)
    directed = 0
    for m in range(n):
        if m:
            selections = (m * selections + 1) % modulus
        directed += selections - 1 - m
        if m == n - 2:
            through_missing_edge = selections - 1
    return (directed % modulus * half - through_missing_edge) % modulus


class AlmostCompleteGraphCycleCounting(Task):
    """Count the simple cycles of the graph on vertices 1..N with every edge except {1, N}, modulo an odd MOD.

    A simple cycle has at least 3 vertices and no repeated vertex; cycles with the same edge set are the same.
    Difficulty: N uniform in [4, MAX], MAX growing as MAX ← int(1.5·MAX) from 5; MOD is a uniform odd number in
    [3, 1000001].
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {
            "N": rng.randint(4, self.ladder(difficulty)["max_N"]),
            "MOD": 2 * rng.randint(1, _MAX_MODULUS // 2) + 1,
        }
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, modulus = parameters["N"], parameters["MOD"]
        return (
            f"An undirected graph has the vertices 1, 2, …, {n}, and an edge between every two vertices except "
            f"between 1 and {n}.\n"
            "Count its simple cycles. A simple cycle visits at least 3 vertices and returns to its start without "
            "repeating a vertex; two cycles are the same when they use the same set of edges, whatever the starting "
            "vertex or direction, so (1, 2, 3, 4) and (3, 2, 1, 4) are one cycle while (1, 2, 3, 4) and (1, 3, 2, 4) "
            "are two.\n"
            f"Give the count modulo {modulus}, as a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of simple cycles, modulo MOD."""
        return almost_complete_cycle_count(parameters["N"], parameters["MOD"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])
