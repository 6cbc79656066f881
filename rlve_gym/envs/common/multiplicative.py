"""Multiplicative number theory in sublinear time, so number-theory tasks stay fast far up the ladder.

- `divisor_count_sum(n)`: Σ_{k ≤ n} d(k) by blocks of equal quotient.
- `MobiusPrefix(k, largest)(n)`: Σ_{d ≤ n} μ(d)·d^k, a small sieve plus the memoised recursion
  Σ_{j ≤ n} j^k · P(⌊n/j⌋) = 1 (about n^(2/3) work).
- `MobiusPrefixSums(sieve_limit, coprime_to)(x)`: Σ_{d ≤ x, gcd(d, c) = 1} μ(d), the same recursion with the
  coprimality character in place of j^k.
- `floor_blocks(n, m)` walks the ranges of d on which ⌊n/d⌋ and ⌊m/d⌋ are constant, so a sum
  Σ_d μ(d)·d^k·g(⌊n/d⌋, ⌊m/d⌋) costs O(√n) calls of the prefix.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from functools import lru_cache
from math import comb, gcd


@lru_cache(maxsize=64)
def _bernoulli_plus(count: int) -> tuple[Fraction, ...]:
    """B_0 … B_{count-1} with the convention B_1 = +1/2."""
    numbers: list[Fraction] = []
    for m in range(count):
        value = Fraction(1) - sum((comb(m, j) * numbers[j] / (m - j + 1) for j in range(m)), Fraction(0))
        numbers.append(value)
    return tuple(numbers)


def power_sum(n: int, k: int) -> int:
    """Σ_{i=1}^{n} i^k for n ≥ 0 and k ≥ 0 (Faulhaber's formula, exact)."""
    if n <= 0:
        return 0
    if k == 0:
        return n
    if k == 1:
        return n * (n + 1) // 2
    if k == 2:
        return n * (n + 1) * (2 * n + 1) // 6
    bernoulli = _bernoulli_plus(k + 1)
    total = sum((comb(k + 1, j) * bernoulli[j] * n ** (k + 1 - j) for j in range(k + 1)), Fraction(0))
    return int(total / (k + 1))


def power_sum_between(low: int, high: int, k: int) -> int:
    """Σ_{i=low}^{high} i^k for 1 ≤ low (0 when high < low)."""
    return power_sum(high, k) - power_sum(low - 1, k) if high >= low else 0


def mobius_sieve(limit: int) -> list[int]:
    """μ(0..limit) by a linear sieve (μ(0) is set to 0)."""
    mobius = [0] * (limit + 1)
    if limit >= 1:
        mobius[1] = 1
    composite = bytearray(limit + 1)
    primes: list[int] = []
    for i in range(2, limit + 1):
        if not composite[i]:
            primes.append(i)
            mobius[i] = -1
        for p in primes:
            if i * p > limit:
                break
            composite[i * p] = 1
            if i % p == 0:
                break
            mobius[i * p] = -mobius[i]
    return mobius


class MobiusPrefix:
    """P(n) = Σ_{d ≤ n} μ(d)·d^k for any n ≥ 0, memoised; build one per computation (`largest` sizes the sieve)."""

    def __init__(self, k: int, largest: int) -> None:
        self.k = k
        self.sieve_limit = max(16, round(max(largest, 1) ** (2 / 3)) + 1)
        mobius = mobius_sieve(self.sieve_limit)
        prefix = [0] * (self.sieve_limit + 1)
        for d in range(1, self.sieve_limit + 1):
            prefix[d] = prefix[d - 1] + mobius[d] * d**k
        self.small = prefix
        self.memo: dict[int, int] = {}

    def __call__(self, n: int) -> int:
        if n <= self.sieve_limit:
            return self.small[max(n, 0)]
        cached = self.memo.get(n)
        if cached is not None:
            return cached
        # Σ_{j ≤ n} j^k · P(⌊n/j⌋) = Σ_{m ≤ n} m^k · Σ_{d | m} μ(d) = 1
        total = 1
        low = 2
        while low <= n:
            quotient = n // low
            high = n // quotient
            total -= power_sum_between(low, high, self.k) * self(quotient)
            low = high + 1
        self.memo[n] = total
        return total


def floor_blocks(n: int, m: int) -> Iterator[tuple[int, int, int, int]]:
    """(low, high, ⌊n/d⌋, ⌊m/d⌋) for the maximal ranges low ≤ d ≤ high ≤ min(n, m) with both quotients constant."""
    low = 1
    while low <= min(n, m):
        n_quotient, m_quotient = n // low, m // low
        high = min(n // n_quotient, m // m_quotient)
        yield low, high, n_quotient, m_quotient
        low = high + 1


def coprime_pair_count(n: int, m: int, mobius_prefix: MobiusPrefix | None = None) -> int:
    """The number of pairs 1 ≤ x ≤ n, 1 ≤ y ≤ m with gcd(x, y) = 1: Σ_d μ(d)·⌊n/d⌋·⌊m/d⌋."""
    prefix = mobius_prefix or MobiusPrefix(0, min(n, m))
    return sum(
        (prefix(high) - prefix(low - 1)) * n_quotient * m_quotient
        for low, high, n_quotient, m_quotient in floor_blocks(n, m)
    )


def divisor_count_sum(n: int) -> int:
    """Σ_{k=1}^{n} d(k) = Σ_{k=1}^{n} ⌊n/k⌋ (0 for n ≤ 0), by blocks of equal quotient in O(√n)."""
    total, low = 0, 1
    while low <= n:
        quotient = n // low
        high = n // quotient
        total += quotient * (high - low + 1)
        low = high + 1
    return total


class MobiusPrefixSums:
    """x ↦ Σ_{d ≤ x, gcd(d, coprime_to) = 1} μ(d) (the Mertens function when `coprime_to` is 1).

    A linear sieve covers x ≤ `sieve_limit`; larger x use Σ_{i ≤ x} χ(i)·S(⌊x/i⌋) = 1, where χ marks numbers
    coprime to `coprime_to` (completely multiplicative, and (μχ) * χ is the identity of Dirichlet convolution),
    memoised. With a sieve up to x^(2/3) a query costs about O(x^(2/3)).
    """

    def __init__(self, sieve_limit: int, coprime_to: int = 1) -> None:
        self.sieve_limit = max(1, sieve_limit)
        self.coprime_to = max(1, coprime_to)
        self.residue_counts = [0] * (self.coprime_to + 1)
        for r in range(1, self.coprime_to + 1):
            self.residue_counts[r] = self.residue_counts[r - 1] + (gcd(r, self.coprime_to) == 1)
        mobius = mobius_sieve(self.sieve_limit)
        self.prefix = [0] * (self.sieve_limit + 1)
        for i in range(1, self.sieve_limit + 1):
            self.prefix[i] = self.prefix[i - 1] + (mobius[i] if gcd(i, self.coprime_to) == 1 else 0)
        self.memo: dict[int, int] = {}

    def coprime_count(self, t: int) -> int:
        """How many of 1..t are coprime to `coprime_to`."""
        return t // self.coprime_to * self.residue_counts[self.coprime_to] + self.residue_counts[t % self.coprime_to]

    def __call__(self, x: int) -> int:
        if x <= self.sieve_limit:
            return self.prefix[max(0, x)]
        if x in self.memo:
            return self.memo[x]
        total, low = 1, 2
        while low <= x:
            quotient = x // low
            high = x // quotient
            total -= (self.coprime_count(high) - self.coprime_count(low - 1)) * self(quotient)
            low = high + 1
        self.memo[x] = total
        return total


def default_sieve_limit(largest: int) -> int:
    """A sieve size that balances sieve and recursion for arguments up to `largest`: ~largest^(2/3), ≥ 1000."""
    return min(max(1, largest), max(1000, int(largest ** (2 / 3)) + 1))
