"""Count the numberings of a grid whose local minima (8-neighbourhood) are exactly the marked cells."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0
_MAX_CELLS = 80
"""Grids with more cells are redrawn without trying (their count is practically never within the state budget)."""
_STATE_BUDGET = 25_000
"""Most inclusion-exclusion states (independent candidate sets) an accepted instance may need."""
_ATTEMPTS = 200
_FALLBACK_MAX_COLUMNS = 12
"""A 2 × M grid with M ≤ 12 has about 5,500 king-independent cell sets, so the fallback is always quick."""


def closed_neighbourhoods(rows: int, columns: int) -> list[int]:
    """Bitmask of each cell's 3 × 3 block (the cell and its up to 8 neighbours); cell (r, c) is bit r·columns + c."""
    masks = []
    for r in range(rows):
        for c in range(columns):
            mask = 0
            for rr in range(max(0, r - 1), min(rows, r + 2)):
                for cc in range(max(0, c - 1), min(columns, c + 2)):
                    mask |= 1 << (rr * columns + cc)
            masks.append(mask)
    return masks


def local_minima(rows: int, columns: int, values: list[int]) -> list[bool]:
    """Which cells hold a value smaller than all their neighbours (row-major `values`)."""
    minima = []
    for r in range(rows):
        for c in range(columns):
            value = values[r * columns + c]
            minima.append(
                all(
                    values[rr * columns + cc] > value
                    for rr in range(max(0, r - 1), min(rows, r + 2))
                    for cc in range(max(0, c - 1), min(columns, c + 2))
                    if (rr, cc) != (r, c)
                )
            )
    return minima


def _candidate_components(rows: int, columns: int, minima: list[bool], block: list[int]) -> list[list[int]]:
    """Cells that could be local minima together with the marked ones, split into groups whose 3 × 3 blocks never
    meet another group's (Chebyshev distance ≥ 3 between groups)."""
    covered = 0
    for cell, marked in enumerate(minima):
        if marked:
            covered |= block[cell]
    candidates = [cell for cell in range(rows * columns) if minima[cell] or not covered >> cell & 1]
    group = {}
    groups: list[list[int]] = []
    for first in candidates:
        if first in group:
            continue
        group[first] = len(groups)
        members, stack = [], [first]
        while stack:
            cell = stack.pop()
            members.append(cell)
            r, c = divmod(cell, columns)
            for other in candidates:
                if other not in group and abs(other // columns - r) <= 2 and abs(other % columns - c) <= 2:
                    group[other] = len(groups)
                    stack.append(other)
        groups.append(sorted(members))
    return groups


def _independent_sets(members: list[int], block: list[int], budget: int) -> list[tuple[int, int]] | None:
    """Every king-independent subset of `members` as (local bitmask, bitmask of the covered grid cells), or None
    once there are more than `budget`."""
    size = len(members)
    conflicts = [0] * size
    for i, a in enumerate(members):
        for j, b in enumerate(members):
            if i != j and block[a] >> b & 1:
                conflicts[i] |= 1 << j
    found, stack = [], [(0, 0, 0)]
    while stack:
        mask, cover, start = stack.pop()
        found.append((mask, cover))
        if len(found) > budget:
            return None
        for i in range(start, size):
            if not conflicts[i] & mask:
                stack.append((mask | 1 << i, cover | block[members[i]], i + 1))
    return found


def count_numberings(rows: int, columns: int, minima: list[bool], budget: int | None = None) -> int | None:
    """The number of numberings of the grid by 1..rows·columns whose local minima are exactly the marked cells, or
    None when more than `budget` candidate sets would be needed.

    Inclusion-exclusion: the count is Σ over independent sets Y ⊇ X of (-1)^|Y∖X|·Z(Y), Z(Y) the numberings in
    which every cell of Y is a local minimum (cells next to X can never join Y). Z obeys
    Z(Y) = Σ_{t∈Y} Z(Y - t) / |blocks of Y| (the smallest value among Y's 3 × 3 blocks sits on some t ∈ Y), with
    Z(∅) = (rows·columns)!; the divisions are exact. Events on groups of candidates whose blocks never meet are
    independent, so each group is summed on its own and the results multiply.
    """
    block = closed_neighbourhoods(rows, columns)
    groups = _candidate_components(rows, columns, minima, block)
    remaining = budget
    enumerated = []
    for members in groups:
        if remaining is not None and sum(minima[cell] for cell in members) >= remaining.bit_length():
            return None  # at least 2^|marked cells| subsets
        sets = _independent_sets(members, block, remaining if remaining is not None else math.inf)
        if sets is None:
            return None
        if remaining is not None:
            remaining -= len(sets)
        enumerated.append((members, sets))
    everything = math.factorial(rows * columns)
    count = everything
    for members, sets in enumerated:
        marked = sum(1 << i for i, cell in enumerate(members) if minima[cell])
        sets.sort(key=lambda entry: entry[0].bit_count())
        ways: dict[int, int] = {}
        signed = 0
        for mask, cover in sets:
            if mask:
                total, rest = 0, mask
                while rest:
                    lowest = rest & -rest
                    total += ways[mask ^ lowest]
                    rest ^= lowest
                value = total // cover.bit_count()
            else:
                value = everything
            ways[mask] = value
            if mask & marked == marked:
                signed += -value if (mask ^ marked).bit_count() % 2 else value
        count = count * signed // everything
    return count


class GridLocalMinimumCounting(Task):
    """Count the numberings of an N × M grid by 1..N·M whose local minima are exactly the cells marked X.

    A cell is a local minimum when it is smaller than all of its up to 8 neighbours. The marks come from a random
    numbering, so the count is positive; it is computed exactly by inclusion-exclusion over sets of extra minima with
    a recursion over which cell holds the smallest value of their 3 × 3 blocks. That work is exponential in the
    number of marked and free cells, as in RLVE (whose generator times out on large grids), so a draw needing more
    than 25,000 candidate sets (or with more than 80 cells) is redrawn from the same distribution, up to 200 times,
    then replaced by a 2 × M grid (M ≤ 12); accepted grids mostly have at most about 60 cells (thin ones up
    to 80).
    Difficulty: N and M uniform in [2, MAX], MAX ← MAX + 1 from 3 (conditioned on the state budget above).
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count.
    Answer: one non-negative integer, the number of numberings.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_n_m": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        largest = self.ladder(difficulty)["max_n_m"]
        for attempt in range(_ATTEMPTS + 1):
            if attempt < _ATTEMPTS:
                rows, columns = rng.randint(2, largest), rng.randint(2, largest)
                if rows * columns > _MAX_CELLS:
                    continue
            else:
                rows, columns = 2, rng.randint(2, min(largest, _FALLBACK_MAX_COLUMNS))
            values = rng.sample(range(1, rows * columns + 1), rows * columns)
            minima = local_minima(rows, columns, values)
            count = count_numberings(rows, columns, minima, _STATE_BUDGET if attempt < _ATTEMPTS else None)
            if count is not None:
                break
        grid = ["".join("X" if minima[r * columns + c] else "." for c in range(columns)) for r in range(rows)]
        parameters = {"N": rows, "M": columns, "grid": grid, "count": count}
        return Instance(parameters, str(count))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        rows, columns = parameters["N"], parameters["M"]
        grid = "\n".join(parameters["grid"])
        return (
            f"The numbers 1 to {rows * columns} are written into the cells of a {rows} × {columns} grid, each number "
            "exactly once. A cell is a local minimum if its number is smaller than the numbers of all of its "
            "neighbours, where the neighbours are the up to 8 cells that share a side or a corner with it (cells "
            "outside the grid do not count).\n"
            f"Here is the grid, with the cells that must be local minima marked X and all other cells marked '.':\n"
            f"{grid}\n"
            "How many ways are there to write the numbers so that the local minima are exactly the cells marked X?\n"
            "Your answer should be a single non-negative integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of numberings (no state budget)."""
        rows, columns = parameters["N"], parameters["M"]
        minima = [char == "X" for row in parameters["grid"] for char in row]
        return count_numberings(rows, columns, minima)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count must be a non-negative integer")
        return rewards.exact_or_closeness(value, parameters["count"], _BETA)
