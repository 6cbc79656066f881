"""Number-theory helpers shared by tasks."""

from __future__ import annotations


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


def euler_phi(n: int) -> int:
    """Euler's totient of n ≥ 1 by trial division."""
    result, rest, p = n, n, 2
    while p * p <= rest:
        if rest % p == 0:
            while rest % p == 0:
                rest //= p
            result -= result // p
        p += 1
    if rest > 1:
        result -= result // rest
    return result


def xor_basis_insert(basis: dict[int, int], value: int) -> bool:
    """Add `value` to a XOR (GF(2)) basis keyed by leading bit; False if it already was in the basis's span."""
    while value:
        top = value.bit_length() - 1
        if top not in basis:
            basis[top] = value
            return True
        value ^= basis[top]
    return False
