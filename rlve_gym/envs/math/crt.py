"""Chinese remainder theorem: find x satisfying a system of congruences."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task


class CRT(Task):
    """Find a non-negative integer x satisfying M congruences x ≡ r_i (mod m_i).

    A hidden x is planted, so the system is always consistent; moduli need not be coprime.
    Difficulty: every third level adds a congruence (up to M_max = 2 + ⌊(d+2)/3⌋, M drawn in [2, M_max]); the
    other levels grow the hidden value's bound X_max (×1.5 from 5). Moduli are distinct in [2, x].
    Reward: -1 unparsable or negative; otherwise (satisfied congruences / M)^10.
    Answer: one non-negative integer x.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        max_value, max_congruences = 5, 2
        for stage in range(1, difficulty + 1):
            if stage % 3 == 0:
                max_congruences += 1
            else:
                max_value = int(max_value * 1.5)
        return {"max_value": max_value, "max_congruences": max_congruences}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        hidden = rng.randint(2, size["max_value"])
        count = rng.randint(2, size["max_congruences"])
        moduli = rng.sample(range(2, hidden + 1), min(count, hidden - 1))
        parameters = {"moduli": moduli, "residues": [hidden % m for m in moduli]}
        return Instance(parameters, str(hidden))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        lines = "\n".join(f"x ≡ {r} (mod {m})" for r, m in zip(parameters["residues"], parameters["moduli"]))
        return (
            f"Find a non-negative integer x that satisfies all {len(parameters['moduli'])} congruences:\n{lines}\n"
            "Your answer should be a single non-negative integer."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("x must be non-negative")
        pairs = list(zip(parameters["residues"], parameters["moduli"], strict=True))
        satisfied = sum(value % m == r for r, m in pairs)
        return rewards.partial(satisfied / len(pairs), 10.0, f"{satisfied}/{len(pairs)} congruences hold")
