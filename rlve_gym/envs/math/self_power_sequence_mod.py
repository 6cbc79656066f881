"""The eventual value of the power tower 2^2^2^… modulo a number (Luogu P4139)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import doubled
from rlve_gym.envs.common.numbers import euler_phi


def tower_limit(modulus: int) -> int:
    """lim_n (2^2^…^2, n twos) mod `modulus`.

    For an exponent e ≥ log2(m) (the tower is far larger), 2^e ≡ 2^(e mod φ(m) + φ(m)) (mod m) (extended Euler
    theorem), so the limit modulo m is 2 raised to (the limit modulo φ(m)) + φ(m); φ drops to 1 in O(log m) steps.
    """
    chain = []
    while modulus > 1:
        chain.append(modulus)
        modulus = euler_phi(modulus)
    value = 0  # everything is 0 modulo 1
    for m in reversed(chain):
        phi = euler_phi(m)
        value = pow(2, value + phi, m)
    return value


class SelfPowerSequenceMOD(Task):
    """With a[0] = 1 and a[n] = 2^a[n-1], the residues a[n] mod MOD are eventually constant; give that constant.

    Difficulty: MOD is uniform in [3, MAX_MOD], MAX_MOD doubling from 16.
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_MOD": doubled(16, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"MOD": rng.randint(3, self.ladder(difficulty)["MAX_MOD"])}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        modulus = parameters["MOD"]
        return (
            "Define a sequence by a[0] = 1 and a[n] = 2^(a[n-1]) for n ≥ 1, so a = 1, 2, 4, 16, 65536, 2^65536, ...\n"
            f"Let b[n] = a[n] mod {modulus}. From some index on, b[n] no longer changes. What is that final value?\n"
            f"Answer with a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The eventual residue."""
        return tower_limit(parameters["MOD"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])
