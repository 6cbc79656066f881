"""Discrete logarithm: the smallest exponent y with X^y ≡ K (mod Z), for any modulus."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def smallest_discrete_log(base: int, target: int, modulus: int) -> int | None:
    """The smallest y ≥ 0 with base^y ≡ target (mod modulus), or None (extended baby-step giant-step).

    While gcd(base, modulus) = g > 1, a solution y ≥ 1 needs g | target, and dividing through by g peels one
    factor of base off into a coefficient; once base is invertible, plain baby-step giant-step finds the
    smallest remaining exponent. Exponents below the number of peeled factors are checked on the way.
    """
    base, target = base % modulus, target % modulus
    if target == 1 % modulus:
        return 0
    coefficient, peeled = 1 % modulus, 0
    while (g := math.gcd(base, modulus)) != 1:
        if target % g:
            return None
        target, modulus = target // g, modulus // g
        coefficient = coefficient * (base // g) % modulus
        peeled += 1
        if coefficient == target % modulus:
            return peeled
    target %= modulus
    # coefficient · base^y ≡ target (mod modulus) with base invertible
    steps = math.isqrt(modulus - 1) + 1
    baby: dict[int, int] = {}
    value = target
    for j in range(steps):
        baby[value] = j  # a later (larger) j gives a smaller y = i·steps - j for the same i
        value = value * base % modulus
    giant = pow(base, steps, modulus)
    value = coefficient
    for i in range(1, steps + 1):
        value = value * giant % modulus
        if value in baby:
            return peeled + i * steps - baby[value]
    return None


class DiscreteLogarithm(Task):
    """Find the smallest non-negative integer y with X^y mod Z = K.

    K = X^Y mod Z for a hidden Y, so a solution exists; Z need not be prime and X need not be coprime to Z.
    Difficulty: Z is uniform in [2, MAX_Z], MAX_Z growing as MAX_Z ← int(1.2·MAX_Z + 1) from 10; X and Y are
    uniform in [2, Z].
    Reward: -1 unparsable or negative; 1 for the smallest y; 0 if X^y mod Z ≠ K; otherwise (smallest / y)^2.
    Answer: one non-negative integer y.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_modulus": grown(10, difficulty, factor=1.2, add=1)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        modulus = rng.randint(2, self.ladder(difficulty)["max_modulus"])
        base = rng.randint(2, modulus)
        parameters = {"X": base, "Z": modulus, "K": pow(base, rng.randint(2, modulus), modulus)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        x, z, k = parameters["X"], parameters["Z"], parameters["K"]
        return (
            f"Find the smallest non-negative integer y such that {x}^y mod {z} = {k}.\n"
            "Your answer should be a single non-negative integer y."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The smallest exponent."""
        smallest = smallest_discrete_log(parameters["X"], parameters["K"], parameters["Z"])
        if smallest is None:
            raise ValueError("no exponent exists: generator invariant broken")
        return smallest

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        exponent = parse_int(answer)
        if exponent < 0:
            return rewards.unparsable("y must be non-negative")
        if pow(parameters["X"], exponent, parameters["Z"]) != parameters["K"]:
            return rewards.wrong(f"{parameters['X']}^{exponent} mod {parameters['Z']} ≠ {parameters['K']}")
        return rewards.optimality(exponent, self.solve(parameters), 2.0, minimize=True)
