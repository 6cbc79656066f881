"""Solar panels (POI 2014): X in [A, B] and Y in [C, D] with the largest possible gcd(X, Y)."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 3.0
_DRAWS = 100


class PanSolarPanels(Task):
    """Choose integers X ∈ [A, B] and Y ∈ [C, D] maximising gcd(X, Y).

    g is achievable iff both intervals hold a multiple of g, i.e. ⌊B/g⌋·g ≥ A and ⌊D/g⌋·g ≥ C. Over a block of g
    where ⌊B/g⌋ and ⌊D/g⌋ are constant the largest g is the best candidate, so the solver visits O(√B + √D)
    blocks.
    Difficulty: the bound V ← int(1.5·V) from 10; A ≤ B < C ≤ D are four sorted uniform draws from [1, V], and
    the two intervals are swapped with probability 1/2.
    Reward: -1 unparsable (not exactly two integers); -0.5 if X or Y is outside its interval; otherwise
    (gcd(X, Y) / best gcd)^3.
    Answer: X and Y on one line, separated by a space.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_value": grown(10, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        bound = self.ladder(difficulty)["max_value"]
        a, b, c, d = 1, 1, bound, bound  # fallback if every draw fails (never seen: B < C holds most of the time)
        for _ in range(_DRAWS):
            draw = sorted(rng.randint(1, bound) for _ in range(4))
            if draw[1] < draw[2]:
                a, b, c, d = draw
                break
        if rng.random() < 0.5:
            a, b, c, d = c, d, a, b
        parameters = {"A": a, "B": b, "C": c, "D": d}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        a, b, c, d = (parameters[key] for key in "ABCD")
        return (
            f"Find two integers X and Y with {a} ≤ X ≤ {b} and {c} ≤ Y ≤ {d} such that gcd(X, Y), their greatest "
            "common divisor, is as large as possible.\n"
            "Write X and Y on one line, separated by a space."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """[X, Y]: the largest multiples of the best g inside each interval."""
        a, b, c, d = (parameters[key] for key in "ABCD")
        best, g = 1, 1
        while g <= min(b, d):
            block_end = min(b // (b // g), d // (d // g))  # last g' with the same ⌊B/g'⌋ and ⌊D/g'⌋
            if b // block_end * block_end >= a and d // block_end * block_end >= c:
                best = block_end
            g = block_end + 1
        return [b // best * best, d // best * best]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        if len(values) != 2:
            raise AnswerFormatError("expected exactly two integers X Y")
        x, y = values
        if not (parameters["A"] <= x <= parameters["B"] and parameters["C"] <= y <= parameters["D"]):
            return rewards.invalid("X or Y lies outside its interval")
        best = math.gcd(*self.solve(parameters))
        return rewards.optimality(math.gcd(x, y), best, _BETA, minimize=False)
