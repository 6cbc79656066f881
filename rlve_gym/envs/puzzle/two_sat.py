"""2-SAT: satisfy clauses of two literals each, with a planted solution."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.cnf import CLAUSE_RATIOS, count_satisfied, format_clauses, planted_clause
from rlve_gym.envs.common.ladders import grown


class TwoSAT(Task):
    """Find a 0/1 assignment of N variables making M two-literal clauses (x[i] or !x[i], joined by OR) true.

    A hidden assignment is planted; each clause takes two distinct variables with random signs and is redrawn
    until the hidden assignment satisfies it. `solve` is an independent strongly-connected-components solver.
    Difficulty: N grows as N ← int(1.1·N + 1) from 3; M = int(r·N) with r drawn from {1.0, 1.1, ..., 5.0}.
    Reward: -1 unparsable, not N values, or a value other than 0/1; else (satisfied clauses / M)^10.
    Answer: x[0] … x[N-1] as 0/1 values on one line, separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"variables": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["variables"]
        clause_count = int(rng.choice(CLAUSE_RATIOS) * n)
        hidden = [rng.randint(0, 1) for _ in range(n)]
        clauses = []
        for _ in range(clause_count):
            # three sign patterns in four satisfy the hidden assignment
            clauses.append(planted_clause(rng, rng.sample(range(n), 2), hidden))
        parameters = {"N": n, "clauses": clauses}
        return Instance(parameters, " ".join(map(str, hidden)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, clauses = parameters["N"], parameters["clauses"]
        lines = format_clauses(clauses)
        return (
            f"There are {n} boolean variables x[0], ..., x[{n - 1}], each 0 or 1. Each of the following "
            f"{len(clauses)} clauses must be true (| is OR, ! is NOT):\n{lines}\n"
            f"Find values for x[0], ..., x[{n - 1}] that make every clause true.\n"
            f"Write x[0] ... x[{n - 1}] as 0/1 values on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int] | None:
        """A satisfying assignment, or None: Kosaraju's SCCs on the implication graph (literal 2v+1 = x[v])."""
        n = parameters["N"]
        implications: list[list[int]] = [[] for _ in range(2 * n)]
        for (a, sign_a), (b, sign_b) in parameters["clauses"]:
            literal_a, literal_b = 2 * a + sign_a, 2 * b + sign_b
            implications[literal_a ^ 1].append(literal_b)
            implications[literal_b ^ 1].append(literal_a)
        reverse: list[list[int]] = [[] for _ in range(2 * n)]
        for u, targets in enumerate(implications):
            for v in targets:
                reverse[v].append(u)
        finished, seen = [], [False] * (2 * n)
        for start in range(2 * n):
            if seen[start]:
                continue
            seen[start] = True
            stack = [(start, 0)]
            while stack:
                u, next_index = stack.pop()
                if next_index < len(implications[u]):
                    stack.append((u, next_index + 1))
                    v = implications[u][next_index]
                    if not seen[v]:
                        seen[v] = True
                        stack.append((v, 0))
                else:
                    finished.append(u)
        component = [-1] * (2 * n)
        count = 0
        for start in reversed(finished):  # components come out in topological order of the condensation
            if component[start] >= 0:
                continue
            component[start] = count
            stack = [start]
            while stack:
                u = stack.pop()
                for v in reverse[u]:
                    if component[v] < 0:
                        component[v] = count
                        stack.append(v)
            count += 1
        if any(component[2 * v] == component[2 * v + 1] for v in range(n)):
            return None
        # a literal is true when its component comes later in topological order than its negation's
        return [int(component[2 * v + 1] > component[2 * v]) for v in range(n)]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        n, clauses = parameters["N"], parameters["clauses"]
        if len(values) != n or any(v not in (0, 1) for v in values):
            raise AnswerFormatError(f"expected {n} values, each 0 or 1")
        satisfied = count_satisfied(values, clauses)
        return rewards.partial(satisfied / len(clauses), 10.0, f"{satisfied}/{len(clauses)} clauses true")
