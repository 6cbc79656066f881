"""Paths through the bitwise-superset lattice in three dimensions that avoid banned points."""

from __future__ import annotations

import random
from math import comb
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

_MAX_MODULUS = 10_000
_ATTEMPTS = 64


def _bits(value: int) -> list[int]:
    """The powers of two whose sum is `value`, lowest first."""
    return [1 << i for i in range(value.bit_length()) if value >> i & 1]


class BannedPointSupersetPathCounting(Task):
    """Count paths from (0, 0, 0) to (N, M, R) where each step changes one coordinate to a different bitwise
    superset of itself (x → x' with x AND x' = x), avoiding O banned points; report the count modulo MOD.

    Every point on such a path is coordinate-wise a bitwise subset of (N, M, R); the banned points are distinct
    such subsets other than the two endpoints.
    Difficulty: N, M, R are uniform in [0, C] (not all zero) and O in [1, min(B, subsets - 2)], with C growing as
    C ← int(1.1·C + 1) from 1 and B likewise from 10; targets with fewer than two
    bits in all are redrawn. MOD is uniform in [2, 10000].
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_coordinate": grown(1, difficulty), "max_banned": grown(10, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        size = self.ladder(difficulty)
        for _ in range(_ATTEMPTS):
            target = [rng.randint(0, size["max_coordinate"]) for _ in range(3)]
            if sum(value.bit_count() for value in target) >= 2:  # room for at least one banned point
                break
        else:
            target = [size["max_coordinate"]] * 3
        bits = [_bits(value) for value in target]
        subsets = 1 << sum(map(len, bits))
        banned_count = rng.randint(1, min(size["max_banned"], subsets - 2))
        banned = []
        # index ↔ point: consecutive bit groups of the index pick each coordinate's subset of its target's bits
        for index in rng.sample(range(1, subsets - 1), banned_count):
            point = []
            for coordinate_bits in bits:
                point.append(sum(bit for position, bit in enumerate(coordinate_bits) if index >> position & 1))
                index >>= len(coordinate_bits)
            banned.append(point)
        parameters = {"target": target, "banned": banned, "MOD": rng.randint(2, _MAX_MODULUS)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, m, r = parameters["target"]
        banned = "\n".join(f"({x}, {y}, {z})" for x, y, z in parameters["banned"])
        return (
            f"A walker starts at the point (0, 0, 0) and must end at ({n}, {m}, {r}). In one step from (x, y, z) it "
            "changes exactly one coordinate to a different value that is a bitwise superset of the old one, i.e. "
            "it moves to (x', y, z) with x AND x' = x and x' ≠ x, or similarly in y or in z (AND is bitwise AND).\n"
            f"The walker may never stand on any of these {len(parameters['banned'])} points:\n{banned}\n"
            "How many different walks (sequences of points) lead from the start to the end? "
            f"Give the count modulo {parameters['MOD']}, as a single integer in [0, {parameters['MOD']})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Inclusion–exclusion over banned points ordered by inclusion.

        The number of free walks between two comparable points depends only on how many bits each coordinate
        gains (a, b, c): ``free[a][b][c]``, counted by the last step (which coordinate moved, from how many bits).
        """
        modulus = parameters["MOD"]
        target = parameters["target"]
        gains = [value.bit_count() for value in target]
        free = [[[0] * (gains[2] + 1) for _ in range(gains[1] + 1)] for _ in range(gains[0] + 1)]
        for a in range(gains[0] + 1):
            for b in range(gains[1] + 1):
                for c in range(gains[2] + 1):
                    if a == b == c == 0:
                        free[a][b][c] = 1 % modulus
                        continue
                    total = sum(comb(a, i) * free[i][b][c] for i in range(a))
                    total += sum(comb(b, j) * free[a][j][c] for j in range(b))
                    total += sum(comb(c, k) * free[a][b][k] for k in range(c))
                    free[a][b][c] = total % modulus

        # a point's predecessors in any walk are its subsets, which sort before it numerically
        points = [*sorted(tuple(point) for point in parameters["banned"]), tuple(target)]
        first_hits = []  # walks from the origin whose first banned point is points[i]
        for i, point in enumerate(points):
            count = free[point[0].bit_count()][point[1].bit_count()][point[2].bit_count()]
            for j in range(i):
                before = points[j]
                if all(p & q == q for p, q in zip(point, before)):
                    a, b, c = ((p ^ q).bit_count() for p, q in zip(point, before))
                    count -= first_hits[j] * free[a][b][c]
            first_hits.append(count % modulus)
        return first_hits[-1]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])
