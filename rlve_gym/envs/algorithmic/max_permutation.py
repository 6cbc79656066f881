"""Order numbers so that their concatenation is as large as possible."""

from __future__ import annotations

import functools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_DIGITS = 5
_PREFIX_SHARE = 0.6
"""Share of the numbers that are prefixes of other numbers (the cases that make naive orders fail)."""


def _before(a: str, b: str) -> int:
    """Sort key: a goes first when a + b reads larger than b + a."""
    return -1 if a + b > b + a else (1 if a + b < b + a else 0)


def concatenation_ratio(value: str, best: str) -> float:
    """value / best for two digit strings of equal length, from their leading 17 digits (exact enough for a
    reward, and safe for numbers too long for int conversion)."""
    return float(value[:17]) / float(best[:17])


class MaxPermutation(Task):
    """Arrange all N given positive integers in an order whose concatenation (as digit strings) is the largest
    possible number.

    The numbers have digits 1 and 2 only; 60% of them are prefixes of others. The optimum sorts by the rule
    "a before b when ab > ba" (Luogu P1018).
    Difficulty: N ← int(1.1·N + 1) from 3; full numbers have 5 digits.
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 0..N-1; else (concatenation / largest
    concatenation)^5.
    Answer: the indices in concatenation order on one line, separated by spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        full = n - int(n * _PREFIX_SHARE)
        numbers = ["".join(rng.choice("12") for _ in range(_DIGITS)) for _ in range(full)]
        for _ in range(n - full):
            numbers.append(rng.choice(numbers[:full])[: rng.randint(1, _DIGITS)])
        rng.shuffle(numbers)
        parameters = {"numbers": numbers}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        numbers = parameters["numbers"]
        listing = "\n".join(f"A[{i}] = {a}" for i, a in enumerate(numbers))
        return (
            f"Here are {len(numbers)} positive integers:\n{listing}\n"
            "Write all of them one after another, each exactly once, as digit strings, to form one big number. "
            "Choose the order that makes this number as large as possible.\n"
            f"Write the indices (0 to {len(numbers) - 1}) in the order you place the numbers, on one line separated "
            "by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """An optimal order of indices: sorted by the exchange rule ab > ba."""
        numbers = parameters["numbers"]
        return sorted(range(len(numbers)), key=functools.cmp_to_key(lambda i, j: _before(numbers[i], numbers[j])))

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        order = parse_int_list(answer)
        numbers = parameters["numbers"]
        if sorted(order) != list(range(len(numbers))):
            return rewards.invalid(f"the answer must be a permutation of 0..{len(numbers) - 1}")
        value = "".join(numbers[i] for i in order)
        best = "".join(numbers[i] for i in self.solve(parameters))
        if value == best:
            return rewards.correct("largest concatenation")
        return rewards.partial(concatenation_ratio(value, best), _BETA, "a smaller concatenation")
