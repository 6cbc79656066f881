"""Producing a given output sequence with one queue and two stacks."""

from __future__ import annotations

import random
import re
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_OPERATIONS = re.compile(r"[abcd]*")


def run_operations(n: int, operations: str) -> list[int] | None:
    """The output sequence that `operations` (letters a-d) produce from the queue 0..n-1, or None as soon as an
    operation is impossible (pushing from an empty queue or popping an empty stack)."""
    stacks: dict[str, list[int]] = {"a": [], "c": []}
    output: list[int] = []
    front = 0
    for operation in operations:
        if operation in "ac":
            if front >= n:
                return None
            stacks[operation].append(front)
            front += 1
        else:
            stack = stacks["a" if operation == "b" else "c"]
            if not stack:
                return None
            output.append(stack.pop())
    return output


def score_output(n: int, wanted: list[int], operations: str) -> Verdict:
    """Replay valid-looking operations: -0.5 if one is impossible or the output is incomplete, else the share of
    output positions equal to `wanted`, to the power 10 (shared with SingleStackSorting)."""
    output = run_operations(n, operations)
    if output is None:
        return rewards.invalid("an operation pops an empty stack or pushes from an empty queue")
    if len(output) != n:
        return rewards.invalid(f"the output has {len(output)} numbers, not {n}")
    matches = sum(a == b for a, b in zip(output, wanted))
    return rewards.partial(matches / n, 10.0, f"{matches}/{n} positions right")


class DoubleStackSorting(Task):
    """Find operations moving 0..N-1 from a queue through two stacks so that a given output sequence appears.

    The output sequence is planted by running random legal operations, each step choosing among the legal moves with
    per-instance random weights for a, b, c and d.
    Difficulty: N grows as N ← int(1.1·N + 1) from 4.
    Reward: -1 unparsable (anything but the letters a-d); -0.5 if an operation is impossible or the output does not
    have N elements; else (fraction of positions where the output matches the requested sequence)^10.
    Answer: the operations as one string of letters a, b, c, d without spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        weights = dict(zip("abcd", (rng.randint(1, n) for _ in range(4))))
        stacks: dict[str, list[int]] = {"a": [], "c": []}
        front, output, operations = 0, [], []
        while len(output) < n:
            legal = [op for op in "ac" if front < n] + [op for op, push in (("b", "a"), ("d", "c")) if stacks[push]]
            operation = rng.choices(legal, weights=[weights[op] for op in legal])[0]
            if operation in "ac":
                stacks[operation].append(front)
                front += 1
            else:
                output.append(stacks["a" if operation == "b" else "c"].pop())
            operations.append(operation)
        return Instance({"N": n, "output": output}, "".join(operations))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"A queue holds the numbers 0, 1, ..., {n - 1} (0 at the front). There are two stacks, S1 and S2, both "
            "empty, and an output sequence, also empty. The allowed operations are:\n"
            "a: take the number at the front of the queue and push it onto S1\n"
            "b: pop the top of S1 and append it to the output\n"
            "c: take the number at the front of the queue and push it onto S2\n"
            "d: pop the top of S2 and append it to the output\n"
            "Give a sequence of operations after which the output is exactly: "
            f"{' '.join(map(str, parameters['output']))}\n"
            "Write the operations as one string of the letters a, b, c, d, with no spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        operations = "".join(answer.split()).lower()
        if not _OPERATIONS.fullmatch(operations):
            raise AnswerFormatError("expected a string of the letters a, b, c, d")
        return score_output(parameters["N"], parameters["output"], operations)
