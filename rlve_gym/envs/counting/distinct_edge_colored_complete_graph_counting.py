"""Edge colourings of the complete graph up to relabelling the vertices (Pólya counting, Luogu P4128)."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterator
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import stepped

_MODULI = (666623333, 998244353, 10**9 + 7)


def _partitions(n: int, largest: int) -> Iterator[list[int]]:
    if n == 0:
        yield []
        return
    for part in range(min(n, largest), 0, -1):
        for rest in _partitions(n - part, part):
            yield [part, *rest]


def non_isomorphic_colourings(n: int, colours: int) -> int:
    """The number of colourings of K_n's edges with `colours` colours up to vertex permutations (exact).

    Burnside: average colours^(edge cycles) over all n! vertex permutations. A permutation with cycle lengths
    l_1, …, l_k moves the edges in Σ ⌊l_i/2⌋ cycles within vertex cycles plus Σ_(i<j) gcd(l_i, l_j) cycles between
    two of them, and n!/(∏ l_i · ∏ m_v!) permutations have that cycle type (m_v: cycles of length v).
    """
    total = 0
    for lengths in _partitions(n, n):
        edge_cycles = sum(length // 2 for length in lengths)
        edge_cycles += sum(math.gcd(a, b) for i, a in enumerate(lengths) for b in lengths[i + 1 :])
        centraliser = math.prod(lengths) * math.prod(math.factorial(m) for m in Counter(lengths).values())
        total += math.factorial(n) // centraliser * colours**edge_cycles
    return total // math.factorial(n)


class DistinctEdgeColoredCompleteGraphCounting(Task):
    """Count the colourings of the edges of the complete graph on N vertices with M colours, two colourings being
    the same when a relabelling of the vertices maps one onto the other; give the count modulo MOD.

    Difficulty: N = d + 3; M uniform in [2, N(N−1)/2]; MOD drawn from {666623333, 998244353,
    10^9 + 7}.
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"N": n, "M": rng.randint(2, n * (n - 1) // 2), "MOD": rng.choice(_MODULI)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, colours, modulus = parameters["N"], parameters["M"], parameters["MOD"]
        return (
            f"Colour every edge of the complete undirected graph on the vertices 1, 2, …, {n} with one of {colours} "
            "colours (numbered 1 to " + str(colours) + "). Two colourings G and G' count as the same when some "
            "permutation p of the vertices gives every pair {u, v} in G the colour that {p(u), p(v)} has in G'.\n"
            f"How many different colourings are there? Give the count modulo {modulus}, as a single integer in "
            f"[0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of colourings up to relabelling, reduced modulo MOD."""
        return non_isomorphic_colourings(parameters["N"], parameters["M"]) % parameters["MOD"]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])
