"""Numbers with at least two base-2^K digits, strictly increasing from left to right, and at most W bits."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import MAX_INT_DIGITS, parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0
_MAX_ANSWER_BITS = int(MAX_INT_DIGITS * 3.3)  # about 4,000 decimal digits, the longest answer that parses


def increasing_digit_numbers(digit_bits: int, width: int) -> int:
    """Numbers with ≥ 2 digits in base 2^digit_bits, digits strictly increasing left to right, below 2^width.

    Digits all lie in 1..S with S = 2^digit_bits − 1 (the leading digit is nonzero and the others exceed it), so
    an m-digit number is an m-subset of 1..S: C(S, m) of them. All m-digit numbers fit for m ≤ ⌊W/K⌋; with
    r = W mod K > 0, an m = ⌊W/K⌋ + 1 digit number fits when its leading digit is below 2^r, and by the
    hockey stick identity those number C(S, m) − C(S − 2^r + 1, m).
    """
    largest = (1 << digit_bits) - 1
    full, remainder = divmod(width, digit_bits)
    total, term = 0, 1  # term = C(largest, m)
    for m in range(1, min(full, largest) + 1):
        term = term * (largest - m + 1) // m
        if m >= 2:
            total += term
    if remainder and full + 1 >= 2:
        total += math.comb(largest, full + 1) - math.comb(largest - (1 << remainder) + 1, full + 1)
    return total


def _answer_bits_at_least(digit_bits: int, width: int) -> float:
    """A lower bound on log2 of the count: the largest single binomial it includes (via lgamma)."""
    largest = (1 << digit_bits) - 1
    m = min(width // digit_bits, largest // 2)
    if m < 2:
        return 0.0
    return (math.lgamma(largest + 1) - math.lgamma(m + 1) - math.lgamma(largest - m + 1)) / math.log(2) - 1


class DecreasingDigitCounting(Task):
    """Count the integers R that, written in base 2^K, have at least two digits, each digit strictly smaller
    than the digit to its right, and whose binary representation has at most W bits.

    Difficulty: K uniform in [2, K_max], K_max = d + 2; W uniform in [K + 1, K·2^K]. From K = 14 on (d ≥ 12) a
    W whose count would exceed 13,200 bits (the longest answer accepted) is redrawn from [K + 1, 13,200].
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count (1 for 0 when
    the count is 0).
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_K": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        digit_bits = rng.randint(2, self.ladder(difficulty)["max_K"])
        width = rng.randint(digit_bits + 1, digit_bits << digit_bits)
        # the count is below 2^min(W, 2^K), so only K ≥ 14 and W > 13,200 can make it too long
        if min(width, 1 << digit_bits) > _MAX_ANSWER_BITS and (
            _answer_bits_at_least(digit_bits, width) > _MAX_ANSWER_BITS
            or increasing_digit_numbers(digit_bits, width).bit_length() > _MAX_ANSWER_BITS
        ):
            width = rng.randint(digit_bits + 1, _MAX_ANSWER_BITS)
        parameters = {"K": digit_bits, "W": width}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        k, width = parameters["K"], parameters["W"]
        return (
            f"Consider positive integers R written in base 2^{k} = {1 << k} (digits 0 to {(1 << k) - 1}, leading "
            "digit not 0). Count the R that satisfy all of:\n"
            f"- R has at least two digits in base {1 << k};\n"
            "- reading from left (most significant) to right, every digit except the last is strictly smaller "
            "than the digit to its right;\n"
            f"- the binary representation of R (without leading zeros) has at most {width} bits.\n"
            "How many such R are there? Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The count, from the closed form."""
        return increasing_digit_numbers(parameters["K"], parameters["W"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
