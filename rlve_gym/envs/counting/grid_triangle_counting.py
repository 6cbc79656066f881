"""Non-degenerate triangles with vertices on the points of an integer grid (CQOI 2014)."""

from __future__ import annotations

import random
from math import comb
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def _power_sum(x: int, k: int) -> int:
    """Σ_{i=1}^{x} i^k for k ≤ 3."""
    if k == 0:
        return x
    if k == 1:
        return x * (x + 1) // 2
    if k == 2:
        return x * (x + 1) * (2 * x + 1) // 6
    return (x * (x + 1) // 2) ** 2


class _TotientMomentSums:
    """Φ_k(x) = Σ_{d ≤ x} d^k·φ(d) for k ∈ {0, 1, 2}: a sieve below `limit`, Dirichlet's hyperbola identity
    Σ_{i ≤ x} i^k·Φ_k(⌊x/i⌋) = Σ_{i ≤ x} i^(k+1) (from Σ_{d | n} φ(d) = n) above it."""

    def __init__(self, limit: int) -> None:
        self.limit = max(1, limit)
        phi = list(range(self.limit + 1))
        for p in range(2, self.limit + 1):
            if phi[p] == p:  # p is prime
                for multiple in range(p, self.limit + 1, p):
                    phi[multiple] -= phi[multiple] // p
        self.prefix = []
        for k in range(3):
            running, table = 0, [0] * (self.limit + 1)
            for d in range(1, self.limit + 1):
                running += d**k * phi[d]
                table[d] = running
            self.prefix.append(table)
        self.memo: dict[tuple[int, int], int] = {}

    def __call__(self, x: int, k: int) -> int:
        if x <= self.limit:
            return self.prefix[k][x]
        if (x, k) in self.memo:
            return self.memo[x, k]
        total, low = _power_sum(x, k + 1), 2
        while low <= x:
            quotient = x // low
            high = x // quotient
            total -= (_power_sum(high, k) - _power_sum(low - 1, k)) * self(quotient, k)
            low = high + 1
        self.memo[x, k] = total
        return total


def count_grid_triangles(n: int, m: int, sieve_limit: int | None = None) -> int:
    """Triangles on the (n+1) × (m+1) grid points: all triples minus collinear ones.

    A collinear triple is two endpoints with a lattice point strictly between them: gcd(dx, dy) - 1 choices.
    Axis-parallel lines give (m+1)·C(n+1, 3) + (n+1)·C(m+1, 3). Slanted ones (both slopes) give
    2·Σ_{dx, dy ≥ 1} (n+1-dx)(m+1-dy)(gcd(dx, dy) - 1); writing gcd = Σ_{d | gcd} φ(d) turns this into
    Σ_d φ(d)·S_n(d)·S_m(d) with S_n(d) = Σ_{a ≤ n/d} (n+1-d·a), which on blocks of constant ⌊n/d⌋, ⌊m/d⌋ is a
    quadratic in d, summed with the prefix sums of d^k·φ(d).
    """
    points = (n + 1) * (m + 1)
    collinear = (m + 1) * comb(n + 1, 3) + (n + 1) * comb(m + 1, 3)
    upto = min(n, m)
    if sieve_limit is None:
        sieve_limit = min(upto, max(1000, int(upto ** (2 / 3)) + 1))
    moments = _TotientMomentSums(sieve_limit)
    weighted, low = 0, 1
    while low <= upto:
        qn, qm = n // low, m // low
        high = min(n // qn, m // qm)
        # S_n(d) = an - d·bn and S_m(d) = am - d·bm on this block
        an, bn = qn * (n + 1), qn * (qn + 1) // 2
        am, bm = qm * (m + 1), qm * (qm + 1) // 2
        sums = [moments(high, k) - moments(low - 1, k) for k in range(3)]
        weighted += an * am * sums[0] - (an * bm + am * bn) * sums[1] + bn * bm * sums[2]
        low = high + 1
    slanted = 2 * (weighted - (n * (n + 1) // 2) * (m * (m + 1) // 2))
    return comb(points, 3) - collinear - slanted


class GridTriangleCounting(Task):
    """Count the non-degenerate triangles whose three vertices are integer points (x, y) with 0 ≤ x ≤ N and
    0 ≤ y ≤ M.

    Difficulty: N and M are uniform in [1, L], L growing as L ← int(1.5·L) from 5.
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true count.
    Answer: one positive integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N_M": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        limit = self.ladder(difficulty)["max_N_M"]
        parameters = {"N": rng.randint(1, limit), "M": rng.randint(1, limit)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m = parameters["N"], parameters["M"]
        return (
            f"Consider the {(n + 1) * (m + 1)} points (x, y) with integer coordinates 0 ≤ x ≤ {n} and 0 ≤ y ≤ {m}. "
            "How many triangles with positive area have all three vertices among these points? (A triangle is a "
            "set of three points; the order of the vertices does not matter.)\n"
            "Answer with a single positive integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The count, by `count_grid_triangles`."""
        return count_grid_triangles(parameters["N"], parameters["M"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the count must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
