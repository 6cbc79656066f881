"""Sum over an interval of f(x) = Σ over maximal runs of equal digits of digit × (run length)²."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def run_score(x: int) -> int:
    """f(x) for one positive integer (directly from its digits)."""
    text, total, start = str(x), 0, 0
    for end in range(1, len(text) + 1):
        if end == len(text) or text[end] != text[start]:
            total += int(text[start]) * (end - start) ** 2
            start = end
    return total


def run_score_prefix_sum(limit: int) -> int:
    """Σ_{x=1}^{limit} f(x) by a digit DP (0 for limit < 1).

    For the numbers below the prefix of `limit` read so far, states[(last digit, run length)] holds how many there
    are and the sum of their already closed runs' scores; the number equal to the prefix is followed separately.
    Leading zeros are "not started" (last digit −1).
    """
    if limit < 1:
        return 0
    states: dict[tuple[int, int], list[int]] = {}
    tight_last, tight_run, tight_closed = -1, 0, 0

    def extend(last: int, run: int, count: int, closed: int, digit: int) -> tuple[tuple[int, int], int]:
        if last == -1:
            return ((-1, 0) if digit == 0 else (digit, 1)), closed
        if digit == last:
            return (last, run + 1), closed
        return (digit, 1), closed + count * last * run * run

    for bound in map(int, str(limit)):
        following: dict[tuple[int, int], list[int]] = {}
        sources = [(key, count, closed, range(10)) for key, (count, closed) in states.items()]
        sources.append(((tight_last, tight_run), 1, tight_closed, range(bound)))
        for (last, run), count, closed, digits in sources:
            for digit in digits:
                key, new_closed = extend(last, run, count, closed, digit)
                slot = following.setdefault(key, [0, 0])
                slot[0] += count
                slot[1] += new_closed
        (tight_last, tight_run), tight_closed = extend(tight_last, tight_run, 1, tight_closed, bound)
        states = following
    total = tight_closed + tight_last * tight_run * tight_run
    for (last, run), (count, closed) in states.items():
        total += closed + (count * last * run * run if last != -1 else 0)
    return total


class CapitalCityEffect(Task):
    """For a positive integer x, cut its decimal digits into maximal runs of equal digits and let f(x) be the sum
    over the runs of digit × (run length)²; compute Σ f(x) over L ≤ x ≤ R.

    Difficulty: R uniform in [20, MAX], MAX ← int(1.5·MAX) from 20; L uniform in [1, R].
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true sum.
    Answer: one integer, the sum.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_R": grown(20, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        high = rng.randint(20, self.ladder(difficulty)["max_R"])
        parameters = {"L": rng.randint(1, high), "R": high}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        low, high = parameters["L"], parameters["R"]
        return (
            "For a positive integer x written in decimal, split its digits into maximal blocks of equal consecutive "
            "digits, and let f(x) be the sum over the blocks of (the block's digit) × (the block's length)^2. For "
            "example, 2334222 splits into 2, 33, 4, 222, so f(2334222) = 2×1^2 + 3×2^2 + 4×1^2 + 2×3^2 = 36.\n"
            f"Compute f({low}) + f({low + 1}) + … + f({high}), the sum of f(x) over all integers x with "
            f"{low} ≤ x ≤ {high}.\n"
            "Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The sum of f over [L, R]."""
        return run_score_prefix_sum(parameters["R"]) - run_score_prefix_sum(parameters["L"] - 1)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        total = parse_int(answer)
        if total < 0:
            return rewards.unparsable("the sum cannot be negative")
        return rewards.exact_or_closeness(total, self.solve(parameters), _BETA)
