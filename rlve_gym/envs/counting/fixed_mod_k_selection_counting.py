"""Sum of the binomial coefficients C(nk, ik + r) over all i, modulo p (SDOI 2017 'Combinatorial problem')."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import doubled, grown

_MAX_MODULUS = 1_000_000


class FixedModK_Selection_Counting(Task):
    """Compute (Σ_{i ≥ 0} C(n·k, i·k + r)) mod p: the number of subsets of an (n·k)-set whose size is ≡ r (mod k).

    Difficulty: n is uniform in [1, A] with A = 8·2^d; k is uniform in [2, B] with B ← int(1.1·B + 1) from 5;
    r is uniform in [0, k-1] and p in [2, 10^6].
    Reward: -1 unparsable; -0.5 outside [0, p); 1 for the right residue, else 0.
    Answer: one integer in [0, p).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_n": doubled(8, difficulty), "max_k": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        k = rng.randint(2, size["max_k"])
        parameters = {
            "n": rng.randint(1, size["max_n"]),
            "k": k,
            "r": rng.randint(0, k - 1),
            "p": rng.randint(2, _MAX_MODULUS),
        }
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k, r, p = parameters["n"], parameters["k"], parameters["r"], parameters["p"]
        return (
            f"Let n = {n}, k = {k}, r = {r} and p = {p}. Compute\n"
            "  (C(n·k, r) + C(n·k, k + r) + C(n·k, 2k + r) + C(n·k, 3k + r) + …) mod p,\n"
            "the sum over all i ≥ 0 of the binomial coefficient C(n·k, i·k + r), where C(a, b) = 0 when b > a.\n"
            f"Answer with a single integer in [0, {p})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """(1 + x)^(n·k) in the ring Z_p[x] / (x^k - 1): coefficient j sums C(n·k, m) over m ≡ j (mod k).
        Square-and-multiply with cyclic convolutions, O(k² log(n·k))."""
        n, k, r, p = parameters["n"], parameters["k"], parameters["r"], parameters["p"]

        def times(a: list[int], b: list[int]) -> list[int]:
            product = [0] * k
            for i, x in enumerate(a):
                if x:
                    for j, y in enumerate(b):
                        product[(i + j) % k] += x * y
            return [c % p for c in product]

        result = [1 % p] + [0] * (k - 1)
        base = [0] * k
        base[0] += 1
        base[1 % k] += 1
        base = [c % p for c in base]
        exponent = n * k
        while exponent:
            if exponent & 1:
                result = times(result, base)
            base = times(base, base)
            exponent >>= 1
        return result[r]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["p"])
