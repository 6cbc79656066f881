"""Tetris Attack: clear an array of paired values with the fewest adjacent swaps (adjacent equal pairs vanish)."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_UNSUCCESSFUL = -0.2
_SHUFFLES = 100


def collapse(values: list[int]) -> list[int]:
    """The array after removing adjacent equal pairs until none is left (the result does not depend on the order
    of removals, so one stack pass gives it)."""
    stack: list[int] = []
    for value in values:
        if stack and stack[-1] == value:
            stack.pop()
        else:
            stack.append(value)
    return stack


class TetrisAttack(Task):
    """An array holds each of 0..N−1 twice; adjacent equal elements vanish (repeatedly, the array closing up).
    Empty it with as few swaps of adjacent elements as possible.

    The array is a random shuffle with no two equal neighbours. Each swap changes the relative order of one pair
    of values, and a pair x…y…x…y needs its order changed before either can vanish, so the number of such
    interleaved pairs is a lower bound; the reference reaches it with a stack sweep that slides each second
    occurrence down onto its partner.
    Difficulty: N ← N + 1 from 3.
    Reward: -1 unparsable; -0.5 if a swap index is out of range for the array at that moment; -0.2 if the array is
    not empty at the end; otherwise (fewest swaps / swaps used)^5.
    Answer: the swap indices in order on one line separated by spaces, index i swapping A[i] and A[i+1] of the
    current (0-based) array.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        values = list(range(n)) * 2
        for _ in range(_SHUFFLES):
            rng.shuffle(values)
            if all(a != b for a, b in itertools.pairwise(values)):
                break
        else:  # about e^-1 of shuffles qualify, so this never happens in practice; a relabelled 0..N-1 0..N-1 does
            labels = rng.sample(range(n), n)
            values = labels + labels
        parameters = {"A": values}
        swaps = self.solve(parameters)
        parameters["best"] = len(swaps)
        return Instance(parameters, " ".join(map(str, swaps)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["A"]
        n = len(values) // 2
        return (
            f"An array A of length {2 * n} contains each of the numbers 0 to {n - 1} exactly twice:\n"
            f"{' '.join(map(str, values))}\n"
            "Whenever two adjacent elements are equal, both disappear and the array closes up (indices are "
            "renumbered from 0); this repeats until no two adjacent elements are equal. Right now none are.\n"
            "A swap with index i exchanges A[i] and A[i+1] of the current array (0 ≤ i < current length − 1), after "
            "which the disappearing rule applies again until the array is stable. Make the whole array disappear "
            "using as few swaps as possible.\n"
            "Write the indices of your swaps, in the order you make them, on one line separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A shortest swap sequence: scan left to right keeping the surviving prefix as a stack; when a value's
        second copy arrives, swap it down past everything above its first copy, then both vanish."""
        stack: list[int] = []
        swaps = []
        for value in parameters["A"]:
            if value not in stack:
                stack.append(value)
                continue
            depth = len(stack) - 1 - stack.index(value)
            # the second copy sits at index len(stack); each swap moves it one step down
            swaps += range(len(stack) - 1, len(stack) - 1 - depth, -1)
            del stack[len(stack) - 1 - depth]
        return swaps

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        swaps = parse_int_list(answer, allow_empty=True)
        values = list(parameters["A"])
        for index in swaps:
            if not 0 <= index < len(values) - 1:
                return rewards.invalid(f"swap index {index} is out of range for an array of length {len(values)}")
            values[index], values[index + 1] = values[index + 1], values[index]
            values = collapse(values)
        if values:
            return rewards.wrong(f"{len(values)} elements remain", reward=_UNSUCCESSFUL)
        return rewards.optimality(len(swaps), parameters["best"], _BETA, minimize=True)
