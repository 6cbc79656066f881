"""Canon (HNOI 2011): sequences of distinct non-empty subsets covering every element an even number of times."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

_MAX_MODULUS = 1_000_000


class Canon(Task):
    """Count ordered sequences T[1..M] of pairwise distinct non-empty subsets of {1..N} in which every element
    lies in an even number of the T[i]; report the count modulo MOD.

    Difficulty: N and M are uniform in [2, L], L growing as L ← int(1.1·L + 1) from 3; MOD is uniform in
    [2, 10^6].
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_n_m": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        limit = self.ladder(difficulty)["max_n_m"]
        parameters = {"N": rng.randint(2, limit), "M": rng.randint(2, limit), "MOD": rng.randint(2, _MAX_MODULUS)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m, modulus = parameters["N"], parameters["M"], parameters["MOD"]
        return (
            f"Let S = {{1, 2, ..., {n}}}. Count the sequences T[1], T[2], ..., T[{m}] (order matters) such that:\n"
            "- every T[i] is a non-empty subset of S;\n"
            "- no two of the T[i] are equal;\n"
            f"- every x in S belongs to an even number (possibly zero) of the {m} subsets.\n"
            f"Give the count modulo {modulus}, as a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Recurrence on the length i: pick T[1..i-1] as distinct non-empty subsets in order (a falling
        factorial of 2^N - 1), which forces T[i] to be their XOR; remove the cases where that XOR is empty
        (a valid sequence of length i-1) or repeats one of the i-1 earlier subsets (a valid sequence of length
        i-2 with a repeated pair inserted: i-1 positions × 2^N - 1 - (i-2) values)."""
        n, m, modulus = parameters["N"], parameters["M"], parameters["MOD"]
        nonempty = pow(2, n, modulus) - 1
        valid = [1 % modulus, 0]
        falling = 1 % modulus  # nonempty · (nonempty - 1) · … over i-1 factors
        for length in range(2, m + 1):
            falling = falling * (nonempty - (length - 2)) % modulus
            repeated = valid[length - 2] * (length - 1) * (nonempty - (length - 2))
            valid.append((falling - valid[length - 1] - repeated) % modulus)
        return valid[m]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])
