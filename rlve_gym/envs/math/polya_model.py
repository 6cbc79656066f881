"""Pólya's urn: the exact probability that given draws have given colours."""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


class PolyaModel(Task):
    """An urn holds balls of T colours. Each step draws a ball uniformly, puts it back and adds D more balls of its
    colour. Given events "at step s the drawn ball has colour c", find the probability that all of them happen,
    as a fraction in lowest terms.

    Pólya's urn is exchangeable: the probability of a set of draws does not depend on the steps they happen at,
    so the events multiply as if they were the first draws, each with the urn updated by the earlier events only.
    Difficulty: the bound V ← int(1.1·V + 1) from 3; T uniform in [2, V]; initial counts and D uniform in [1, V];
    the events are a random non-empty subset of steps 1..S (S uniform in [1, V]), each with a uniform colour.
    Reward: -1 unparsable (not of the form p/q); 1 if p/q is the probability in lowest terms, else 0 (RLVE's
    scorer read the raw output and rejected every answer; this one reads the extracted answer).
    Answer: one fraction p/q with p and q coprime non-negative integers.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_T_N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        bound = self.ladder(difficulty)["max_T_N"]
        colours = rng.randint(2, bound)
        counts = [rng.randint(1, bound) for _ in range(colours)]
        added = rng.randint(1, bound)
        steps = rng.randint(1, bound)
        chosen = sorted(rng.sample(range(1, steps + 1), rng.randint(1, steps)))
        parameters = {"counts": counts, "D": added, "events": [[step, rng.randint(1, colours)] for step in chosen]}
        probability = self.solve(parameters)
        return Instance(parameters, f"{probability.numerator}/{probability.denominator}")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        counts, added = parameters["counts"], parameters["D"]
        listing = ", ".join(f"{count} of colour {colour}" for colour, count in enumerate(counts, start=1))
        events = "\n".join(
            f"at step {step} the drawn ball has colour {colour}" for step, colour in parameters["events"]
        )
        return (
            f"A bag holds balls of {len(counts)} colours: {listing}.\n"
            "At every step (steps are numbered from 1) one ball is drawn uniformly at random from the bag; it is "
            f"put back together with {added} additional ball{'s' if added > 1 else ''} of the same colour.\n"
            f"What is the probability that all of the following happen?\n{events}\n"
            "Give the probability as a fraction p/q where p and q are coprime non-negative integers."
        )

    def solve(self, parameters: dict[str, Any]) -> Fraction:
        """The probability, by exchangeability (events taken as consecutive draws)."""
        counts = list(parameters["counts"])
        total, probability = sum(counts), Fraction(1)
        for _, colour in parameters["events"]:
            probability *= Fraction(counts[colour - 1], total)
            counts[colour - 1] += parameters["D"]
            total += parameters["D"]
        return probability

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        parts = answer.split("/")
        if len(parts) != 2:
            raise AnswerFormatError("expected a fraction p/q")
        numerator, denominator = parse_int(parts[0]), parse_int(parts[1])
        gold = self.solve(parameters)
        if (numerator, denominator) == (gold.numerator, gold.denominator):
            return rewards.correct()
        if denominator > 0 and Fraction(numerator, denominator) == gold:
            return rewards.wrong("the right value, but not in lowest terms")
        return rewards.wrong()
