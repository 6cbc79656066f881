"""XOR of the sums of all contiguous subarrays."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import stepped


class SubarraySumXor(Task):
    """Compute the bitwise XOR of the sums of all N·(N+1)/2 contiguous subarrays of an array of N integers.

    Difficulty: N = d + 3; entries are uniform in [0, N].
    Reward: -1 unparsable; 1 for the exact XOR, else 0.
    Answer: one integer (in decimal).
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"length": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["length"]
        parameters = {"A": [rng.randint(0, n) for _ in range(n)]}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        n = len(values)
        return (
            f"An array has {n} integers: {' '.join(map(str, values))}\n"
            f"It has {n}·({n}+1)/2 = {n * (n + 1) // 2} contiguous subarrays. Compute the sum of each one, then "
            "take the bitwise XOR of all these sums.\n"
            "Write the result as one integer in decimal."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Bit by bit: bit j of P_k - P_i (prefix sums, i < k, entries ≥ 0) is set iff
        (P_k - P_i) mod 2^(j+1) ≥ 2^j, i.e. P_i mod 2^(j+1) lies in the cyclic window [P_k + 1, P_k + 2^j]; a
        parity Fenwick tree over residues counts those i in O(N log² ΣA)."""
        prefix = [0]
        for value in parameters["A"]:
            prefix.append(prefix[-1] + value)
        result = 0
        for bit in range(prefix[-1].bit_length()):
            half, modulus = 1 << bit, 1 << (bit + 1)
            tree = [0] * (modulus + 1)  # tree[i] = parity of residues in a Fenwick range ending at i - 1

            def parity_below(limit: int, tree: list[int] = tree) -> int:
                """Parity of the count of stored residues < limit."""
                total, i = 0, limit
                while i > 0:
                    total ^= tree[i]
                    i -= i & -i
                return total

            parity = 0
            for k, value in enumerate(prefix):
                residue = value % modulus
                if k:
                    low, high = residue + 1, residue + half  # cyclic window [low, high] of residues
                    if high < modulus:
                        parity ^= parity_below(high + 1) ^ parity_below(low)
                    else:
                        parity ^= parity_below(modulus) ^ parity_below(low) ^ parity_below(high - modulus + 1)
                i = residue + 1
                while i <= modulus:
                    tree[i] ^= 1
                    i += i & -i
            if parity:
                result |= half
        return result

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))
