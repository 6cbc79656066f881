"""Bytecomputer (POI): fewest prefix-add operations that make a {-1, 0, 1} array non-decreasing."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_exact
from rlve_gym.envs.common.ladders import stepped

_ATTEMPTS = 64


class BAJBytecomputer(Task):
    """An array X[1..N] over {-1, 0, 1}; one operation picks i < N and does X[i+1] += X[i]. Find the fewest
    operations that make X non-decreasing.

    The three values are drawn with random weights in [1, N]; arrays that cannot be made non-decreasing (a 0
    before the first non-zero value, which is -1) are redrawn, and after 64 failed draws X[1] is set to -1.
    Difficulty: N = 3 + d.
    Reward: -1 unparsable; 1 for the minimum number of operations, else 0.
    Answer: one non-negative integer.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        for _ in range(_ATTEMPTS):
            weights = [rng.randint(1, n) for _ in range(3)]
            values = rng.choices([-1, 0, 1], weights=weights, k=n)
            if self.solve({"X": values}) is not None:
                break
        else:
            values[0] = -1  # everything after a leading -1 can be pulled down to -1
        parameters = {"X": values}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["X"]
        n = len(values)
        listing = ", ".join(f"X[{i}] = {v}" for i, v in enumerate(values, start=1))
        return (
            f"An array X of length {n} holds only the values -1, 0 and 1:\n{listing}\n"
            f"One operation chooses an index i with 1 ≤ i < {n} and replaces X[i+1] by X[i+1] + X[i] (using the "
            "current values). Operations may be repeated and applied in any order.\n"
            f"What is the smallest number of operations after which X[1] ≤ X[2] ≤ … ≤ X[{n}]? "
            "(This array can always be made non-decreasing.)\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int | None:
        """The minimum operation count, or None if impossible.

        Left to right, the state is the final value of the previous element; an optimal plan never leaves
        {-1, 0, 1}, and element i may only absorb its left neighbour's final value k ∈ {0, 1, 2} times.
        """
        values = parameters["X"]
        cost: dict[int, int | None] = dict.fromkeys((-1, 0, 1))  # None: this final value is unreachable
        cost[values[0]] = 0
        for value in values[1:]:
            nxt: dict[int, int | None] = dict.fromkeys((-1, 0, 1))
            for previous, spent in cost.items():
                if spent is None:
                    continue
                for times in range(3):
                    result = value + times * previous
                    if -1 <= result <= 1 and result >= previous:
                        candidate = spent + times
                        if nxt[result] is None or candidate < nxt[result]:
                            nxt[result] = candidate
                    if previous == 0:
                        break  # adding 0 changes nothing
            cost = nxt
        reachable = [spent for spent in cost.values() if spent is not None]
        return min(reachable) if reachable else None

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_exact(answer, self.solve(parameters))
