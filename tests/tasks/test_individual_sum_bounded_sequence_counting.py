"""IndividualSumBounded_SequenceCounting: the closed form against enumerating the sequences."""

from __future__ import annotations

import itertools

from rlve_gym.envs.counting.individual_sum_bounded_sequence_counting import IndividualSumBounded_SequenceCounting

TASK = IndividualSumBounded_SequenceCounting()


def count_by_enumeration(n: int, length: int, largest: int) -> int:
    return sum(max(0, n - sum(tail)) for tail in itertools.product(range(1, largest + 1), repeat=length - 1))


def test_reference_matches_enumeration() -> None:
    for difficulty in (0, 1, 2, 3):
        for seed in range(8):
            p = TASK.generate(seed, difficulty).parameters
            assert 1 + p["M"] * (p["K"] - 1) <= p["N"]
            expected = count_by_enumeration(p["N"], p["K"], p["M"]) % p["MOD"]
            assert TASK.solve(p) == expected


def test_closed_form_on_a_grid_of_small_cases() -> None:
    for n in range(2, 12):
        for length in range(2, n + 1):
            for largest in range(1, (n - 1) // (length - 1) + 1):
                parameters = {"N": n, "K": length, "M": largest, "MOD": 10**9 + 7}
                assert TASK.solve(parameters) == count_by_enumeration(n, length, largest)


def test_large_levels_stay_exact_and_fast() -> None:
    problem = TASK.generate(3, 40)
    assert problem.parameters["N"] > 10**6
    assert 0 <= int(problem.reference_answer) < problem.parameters["MOD"]


def test_hand_example_and_rewards() -> None:
    # K = 2, M = 2, N = 4: X[2] = 1 leaves X[1] in 1..3, X[2] = 2 leaves 1..2: 5 sequences
    parameters = {"N": 4, "K": 2, "M": 2, "MOD": 3}
    assert count_by_enumeration(4, 2, 2) == 5
    assert TASK.score(parameters, "2").reward == 1.0
    assert TASK.score(parameters, "1").reward == 0.0
    assert TASK.score(parameters, "5").reward == -0.5
