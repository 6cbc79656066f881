"""Magic formations (NOIP 2016): for every item, count the formations it takes part in as A, B, C and D."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


class QuadMagicItems(Task):
    """Items a, b, c, d form a magic formation when X[a] < X[b] < X[c] < X[d], X[b] − X[a] = 2(X[d] − X[c]) and
    X[b] − X[a] < (X[c] − X[b]) / 3. For each item, count the formations in which it is the A, B, C or D item.

    With t = X[d] − X[c] the values are a, a + 2t, c, c + t with c ≥ a + 8t + 1. For each t, a sweep upwards over
    c keeps the number of (A, B) pairs that fit below c, and a sweep downwards over a the number of (C, D) pairs
    that fit above it; counts are per value and each item reads the counts of its value.
    Difficulty: N ← int(1.1·N + 1) from 12; X[i] uniform in [1, N].
    Reward: -1 unparsable (not N lines of four integers); otherwise (items whose four counts are all right / N)^10.
    Answer: N lines; line i holds the four counts of item i (as A, B, C, D) separated by spaces.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(12, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"X": [rng.randint(1, n) for _ in range(n)]}
        return Instance(parameters, "\n".join(" ".join(map(str, row)) for row in self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        values = parameters["X"]
        n = len(values)
        listing = " ".join(f"X[{i}]={x}" for i, x in enumerate(values, start=1))
        return (
            f"There are {n} items with positive values: {listing}\n"
            "Four items with indices a, b, c, d form a magic formation when\n"
            "- X[a] < X[b] < X[c] < X[d],\n"
            "- X[b] - X[a] = 2 × (X[d] - X[c]), and\n"
            "- X[b] - X[a] < (X[c] - X[b]) / 3.\n"
            "In a formation, items a, b, c and d are its A, B, C and D items.\n"
            f"For every item i from 1 to {n}, count the magic formations in which item i is the A item, the B "
            "item, the C item and the D item.\n"
            f"Write {n} lines; line i holds the four counts for item i (as A, as B, as C, as D), separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[list[int]]:
        """[as A, as B, as C, as D] for every item, by the two sweeps above."""
        values = parameters["X"]
        top = max(values)
        count = [0] * (top + 2)
        for value in values:
            count[value] += 1
        roles = [[0, 0, 0, 0] for _ in range(top + 1)]  # per value
        step = 1
        while 9 * step + 2 <= top:  # smallest formation: 1, 1 + 2t, 2 + 8t, 2 + 9t
            pairs_below = 0
            for c in range(8 * step + 2, top - step + 1):
                a = c - 8 * step - 1  # the newest (a, a + 2t) pair that fits below c
                pairs_below += count[a] * count[a + 2 * step]
                roles[c][2] += pairs_below * count[c + step]
                roles[c + step][3] += pairs_below * count[c]
            pairs_above = 0
            for a in range(top - 9 * step - 1, 0, -1):
                c = a + 8 * step + 1  # the newest (c, c + t) pair that fits above a + 2t
                pairs_above += count[c] * count[c + step]
                roles[a][0] += pairs_above * count[a + 2 * step]
                roles[a + 2 * step][1] += pairs_above * count[a]
            step += 1
        return [list(roles[value]) for value in values]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        rows = parse_int_rows(answer)
        n = len(parameters["X"])
        if len(rows) != n or any(len(row) != 4 for row in rows):
            raise AnswerFormatError(f"expected {n} lines of four integers")
        right = sum(row == gold for row, gold in zip(rows, self.solve(parameters)))
        return rewards.partial(right / n, _BETA, f"{right}/{n} items right")
