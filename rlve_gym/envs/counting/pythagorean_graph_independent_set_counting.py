"""Independent sets of sticks where two sticks conflict when they are the legs of a primitive right triangle."""

from __future__ import annotations

import random
from collections import Counter
from math import gcd, isqrt
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

_MAX_MODULUS = 1_000_000
_ATTEMPTS = 64


def primitive_legs(a: int, b: int) -> bool:
    """True iff a² + b² is a perfect square and gcd(a, b) = 1."""
    square = a * a + b * b
    return gcd(a, b) == 1 and isqrt(square) ** 2 == square


def count_weighted_independent_sets(weights: dict[int, int], edges: list[tuple[int, int]], modulus: int) -> int:
    """Σ over independent vertex sets S (the empty set included) of Π_{v ∈ S} weights[v], modulo `modulus`.

    Per connected component: a BFS spanning tree plus the leftover edges; one endpoint of each leftover edge is
    fixed in or out in every possible way (taking it forces the other endpoint out), and a tree DP counts the
    rest. The cost is exponential only in the number of leftover edges (Pythagorean leg graphs of small values
    are forests, so usually none).
    """
    neighbours: dict[int, list[int]] = {v: [] for v in weights}
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    parent: dict[int, int | None] = {}
    total = 1 % modulus
    for root in sorted(weights):
        if root in parent:
            continue
        parent[root] = None
        order = [root]
        for u in order:
            for v in sorted(neighbours[u]):
                if v not in parent:
                    parent[v] = u
                    order.append(v)
        leftover = sorted(
            {(min(u, v), max(u, v)) for u in order for v in neighbours[u] if parent[u] != v and parent[v] != u}
        )
        pinned = sorted({u for u, _ in leftover})
        component = 0
        for mask in range(1 << len(pinned)):
            taken = {u for i, u in enumerate(pinned) if mask >> i & 1}
            forced_out = {u for u in pinned if u not in taken} | {v for u, v in leftover if u in taken}
            if taken & forced_out:
                continue
            with_v = {v: (0 if v in forced_out else weights[v] % modulus) for v in order}
            without_v = {v: (0 if v in taken else 1) for v in order}
            for v in reversed(order):
                p = parent[v]
                if p is not None:
                    with_v[p] = with_v[p] * without_v[v] % modulus
                    without_v[p] = without_v[p] * (with_v[v] + without_v[v]) % modulus
            component += with_v[root] + without_v[root]
        total = total * component % modulus
    return total


class PythagoreanGraph_IndependentSetCounting(Task):
    """Given an array H of N positive integers, join indices i ≠ j when H[i]^2 + H[j]^2 is a perfect square and
    gcd(H[i], H[j]) = 1; count the non-empty independent sets of indices, modulo MOD.

    Difficulty: N grows as N ← int(1.1·N + 1) from 3; H[i] uniform in [1, 2N], redrawn until the graph has an
    edge (after 64 draws a random pair of entries is set to 3 and 4); MOD uniform in [2, 10^6].
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        for _ in range(_ATTEMPTS):
            values = [rng.randint(1, 2 * n) for _ in range(n)]
            distinct = sorted(set(values))
            if any(primitive_legs(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1 :]):
                break
        else:
            first, second = rng.sample(range(n), 2)
            values[first], values[second] = 3, 4
        parameters = {"H": values, "MOD": rng.randint(2, _MAX_MODULUS)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, modulus = parameters["H"], parameters["MOD"]
        n = len(values)
        listing = " ".join(f"H[{i}]={h}" for i, h in enumerate(values))
        return (
            f"An array H has {n} entries: {listing}\n"
            f"Build an undirected graph on the vertices 0 to {n - 1}: vertices i ≠ j are joined by an edge exactly "
            "when H[i]^2 + H[j]^2 is the square of an integer and gcd(H[i], H[j]) = 1.\n"
            "How many non-empty sets of vertices contain no two vertices joined by an edge? "
            f"Give the count modulo {modulus}, as a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Merge equal values into one weighted vertex (a chosen value may take any non-empty subset of its
        c copies: weight 2^c - 1) and count weighted independent sets of the value graph."""
        modulus = parameters["MOD"]
        copies = Counter(parameters["H"])
        weights = {value: pow(2, count, modulus) - 1 for value, count in copies.items()}
        distinct = sorted(copies)
        edges = [(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1 :] if primitive_legs(a, b)]
        return (count_weighted_independent_sets(weights, edges, modulus) - 1) % modulus

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])
