"""MinSumPreXor: the bitwise fill against trying every fill of the blanks."""

import itertools
import random

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.min_sum_pre_xor import MinSumPreXor, fill_blanks, prefix_xor_sum

TASK = MinSumPreXor()


def brute_force_optimum(values: list[int]) -> int:
    # a bit above every known value can only add to the sum, so fills below 2^bits suffice
    bits = max(max(values), 1).bit_length()
    blanks = [i for i, v in enumerate(values) if v < 0]
    best = None
    for fills in itertools.product(range(1 << bits), repeat=len(blanks)):
        filled = list(values)
        for position, value in zip(blanks, fills):
            filled[position] = value
        total = prefix_xor_sum(filled)
        best = total if best is None else min(best, total)
    return best


def test_generated_instances_match_brute_force() -> None:
    checked = 0
    for difficulty in (0, 1, 2):
        for seed in range(12):
            problem = TASK.generate(seed, difficulty)
            values = problem.parameters["P"]
            if sum(v < 0 for v in values) > 3:
                continue
            checked += 1
            assert problem.parameters["optimum"] == brute_force_optimum(values)
            assert TASK.score(problem.parameters, problem.reference_answer).accuracy == 1
    assert checked >= 20


def test_random_arrays() -> None:
    rng = random.Random(4)
    for _ in range(150):
        values = [rng.choice([-1, rng.randint(0, 7)]) for _ in range(rng.randint(1, 6))]
        if sum(v < 0 for v in values) > 3:
            continue
        filled = fill_blanks(values)
        assert all(f >= 0 and (v < 0 or f == v) for v, f in zip(values, filled))
        assert prefix_xor_sum(filled) == brute_force_optimum(values)


def test_hand_example_and_rewards() -> None:
    # P = [-1, 3, 3]: B[1] = c, B[2] = c ^ 3, B[3] = c; c = 0 gives 3, c = 3 gives 6, c = 1 gives 1 + 2 + 1 = 4
    assert prefix_xor_sum(fill_blanks([-1, 3, 3])) == 3
    p = {"P": [-1, 3, 3], "optimum": 3}
    assert TASK.score(p, "0 3 3").reward == 1.0
    assert TASK.score(p, "1 3 3").reward < 1.0
    for bad in ("0 3 4", "-1 3 3", "0 3", "0 3 3 0"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
