"""Binary strings of length N that avoid a given pattern as a substring, modulo MOD."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import doubled, grown

_MAX_MODULUS = 10_000


def avoiding_count(length: int, pattern: str, modulus: int) -> int:
    """Binary strings of `length` without `pattern`, mod `modulus`: walks of the pattern's matching automaton
    (state = longest prefix of the pattern that is a suffix of the text so far), counted by matrix powers."""
    size = len(pattern)
    # int64 holds the sums of `size` products of residues for the moduli used here; exact objects otherwise
    dtype = np.int64 if size * (modulus - 1) ** 2 < 2**63 else object
    transitions = np.zeros((size, size), dtype=dtype)
    for matched in range(size):
        for bit in "01":
            text = pattern[:matched] + bit
            longest = next(k for k in range(len(text), -1, -1) if text.endswith(pattern[:k]))
            if longest < size:  # reaching the full pattern is forbidden
                transitions[matched, longest] += 1
    result = np.zeros(size, dtype=dtype)
    result[0] = 1 % modulus
    power, exponent = transitions % modulus, length
    while exponent:
        if exponent & 1:
            result = result @ power % modulus
        power = power @ power % modulus
        exponent >>= 1
    return int(result.sum() % modulus)


class NotContainingStringCounting(Task):
    """Count the binary strings of length N that do not contain a given binary pattern as a (contiguous)
    substring, modulo MOD.

    Difficulty: N uniform in [3, N_max], N_max doubling from 8; the pattern length uniform in
    [2, min(N − 1, M_max)], M_max growing as M_max ← int(1.1·M_max + 1) from 3; each pattern bit is 1 with a
    probability drawn uniformly from [0, 1); MOD uniform in [2, 10^4].
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": doubled(8, difficulty), "max_M": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        n = rng.randint(3, size["max_N"])
        pattern_length = rng.randint(2, min(n - 1, size["max_M"]))
        one_probability = rng.random()
        pattern = "".join("1" if rng.random() < one_probability else "0" for _ in range(pattern_length))
        parameters = {"N": n, "pattern": pattern, "MOD": rng.randint(2, _MAX_MODULUS)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, pattern, modulus = parameters["N"], parameters["pattern"], parameters["MOD"]
        return (
            f"How many strings of length {n} made of the characters 0 and 1 do not contain {pattern} as a "
            f"contiguous substring? Give the count modulo {modulus}, as a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The count of avoiding strings, reduced modulo MOD."""
        return avoiding_count(parameters["N"], parameters["pattern"], parameters["MOD"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])
