"""A::B programs: rewrite neighbouring tokens whose # face each other until no rule applies."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

TOKENS = ("A#", "#A", "B#", "#B")
EMPTY = "EMPTY"
_ATTEMPTS = 200


def normal_form(program: list[str]) -> tuple[list[str], int]:
    """The final program and the number of rewrites that lead to it.

    The rules never overlap (a redex is a right-facing token followed by a left-facing one), so every order of
    rewriting takes the same number of steps to the same result. Scanning left to right, the normal form of the
    prefix read so far is always some left-facing tokens followed by a stack of right-facing ones; a new left-facing
    token walks down that stack, swapping past the other letter and vanishing with the first equal letter.
    """
    left: list[str] = []
    right: list[str] = []
    steps = 0
    for token in program:
        added, annihilated_at = _interactions(right, token)
        steps += added
        if token.endswith("#"):
            right.append(token)
        elif annihilated_at is None:
            left.append(token)
        else:
            del right[annihilated_at]
    return left + right, steps


def _interactions(right: list[str], token: str) -> tuple[int, int | None]:
    """(rewrites caused by appending `token`, index in `right` of the token it annihilates, if any)."""
    if token.endswith("#"):
        return 0, None
    partner = token[1] + "#"
    for depth, index in enumerate(range(len(right) - 1, -1, -1)):
        if right[index] == partner:
            return depth + 1, index
    return len(right), None


class ABProgramSimulation(Task):
    """Compute the final state of an A::B program.

    The tokens are A#, #A, B# and #B. Whenever two neighbours have their # facing each other they are rewritten:
    A# #A and B# #B vanish, A# #B becomes #B A#, and B# #A becomes #A B#; this repeats until no pair applies.
    Difficulty: the program has N tokens and finishes in fewer than S rewrites, with N ← int(1.1·N + 1) from 4 and
    S ← int(1.1·S + 1) from 10; token frequencies are drawn per instance (weights uniform in [1, N]). Programs are
    drawn until one finishes in time; after 200 draws the program is built token by token, turning a left-facing
    token into a right-facing one whenever it would exceed the budget.
    Reward: -1 unparsable or containing a word other than the four tokens; 1 for the exact final program, else 0.
    Answer: the final tokens on one line, separated by spaces, or EMPTY when nothing remains.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty), "max_steps": grown(10, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        n, max_steps = size["N"], size["max_steps"]
        weights = [rng.randint(1, n) for _ in TOKENS]
        for _ in range(_ATTEMPTS):
            program = rng.choices(TOKENS, weights=weights, k=n)
            if normal_form(program)[1] < max_steps:
                break
        else:
            program = self._within_budget(rng, weights, n, max_steps)
        parameters = {"program": program}
        return Instance(parameters, self._format(self.solve(parameters)))

    @staticmethod
    def _within_budget(rng: random.Random, weights: list[int], n: int, max_steps: int) -> list[str]:
        """A program of n tokens finishing in fewer than `max_steps` rewrites (right-facing tokens cost nothing)."""
        program: list[str] = []
        right: list[str] = []
        steps = 0
        for _ in range(n):
            token = rng.choices(TOKENS, weights=weights)[0]
            added, annihilated_at = _interactions(right, token)
            if steps + added >= max_steps:
                token = rng.choices(("A#", "B#"), weights=(weights[0], weights[2]))[0]
                added, annihilated_at = 0, None
            steps += added
            program.append(token)
            if token.endswith("#"):
                right.append(token)
            elif annihilated_at is not None:
                del right[annihilated_at]
        return program

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            "An A::B program is a sequence of the tokens A#, #A, B# and #B. It runs by rewriting two neighbouring "
            "tokens whose # marks face each other, using these rules:\n"
            "A# #A  →  (both tokens disappear)\n"
            "B# #B  →  (both tokens disappear)\n"
            "A# #B  →  #B A#\n"
            "B# #A  →  #A B#\n"
            "Rewriting continues until no two neighbouring tokens have their # marks facing each other.\n"
            f"Run this program and give its final state:\n{' '.join(parameters['program'])}\n"
            "Write the final tokens on one line, separated by spaces (for example: #B #A A#), or write EMPTY if no "
            "token remains."
        )

    def solve(self, parameters: dict[str, Any]) -> list[str]:
        """The final program."""
        return normal_form(parameters["program"])[0]

    @staticmethod
    def _format(tokens: list[str]) -> str:
        return " ".join(tokens) if tokens else EMPTY

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        tokens = [] if answer.strip().upper() == EMPTY else answer.split()
        if any(token not in TOKENS for token in tokens):
            raise AnswerFormatError("every word must be one of A#, #A, B#, #B")
        return rewards.correct() if tokens == self.solve(parameters) else rewards.wrong()
