"""Clear the ones of a 3D 0/1 grid with boxes, a box costing its shortest side (HNOI 2013 "Disinfection")."""

from __future__ import annotations

import itertools
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_UNSUCCESSFUL = -0.2
_DRAWS = 64


def _maximum_matching(adjacent: list[int], right_size: int) -> list[int]:
    """Kuhn's augmenting paths on bitmask adjacency; returns owner[right] (−1 when free)."""
    owner = [-1] * right_size

    def augment(left: int, unseen: list[int]) -> bool:
        candidates = adjacent[left] & unseen[0]
        while candidates:
            low = candidates & -candidates
            right = low.bit_length() - 1
            candidates ^= low
            if not unseen[0] & low:
                continue
            unseen[0] &= ~low
            if owner[right] == -1 or augment(owner[right], unseen):
                owner[right] = left
                return True
        return False

    for left in range(len(adjacent)):
        if adjacent[left]:
            augment(left, [(1 << right_size) - 1])
    return owner


def _vertex_cover(adjacent: list[int], right_size: int) -> tuple[list[int], list[int]]:
    """A minimum vertex cover (left vertices, right vertices) of a bipartite graph, by König's theorem: from the
    unmatched left vertices follow alternating paths; the cover is the unreached left and the reached right."""
    owner = _maximum_matching(adjacent, right_size)
    matched_left = {left for left in owner if left != -1}
    reached_left = {left for left in range(len(adjacent)) if adjacent[left] and left not in matched_left}
    reached_right: set[int] = set()
    frontier = list(reached_left)
    while frontier:
        left = frontier.pop()
        for right in range(right_size):
            if adjacent[left] >> right & 1 and right not in reached_right:
                reached_right.add(right)
                if owner[right] != -1 and owner[right] not in reached_left:
                    reached_left.add(owner[right])
                    frontier.append(owner[right])
    cover_left = [left for left in range(len(adjacent)) if adjacent[left] and left not in reached_left]
    return cover_left, sorted(reached_right)


def fewest_planes(sizes: list[int], ones: list[list[int]]) -> list[tuple[int, int]]:
    """A smallest set of axis planes (axis, index) such that every one-cell lies on one of them.

    A box with shortest side k is no cheaper than the k unit-thick slabs across that side, which cover more, so an
    optimal plan uses slabs of cost 1: a minimum cover of the cells by planes. Enumerate which planes to take along
    the axis with the fewest non-empty planes; the cells left over need a minimum vertex cover of the bipartite
    graph between the other two axes' planes, a maximum matching by König's theorem. Branches already as costly
    as the best plan found are cut.
    """
    used = [sorted({cell[axis] for cell in ones}) for axis in range(3)]
    axis = min(range(3), key=lambda a: len(used[a]))
    left_axis, right_axis = [a for a in range(3) if a != axis]
    layers = used[axis]
    best: list[tuple[int, int]] = [(axis, index) for index in layers]
    per_layer = {index: [0] * sizes[left_axis] for index in layers}
    for cell in ones:
        per_layer[cell[axis]][cell[left_axis]] |= 1 << cell[right_axis]
    for size in range(len(layers)):
        if size >= len(best):
            break
        for chosen in itertools.combinations(layers, size):
            adjacent = [0] * sizes[left_axis]
            for index in layers:
                if index not in chosen:
                    for left, row in enumerate(per_layer[index]):
                        adjacent[left] |= row
            owner = _maximum_matching(adjacent, sizes[right_axis])
            if size + sum(o != -1 for o in owner) < len(best):
                cover_left, cover_right = _vertex_cover(adjacent, sizes[right_axis])
                best = (
                    [(axis, index) for index in chosen]
                    + [(left_axis, left) for left in cover_left]
                    + [(right_axis, right) for right in cover_right]
                )
    return best


def _slab(sizes: list[int], axis: int, index: int) -> list[int]:
    box = []
    for a in range(3):
        box += [index, index + 1] if a == axis else [0, sizes[a]]
    return box


class Disinfection(Task):
    """An A×B×C grid holds some ones. An operation zeroes a box x ∈ [x1, x2), y ∈ [y1, y2), z ∈ [z1, z2) and costs
    min(x2 − x1, y2 − y1, z2 − z1); zero every one at the least total cost.

    The ones are a random subset of a random sub-grid (random x, y and z index sets).
    Difficulty: A, B, C uniform in [1, S] (not all 1), S = d + 2.
    Reward: -1 unparsable; -0.5 for a box outside the grid or empty; -0.2 if a one is left; otherwise
    (least cost / cost)^5.
    Answer: one operation per line as six integers x1 x2 y1 y2 z1 z2.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_side": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        side = self.ladder(difficulty)["max_side"]
        for _ in range(_DRAWS):
            sizes = [rng.randint(1, side) for _ in range(3)]
            if sizes != [1, 1, 1]:
                break
        else:
            sizes[rng.randrange(3)] = side
        picked = [rng.sample(range(size), rng.randint(1, size)) for size in sizes]
        cells = [list(cell) for cell in itertools.product(*picked)]
        ones = rng.sample(cells, rng.randint(1, len(cells)))
        parameters: dict[str, Any] = {"sizes": sizes, "ones": ones}
        planes = fewest_planes(sizes, ones)
        parameters["least_cost"] = len(planes)
        reference = "\n".join(" ".join(map(str, _slab(sizes, axis, index))) for axis, index in planes)
        return Instance(parameters, reference)

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        a, b, c = parameters["sizes"]
        cells = "\n".join(f"({x},{y},{z})" for x, y, z in parameters["ones"])
        return (
            f"A 3D grid of {a} × {b} × {c} cells (coordinates from 0) holds 0 everywhere except a 1 at these cells "
            f"(x,y,z):\n{cells}\n"
            "One operation picks a box x1 ≤ x < x2, y1 ≤ y < y2, z1 ≤ z < z2 with "
            f"0 ≤ x1 < x2 ≤ {a}, 0 ≤ y1 < y2 ≤ {b} and 0 ≤ z1 < z2 ≤ {c}, sets every cell in it to 0, and costs "
            "min(x2 − x1, y2 − y1, z2 − z1). Set every cell to 0 with the least total cost.\n"
            "Write one operation per line as six integers x1 x2 y1 y2 z1 z2 separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The least total cost."""
        return len(fewest_planes(parameters["sizes"], parameters["ones"]))

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        boxes = parse_int_rows(answer) if answer.strip() else []
        if any(len(box) != 6 for box in boxes):
            raise AnswerFormatError("each line must hold six integers x1 x2 y1 y2 z1 z2")
        sizes = parameters["sizes"]
        a, b, c = sizes
        # covered cells by a 3D difference array: corners ±1, then prefix sums along each axis
        marks = [[[0] * (c + 1) for _ in range(b + 1)] for _ in range(a + 1)]
        cost = 0
        for x1, x2, y1, y2, z1, z2 in boxes:
            if not (0 <= x1 < x2 <= a and 0 <= y1 < y2 <= b and 0 <= z1 < z2 <= c):
                return rewards.invalid("every box must be non-empty and inside the grid")
            cost += min(x2 - x1, y2 - y1, z2 - z1)
            for x, sx in ((x1, 1), (x2, -1)):
                for y, sy in ((y1, 1), (y2, -1)):
                    for z, sz in ((z1, 1), (z2, -1)):
                        marks[x][y][z] += sx * sy * sz
        for x, y, z in itertools.product(range(a + 1), range(b + 1), range(c + 1)):
            marks[x][y][z] += (
                (marks[x - 1][y][z] if x else 0)
                + (marks[x][y - 1][z] if y else 0)
                + (marks[x][y][z - 1] if z else 0)
                - (marks[x - 1][y - 1][z] if x and y else 0)
                - (marks[x - 1][y][z - 1] if x and z else 0)
                - (marks[x][y - 1][z - 1] if y and z else 0)
                + (marks[x - 1][y - 1][z - 1] if x and y and z else 0)
            )
        if any(marks[x][y][z] <= 0 for x, y, z in parameters["ones"]):
            return Verdict(_UNSUCCESSFUL, 0, True, "some cell with a 1 is not covered")
        return rewards.optimality(cost, parameters["least_cost"], _BETA, minimize=True)
