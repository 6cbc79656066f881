"""Non-attacking kings (SCOI 2005): count the ways to place K kings on an N × N board."""

from __future__ import annotations

import functools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0


class RoyalLockCounting(Task):
    """Count the sets of K squares of an N × N board on which kings attack no one else (no two in adjacent
    squares, diagonals included).

    Row-by-row DP over occupancy masks with no two adjacent bits; two rows fit together when neither has a king
    next to or diagonally next to the other's. The counts for 0..K kings are carried together as one integer
    holding a polynomial in fixed-width slots (Kronecker substitution; a slot holds up to (number of row
    masks)^N, which bounds every count), and a row shares its counts with its mirror image.
    Difficulty: N = 3 + d; K uniform in [1, max(1, ⌊N²/4⌋)].
    Reward: -1 unparsable or negative; otherwise (min(answer, count) / max(answer, count))^10.
    Answer: one non-negative integer.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        parameters = {"N": n, "K": rng.randint(1, max(1, n * n // 4))}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, kings = parameters["N"], parameters["K"]
        return (
            f"In how many ways can {kings} king{'s' if kings > 1 else ''} be placed on an {n} × {n} chessboard so "
            "that no two kings attack each other? A king attacks the (up to) 8 squares around it: horizontally, "
            "vertically and diagonally adjacent. The kings are identical, so only the set of occupied squares "
            "matters.\n"
            "Answer with a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The packed-polynomial row DP above (memoised)."""
        return _count(parameters["N"], parameters["K"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count must be non-negative")
        return rewards.exact_or_closeness(value, self.solve(parameters), _BETA)


@functools.lru_cache(maxsize=256)
def _count(n: int, kings: int) -> int:
    """Placements of `kings` non-attacking kings on an n × n board."""
    full = (1 << n) - 1
    rows = _spread_subsets(full)
    # a count never exceeds len(rows)^n (one choice per row), which bounds the width of a slot
    width = len(rows).bit_length() * n + 1
    keep = (1 << (width * (kings + 1))) - 1  # slots 0..kings
    # the board is symmetric under reflection, so a row and its mirror image always have equal counts
    mirror = {row: int(format(row, f"0{n}b")[::-1], 2) for row in rows}
    canonical = [row for row in rows if row <= mirror[row]]
    fits = {row: _spread_subsets(~(row | row << 1 | row >> 1) & full) for row in canonical}
    weight = {row: 1 << (width * row.bit_count()) for row in rows}
    ways = {row: weight[row] & keep for row in rows}  # the first row alone
    for _ in range(n - 1):
        half = {row: sum(ways[below] for below in fits[row]) * weight[row] & keep for row in canonical}
        ways = {row: half[min(row, mirror[row])] for row in rows}
    return sum(ways.values()) >> (width * kings) & ((1 << width) - 1)


def _spread_subsets(mask: int) -> list[int]:
    """The subsets of `mask` with no two adjacent bits, built bit by bit from the lowest."""
    subsets = [0]
    bit = 1
    while bit <= mask:
        if mask & bit:
            subsets += [subset | bit for subset in subsets if not subset & (bit >> 1)]
        bit <<= 1
    return subsets
