"""Count the matrices with entries in [1, M] whose maxima over given rectangles take given values."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import stepped

_SIDE_PER_CONSTRAINT = 2
_MAX_MODULUS = 1_000_000


def _signed_subset_sum(blocks: dict[int, tuple[int, int]], bits: int, modulus: int) -> int:
    """∑ over subsets S of the constraint bits < `bits` of (-1)^|S| ∏ over blocks (y if the block's mask meets S
    else x), modulo `modulus`; `blocks` maps a mask to the products (x, y) of the blocks carrying it.

    Splitting on the top bit and merging blocks whose masks become equal keeps every level small."""
    if bits == 0:
        product = 1
        for x, _ in blocks.values():
            product = product * x % modulus
        return product
    bit = 1 << (bits - 1)
    if not any(mask & bit for mask in blocks):
        return 0  # a constraint no block can satisfy: S and S ∪ {it} cancel
    without: dict[int, tuple[int, int]] = {}
    with_bit: dict[int, tuple[int, int]] = {}
    forced = 1  # blocks that meet S whenever the top bit is in S: they take their y value
    for mask, (x, y) in blocks.items():
        lower = mask & ~bit
        old_x, old_y = without.get(lower, (1, 1))
        without[lower] = (old_x * x % modulus, old_y * y % modulus)
        if mask & bit:
            forced = forced * y % modulus
        else:
            with_bit[mask] = (x, y)
    rest = _signed_subset_sum(without, bits - 1, modulus)
    return (rest - forced * _signed_subset_sum(with_bit, bits - 1, modulus)) % modulus


def count_matrices(height: int, width: int, largest: int, constraints: list[list[int]], modulus: int) -> int:
    """The number of height×width matrices over [1, largest] meeting every ``[x1, y1, x2, y2, v]`` constraint
    (the maximum over rows x1..x2 and columns y1..y2, 1-based, equals v), modulo `modulus`.

    Inclusion-exclusion over the constraints forced below their value, on the blocks of the grid cut at every
    rectangle border. A block only matters to the constraints whose value equals its cap (the least value among
    the rectangles covering it), so the constraints split into independent groups by value.
    """
    xs = sorted({1, height + 1} | {c[0] for c in constraints} | {c[2] + 1 for c in constraints})
    ys = sorted({1, width + 1} | {c[1] for c in constraints} | {c[3] + 1 for c in constraints})
    result = 1
    groups: dict[int, dict[int, tuple[int, int]]] = {}
    members: dict[int, list[int]] = {}
    for index, constraint in enumerate(constraints):
        members.setdefault(constraint[4], []).append(index)
    for bx in range(len(xs) - 1):
        for by in range(len(ys) - 1):
            area = (xs[bx + 1] - xs[bx]) * (ys[by + 1] - ys[by])
            covering = [
                index
                for index, (x1, y1, x2, y2, _) in enumerate(constraints)
                if x1 <= xs[bx] <= x2 and y1 <= ys[by] <= y2
            ]
            if not covering:
                result = result * pow(largest, area, modulus) % modulus
                continue
            cap = min(constraints[index][4] for index in covering)
            group = members[cap]
            mask = sum(1 << group.index(index) for index in covering if constraints[index][4] == cap)
            x, y = groups.setdefault(cap, {}).get(mask, (1, 1))
            groups[cap][mask] = (x * pow(cap, area, modulus) % modulus, y * pow(cap - 1, area, modulus) % modulus)
    for value, group in members.items():
        result = result * _signed_subset_sum(groups.get(value, {}), len(group), modulus) % modulus
    return result % modulus


class MatrixRMQCounting(Task):
    """Count the H×W matrices with entries in [1, M] such that, for each of N given rectangles, the largest entry
    inside the rectangle equals the given value; answer modulo a given number.

    The values come from a hidden random matrix, so at least one matrix qualifies (Luogu P3813). The count is
    exact: inclusion-exclusion over the constraints on the blocks cut by the rectangle borders, done separately
    for each group of constraints with the same value.
    Difficulty: N = d + 2 constraints; H and W uniform in [1, 2N]; M uniform in [1, (2N)^2]; the modulus uniform
    in [2, 10^6].
    Reward: -1 unparsable; -0.5 outside [0, modulus); else 1 if right, 0 if not.
    Answer: one integer, the count modulo the given number.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        side = n * _SIDE_PER_CONSTRAINT
        height, width, largest = rng.randint(1, side), rng.randint(1, side), rng.randint(1, side * side)
        hidden = [[rng.randint(1, largest) for _ in range(width)] for _ in range(height)]
        constraints = []
        for _ in range(n):
            rows, columns = rng.randint(1, height), rng.randint(1, width)
            x1, y1 = rng.randint(1, height - rows + 1), rng.randint(1, width - columns + 1)
            x2, y2 = x1 + rows - 1, y1 + columns - 1
            value = max(hidden[x][y] for x in range(x1 - 1, x2) for y in range(y1 - 1, y2))
            constraints.append([x1, y1, x2, y2, value])
        parameters = {
            "H": height,
            "W": width,
            "M": largest,
            "constraints": constraints,
            "modulus": rng.randint(2, _MAX_MODULUS),
        }
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        height, width, largest = parameters["H"], parameters["W"], parameters["M"]
        lines = "\n".join(
            f"- the maximum of A[x][y] over {x1} ≤ x ≤ {x2} and {y1} ≤ y ≤ {y2} is exactly {v}"
            for x1, y1, x2, y2, v in parameters["constraints"]
        )
        return (
            f"Consider matrices A with {height} rows and {width} columns (rows numbered 1 to {height}, columns 1 to "
            f"{width}) whose entries are integers from 1 to {largest}. How many such matrices satisfy all of the "
            f"following {len(parameters['constraints'])} conditions?\n{lines}\n"
            f"Give the count modulo {parameters['modulus']} as a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The count modulo the given number (grouped inclusion-exclusion, see `count_matrices`)."""
        return count_matrices(
            parameters["H"], parameters["W"], parameters["M"], parameters["constraints"], parameters["modulus"]
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["modulus"])
