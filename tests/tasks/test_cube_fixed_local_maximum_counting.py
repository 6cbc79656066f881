"""Cube_FixedLocalMaximumCounting: the inversion formula against the exact distribution of dominant cells,
found by placing the values from the largest down over every subset of filled cells."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest

from rlve_gym.envs.counting.cube_fixed_local_maximum_counting import Cube_FixedLocalMaximumCounting

TASK = Cube_FixedLocalMaximumCounting()
PRIME = 998244353


def dominant_distribution(n: int, m: int, l: int) -> list[Fraction]:
    """P(exactly k dominant cells) for every k. Fill values from the largest down: a cell is dominant exactly
    when none of the cells sharing a coordinate with it is filled yet."""
    cells = list(itertools.product(range(n), range(m), range(l)))
    lines = [
        sum(1 << j for j, other in enumerate(cells) if other != cell and any(a == b for a, b in zip(cell, other)))
        for cell in cells
    ]
    ways: dict[int, list[int]] = {0: [1] + [0] * len(cells)}
    for _ in cells:
        step: dict[int, list[int]] = {}
        for filled, counts in ways.items():
            for j in range(len(cells)):
                if filled >> j & 1:
                    continue
                shift = 0 if filled & lines[j] else 1
                target = step.setdefault(filled | 1 << j, [0] * (len(cells) + 1))
                for k, count in enumerate(counts[: len(cells)]):
                    target[k + shift] += count
        ways = step
    (counts,) = ways.values()
    return [Fraction(count, math.factorial(len(cells))) for count in counts]


def as_residue(value: Fraction) -> int:
    return value.numerator * pow(value.denominator, -1, PRIME) % PRIME


@pytest.mark.parametrize("shape", [(2, 2, 2), (2, 2, 3), (2, 3, 2), (3, 2, 2), (1, 3, 4), (3, 3, 1)])
def test_formula_matches_exact_distribution(shape: tuple[int, int, int]) -> None:
    distribution = dominant_distribution(*shape)
    assert sum(distribution) == 1
    for k in range(1, min(shape) + 1):
        parameters = {"N": shape[0], "M": shape[1], "L": shape[2], "K": k}
        assert TASK.solve(parameters) == as_residue(distribution[k]), (shape, k)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_references_are_residues_of_exact_fractions(difficulty: int) -> None:
    for seed in range(5):
        p = TASK.generate(seed, difficulty).parameters
        n, m, l, k = p["N"], p["M"], p["L"], p["K"]
        lines = [(n - x) * (m - x) * (l - x) for x in range(min(n, m, l) + 1)]
        # the same expansion in exact rationals: a residue slip (inverse, sign, binomial) would show here
        expected = [Fraction(1)]
        for i in range(1, min(n, m, l) + 1):
            expected.append(expected[-1] * lines[i - 1] / (lines[0] - lines[i]))
        exact = sum((-1) ** (i - k) * math.comb(i, k) * expected[i] for i in range(k, len(expected)))
        assert 0 <= exact <= 1
        assert TASK.generate(seed, difficulty).reference_answer == str(as_residue(exact))


def test_rewards() -> None:
    parameters = {"N": 2, "M": 2, "L": 2, "K": 2}
    gold = TASK.solve(parameters)
    assert TASK.score(parameters, str(gold)).reward == 1.0
    assert TASK.score(parameters, str(gold + PRIME)).reward == -0.5
    assert TASK.score(parameters, str((gold + 1) % PRIME)).reward == 0.0
