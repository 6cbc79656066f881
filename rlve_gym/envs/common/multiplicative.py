"""Summatory functions of multiplicative arithmetic functions (divisor counts, Möbius), exact and sublinear."""

from __future__ import annotations

from math import gcd


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
        mobius = [1] * (self.sieve_limit + 1)
        composite = bytearray(self.sieve_limit + 1)
        primes: list[int] = []
        for i in range(2, self.sieve_limit + 1):
            if not composite[i]:
                primes.append(i)
                mobius[i] = -1
            for p in primes:
                if i * p > self.sieve_limit:
                    break
                composite[i * p] = 1
                if i % p == 0:
                    mobius[i * p] = 0
                    break
                mobius[i * p] = -mobius[i]
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
