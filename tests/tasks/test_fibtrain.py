"""Fibtrain: the answer recovered from what the prompt shows (A, N, M, X) by trying every B, and the NOIP sample."""

from __future__ import annotations

import pytest

from rlve_gym.envs.math.fibtrain import Fibtrain

TASK = Fibtrain()


def answer_from_visible_data(first: int, stations: int, last: int, asked: int) -> int:
    """Find the station-2 boarding number from the final count by trying B = 1, 2, …, then replay by hand."""
    for second in range(1, 10_000):
        on, boarded = [first, second], first  # boarding at stations 1 and 2; onboard after station 2
        history = {1: first, 2: first}
        for station in range(3, stations):
            on.append(on[-1] + on[-2])
            boarded = boarded + on[-1] - on[-2]
            history[station] = boarded
        if history[stations - 1] == last:
            return history[asked]
        if history[stations - 1] > last:
            break
    raise AssertionError("no B fits")


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10])
def test_generated_instances_are_determined_by_the_prompt(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(answer_from_visible_data(p["A"], p["N"], p["M"], p["X"]))


def test_noip_sample_and_rewards() -> None:
    # NOIP 1998: a = 5, n = 7, m = 32, x = 4 → 13 (the station-2 number is 3)
    parameters = {"N": 7, "A": 5, "B": 3, "M": 32, "X": 4}
    assert answer_from_visible_data(5, 7, 32, 4) == 13
    assert TASK.solve(parameters) == 13
    assert TASK.score(parameters, "13").reward == 1.0
    assert TASK.score(parameters, "12").reward == 0.0
