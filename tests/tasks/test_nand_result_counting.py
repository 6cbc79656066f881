"""NANDResultCounting: the column-class count against closing the given numbers under NAND."""

import random

import pytest

from rlve_gym.envs.counting.nand_result_counting import NANDResultCounting, nand_count

TASK = NANDResultCounting()


def closure_count(numbers: list[int], bits: int, low: int, high: int) -> int:
    full = (1 << bits) - 1
    reachable = set(numbers)
    while True:
        grown = reachable | {~(a & b) & full for a in reachable for b in reachable}
        if grown == reachable:
            break
        reachable = grown
    return sum(low <= value <= high for value in reachable)


def test_generated_instances_match_closure() -> None:
    for difficulty in (0, 1, 2, 3, 4):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert int(problem.reference_answer) == closure_count(p["numbers"], p["K"], p["L"], p["R"])


def test_random_numbers() -> None:
    rng = random.Random(18)
    for _ in range(200):
        bits = rng.randint(1, 6)
        numbers = [rng.randrange(1 << bits) for _ in range(rng.randint(1, 4))]
        low, high = sorted((rng.randrange(1 << bits), rng.randrange(1 << bits)))
        assert nand_count(numbers, bits, low, high) == closure_count(numbers, bits, low, high)


def test_hand_example_and_rewards() -> None:
    # 3 bits, both numbers 0b011: bits 0 and 1 share the column (1, 1), bit 2 has (0, 0); obtainable values are
    # 000, 011, 100 and 111
    p = {"K": 3, "numbers": [3, 3], "L": 0, "R": 7}
    assert TASK.solve(p) == 4
    assert TASK.score(p, "4").reward == 1.0
    assert TASK.score(p, "8").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "0").reward == 0.0
    assert TASK.score(p, "-4").reward == -1.0
