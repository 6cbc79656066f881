"""Injecting bugs into generated programs: single-token mutations that provably change behaviour on tests.

A bug is one `rlve_gym.envs.code.minipy` mutation (a comparison or arithmetic operator swapped, an integer
constant off by one, min ↔ max, and ↔ or, a slice bound off by one). Bugs are injected one after another; each
must change what the program does on at least one probe input compared with both the correct program and the
previous buggy version, and must keep the program within the interpreter's limits on every probe (a mutant that
loops forever is discarded), so the final program is observably wrong and every bug matters on its own.
"""

from __future__ import annotations

import ast
import random
from collections.abc import Sequence
from typing import Any

from rlve_gym.envs.code import minipy

__all__ = ["MUTATION_KINDS_TEXT", "inject_bugs", "outcome_text"]

MUTATION_KINDS_TEXT = (
    "an arithmetic or comparison operator replaced by a similar one, an integer constant off by one, min and max "
    "swapped, 'and' and 'or' swapped, or a slice bound off by one"
)
"""The kinds of bugs, in words, for prompts."""

Outcome = tuple[str, Any]  # ("value", returned value) or ("error", exception type name)


def run_probe(
    tree: ast.Module, function_name: str, arguments: Sequence[Any], limits: minipy.InterpreterLimits
) -> tuple[Outcome, int]:
    """What ``function_name(*arguments)`` does under the interpreter, and the steps it took (raises
    BudgetExceeded)."""
    interpreter = minipy.Interpreter(limits)
    try:
        return ("value", interpreter.call(tree, function_name, arguments)), interpreter.steps
    except minipy.ProgramError as error:
        return ("error", error.kind), interpreter.steps


def outcome_text(outcome: Outcome) -> str:
    """How a prompt states an outcome."""
    return repr(outcome[1]) if outcome[0] == "value" else f"raises {outcome[1]}"


def inject_bugs(
    tree: ast.Module,
    function_name: str,
    probes: Sequence[Sequence[Any]],
    correct: Sequence[Outcome],
    bug_count: int,
    rng: random.Random,
    limits: minipy.InterpreterLimits,
    *,
    tries_per_bug: int = 24,
) -> tuple[ast.Module, int, Outcome] | None:
    """`tree` with `bug_count` bugs, the index of the first probe it gets wrong and what it does there; None when
    no such bugs were found.

    A mutant is run on the probes in order only until it differs (so each try is cheap); `limits` should allow a
    few times the steps the correct program needs, so that a mutant that loops forever is discarded early.
    """
    current = _Probed(tree, function_name, probes, limits, dict(enumerate(correct)))
    for _ in range(bug_count):
        sites = minipy.mutation_sites(current.program)
        rng.shuffle(sites)
        for site in sites[:tries_per_bug]:
            mutant = _Probed(minipy.apply_mutation(current.program, site, rng), function_name, probes, limits)
            if mutant.first_difference(current) is not None and mutant.first_difference(correct) is not None:
                current = mutant
                break
        else:
            return None
    found = current.first_difference(correct)
    if found is None:
        return None
    return current.program, found[0], found[1]


class _Probed:
    """A program and its outcomes on the probes, computed on demand."""

    def __init__(
        self,
        program: ast.Module,
        function_name: str,
        probes: Sequence[Sequence[Any]],
        limits: minipy.InterpreterLimits,
        known: dict[int, Outcome] | None = None,
    ) -> None:
        self.program, self.function_name, self.probes, self.limits = program, function_name, probes, limits
        self._outcomes: dict[int, Outcome] = known or {}

    def outcome(self, index: int) -> Outcome:
        if index not in self._outcomes:
            self._outcomes[index] = run_probe(self.program, self.function_name, self.probes[index], self.limits)[0]
        return self._outcomes[index]

    def first_difference(self, other: _Probed | Sequence[Outcome]) -> tuple[int, Outcome] | None:
        """The first probe on which this program and `other` differ, with this program's outcome there; None when
        they agree on every probe or a run exceeds the limits before a difference shows."""
        for index in range(len(self.probes)):
            try:
                mine = self.outcome(index)
                theirs = other.outcome(index) if isinstance(other, _Probed) else other[index]
            except minipy.BudgetExceeded:
                return None
            if mine != theirs:
                return index, mine
        return None
