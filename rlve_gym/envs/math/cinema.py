"""Probability that everyone gets a seat when people pick random seats and walk right to the first free one."""

from __future__ import annotations

import math
import random
from fractions import Fraction
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import MAX_INT_DIGITS, parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def all_seated_probability(people: int, seats: int) -> Fraction:
    """P(no one stands) = (K + 1)^(N − 1)·(K − N + 1) / K^N for N ≤ K.

    Add a seat K + 1 and let the row wrap around into a circle: everyone then sits, the empty seats are equally
    likely to be any K + 1 − N of the K + 1 positions by rotation symmetry, and no one stood in the original row
    exactly when seat K + 1 stayed empty. So the count of good choice sequences is (K + 1)^N·(K + 1 − N)/(K + 1).
    """
    return Fraction((seats + 1) ** (people - 1) * (seats - people + 1), seats**people)


class Cinema(Task):
    """N people enter a cinema with K seats numbered 1..K, one after another; each picks a seat L uniformly in
    1..K and takes the first free seat among L, L + 1, …, K, or stands if there is none. Find the probability that
    everyone sits, as a reduced fraction.

    Difficulty: N uniform in [2, MAX] and K uniform in [N, MAX], MAX ← int(1.5·MAX) from 4; from d ≈ 14 on, N is
    lowered where needed so that the fraction has at most 3900 digits (the longest integer an answer may hold is
    4000 digits).
    Reward: -1 unparsable (not two integers); 1 for the exact reduced fraction, else 0.
    Answer: two integers A B on one line, with A/B the probability and gcd(A, B) = 1.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N_K": grown(4, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_N_K"]
        people = rng.randint(2, largest)
        seats = rng.randint(people, largest)
        # K^N must stay writable: past d ≈ 14 the fraction would outgrow the longest integer an answer may hold
        people = min(people, max(2, int((MAX_INT_DIGITS - 100) / math.log10(seats + 1))))
        parameters = {"N": people, "K": seats}
        value = self.solve(parameters)
        return Instance(parameters, f"{value.numerator} {value.denominator}")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        people, seats = parameters["N"], parameters["K"]
        return (
            f"{people} people enter a cinema with {seats} seats numbered 1 to {seats}, one after another. Each person "
            f"independently picks a number L uniformly at random from 1 to {seats} and walks to seat L; if it is "
            f"taken they try L + 1, then L + 2, and so on up to seat {seats}, taking the first free seat. If seats L "
            f"to {seats} are all taken, the person stands.\n"
            "What is the probability that all of them get a seat?\n"
            "Write it as a reduced fraction A/B (gcd(A, B) = 1) in the form of the two integers A and B on one line, "
            "separated by a space."
        )

    def solve(self, parameters: dict[str, Any]) -> Fraction:
        """The probability that everyone sits."""
        return all_seated_probability(parameters["N"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        numbers = parse_int_list(answer.replace("/", " "))
        if len(numbers) != 2:
            raise AnswerFormatError("expected two integers A B")
        value = self.solve(parameters)
        return rewards.correct() if numbers == [value.numerator, value.denominator] else rewards.wrong()
