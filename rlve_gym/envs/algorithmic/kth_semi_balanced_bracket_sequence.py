"""The K-th semi-balanced bracket sequence of odd length N in lexicographic order."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0


class Kth_SemiBalancedBracketSequence(Task):
    """A bracket string is semi-balanced when deleting exactly one bracket leaves a balanced string. Sorting
    those of odd length N lexicographically with ( before ), give the K-th.

    A string is semi-balanced exactly when either its running balance never drops below 0 and ends at +1 (an
    extra "(") or never drops below -1 and ends at -1 (an extra ")"). Counting walks that stay above a floor
    and end at a given height gives the number of completions of any prefix, and the K-th string is built
    character by character.
    Difficulty: N = 3 + 2d; K uniform over all semi-balanced strings of length N.
    Reward: -1 unparsable; -0.5 unless the answer is N brackets; otherwise
    (fraction of positions equal to the right string)^5.
    Answer: the bracket string of N characters ( and ), with no separators.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty, step=2)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"N": n, "K": rng.randint(1, _Completions(n).count(n, 0, 0))}
        return Instance(parameters, self.solve(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            "Consider strings made of the characters ( and ). A string is balanced if its brackets match up "
            "properly, like (()) or ()(); it is semi-balanced if deleting exactly one bracket from it leaves a "
            "balanced string, like (() or )().\n"
            f"List all semi-balanced strings of length {n} in lexicographic order, where ( comes before ). Which "
            f"string is number {parameters['K']} in this list (counting from 1)?\n"
            f"Write that string of {n} brackets with no spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> str:
        """The K-th semi-balanced string: at each position take "(" if at least K completions follow it."""
        n, rank = parameters["N"], parameters["K"]
        completions = _Completions(n)
        result, balance, lowest = [], 0, 0
        for position in range(n):
            remaining = n - position - 1
            with_open = completions.count(remaining, balance + 1, lowest)
            if rank <= with_open:
                result.append("(")
                balance += 1
            else:
                rank -= with_open
                result.append(")")
                balance -= 1
                lowest = min(lowest, balance)
        return "".join(result)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = "".join(answer.split())
        n = parameters["N"]
        if len(value) != n or set(value) - {"(", ")"}:
            return rewards.invalid(f"expected {n} characters ( and )")
        expected = self.solve(parameters)
        matches = sum(a == b for a, b in zip(value, expected, strict=True))
        return rewards.partial(matches / n, _BETA, f"{matches}/{n} positions right")


class _Completions:
    """Completions of a prefix of a length-N bracket string to a semi-balanced one, by walk counting."""

    def __init__(self, n: int) -> None:
        # walks[target][r][h]: ±1 walks of r steps from height h, never below 0, ending at height `target`
        self.walks = {}
        for target in (0, 1):
            table = [[int(h == target) for h in range(n + 3)]]
            for _ in range(n):
                last = table[-1]
                table.append(
                    [(last[h - 1] if h else 0) + (last[h + 1] if h + 1 < len(last) else 0) for h in range(n + 3)]
                )
            self.walks[target] = table

    def count(self, remaining: int, balance: int, lowest: int) -> int:
        """Completions with `remaining` characters after a prefix of running balance `balance` whose lowest
        running balance was `lowest` (the empty prefix has both 0)."""
        if balance < -1 or balance > remaining + 1:
            return 0
        extra_open = self.walks[1][remaining][balance] if lowest >= 0 and balance >= 0 else 0
        extra_close = self.walks[0][remaining][balance + 1] if lowest >= -1 else 0
        return extra_open + extra_close
