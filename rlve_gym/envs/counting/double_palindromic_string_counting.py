"""Strings of length at most N that split into two non-empty palindromes."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown
from rlve_gym.envs.common.multiplicative import mobius_sieve

_BETA = 10.0
_ALPHABETS = (2, 3, 4, 5)


def double_palindromes_up_to(n: int, alphabet: int) -> int:
    """Distinct strings of length 1..n over `alphabet` letters that are a non-empty palindrome followed by another.

    Write a word as u^k, u primitive of length d. A primitive word has at most one split u = ab into palindromes
    with a non-empty; then the splits of u^k (first part non-empty) are (ab)^j a | b(ab)^(k−1−j), k of them, the
    last one with an empty second part exactly when u is a palindrome (b empty). So with T(d) the primitive words
    of length d that split at all and B(d) the primitive palindromes:
    Σ_(d|m) T(d)·(m/d) = #(palindrome a ≠ ε, palindrome b) with |a| + |b| = m, Σ_(d|m) B(d) = #palindromes of
    length m, and the words of length m that split into two non-empty palindromes number Σ_(d|m) T(d) − B(m).
    Möbius inversion gives T and B.
    """
    palindromes = [alphabet ** ((m + 1) // 2) for m in range(n + 1)]
    pairs = [sum(palindromes[i] * palindromes[m - i] for i in range(1, m + 1)) for m in range(n + 1)]
    mobius = mobius_sieve(n)
    splitting = [0] * (n + 1)  # T
    primitive_palindromes = [0] * (n + 1)  # B
    for d in range(1, n + 1):
        if mobius[d]:
            for m in range(d, n + 1, d):
                splitting[m] += mobius[d] * d * pairs[m // d]
                primitive_palindromes[m] += mobius[d] * palindromes[m // d]
    # Σ_(m ≤ n) Σ_(d|m) T(d) counts each T(d) once per multiple of d up to n
    total = sum(splitting[d] * (n // d) for d in range(1, n + 1))
    return total - sum(primitive_palindromes[1:])


class DoublePalindromicStringCounting(Task):
    """Count the distinct strings over the letters 1..C, of length at most N, that are the concatenation of two
    non-empty palindromes.

    Difficulty: N uniform in [2, N_max], N_max growing as N_max ← int(1.1·N_max + 1) from 3; C drawn from
    {2, 3, 4, 5}.
    Reward: -1 unparsable or not positive; otherwise (min/max)^10 of the answer and the true count.
    Answer: one positive integer (the exact count).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": rng.randint(2, self.ladder(difficulty)["max_N"]), "C": rng.choice(_ALPHABETS)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, alphabet = parameters["N"], parameters["C"]
        return (
            f"Consider strings whose characters are integers from 1 to {alphabet}. Call such a string S double "
            "palindromic when S = S1 + S2 (concatenation) for two non-empty palindromes S1 and S2.\n"
            f"How many distinct double palindromic strings of length at most {n} are there?\n"
            "Answer with a single integer (the exact count)."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The exact count."""
        return double_palindromes_up_to(parameters["N"], parameters["C"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            return rewards.unparsable("the count must be a positive integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
