"""Clauses in conjunctive normal form with a planted satisfying assignment, shared by the SAT tasks.

A clause is a list of [variable, sign] pairs (sign 1 = the positive literal x[v], 0 = !x[v]), joined by OR.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

CLAUSE_RATIOS = tuple(round(1.0 + 0.1 * i, 1) for i in range(41))
"""Clause-to-variable ratios M / N drawn by the SAT generators: 1.0, 1.1, ..., 5.0."""


def planted_clause(rng: random.Random, variables: Sequence[int], hidden: Sequence[int]) -> list[list[int]]:
    """Random signs for `variables`, redrawn until the hidden assignment satisfies the clause."""
    while True:
        clause = [[v, rng.randint(0, 1)] for v in variables]
        if any(hidden[v] == positive for v, positive in clause):
            return clause


def format_clauses(clauses: Sequence[Sequence[Sequence[int]]]) -> str:
    """One clause per line, literals written x[v] or !x[v] and joined by ' | '."""
    return "\n".join(" | ".join(f"{'' if positive else '!'}x[{v}]" for v, positive in c) for c in clauses)


def count_satisfied(values: Sequence[int], clauses: Sequence[Sequence[Sequence[int]]]) -> int:
    """How many clauses the 0/1 assignment `values` makes true."""
    return sum(any(values[v] == positive for v, positive in clause) for clause in clauses)
