"""0/1 fractional programming: choose K pairs maximising (sum of A) / (sum of B)."""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_MAX_PROPORTION = 2


class FractionalProgramming(Task):
    """Choose K distinct indices maximising (A[i1] + … + A[iK]) / (B[i1] + … + B[iK]).

    Difficulty: N ← int(1.1·N + 1) from 3; K uniform in [2, N-1]; B[i] uniform in [1, N], A[i] uniform in
    [1, 2·B[i]]. The optimum is exact: Dinkelbach's iteration in rationals (take the K largest A - λ·B, set λ
    to their ratio, repeat until λ stops rising) reaches the maximum ratio in finitely many steps.
    Reward: -1 unparsable; -0.5 unless the answer is K distinct indices in range; otherwise
    (ratio / maximum ratio)^5, computed exactly.
    Answer: the K chosen indices (0-based) on one line, in any order, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        count = rng.randint(2, n - 1)
        denominators = [rng.randint(1, n) for _ in range(n)]
        numerators = [rng.randint(1, _MAX_PROPORTION * b) for b in denominators]
        parameters: dict[str, Any] = {"A": numerators, "B": denominators, "K": count}
        chosen = self.solve(parameters)
        parameters["best_A"] = sum(numerators[i] for i in chosen)
        parameters["best_B"] = sum(denominators[i] for i in chosen)
        return Instance(parameters, " ".join(map(str, chosen)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        numerators, denominators, count = parameters["A"], parameters["B"], parameters["K"]
        lines = "\n".join(f"A[{i}]={a} B[{i}]={b}" for i, (a, b) in enumerate(zip(numerators, denominators)))
        return (
            f"Two arrays A and B have {len(numerators)} entries each, indexed from 0:\n{lines}\n"
            f"Choose exactly {count} distinct indices i1, ..., i{count} so that "
            f"(A[i1] + ... + A[i{count}]) / (B[i1] + ... + B[i{count}]) is as large as possible.\n"
            f"Write the {count} chosen indices on one line, in any order, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Indices of a maximum-ratio choice (Dinkelbach's method with exact fractions)."""
        numerators, denominators, count = parameters["A"], parameters["B"], parameters["K"]
        indices = range(len(numerators))
        chosen = sorted(indices)[:count]
        ratio = Fraction(sum(numerators[i] for i in chosen), sum(denominators[i] for i in chosen))
        while True:
            # the K largest A - ratio·B; the optimum beats `ratio` iff their sum is positive
            ranked = sorted(indices, key=lambda i: (-(numerators[i] - ratio * denominators[i]), i))[:count]
            if sum(numerators[i] - ratio * denominators[i] for i in ranked) <= 0:
                return sorted(chosen)
            chosen = ranked
            ratio = Fraction(sum(numerators[i] for i in chosen), sum(denominators[i] for i in chosen))

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        indices = parse_int_list(answer)
        numerators, denominators, count = parameters["A"], parameters["B"], parameters["K"]
        if len(indices) != count or len(set(indices)) != count or any(not 0 <= i < len(numerators) for i in indices):
            return rewards.invalid(f"expected {count} distinct indices in [0, {len(numerators)})")
        ratio = Fraction(sum(numerators[i] for i in indices), sum(denominators[i] for i in indices))
        return rewards.optimality(ratio, Fraction(parameters["best_A"], parameters["best_B"]), _BETA, minimize=False)
