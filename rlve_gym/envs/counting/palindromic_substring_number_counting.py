"""Numbers in a range whose decimal digits contain a palindrome of length at least 2."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def palindrome_free_up_to(limit: int) -> int:
    """Numbers in [1, limit] without a palindromic substring of length ≥ 2.

    Every such palindrome has one of length 2 or 3 at its centre, so these are the numbers whose digits differ
    from both the previous digit and the one before it. Past the first two digits each free position then has
    exactly 8 choices, which gives closed forms for shorter numbers and for each tight prefix of `limit`.
    """
    if limit < 1:
        return 0
    digits = list(map(int, str(limit)))
    length = len(digits)

    def completions(placed: int) -> int:
        # free digits after `placed` digits, the last of which is below limit's digit there
        rest = length - placed
        if rest == 0:
            return 1
        return 9 * 8 ** (rest - 1) if placed == 1 else 8**rest

    total = sum(9 if size == 1 else 9 * 9 * 8 ** (size - 2) for size in range(1, length))
    for i, top in enumerate(digits):
        banned = set(digits[max(0, i - 2) : i])
        total += sum(completions(i + 1) for digit in range(1 if i == 0 else 0, top) if digit not in banned)
        if top in banned:
            return total  # every longer tight prefix already holds a palindrome
    return total + 1  # limit itself


class PalindromicSubstringNumberCounting(Task):
    """Count the integers in [L, R] whose decimal representation contains a palindromic substring of length at
    least 2 (such as 11 in 110 or 101 in 1015).

    Difficulty: R uniform in [20, R_max], R_max growing as R_max ← int(1.5·R_max) from 20; L uniform in
    [1, R − 1].
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count (1 for 0 when
    the count is 0).
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_R": grown(20, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        high = rng.randint(20, self.ladder(difficulty)["max_R"])
        parameters = {"L": rng.randint(1, high - 1), "R": high}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        low, high = parameters["L"], parameters["R"]
        return (
            "Read each positive integer as its string of decimal digits (no leading zeros). Call it good when some "
            "contiguous part of that string, of length at least 2, reads the same forwards and backwards: 101 is "
            "good (101), 110 is good (11), while 102 and 1201 are not good.\n"
            f"How many good integers are there from {low} to {high}, both included?\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Range length minus the palindrome-free numbers in the range."""
        low, high = parameters["L"], parameters["R"]
        return (high - low + 1) - (palindrome_free_up_to(high) - palindrome_free_up_to(low - 1))

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count cannot be negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)
