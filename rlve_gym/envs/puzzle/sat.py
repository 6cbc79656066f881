"""Boolean satisfiability (CNF) with a planted solution."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.cnf import CLAUSE_RATIOS, count_satisfied, format_clauses, planted_clause
from rlve_gym.envs.common.ladders import stepped

_DENSITIES = (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)


def _clause_size(rng: random.Random, variables: int, density: float) -> int:
    """A Binomial(variables, density) draw conditioned on being ≥ 2 (rejection: ≤ ~140 tries in the worst case)."""
    while True:
        size = sum(rng.random() < density for _ in range(variables))
        if size >= 2:
            return size


class SAT(Task):
    """Find a 0/1 assignment of N variables satisfying M clauses (ORs of literals x[i] or !x[i]).

    A hidden assignment is planted and every clause is drawn (each variable included with probability equal to
    the density, at least two literals) until the hidden assignment satisfies it.
    Difficulty: N = d + 3; M = int(r·N) with r drawn from {1.0, 1.1, ..., 5.0}; density from
    {0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5}.
    Reward: -1 unparsable; -0.5 for the wrong number of values or a value other than 0/1; else
    (satisfied clauses / M)^10.
    Answer: x[0] … x[N-1] as 0/1 values on one line, separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"variables": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["variables"]
        clause_count = int(rng.choice(CLAUSE_RATIOS) * n)
        density = rng.choice(_DENSITIES)
        hidden = [rng.randint(0, 1) for _ in range(n)]
        clauses = []
        for _ in range(clause_count):
            variables = sorted(rng.sample(range(n), _clause_size(rng, n, density)))
            clauses.append(planted_clause(rng, variables, hidden))
        parameters = {"N": n, "clauses": clauses}
        return Instance(parameters, " ".join(map(str, hidden)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, clauses = parameters["N"], parameters["clauses"]
        lines = format_clauses(clauses)
        return (
            f"There are {n} boolean variables x[0], ..., x[{n - 1}], each 0 or 1. Every one of the following "
            f"{len(clauses)} clauses must be true (| is OR, ! is NOT):\n{lines}\n"
            f"Find values for x[0], ..., x[{n - 1}] that make every clause true.\n"
            f"Write x[0] ... x[{n - 1}] as 0/1 values on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        values = parse_int_list(answer)
        n, clauses = parameters["N"], parameters["clauses"]
        if len(values) != n or any(v not in (0, 1) for v in values):
            return rewards.invalid(f"expected {n} values, each 0 or 1")
        satisfied = count_satisfied(values, clauses)
        return rewards.partial(satisfied / len(clauses), 10.0, f"{satisfied}/{len(clauses)} clauses true")
