"""Pick an ordered selection of items whose values shrink by the factors of the items picked before them."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0


def selection_gain(values: list[int], factors: list[int], chosen: list[int]) -> int:
    """Total gain of picking `chosen` in order: each item yields W minus the R of every item picked before it."""
    gain = spent = 0
    for item in chosen:
        gain += values[item] - spent
        spent += factors[item]
    return gain


class ValueDiminishingSelection(Task):
    """Choose a sequence of distinct items maximising the total gain, where picking an item yields its value W[i]
    minus the sum of the factors R[j] of all items picked before it.

    For a fixed set, each item's factor is paid once per later item, so the items go in increasing R. Over the
    items in decreasing R, a DP on how many are kept then charges an item R × (kept so far) — the number of kept
    items with larger R, which will follow it.
    Difficulty: N ← int(1.1·N + 1) from 3; W[i] uniform in [0, ⌊N²/2⌋], R[i] uniform in [1, N].
    Reward: -1 unparsable; -0.5 for repeated or out-of-range items; otherwise (max(0, gain) / best gain)^5
    (1 when the best gain is 0).
    Answer: the indices of the chosen items in the order picked, on one line separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"W": [rng.randint(0, n * n // 2) for _ in range(n)], "R": [rng.randint(1, n) for _ in range(n)]}
        chosen = self.solve(parameters)
        parameters["best"] = selection_gain(parameters["W"], parameters["R"], chosen)
        return Instance(parameters, " ".join(map(str, chosen)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values, factors = parameters["W"], parameters["R"]
        n = len(values)
        listed = "\n".join(f"item {i}: W={w}, R={r}" for i, (w, r) in enumerate(zip(values, factors)))
        return (
            f"There are {n} items, numbered 0 to {n - 1}, each with a value W and a factor R:\n{listed}\n"
            "Pick a sequence of distinct items (the order matters). The gain of a picked item is its W minus the "
            "sum of the R of all items picked before it; the total gain is the sum of these gains.\n"
            "Make the total gain as large as possible. Write the numbers of the picked items, in the order you pick "
            "them, on one line separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """A best selection, in picking order (never empty: one item alone already gains W ≥ 0)."""
        values, factors = parameters["W"], parameters["R"]
        by_factor = sorted(range(len(values)), key=lambda i: -factors[i])
        # best[k]: largest gain with k items kept so far; each row remembers its choices for reconstruction
        best: list[int | None] = [0]
        took: list[list[bool]] = []
        for item in by_factor:
            grown_best = [*best, None]
            row = [False] * len(grown_best)
            for kept in range(1, len(grown_best)):
                if best[kept - 1] is None:
                    continue
                candidate = best[kept - 1] + values[item] - factors[item] * (kept - 1)
                if grown_best[kept] is None or candidate > grown_best[kept]:
                    grown_best[kept], row[kept] = candidate, True
            best = grown_best
            took.append(row)
        kept = max(range(1, len(best)), key=lambda k: best[k])
        chosen = []
        for position in range(len(by_factor) - 1, -1, -1):
            if took[position][kept]:
                chosen.append(by_factor[position])
                kept -= 1
        return chosen  # from the smallest R up: the picking order

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        chosen = parse_int_list(answer, allow_empty=True)
        n = len(parameters["W"])
        if len(set(chosen)) != len(chosen) or any(not 0 <= i < n for i in chosen):
            return rewards.invalid("items must be distinct indices in range")
        gain = max(0, selection_gain(parameters["W"], parameters["R"], chosen))
        return rewards.optimality(gain, parameters["best"], _BETA, minimize=False)
