"""Probability that a random filling of a 3D grid has exactly K cells that dominate their three lines
(Luogu P5400)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

_MODULUS = 998244353


class Cube_FixedLocalMaximumCounting(Task):
    """An N×M×L grid is filled with a uniformly random permutation of 1..NML; a cell is dominant when its value
    exceeds every other cell sharing at least one coordinate with it. Give the probability that exactly K cells
    are dominant, modulo 998244353.

    Difficulty: N, M, L uniform in [2, S], S growing as S ← int(1.1·S + 1) from 3; K uniform in [2, min(N, M, L)].
    Reward: -1 unparsable; -0.5 outside [0, 998244353); 1 for the right residue, else 0.
    Answer: one integer in [0, 998244353): the probability p/q as p·q^(−1) modulo 998244353.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        side = self.ladder(difficulty)["max_side"]
        n, m, l = (rng.randint(2, side) for _ in range(3))
        parameters = {"N": n, "M": m, "L": l, "K": rng.randint(2, min(n, m, l))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m, l, k = parameters["N"], parameters["M"], parameters["L"], parameters["K"]
        return (
            f"The cells of an {n} × {m} × {l} grid receive the numbers 1 to {n * m * l}, one per cell, every one of "
            f"the {n * m * l}! arrangements being equally likely. A cell is dominant when its number is larger than "
            "the number in every other cell that shares at least one of its three coordinates (the same x, the same "
            "y or the same z).\n"
            f"What is the probability that exactly {k} cells are dominant? Write it as a reduced fraction p/q and "
            f"give p·r modulo {_MODULUS}, where r is the inverse of q modulo that prime (q·r ≡ 1), as a single "
            f"integer in [0, {_MODULUS})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Binomial inversion over the expected number of dominant i-sets.

        Dominant cells never share a coordinate. For i such cells taken in decreasing value order, each must be
        the largest of the union of the lines through itself and the later ones, a union of R(0) − R(j) cells
        (R(x) = (N−x)(M−x)(L−x)); these nested events give probability ∏_j 1/(R(0) − R(j)) per order. With
        N!M!L!/((N−i)!(M−i)!(L−i)!) ordered choices of i such cells, the expected number of dominant i-sets is
        E_i = ∏_(j<i) R(j) / ∏_(1≤j≤i) (R(0) − R(j)), and P(exactly K) = Σ_(i≥K) (−1)^(i−K) C(i, K) E_i.
        """
        n, m, l, k = parameters["N"], parameters["M"], parameters["L"], parameters["K"]

        def lines(x: int) -> int:
            return (n - x) * (m - x) * (l - x)

        total, expected, choose = 0, 1, 1
        for i in range(1, min(n, m, l) + 1):
            expected = expected * lines(i - 1) % _MODULUS * pow(lines(0) - lines(i), -1, _MODULUS) % _MODULUS
            if i >= k:
                choose = 1 if i == k else choose * i * pow(i - k, -1, _MODULUS) % _MODULUS
                total += (-1) ** (i - k) * choose * expected
        return total % _MODULUS

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), _MODULUS)
