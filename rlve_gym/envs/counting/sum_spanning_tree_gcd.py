"""Sum, over all spanning trees of a weighted graph, of the gcd of the tree's edge weights."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import stepped
from rlve_gym.envs.common.numbers import euler_phi

_DENSITIES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9)
_MODULI = (666623333, 998244353, 10**9 + 7)


def _spanning_tree_count_mod(n: int, edges: list[tuple[int, int]], prime: int) -> int:
    """Kirchhoff's theorem: the number of spanning trees is any cofactor of the Laplacian (here mod a prime)."""
    size = n - 1  # drop the row and column of vertex n (1-based labels)
    matrix = [[0] * size for _ in range(size)]
    for u, v in edges:
        a, b = u - 1, v - 1
        for x in (a, b):
            if x < size:
                matrix[x][x] += 1
        if a < size and b < size:
            matrix[a][b] -= 1
            matrix[b][a] -= 1
    determinant = 1
    for column in range(size):
        pivot = next((r for r in range(column, size) if matrix[r][column] % prime), None)
        if pivot is None:
            return 0
        if pivot != column:
            matrix[column], matrix[pivot] = matrix[pivot], matrix[column]
            determinant = -determinant
        head = matrix[column][column] % prime
        determinant = determinant * head % prime
        inverse = pow(head, prime - 2, prime)
        for r in range(column + 1, size):
            factor = matrix[r][column] * inverse % prime
            if factor:
                row, top = matrix[r], matrix[column]
                for c in range(column, size):
                    row[c] = (row[c] - factor * top[c]) % prime
    return determinant % prime


class SumSpanningTreeGCD(Task):
    """Sum, over every spanning tree of a weighted undirected graph, of the gcd of the tree's edge weights, mod MOD.

    A random spanning tree whose weights are all multiples of a common factor c (uniform in [1, N]; weights
    c·[1, N]) is planted, so the sum is never trivially small; further distinct edges with weights uniform in
    [1, N²] bring the count to int(density·N(N−1)/2). Solved by gcd(T) = Σ_{d | gcd(T)} φ(d): the answer is
    Σ_d φ(d)·(spanning trees using only edges whose weight d divides), each count a Laplacian cofactor mod MOD.
    Difficulty: N ← N + 1 from 4; density drawn from {0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 0.9} among those giving at
    least N − 1 edges; MOD drawn from {666623333, 998244353, 10^9 + 7}.
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        density = rng.choice([d for d in _DENSITIES if int(d * n * (n - 1) / 2) >= n - 1])
        common = rng.randint(1, n)
        order = list(range(1, n + 1))
        rng.shuffle(order)
        edges = []
        for index in range(1, n):
            u, v = order[index], rng.choice(order[:index])
            edges.append([min(u, v), max(u, v), common * rng.randint(1, n)])
        used = {(u, v) for u, v, _ in edges}
        spare = [(u, v) for u in range(1, n + 1) for v in range(u + 1, n + 1) if (u, v) not in used]
        wanted = int(density * n * (n - 1) / 2) - len(edges)
        for u, v in rng.sample(spare, max(0, min(len(spare), wanted))):
            edges.append([u, v, rng.randint(1, n * n)])
        rng.shuffle(edges)
        parameters = {"N": n, "edges": edges, "MOD": rng.choice(_MODULI)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, modulus = parameters["N"], parameters["MOD"]
        edges = "\n".join(f"({u}, {v}, {w})" for u, v, w in parameters["edges"])
        return (
            f"An undirected graph has {n} vertices, numbered 1 to {n}. Each line (u, v, w) below is an edge between "
            f"u and v with weight w:\n{edges}\n"
            f"A spanning tree is a set of exactly {n - 1} of these edges that connects all {n} vertices without "
            "forming a cycle. The value of a spanning tree is the greatest common divisor of the weights of its "
            "edges. Add up the values of all spanning trees of the graph and give the sum modulo "
            f"{modulus}, as a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The sum of gcd values over all spanning trees, modulo MOD."""
        n, edges, modulus = parameters["N"], parameters["edges"], parameters["MOD"]
        divisor_counts: dict[int, int] = {}
        for _, _, weight in edges:
            for d in range(1, int(weight**0.5) + 1):
                if weight % d == 0:
                    for divisor in {d, weight // d}:
                        divisor_counts[divisor] = divisor_counts.get(divisor, 0) + 1
        total = 0
        for divisor in sorted(divisor_counts):
            if divisor_counts[divisor] < n - 1:
                continue
            kept = [(u, v) for u, v, w in edges if w % divisor == 0]
            total += euler_phi(divisor) * _spanning_tree_count_mod(n, kept, modulus)
        return total % modulus

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])
