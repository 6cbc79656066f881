"""Satisfying assignments of a random AND/OR/XOR formula in which every variable occurs once."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0
OPERATORS = ("&", "|", "^")


def random_formula(rng: random.Random, leaves: int) -> str:
    """A fully parenthesised formula over `leaves` ≥ 1 occurrences of _, split at uniform points into binary nodes
    with uniform operators (no recursion: the tree can be as deep as it has leaves)."""
    nodes: list[tuple[int, str, int] | None] = [None]  # None is a leaf; children come after their parent
    pending = [(0, leaves)]
    while pending:
        index, size = pending.pop()
        if size == 1:
            continue
        left = rng.randint(1, size - 1)
        nodes[index] = (len(nodes), rng.choice(OPERATORS), len(nodes) + 1)
        pending += [(len(nodes), left), (len(nodes) + 1, size - left)]
        nodes += [None, None]
    text = [""] * len(nodes)
    for index in range(len(nodes) - 1, -1, -1):
        node = nodes[index]
        text[index] = "_" if node is None else f"({text[node[0]]} {node[1]} {text[node[2]]})"
    return text[0]


def true_count(formula: str) -> int:
    """The number of assignments of the _ variables (each occurrence its own variable) making `formula` true.

    Every variable occurs once, so the two sides of each operator are independent: with (true, false) counts
    (a, b) and (c, d), AND has a·c true assignments, OR has b·d false ones, and XOR has a·d + b·c true ones.
    """
    stack: list[Any] = []
    for char in f"({formula})":
        if char == "_":
            stack.append((1, 1))
        elif char in "(&|^":
            stack.append(char)
        elif char == ")":
            if len(stack) >= 2 and stack[-2] == "(":  # the outer wrapper around a bare formula
                stack[-2:] = [stack[-1]]
                continue
            right, operator, left, _ = stack.pop(), stack.pop(), stack.pop(), stack.pop()
            (a, b), (c, d) = left, right
            total = (a + b) * (c + d)
            if operator == "&":
                counts = (a * c, total - a * c)
            elif operator == "|":
                counts = (total - b * d, b * d)
            else:
                counts = (a * d + b * c, a * c + b * d)
            stack.append(counts)
    return stack[0][0]


class BitEquationCounting(Task):
    """Count the assignments of N Boolean variables that make a formula true; the formula combines N occurrences of
    _ (each a separate variable) with AND (&), OR (|) and XOR (^), fully parenthesised except at the top.

    Difficulty: N grows as N ← int(1.1·N + 1) from 2; the tree shape (uniform split sizes) and operators are random.
    Reward: -1 unparsable; -0.5 outside [0, 2^N]; otherwise (min/max)^10 of the answer and the true count.
    Answer: one integer, the number of satisfying assignments.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"N": n, "expression": random_formula(rng, n)[1:-1]}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"In this Boolean formula every _ is a separate variable that can be 0 or 1, & is AND, | is OR and ^ is "
            f"XOR:\n{parameters['expression']}\n"
            f"Of the 2^{n} ways to set the {n} variables, how many make the formula true (equal to 1)?\n"
            "Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of satisfying assignments."""
        return true_count(parameters["expression"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        count = parse_int(answer)
        if not 0 <= count <= 2 ** parameters["N"]:
            return rewards.invalid(f"the count must lie in [0, 2^{parameters['N']}]")
        return rewards.exact_or_closeness(count, self.solve(parameters), _BETA)
