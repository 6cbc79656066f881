"""Producing a given output sequence with one queue and one stack."""

from __future__ import annotations

import random
import re
from typing import Any

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.algorithmic.double_stack_sorting import score_output
from rlve_gym.envs.common.ladders import grown

_OPERATIONS = re.compile(r"[ab]*")


class SingleStackSorting(Task):
    """Find push/pop operations moving 0..N-1 from a queue through one stack so that a given output sequence
    appears.

    The output sequence is planted by running random legal operations, each step choosing between the legal moves
    with per-instance random weights for a and b.
    Difficulty: N grows as N ← int(1.1·N + 1) from 3.
    Reward: -1 unparsable (anything but the letters a and b); -0.5 if an operation is impossible or the output does
    not have N elements; else (fraction of positions where the output matches the requested sequence)^10.
    Answer: the operations as one string of letters a and b without spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        push_weight, pop_weight = rng.randint(1, n), rng.randint(1, n)
        stack: list[int] = []
        front, output, operations = 0, [], []
        while len(output) < n:
            push = front < n
            if push and stack:  # both moves legal: choose by the weights
                push = rng.random() * (push_weight + pop_weight) < push_weight
            if push:
                stack.append(front)
                front += 1
            else:
                output.append(stack.pop())
            operations.append("a" if push else "b")
        return Instance({"N": n, "output": output}, "".join(operations))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"A queue holds the numbers 0, 1, ..., {n - 1} (0 at the front). There is one stack S, empty, and an "
            "output sequence, also empty. The allowed operations are:\n"
            "a: take the number at the front of the queue and push it onto S\n"
            "b: pop the top of S and append it to the output\n"
            "Give a sequence of operations after which the output is exactly: "
            f"{' '.join(map(str, parameters['output']))}\n"
            "Write the operations as one string of the letters a and b, with no spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        operations = "".join(answer.split()).lower()
        if not _OPERATIONS.fullmatch(operations):
            raise AnswerFormatError("expected a string of the letters a and b")
        return score_output(parameters["N"], parameters["output"], operations)
