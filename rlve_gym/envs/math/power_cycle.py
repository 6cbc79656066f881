"""The cycle length of the last K decimal digits of the powers of N."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_DRAWS = 200


class PowerCycle(Task):
    """Find the smallest L ≥ 1 such that N^a and N^(a+L) end in the same K decimal digits for every a ≥ 1.

    Taking a = 1 is enough: N^(1+L) ≡ N (mod 10^K). Modulo 2^K (and likewise 5^K) this holds for all L when 2^K
    divides N, for no L when 2 divides N but 2^K does not, and otherwise exactly when the multiplicative order
    of N divides L; so L is the lcm of those orders. Instances without a cycle are redrawn.
    Difficulty: the digit count D ← int(1.1·D + 1) from 2; N uniform in [1, 10^D - 1]; K uniform in [1, D].
    Reward: -1 unparsable or not positive; for a multiple of the true length L, L / answer; otherwise 0.
    Answer: one positive integer.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"digits": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        digits = self.ladder(difficulty)["digits"]
        parameters = {"N": 1, "K": 1}  # fallback after _DRAWS cycle-less draws (each has one, with p ≈ 0.4)
        for _ in range(_DRAWS):
            candidate = {"N": rng.randint(1, 10**digits - 1), "K": rng.randint(1, digits)}
            if self.solve(candidate) is not None:
                parameters = candidate
                break
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, k = parameters["N"], parameters["K"]
        return (
            "The last digits of the powers of 2 repeat: 2, 4, 8, 6, 2, 4, 8, 6, ..., so their smallest cycle "
            "length is 4.\n"
            f"Consider the last {k} decimal digit{'s' if k > 1 else ''} of the positive powers {n}^1, {n}^2, "
            f"{n}^3, ... (a power with fewer than {k} digits is padded with leading zeros). Find the smallest "
            f"positive integer L such that, for every positive integer a, {n}^a and {n}^(a+L) have the same last "
            f"{k} digit{'s' if k > 1 else ''}.\n"
            "Answer with a single positive integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int | None:
        """The cycle length, or None when the last K digits never repeat from the first power on."""
        n, k = parameters["N"], parameters["K"]
        length = 1
        for prime, group_order, group_primes in ((2, 2 ** (k - 1), (2,)), (5, 4 * 5 ** (k - 1), (2, 5))):
            modulus = prime**k
            if n % prime == 0:
                if n % modulus:
                    return None
                continue
            length = math.lcm(length, _order(n % modulus, modulus, group_order, group_primes))
        return length

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the cycle length must be a positive integer")
        gold = self.solve(parameters)
        assert gold is not None  # generation only keeps instances with a cycle
        if value % gold:
            return rewards.wrong("not a multiple of the cycle length")
        return rewards.partial(gold / value, 1.0, f"a multiple ({value // gold}×) of the cycle length")


def _order(value: int, modulus: int, group_order: int, group_primes: tuple[int, ...]) -> int:
    """The multiplicative order of `value` modulo `modulus`, given a multiple of it and that multiple's primes."""
    order = group_order
    for prime in group_primes:
        while order % prime == 0 and pow(value, order // prime, modulus) == 1:
            order //= prime
    return order
