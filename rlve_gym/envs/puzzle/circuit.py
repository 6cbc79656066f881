"""Find an assignment of Boolean variables that makes an AND/OR/XOR formula true."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_OPERATORS = ("&", "|", "^")
_OPERATOR_WEIGHTS = (0.25, 0.25, 0.5)
_LEAF_MULTIPLES = tuple(round(2.0 + 0.1 * i, 1) for i in range(31))
_ATTEMPTS = 100


def random_circuit(rng: random.Random, variables: int, leaves: int) -> list[list[Any]]:
    """A random formula tree as a node list: [i] reads x[i], [a, op, b] combines nodes a and b (which come later in
    the list); node 0 is the root. Split sizes are uniform, operators drawn with `_OPERATOR_WEIGHTS`."""
    nodes: list[list[Any]] = [[]]
    pending = [(0, leaves)]
    while pending:
        index, size = pending.pop()
        if size == 1:
            nodes[index] = [rng.randrange(variables)]
            continue
        left = rng.randint(1, size - 1)
        operator = rng.choices(_OPERATORS, weights=_OPERATOR_WEIGHTS)[0]
        nodes[index] = [len(nodes), operator, len(nodes) + 1]
        pending += [(len(nodes), left), (len(nodes) + 1, size - left)]
        nodes += [[], []]
    return nodes


def evaluate(nodes: list[list[Any]], values: list[int]) -> int:
    """The value of the root (children are evaluated before parents, from the end of the list)."""
    result = [0] * len(nodes)
    for index in range(len(nodes) - 1, -1, -1):
        node = nodes[index]
        if len(node) == 1:
            result[index] = values[node[0]]
        else:
            a, b = result[node[0]], result[node[2]]
            result[index] = a & b if node[1] == "&" else a | b if node[1] == "|" else a ^ b
    return result[0]


def formula_text(nodes: list[list[Any]]) -> str:
    """The formula with x[i] leaves, fully parenthesised except the outermost operation."""
    text = [""] * len(nodes)
    for index in range(len(nodes) - 1, -1, -1):
        node = nodes[index]
        if len(node) == 1:
            text[index] = f"x[{node[0]}]"
        else:
            text[index] = f"({text[node[0]]} {node[1]} {text[node[2]]})"
    root = text[0]
    return root[1:-1] if len(nodes[0]) == 3 else root


class Circuit(Task):
    """Given a formula over x[0..N−1] built from AND (&), OR (|) and XOR (^), find values 0/1 for the variables that
    make it evaluate to 1.

    A random x is drawn, then random formula trees with M leaves (each a uniform variable; XOR twice as likely as
    AND or OR) until one is true at x; after 100 tries the last tree with every XOR made an OR is used, true at
    x = all ones.
    Difficulty: N = d + 2; M = int(r·N) for r drawn from {2.0, 2.1, …, 5.0}.
    Reward: -1 unparsable; -0.5 for a wrong count of values or a value other than 0/1; 1 if the formula is true,
    else 0.
    Answer: x[0], …, x[N−1] on one line, separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        leaves = int(rng.choice(_LEAF_MULTIPLES) * n)
        for _ in range(_ATTEMPTS):
            values = [rng.randint(0, 1) for _ in range(n)]
            nodes = random_circuit(rng, n, leaves)
            if evaluate(nodes, values) == 1:
                break
        else:
            nodes = [[node[0], "|", node[2]] if len(node) == 3 and node[1] == "^" else node for node in nodes]
            values = [1] * n
        return Instance({"N": n, "nodes": nodes}, " ".join(map(str, values)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        example = " ".join(str(i % 2) for i in range(n))
        return (
            f"There are {n} Boolean variables x[0], x[1], …, x[{n - 1}], each 0 or 1. Here & is AND, | is OR and ^ "
            f"is XOR:\n{formula_text(parameters['nodes'])}\n"
            "Find values of the variables that make this formula equal to 1 (any such values will do).\n"
            f"Write x[0], x[1], …, x[{n - 1}] on one line, separated by spaces (for example: {example})."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        if len(values) != parameters["N"]:
            return rewards.invalid(f"expected {parameters['N']} values, got {len(values)}")
        if any(value not in (0, 1) for value in values):
            return rewards.invalid("every value must be 0 or 1")
        return rewards.correct() if evaluate(parameters["nodes"], values) == 1 else rewards.wrong("the formula is 0")
