"""Construct an interval whose total digit sum is divisible by a modulus (after Codeforces 468C "Hack it!")."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import doubled


def digit_sum_prefix(n: int) -> int:
    """f(0) + f(1) + … + f(n), f the decimal digit sum (0 for n < 0), digit by digit from the most significant.

    Below a leading digit d of a k-digit block, the numbers 0 … d·10^k − 1 contribute d·45·k·10^(k−1) from
    the lower digits and (0 + … + d−1)·10^k from the leading one; the rest repeats on the remainder.
    """
    if n < 0:
        return 0
    total, higher = 0, 0  # higher: digit sum of the digits already fixed
    digits = str(n)
    for index, char in enumerate(digits):
        digit, rest = int(char), len(digits) - index - 1
        block = 10**rest
        total += digit * (higher * block + 45 * rest * block // 10) + digit * (digit - 1) // 2 * block
        higher += digit
    return total + higher  # n itself


class ConstructHackInterval(Task):
    """Give positive integers L ≤ R ≤ 10·MOD such that f(L) + f(L+1) + … + f(R) is divisible by MOD, where f is
    the decimal digit sum.

    One always exists (two of the prefix sums up to MOD agree modulo MOD); the reference uses the block
    [t, t + 10^k − 1], whose digit-sum total is 45·k·10^(k−1) + t for t ≤ 9·10^k.
    Difficulty: MOD uniform in [1, MOD_max], MOD_max doubling from 10.
    Reward: -1 unparsable; -0.5 unless 1 ≤ L ≤ R ≤ 10·MOD; 1 if MOD divides the sum, else 0.
    Answer: L and R on one line, separated by a space.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_MOD": doubled(10, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"MOD": rng.randint(1, self.ladder(difficulty)["max_MOD"])}
        low, high = self.solve(parameters)
        return Instance(parameters, f"{low} {high}")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        modulus = parameters["MOD"]
        return (
            "Let f(x) be the sum of the decimal digits of x (for example f(1234) = 1 + 2 + 3 + 4 = 10).\n"
            f"Find positive integers L and R with L ≤ R ≤ {10 * modulus} such that f(L) + f(L + 1) + … + f(R) is "
            f"divisible by {modulus}.\n"
            "Write L and R on one line, separated by a space."
        )

    def solve(self, parameters: dict[str, Any]) -> tuple[int, int]:
        """A valid interval [t, t + 10^k − 1]: k is the least with 9·10^k ≥ MOD, so 10^k ≤ 9·MOD + 1, and
        t ∈ [1, MOD] is the residue of −45·k·10^(k−1) (shifting the block by one adds exactly 1 while its
        k-th digit stays below 9)."""
        modulus = parameters["MOD"]
        k = 0
        while 9 * 10**k < modulus:
            k += 1
        block = 10**k
        start = (-(45 * k * block // 10)) % modulus or modulus
        return start, start + block - 1

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        bounds = parse_int_list(answer)
        if len(bounds) != 2:
            raise AnswerFormatError("expected two integers L and R")
        low, high = bounds
        modulus = parameters["MOD"]
        if not 1 <= low <= high <= 10 * modulus:
            return rewards.invalid(f"need 1 ≤ L ≤ R ≤ {10 * modulus}")
        total = digit_sum_prefix(high) - digit_sum_prefix(low - 1)
        return rewards.correct() if total % modulus == 0 else rewards.wrong("the sum is not divisible")
