"""The N-th smallest sum of distinct powers of K."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled, stepped

_CHUNK_DIGITS = 64


def nth_power_sum(n: int, base: int) -> int:
    """The n-th (1-based) smallest sum of distinct powers of `base`: n's binary digits read in base `base`."""
    value, power = 0, 1
    while n:
        if n & 1:
            value += power
        n >>= 1
        power *= base
    return value


def is_power_sum(value: int, base: int) -> bool:
    """True iff every base-`base` digit of `value` ≥ 0 is 0 or 1 (checked a chunk of digits per big division)."""
    chunk = base**_CHUNK_DIGITS
    while value:
        value, low = divmod(value, chunk)
        for _ in range(_CHUNK_DIGITS):
            low, digit = divmod(low, base)
            if digit > 1:
                return False
    return True


class SubsetSumSequence(Task):
    """The N-th term of the increasing sequence of sums of distinct powers of K (1, K, 1+K, K², ...).

    Difficulty: N uniform in [1, 3·2^d]; K uniform in [2, d + 2] (NOIP 2006, Luogu P1062).
    Reward: -1 unparsable or not positive; 0 if the answer is not itself a sum of distinct powers of K; else
    (min/max of answer and truth)^2.
    Answer: one positive integer in decimal.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": doubled(3, difficulty), "max_K": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        parameters = {"N": rng.randint(1, size["max_N"]), "K": rng.randint(2, min(size["max_N"], size["max_K"]))}
        return Instance(parameters, str(nth_power_sum(parameters["N"], parameters["K"])))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        k = parameters["K"]
        return (
            f"Consider every number that is a sum of one or more distinct powers of {k} (powers {k}^0 = 1, {k}^1, "
            f"{k}^2, ...). In increasing order they form the sequence {1}, {k}, {1 + k}, {k * k}, ..., whose first "
            "term is number 1.\n"
            f"What is term number {parameters['N']} of this sequence?\n"
            "Write one positive integer in decimal."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value <= 0:
            raise AnswerFormatError("expected a positive integer")
        if not is_power_sum(value, parameters["K"]):
            return rewards.wrong(f"{value} is not a sum of distinct powers of {parameters['K']}")
        return rewards.exact_or_closeness(value, nth_power_sum(parameters["N"], parameters["K"]), 2.0)
