"""CowDanceShow: the heap simulation against a clock that ticks one time unit at a time."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.algorithmic.cow_dance_show import CowDanceShow

TASK = CowDanceShow()


def tick_simulation(durations: list[int], places: int) -> int:
    waiting = list(range(len(durations)))
    stage: list[int] = []  # remaining time of each cow on stage
    time = 0
    while waiting or stage:
        while waiting and len(stage) < places:
            stage.append(durations[waiting.pop(0)])
        time += 1
        stage = [left - 1 for left in stage if left > 1]
    return time


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_instances_match_tick_simulation(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(tick_simulation(p["d"], p["K"]))


def test_random_cases() -> None:
    rng = random.Random(2)
    for _ in range(100):
        n = rng.randint(3, 12)
        durations = [rng.randint(1, 9) for _ in range(n)]
        places = rng.randint(1, n)
        assert TASK.solve({"d": durations, "K": places}) == tick_simulation(durations, places)


def test_hand_example() -> None:
    # stage of 2: cows 1 (4) and 2 (7); cow 3 enters at 4 → ends 7; cow 4 enters at 7 → ends 10
    assert TASK.solve({"d": [4, 7, 3, 3], "K": 2}) == 10
    assert TASK.score({"d": [4, 7, 3, 3], "K": 2}, "9").reward == 0.0
