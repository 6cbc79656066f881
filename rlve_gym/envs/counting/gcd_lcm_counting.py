"""Pairs of positive integers with a given greatest common divisor and least common multiple."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0
_ZERO_ANSWER_PROBABILITY = 0.01
_DRAWS = 64


def distinct_prime_factors(n: int) -> int:
    """How many different primes divide n ≥ 1 (trial division)."""
    count, p = 0, 2
    while p * p <= n:
        if n % p == 0:
            count += 1
            while n % p == 0:
                n //= p
        p += 1
    return count + (n > 1)


class GcdLcmCounting(Task):
    """Count the ordered pairs of positive integers (P, Q) with gcd(P, Q) = G and lcm(P, Q) = L.

    Difficulty: L uniform in [1, L_max], L_max growing as L_max ← int(1.5·L_max) from 10; G a uniformly chosen
    divisor of L, except with probability 0.01, where G in [1, L] does not divide L (the answer is then 0).
    Reward: -1 unparsable or negative; when the true count is 0, 1 for 0 and 0 otherwise; else 0 for an answer
    that is not a power of two (every nonzero count is one) and (min/max)^10 of the answer and the count.
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_LCM": grown(10, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        bound = self.ladder(difficulty)["max_LCM"]
        if rng.random() < _ZERO_ANSWER_PROBABILITY:
            for _ in range(_DRAWS):
                lcm = rng.randint(1, bound)
                gcd = rng.randint(1, lcm)
                if lcm % gcd:
                    break
            else:  # a uniform pair divides about half the time; L - 1 never divides L ≥ 3
                lcm = rng.randint(3, bound)
                gcd = lcm - 1
        else:
            lcm = rng.randint(1, bound)
            small = [d for d in range(1, math.isqrt(lcm) + 1) if lcm % d == 0]
            gcd = rng.choice(sorted(set(small + [lcm // d for d in small])))
        parameters = {"GCD": gcd, "LCM": lcm}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            "How many ordered pairs (P, Q) of positive integers have greatest common divisor exactly "
            f"{parameters['GCD']} and least common multiple exactly {parameters['LCM']}? The pairs (P, Q) and "
            "(Q, P) count separately when P ≠ Q.\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """0 unless G | L; then each prime of L / G goes wholly to P or wholly to Q: 2^(distinct primes of L/G)."""
        gcd, lcm = parameters["GCD"], parameters["LCM"]
        if lcm % gcd:
            return 0
        return 2 ** distinct_prime_factors(lcm // gcd)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        count = self.solve(parameters)
        if count and value and value & (value - 1):
            return rewards.wrong("the count is always a power of two")
        return rewards.exact_or_closeness(value, count, _BETA)
