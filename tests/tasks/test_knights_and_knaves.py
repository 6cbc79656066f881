"""KnightsAndKnaves: the solver and verifier against an exhaustive check of every role assignment."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.knights_and_knaves import KnightsAndKnaves, count_solutions

TASK = KnightsAndKnaves()


def holds(statement: list, roles: tuple[bool, ...]) -> bool:
    kind = statement[0]
    if kind == "is":
        return roles[statement[1]] == bool(statement[2])
    if kind == "not":
        return not holds(statement[1], roles)
    a, b = holds(statement[1], roles), holds(statement[2], roles)
    return {"and": a and b, "or": a or b, "if": (not a) or b, "iff": a == b}[kind]


def consistent(statements: list, roles: tuple[bool, ...]) -> bool:
    return all(holds(s, roles) == roles[i] for i, s in enumerate(statements))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_planted_roles_are_the_unique_consistent_assignment(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        n = len(p["names"])
        solutions = [
            roles for roles in itertools.product((True, False), repeat=n) if consistent(p["statements"], roles)
        ]
        assert solutions == [tuple(bool(r) for r in p["roles"])]
        found, finished = count_solutions(p["statements"])
        assert finished and [tuple(f) for f in found] == solutions
        for roles in itertools.product((True, False), repeat=n):
            answer = ", ".join(f"{name} is a {'knight' if r else 'knave'}" for name, r in zip(p["names"], roles))
            assert (TASK.score(p, answer).accuracy == 1) == (roles == solutions[0])


def test_rule_based_acceptance_of_another_solution() -> None:
    # both say "Bea is a knight": all-knights and all-knaves are consistent
    p = {"names": ["Al", "Bea"], "statements": [["is", 1, 1], ["is", 1, 1]], "roles": [1, 1]}
    assert TASK.score(p, "Al is a knave, Bea is a knave").reward == 1.0
    assert TASK.score(p, "Al is a knight, Bea is a knave").reward == pytest.approx(0.5**10)
    assert len(count_solutions(p["statements"])[0]) == 2


def test_answer_format() -> None:
    p = {"names": ["Al", "Bea"], "statements": [["is", 1, 0], ["or", ["is", 0, 1], ["is", 1, 1]]], "roles": [0, 1]}
    assert TASK.score(p, "Al is a knave, and Bea is a knight.").reward == 1.0
    assert TASK.score(p, "bea is a KNIGHT, al is a knave").reward == 1.0
    for bad in ("Al is a knave", "Al is a knave, Bea is a knight, Bea is a knight", "Al is a knave, Bo is a knight"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)
