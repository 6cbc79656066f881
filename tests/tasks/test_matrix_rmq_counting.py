"""MatrixRMQCounting: grouped inclusion-exclusion against every matrix (tiny sizes) and against plain
inclusion-exclusion cell by cell (generated instances)."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.matrix_rmq_counting import MatrixRMQCounting, count_matrices

TASK = MatrixRMQCounting()


def enumerate_matrices(height: int, width: int, largest: int, constraints: list[list[int]]) -> int:
    count = 0
    for cells in itertools.product(range(1, largest + 1), repeat=height * width):
        if all(
            max(cells[(x - 1) * width + (y - 1)] for x in range(x1, x2 + 1) for y in range(y1, y2 + 1)) == v
            for x1, y1, x2, y2, v in constraints
        ):
            count += 1
    return count


def plain_inclusion_exclusion(height: int, width: int, largest: int, constraints: list[list[int]]) -> int:
    """∑_S (-1)^|S| ∏_cells (cap of the cell when the constraints in S must stay below their value)."""
    total = 0
    for size in range(len(constraints) + 1):
        for subset in itertools.combinations(range(len(constraints)), size):
            product = 1
            for x in range(1, height + 1):
                for y in range(1, width + 1):
                    cap = largest
                    for index, (x1, y1, x2, y2, v) in enumerate(constraints):
                        if x1 <= x <= x2 and y1 <= y <= y2:
                            cap = min(cap, v - (index in subset))
                    product *= cap
            total += (-1) ** size * product
    return total


def test_against_every_matrix() -> None:
    rng = random.Random(5)
    for _ in range(120):
        height, width, largest = rng.randint(1, 3), rng.randint(1, 2), rng.randint(1, 3)
        constraints = []
        for _ in range(rng.randint(1, 4)):
            x1, y1 = rng.randint(1, height), rng.randint(1, width)
            constraints.append([x1, y1, rng.randint(x1, height), rng.randint(y1, width), rng.randint(1, largest)])
        expected = enumerate_matrices(height, width, largest, constraints)
        assert count_matrices(height, width, largest, constraints, 10**9) == expected
        assert count_matrices(height, width, largest, constraints, 7) == expected % 7


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_against_plain_inclusion_exclusion(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        expected = plain_inclusion_exclusion(p["H"], p["W"], p["M"], p["constraints"]) % p["modulus"]
        assert TASK.solve(p) == expected == int(problem.reference_answer)


def test_hand_example_and_range() -> None:
    # 1×2 over [1, 3] with max = 2 over both cells: (1,2), (2,1), (2,2)
    p = {"H": 1, "W": 2, "M": 3, "constraints": [[1, 1, 1, 2, 2]], "modulus": 1000}
    assert TASK.solve(p) == 3
    assert TASK.score(p, "3").reward == 1.0
    assert TASK.score(p, "4").reward == 0.0
    assert TASK.score(p, "1000").reward == rewards.INVALID_SOLUTION
    # a second rectangle whose maximum exceeds the first one's on a cell it shares with it: cell 2 must be 3
    p = {"H": 1, "W": 2, "M": 3, "constraints": [[1, 1, 1, 1, 1], [1, 1, 1, 2, 3]], "modulus": 1000}
    assert TASK.solve(p) == 1
