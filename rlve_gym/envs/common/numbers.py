"""Number-theory helpers shared by tasks."""

from __future__ import annotations

import random


def extended_gcd(a: int, b: int) -> tuple[int, int, int]:
    """(g, x, y) with a·x + b·y = g = gcd(a, b) ≥ 0 (iterative, any signs)."""
    old_r, r = a, b
    old_x, x = 1, 0
    old_y, y = 0, 1
    while r:
        quotient = old_r // r
        old_r, r = r, old_r - quotient * r
        old_x, x = x, old_x - quotient * x
        old_y, y = y, old_y - quotient * y
    if old_r < 0:
        old_r, old_x, old_y = -old_r, -old_x, -old_y
    return old_r, old_x, old_y


def primes_up_to(limit: int) -> list[int]:
    """All primes ≤ limit (sieve of Eratosthenes)."""
    if limit < 2:
        return []
    sieve = bytearray([1]) * (limit + 1)
    sieve[0] = sieve[1] = 0
    for p in range(2, int(limit**0.5) + 1):
        if sieve[p]:
            sieve[p * p :: p] = bytearray(len(range(p * p, limit + 1, p)))
    return [i for i, flag in enumerate(sieve) if flag]


def crt_merge(residues: list[int], moduli: list[int]) -> tuple[int, int] | None:
    """The solution x mod L (L = lcm of moduli) of x ≡ r_i (mod m_i), or None when inconsistent."""
    x, modulus = 0, 1
    for residue, m in zip(residues, moduli, strict=True):
        g, p, _ = extended_gcd(modulus, m)
        if (residue - x) % g:
            return None
        lcm = modulus // g * m
        x = (x + (residue - x) // g * p % (m // g) * modulus) % lcm
        modulus = lcm
    return x, modulus


_MILLER_RABIN_BASES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)


def is_prime(n: int) -> bool:
    """Deterministic Miller–Rabin primality for n < 3.3·10^24 (the first twelve primes as bases)."""
    if n < 2:
        return False
    for p in _MILLER_RABIN_BASES:
        if n % p == 0:
            return n == p
    if n >= 3_317_044_064_679_887_385_961_981:
        raise ValueError("is_prime is deterministic only below 3.3·10^24")
    odd, twos = n - 1, 0
    while odd % 2 == 0:
        odd, twos = odd // 2, twos + 1
    for base in _MILLER_RABIN_BASES:
        x = pow(base, odd, n)
        if x in (1, n - 1):
            continue
        for _ in range(twos - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def random_prime(rng: random.Random, low: int, high: int) -> int:
    """A prime in [low, high]: the first one at or after a uniform point, wrapping to `low` (the range must hold a
    prime; primes are dense enough near 10^9 that a few dozen candidates suffice)."""
    candidate = rng.randint(low, high)
    for _ in range(high - low + 1):
        if is_prime(candidate):
            return candidate
        candidate = candidate + 1 if candidate < high else low
    raise ValueError(f"no prime in [{low}, {high}]")
