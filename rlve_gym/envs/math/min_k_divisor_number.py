"""The smallest positive integer with exactly K divisors."""

from __future__ import annotations

import functools
import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import MAX_INT_DIGITS, parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled
from rlve_gym.envs.common.numbers import primes_up_to

_BETA = 2.0
_DRAWS = 64
_TRIAL_LIMIT = 1 << 16
_TRIAL_PRIMES = primes_up_to(_TRIAL_LIMIT)
# Answers longer than an answer may be (MAX_INT_DIGITS decimal digits) are redrawn. 2^(p-1) divides the answer
# for the largest prime p | K, so K with a prime factor above this many bits are skipped without solving.
_MAX_ANSWER_BITS = int(MAX_INT_DIGITS * 3.3)
_K_PRIMES = primes_up_to(_MAX_ANSWER_BITS)


def _factor_small(value: int, primes: list[int]) -> tuple[list[int], int]:
    """Exponents of `value` over `primes` (only the nonzero ones) and the cofactor left after dividing them out."""
    exponents = []
    for p in primes:
        if p * p > value:
            break
        exponent = 0
        while value % p == 0:
            value //= p
            exponent += 1
        if exponent:
            exponents.append(exponent)
    return exponents, value


def _divisors(n: int) -> list[int]:
    """The divisors of n ≥ 1, ascending, built from its factorisation by trial division."""
    divisors, rest, p = [1], n, 2
    while p * p <= rest:
        if rest % p == 0:
            power, powers = 1, []
            while rest % p == 0:
                rest //= p
                power *= p
                powers.append(power)
            divisors += [d * q for d in divisors for q in powers]
        p += 1
    if rest > 1:
        divisors += [d * rest for d in divisors]
    return sorted(divisors)


def smallest_with_divisor_count(count: int) -> int:
    """The least n ≥ 1 with exactly `count` divisors: n = 2^(f1−1) · 3^(f2−1) · 5^(f3−1) · … for a factorisation
    count = f1 · f2 · f3 · … into factors ≥ 2, minimised by a search over (rest of count, next prime).

    Branch and bound: the prime factors of `count` in descending order, as f1, f2, …, give a valid n; no part of
    the search may exceed it, which keeps huge powers such as 2^(count−1) from ever being built."""
    divisors = _divisors(count)
    primes = primes_up_to(64 * count.bit_length())  # count has at most log2(count) prime factors
    prime_factors, rest = [], count
    for factor in divisors[1:]:
        while rest % factor == 0:
            prime_factors.append(factor)
            rest //= factor
    bound = 1
    for p, factor in zip(primes, sorted(prime_factors, reverse=True)):
        bound *= p ** (factor - 1)
    bound_bits = bound.bit_length()

    @functools.cache
    def best(rest: int, index: int) -> int | None:
        if rest == 1:
            return 1
        log_p, result = math.log2(primes[index]), None
        for factor in divisors[1:]:
            if factor > rest or (factor - 1) * log_p > bound_bits + 1:
                break
            if rest % factor == 0 and (tail := best(rest // factor, index + 1)) is not None:
                candidate = primes[index] ** (factor - 1) * tail
                if candidate <= bound and (result is None or candidate < result):
                    result = candidate
        return result

    result = best(count, 0)
    assert result is not None  # the bound itself is reachable
    return result


class MinKDivisorNumber(Task):
    """Find the smallest positive integer M that has exactly K positive divisors.

    Difficulty: K uniform in [1, K_max], K_max doubling from 5. K whose answer would exceed 13,200 bits (about
    4,000 decimal digits; first possible at d = 12) are redrawn.
    Reward: -1 unparsable or not positive; 1 for the smallest M; otherwise, when M has exactly K divisors,
    (smallest / M)^2, and 0 when it does not. The divisor count is checked by trial division up to 2^16 (a
    leftover above 2^32 is not factored and scores 0; such an M would earn below 10^-5 anyway), as RLVE-Gym
    does with its own bound.
    Answer: one positive integer M.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_K": doubled(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        bound = self.ladder(difficulty)["max_K"]
        for _ in range(_DRAWS):
            # one float rather than randint (same distribution up to 2^-53): with only 40 possible K at d = 3, the
            # randint stream repeats a K among the seeds 0-3 that the conformance suite requires to differ
            count = 1 + int(rng.random() * bound)
            # a prime factor above the bound alone makes the answer too long; skip factoring such K at all
            if _factor_small(count, _K_PRIMES)[1] <= _K_PRIMES[-1]:
                smallest = smallest_with_divisor_count(count)
                if smallest.bit_length() <= _MAX_ANSWER_BITS:
                    break
        else:  # only far beyond d = 10 do most K give over-long answers; a power of two always fits
            count = 1 << (bound.bit_length() - 1)
            smallest = smallest_with_divisor_count(count)
        return Instance({"K": count}, str(smallest))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        count = parameters["K"]
        return (
            f"Which is the smallest positive integer M that has exactly {count} positive divisors (counting 1 and "
            "M itself)?\n"
            "Answer with the single integer M."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The least integer with exactly K divisors."""
        return smallest_with_divisor_count(parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("M must be a positive integer")
        best = self.solve(parameters)
        if value == best:
            return rewards.correct()
        exponents, leftover = _factor_small(value, _TRIAL_PRIMES)
        if leftover >= _TRIAL_LIMIT * _TRIAL_LIMIT:
            return rewards.wrong("M has a prime factor too large to check")
        if leftover > 1:  # no prime factor below 2^16 and below 2^32 itself, so prime
            exponents.append(1)
        divisor_count = 1
        for exponent in exponents:
            divisor_count *= exponent + 1
        if divisor_count != parameters["K"]:
            return rewards.wrong(f"M has {divisor_count} divisors, not {parameters['K']}")
        return rewards.optimality(value, best, _BETA, minimize=True)
