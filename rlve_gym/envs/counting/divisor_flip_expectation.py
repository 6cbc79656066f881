"""Expected presses of random divisor-toggling switches until the lights can be finished in K presses
(Luogu P3750)."""

from __future__ import annotations

import math
import random
from fractions import Fraction
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

_MODULUS = 10**9 + 7


def fewest_presses(state: list[int]) -> int:
    """Presses needed to switch every light off. Switch i is the only one among switches ≥ i that reaches light i,
    so from N down each switch is forced: press it iff its light is on. The presses form a unique set."""
    lights = list(state)
    n = len(lights)
    presses = 0
    for switch in range(n, 0, -1):
        if lights[switch - 1]:
            presses += 1
            for divisor in range(1, math.isqrt(switch) + 1):
                if switch % divisor == 0:
                    lights[divisor - 1] ^= 1
                    if divisor != switch // divisor:
                        lights[switch // divisor - 1] ^= 1
    return presses


def expected_presses(n: int, needed: int, limit: int) -> Fraction:
    """Expected presses when `needed` specific switches remain to press and one stops at `limit` or fewer.

    Pressing a needed switch brings the count from i to i − 1 (probability i/N); any other switch adds one
    (probability (N − i)/N). With f_i the expected presses to get from i down to i − 1,
    f_i = i/N + (N − i)/N · (1 + f_(i+1) + f_i), i.e. f_i = 1 + (N − i)(1 + f_(i+1))/i, f_N = 1.
    """
    if needed <= limit:
        return Fraction(needed)
    step = [Fraction(0)] * (n + 2)
    for i in range(n, 0, -1):
        step[i] = Fraction(1) if i == n else 1 + Fraction((n - i) * (1 + step[i + 1]), i)
    return limit + sum(step[limit + 1 : needed + 1], Fraction(0))


class DivisorFlipExpectation(Task):
    """N lights are on or off; switch i toggles every light whose index divides i. Switches are pressed uniformly
    at random until the lights could be switched off with at most K presses, which are then made optimally. Give
    E·N! modulo 10^9 + 7, E being the expected total number of presses (E·N! is an integer).

    Difficulty: N growing as N ← int(1.1·N + 1) from 3; K uniform in [0, N]; each light is on with probability
    p, p itself uniform in [0, 1).
    Reward: -1 unparsable; -0.5 outside [0, 10^9 + 7); 1 for the right residue, else 0.
    Answer: one integer in [0, 10^9 + 7).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        limit = rng.randint(0, n)
        on = rng.random()
        parameters = {"K": limit, "state": [int(rng.random() < on) for _ in range(n)]}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        state, limit = parameters["state"], parameters["K"]
        n = len(state)
        lights = "\n".join(f"light {i}: {s}" for i, s in enumerate(state, start=1))
        return (
            f"There are {n} lights, numbered 1 to {n}, each on (1) or off (0):\n{lights}\n"
            f"There are also {n} switches; pressing switch i toggles every light whose number divides i (1 and i "
            "included).\n"
            "A game: press switches chosen uniformly at random, one at a time, until all lights are off; but as soon "
            f"as the lights can be switched off with at most {limit} presses, stop pressing at random and finish "
            "with a shortest such sequence.\n"
            f"Let E be the expected total number of presses. E·{n}! is an integer; give it modulo {_MODULUS}, as a "
            f"single integer in [0, {_MODULUS})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """E·N! reduced, from the exact expectation."""
        state, limit = parameters["state"], parameters["K"]
        n = len(state)
        scaled = expected_presses(n, fewest_presses(state), limit) * math.factorial(n)
        if scaled.denominator != 1:
            raise ArithmeticError("E·N! should be an integer")
        return scaled.numerator % _MODULUS

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), _MODULUS)
