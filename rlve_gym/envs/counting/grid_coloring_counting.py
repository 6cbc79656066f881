"""Colourings of some cells of a grid where no row or column holds two colours, with given colour counts."""

from __future__ import annotations

import itertools
import math
import random
from typing import Any

import numpy as np

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

_MAX_MODULUS = 10_000
_DRAWS = 32
_FALLBACK_PRIMES = (9973, 9967)


def grid_colorings(rows: int, columns: int, counts: list[int], modulus: int) -> int:
    """Colourings of a rows × columns grid with counts[k] cells of colour k (other cells blank) such that no row
    and no column holds two different colours, modulo `modulus`.

    Colour k occupies its own rows and columns (disjoint from the other colours'), and fills counts[k] cells of
    that a × b block touching every one of its a rows and b columns: g(a, b) = ∑ (−1)^(a−i+b−j) C(a,i) C(b,j)
    C(i·j, counts[k]) ways by inclusion–exclusion. used[i, j] counts the ways to place the colours so far on
    exactly i chosen rows and j chosen columns; colour k takes a of the rows − i still free and b of the columns.
    """
    dtype = np.int64 if (max(rows, columns) + 1) * (modulus - 1) ** 2 < 2**63 else object

    def binomials(top: int) -> np.ndarray:
        return np.array([[math.comb(n, k) % modulus for k in range(top + 1)] for n in range(top + 1)], dtype=dtype)

    def signed_binomials(top: int) -> np.ndarray:  # [a, i] → (−1)^(a−i) C(a, i)
        return np.array(
            [[(-1) ** ((a - i) % 2) * math.comb(a, i) % modulus for i in range(top + 1)] for a in range(top + 1)],
            dtype=dtype,
        )

    row_choose, column_choose = binomials(rows), binomials(columns)
    row_signs, column_signs = signed_binomials(rows), signed_binomials(columns)
    used = np.zeros((rows + 1, columns + 1), dtype=dtype)
    used[0, 0] = 1 % modulus
    blocks: dict[int, np.ndarray] = {}
    for count in counts:
        if count not in blocks:
            subsets = np.array(
                [[math.comb(i * j, count) % modulus for j in range(columns + 1)] for i in range(rows + 1)], dtype=dtype
            )
            blocks[count] = row_signs @ (subsets @ column_signs.T % modulus) % modulus
        block = blocks[count]
        placed = np.zeros_like(used)
        for height in range(1, rows + 1):
            # across[r, j] = block(height, j − r) · C(columns − r, j − r): colour k adds j − r columns to r
            across = np.zeros((columns + 1, columns + 1), dtype=dtype)
            for start in range(columns + 1):
                widths = np.arange(columns + 1 - start)
                across[start, start:] = block[height, widths] * column_choose[columns - start, widths] % modulus
            extended = used[: rows + 1 - height] @ across % modulus
            free_rows = row_choose[rows - np.arange(rows + 1 - height), height]  # C(rows − i, height)
            placed[height:] = (placed[height:] + free_rows[:, None] * extended) % modulus
        used = placed
    return int(used.sum() % modulus)


class GridColoringCounting(Task):
    """Count the colourings of some cells of an N × M grid with C colours, colour i used on exactly X[i] cells,
    such that no row and no column contains two different colours (cells may stay uncoloured), modulo MOD.

    Difficulty: N and M uniform in [2, V], V growing as V ← int(1.1·V + 1) from 3; the total S of X uniform in
    [1, N·M]; C uniform in [1, min(N, M, S)]; X a uniform composition of S into C positive parts; MOD uniform in
    [2, 10^4]. Instances whose count is 0 modulo MOD are redrawn (after 32 draws: one colour on one cell, modulo
    a prime that does not divide N·M).
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N_M": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        bound = self.ladder(difficulty)["max_N_M"]
        for _ in range(_DRAWS):
            rows, columns = rng.randint(2, bound), rng.randint(2, bound)
            total = rng.randint(1, rows * columns)
            colours = rng.randint(1, min(rows, columns, total))
            cuts = [0, *sorted(rng.sample(range(1, total), colours - 1)), total]
            parameters = {
                "N": rows,
                "M": columns,
                "X": [b - a for a, b in itertools.pairwise(cuts)],
                "MOD": rng.randint(2, _MAX_MODULUS),
            }
            answer = self.solve(parameters)
            if answer:
                return Instance(parameters, str(answer))
        modulus = next(p for p in _FALLBACK_PRIMES if rows * columns % p)
        parameters = {"N": rows, "M": columns, "X": [1], "MOD": modulus}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        rows, columns, counts, modulus = parameters["N"], parameters["M"], parameters["X"], parameters["MOD"]
        colours = len(counts)
        listed = ", ".join(f"X[{i}] = {x}" for i, x in enumerate(counts))
        return (
            f"A grid has {rows} rows and {columns} columns. Some of its cells are to be coloured with {colours} "
            f"colours, numbered 0 to {colours - 1}; the other cells stay uncoloured. The colouring must satisfy:\n"
            "1. no row and no column contains cells of two different colours;\n"
            f"2. colour i is used on exactly X[i] cells, where {listed}.\n"
            f"How many such colourings are there? Give the count modulo {modulus}, as a single integer in "
            f"[0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of colourings modulo MOD."""
        return grid_colorings(parameters["N"], parameters["M"], parameters["X"], parameters["MOD"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])
