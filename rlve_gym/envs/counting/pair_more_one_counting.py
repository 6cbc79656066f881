"""Pairs of binary strings (S, T) where S holds more ones than T, counted modulo 10^K."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import doubled, grown

_MAX_K = 5


class PairMoreOneCounting(Task):
    """Count the pairs (S, T) of binary strings with |S| = M + δ and |T| = M in which S has strictly more ones
    than T, modulo 10^K.

    Flipping T shows the count is ∑_{i > M} C(2M + δ, i); by the symmetry C(n, i) = C(n, n - i) this is
    (2^(2M+δ) + ∑_{M<i<M+δ} C(2M+δ, i)) / 2, or (4^M - C(2M, M)) / 2 when δ = 0. The binomials are reduced modulo
    2^(K+1)·5^K with the generalised Lucas theorem (unit parts of factorials modulo prime powers) and combined by
    the Chinese remainder theorem, so M may be astronomically large.
    Difficulty: M uniform in [1, M_max] with M_max = 10·2^d; δ uniform in [0, δ_max] with δ_max ← int(1.1·δ_max + 1)
    from 5; K uniform in [1, 5].
    Reward: -1 unparsable; -0.5 outside [0, 10^K); 1 for the right residue, else 0.
    Answer: one integer in [0, 10^K).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_M": doubled(10, difficulty), "max_delta": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        parameters = {
            "M": rng.randint(1, size["max_M"]),
            "delta": rng.randint(0, size["max_delta"]),
            "K": rng.randint(1, _MAX_K),
        }
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        m, delta, k = parameters["M"], parameters["delta"], parameters["K"]
        return (
            f"Count the ordered pairs (S, T) of binary strings such that S has length {m + delta} (that is, "
            f"{m} + {delta}), T has length {m}, and S contains strictly more 1s than T.\n"
            f"Give the count modulo 10^{k}, as a single integer in [0, 10^{k})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The closed form above, evaluated modulo 2·10^K and halved."""
        m, delta, k = parameters["M"], parameters["delta"], parameters["K"]
        n = 2 * m + delta
        modulus = 2 * 10**k
        if delta == 0:
            twice = (pow(2, n, modulus) - _binomial_mod(n, m, k)) % modulus
        else:
            middle = sum(_binomial_mod(n, i, k) for i in range(m + 1, m + delta))
            twice = (pow(2, n, modulus) + middle) % modulus
        return twice // 2  # the true numerator is even, hence so is its residue modulo an even modulus

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), 10 ** parameters["K"])


def _binomial_mod(n: int, r: int, k: int) -> int:
    """C(n, r) modulo 2^(k+1)·5^k, by CRT over the two prime powers."""
    two_part, two_power = _binomial_mod_prime_power(n, r, 2, k + 1), 2 ** (k + 1)
    five_part, five_power = _binomial_mod_prime_power(n, r, 5, k), 5**k
    lift = (five_part - two_part) * pow(two_power, -1, five_power) % five_power
    return two_part + two_power * lift


def _binomial_mod_prime_power(n: int, r: int, p: int, e: int) -> int:
    """C(n, r) mod p^e: p^v times the unit parts of n!, r!, (n-r)! (v = the power of p dividing C(n, r))."""
    prime_power = p**e
    exponent = _factorial_valuation(n, p) - _factorial_valuation(r, p) - _factorial_valuation(n - r, p)
    if exponent >= e:
        return 0
    units = [1] * (prime_power + 1)  # units[i]: product of the j ≤ i not divisible by p, mod p^e
    for i in range(1, prime_power + 1):
        units[i] = units[i - 1] * (i if i % p else 1) % prime_power
    denominator = _factorial_unit_part(r, p, prime_power, units) * _factorial_unit_part(n - r, p, prime_power, units)
    value = _factorial_unit_part(n, p, prime_power, units) * pow(denominator, -1, prime_power)
    return value * p**exponent % prime_power


def _factorial_valuation(n: int, p: int) -> int:
    """The exponent of p in n! (Legendre's formula)."""
    total = 0
    while n:
        n //= p
        total += n
    return total


def _factorial_unit_part(n: int, p: int, prime_power: int, units: list[int]) -> int:
    """n! with every factor p removed, mod p^e: full blocks of p^e numbers repeat, then recurse on n // p."""
    result = 1
    while n > 1:
        result = result * pow(units[prime_power], n // prime_power, prime_power) * units[n % prime_power] % prime_power
        n //= p
    return result
