"""Smallest positive integers satisfying a system of =, <, >, ≤, ≥ relations."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_CONSTRAINT_MULTIPLES = (1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0)
# relation symbol → (holds(a, b), the edge it gives for the least solution: x[head] ≥ x[tail] + weight)
_RELATIONS = {
    "=": lambda a, b: a == b,
    "<": lambda a, b: a < b,
    ">": lambda a, b: a > b,
    "≤": lambda a, b: a <= b,
    "≥": lambda a, b: a >= b,
}


def _lower_bounds(symbol: str, a: int, b: int) -> list[tuple[int, int, int]]:
    """The relation x[a] symbol x[b] as edges (tail, head, weight) meaning x[head] ≥ x[tail] + weight."""
    return {
        "=": [(a, b, 0), (b, a, 0)],
        "<": [(a, b, 1)],
        ">": [(b, a, 1)],
        "≤": [(a, b, 0)],
        "≥": [(b, a, 0)],
    }[symbol]


def least_solution(n: int, relations: list[list[Any]]) -> list[int]:
    """The pointwise least positive solution of a consistent system: start every x at 1 and raise heads until no
    edge is violated (longest paths; at most n rounds, as consistency rules out positive cycles)."""
    edges = [edge for symbol, a, b in relations for edge in _lower_bounds(symbol, a, b)]
    values = [1] * n
    for _ in range(n + 1):
        changed = False
        for tail, head, weight in edges:
            if values[head] < values[tail] + weight:
                values[head] = values[tail] + weight
                changed = True
        if not changed:
            return values
    raise ValueError("the relations are inconsistent")


class DifferenceConstraintSystemDAG(Task):
    """Find positive integers x[0..N−1] satisfying M relations x[a] ∘ x[b], ∘ one of =, <, >, ≤, ≥, with the
    smallest possible sum.

    A hidden solution with entries uniform in [1, N] is planted; each relation takes a distinct ordered pair and a
    symbol uniformly among those it satisfies (= ≤ ≥ for equal values, < ≤ or > ≥ otherwise).
    Difficulty: N growing as N ← int(1.1·N + 1) from 3; M = min(⌊m·N⌋, N(N−1)) with m drawn from
    {1.0, 1.1, …, 2.0}.
    Reward: -1 unparsable or not N integers; 0 if some x[i] < 1; otherwise 0.5·(satisfied / M)^5, plus
    0.5·(least sum / sum)^5 when every relation holds.
    Answer: x[0] … x[N−1] on one line, separated by spaces.
    """

    family = "graph"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        hidden = [rng.randint(1, n) for _ in range(n)]
        count = min(int(rng.choice(_CONSTRAINT_MULTIPLES) * n), n * (n - 1))
        relations = []
        for a, b in rng.sample([(a, b) for a in range(n) for b in range(n) if a != b], count):
            if hidden[a] == hidden[b]:
                symbol = rng.choice(("=", "≥", "≤"))
            else:
                symbol = rng.choice(("<", "≤") if hidden[a] < hidden[b] else ("≥", ">"))
            relations.append([symbol, a, b])
        parameters = {"N": n, "relations": relations}
        return Instance(parameters, " ".join(map(str, least_solution(n, relations))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, relations = parameters["N"], parameters["relations"]
        lines = "\n".join(f"x[{a}] {symbol} x[{b}]" for symbol, a, b in relations)
        return (
            f"Find positive integers x[0], x[1], …, x[{n - 1}] satisfying all {len(relations)} relations:\n{lines}\n"
            f"Among all solutions, make x[0] + x[1] + … + x[{n - 1}] as small as you can.\n"
            f"Write x[0] to x[{n - 1}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The least solution (every entry as small as possible, so also the least sum)."""
        return least_solution(parameters["N"], parameters["relations"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        n, relations = parameters["N"], parameters["relations"]
        if len(values) != n:
            return rewards.unparsable(f"expected {n} integers")
        if min(values) < 1:
            return rewards.wrong("every x[i] must be a positive integer")
        satisfied = sum(_RELATIONS[symbol](values[a], values[b]) for symbol, a, b in relations)
        reward = 0.5 * (satisfied / len(relations)) ** _BETA
        if satisfied < len(relations):
            return rewards.wrong(f"{satisfied}/{len(relations)} relations hold", reward)
        least = sum(self.solve(parameters))
        if sum(values) == least:
            return rewards.correct("all relations hold with the least sum")
        return rewards.wrong(f"feasible, sum {sum(values)} > {least}", reward + 0.5 * (least / sum(values)) ** _BETA)
