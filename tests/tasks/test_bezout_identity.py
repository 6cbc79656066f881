"""BezoutIdentity: the smallest positive combination found by brute force is gcd(A), which the reference hits."""

import itertools
import math
from functools import reduce

from rlve_gym import get_task


def test_smallest_positive_combination_is_the_gcd() -> None:
    task = get_task("BezoutIdentity")
    for seed in range(15):
        problem = task.generate(seed, 0)
        a, b = problem.parameters["A"]
        smallest = min(a * x + b * y for x, y in itertools.product(range(-70, 71), repeat=2) if a * x + b * y > 0)
        assert smallest == reduce(math.gcd, [a, b])
        multipliers = list(map(int, problem.reference_answer.split()))
        assert sum(p * q for p, q in zip(problem.parameters["A"], multipliers, strict=True)) == smallest


def test_reference_reaches_the_gcd_at_larger_sizes_and_scoring() -> None:
    task = get_task("BezoutIdentity")
    for seed in range(10):
        problem = task.generate(seed, 6)
        numbers = problem.parameters["A"]
        multipliers = list(map(int, problem.reference_answer.split()))
        assert sum(p * q for p, q in zip(numbers, multipliers, strict=True)) == reduce(math.gcd, numbers)
    problem = task.generate(0, 0)
    a, b = problem.parameters["A"]
    assert task.verify(problem, "<answer>0 0</answer>").reward == -0.5  # S = 0 is not positive
    assert task.verify(problem, "<answer>1</answer>").reward == -0.5  # wrong count
    total = abs(a) + abs(b)
    gcd = math.gcd(a, b)
    signs = f"{1 if a > 0 else -1} {1 if b > 0 else -1}"
    assert task.verify(problem, f"<answer>{signs}</answer>").reward == (gcd / total) ** 5
