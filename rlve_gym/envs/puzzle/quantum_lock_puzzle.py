"""Quantum lock: buttons whose effect on Y depends on a bit that flips with every press."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_STEPS = (2, 3, 4, 5, 6, 7, 8, 9, 10)
_OPERATIONS = ("+", "-", "*")
_OPERATION_WEIGHTS = (0.4, 0.4, 0.2)


class QuantumLockPuzzle(Task):
    """A bit X starts at 0 and Y at a given value. Each of N buttons has one rule for X = 0 and one for X = 1
    (add v, subtract v, or multiply by 2 or 3); pressing a button applies the rule for the current X, then X
    flips. Find presses that make Y equal to a target.

    The target is planted: a random press sequence of S or S + 1 presses is simulated, and the target is the last
    value of Y not seen before it (the start value when no new value appears); the reference is the presses up
    to that point.
    Difficulty: N = 2 + d; S drawn from {2, …, 10}; v uniform in [1, N]; Y starts uniform in [-N, N].
    Reward: -1 unparsable; -0.5 for a button out of range; 1 if Y ends at the target, else 0.
    Answer: the pressed button numbers in order on one line, separated by spaces (empty for no presses).
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        start = rng.randint(-n, n)

        def rule() -> list[Any]:
            operation = rng.choices(_OPERATIONS, weights=_OPERATION_WEIGHTS)[0]
            return [operation, rng.randint(2, 3) if operation == "*" else rng.randint(1, n)]

        buttons = [[rule(), rule()] for _ in range(n)]
        presses = [rng.randrange(n) for _ in range(rng.choice(_STEPS) + rng.randint(0, 1))]
        seen, value, target, prefix = {start}, start, start, presses
        for index, button in enumerate(presses):
            value = _apply(buttons[button][index % 2], value)
            if value not in seen:
                seen.add(value)
                target, prefix = value, presses[: index + 1]
        parameters = {"Y_start": start, "Y_target": target, "buttons": buttons}
        return Instance(parameters, " ".join(map(str, prefix)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        buttons = parameters["buttons"]

        def rules(bit: int) -> str:
            return "\n".join(f"button {i}: Y becomes Y {rule[bit][0]} {rule[bit][1]}" for i, rule in enumerate(buttons))

        return (
            f"A lock has a bit X, which starts at 0, and a number Y, which starts at {parameters['Y_start']}. It has "
            f"{len(buttons)} buttons, numbered 0 to {len(buttons) - 1}; you may press them in any order and as often "
            "as you like. Every press first changes Y by the rule of the pressed button for the current value of X, "
            "and then flips X (0 becomes 1 and 1 becomes 0).\n"
            f"Rules while X = 0:\n{rules(0)}\n"
            f"Rules while X = 1:\n{rules(1)}\n"
            f"Find a sequence of presses after which Y equals {parameters['Y_target']}.\n"
            "Write the pressed button numbers in order on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        presses = parse_int_list(answer, allow_empty=True)
        buttons, target = parameters["buttons"], parameters["Y_target"]
        if any(not 0 <= button < len(buttons) for button in presses):
            return rewards.invalid("a button number is out of range")
        largest_step = max(rule[1] for pair in buttons for rule in pair)
        value = parameters["Y_start"]
        for index, button in enumerate(presses):
            # multiplying never shrinks |Y| and each press adds or subtracts at most largest_step, so a value this
            # far away cannot come back (this also keeps hostile answers from building huge numbers)
            if abs(value) - largest_step * (len(presses) - index) > abs(target):
                return rewards.wrong("Y can no longer reach the target")
            value = _apply(buttons[button][index % 2], value)
        return rewards.correct() if value == target else rewards.wrong(f"Y ends at {value}")


def _apply(rule: list[Any], value: int) -> int:
    operation, operand = rule
    if operation == "+":
        return value + operand
    if operation == "-":
        return value - operand
    return value * operand
