"""Split a digit string into K+1 parts with the largest product (NOIP 2000)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 3.0
_CUT_RATIOS = (0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95)


class MaxMultSplit(Task):
    """Cut a string of N non-zero digits into K+1 non-empty consecutive pieces so that the product of the
    pieces, read as integers, is as large as possible.

    Difficulty: N ← int(1.1·N + 1) from 3; K drawn from {2, N-1} and int(r·N) for r in
    {0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95} (kept when 2 ≤ K ≤ N-1); digits uniform in 1..9.
    Reward: -1 unparsable; -0.5 unless the answer is K+1 numbers whose concatenation is the string;
    otherwise (product / maximum product)^3.
    Answer: the K+1 pieces from left to right on one line, separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        cut_counts = sorted({2, n - 1} | {int(n * r) for r in _CUT_RATIOS if 2 <= int(n * r) <= n - 1})
        digits = "".join(str(rng.randint(1, 9)) for _ in range(n))
        parameters: dict[str, Any] = {"S": digits, "K": rng.choice(cut_counts)}
        pieces = self.solve(parameters)
        parameters["best"] = str(_product(pieces))  # a string: products outgrow what JSON readers keep exact
        return Instance(parameters, " ".join(map(str, pieces)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        digits, parts = parameters["S"], parameters["K"] + 1
        return (
            f"Here is a string of {len(digits)} digits: {digits}\n"
            f"Cut it into exactly {parts} non-empty pieces of consecutive digits, keeping their order, so that the "
            "product of the pieces, each read as an integer, is as large as possible.\n"
            f"Write the {parts} pieces from left to right on one line, separated by spaces (for example, 31 2 "
            "cuts 312 into 31 and 2)."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Optimal pieces by the DP best[k][i] = max over j of best[k-1][j] · int(S[j:i]) (k+1 pieces covering
        the first i digits), with the cut positions remembered."""
        digits, cuts = parameters["S"], parameters["K"]
        n = len(digits)
        best = [[int(digits[:i]) if i else 0 for i in range(n + 1)]]
        last_cut = [[0] * (n + 1)]
        for k in range(1, cuts + 1):
            row, cut_row = [0] * (n + 1), [0] * (n + 1)
            for i in range(k + 1, n + 1):
                for j in range(k, i):
                    value = best[k - 1][j] * int(digits[j:i])
                    if value > row[i]:
                        row[i], cut_row[i] = value, j
            best.append(row)
            last_cut.append(cut_row)
        pieces, end = [], n
        for k in range(cuts, 0, -1):
            start = last_cut[k][end]
            pieces.append(int(digits[start:end]))
            end = start
        pieces.append(int(digits[:end]))
        return pieces[::-1]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        pieces = parse_int_list(answer)
        digits, parts = parameters["S"], parameters["K"] + 1
        if len(pieces) != parts or "".join(map(str, pieces)) != digits:
            return rewards.invalid(f"expected {parts} pieces that concatenate to {digits}")
        return rewards.optimality(_product(pieces), int(parameters["best"]), _BETA, minimize=False)


def _product(pieces: list[int]) -> int:
    result = 1
    for piece in pieces:
        result *= piece
    return result
