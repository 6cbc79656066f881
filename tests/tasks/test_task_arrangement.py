"""TaskArrangement: the charge-forward DP against simulating every one of the 2^(N-1) batch splits."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.task_arrangement import TaskArrangement, batch_cost

TASK = TaskArrangement()


def brute_best(times: list[int], weights: list[int], startup: int) -> int:
    n = len(times)
    best = None
    for cut_count in range(n):
        for cuts in itertools.combinations(range(1, n), cut_count):
            clock = cost = 0
            previous = 0
            for end in [*cuts, n]:
                clock += startup
                for task in range(previous, end):
                    clock += times[task]
                cost += clock * sum(weights[previous:end])
                previous = end
            best = cost if best is None else min(best, cost)
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_all_splits(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        best = brute_best(p["T"], p["F"], p["S"])
        assert p["best"] == best == TASK.solve(p)[1]
        ends = [int(x) for x in problem.reference_answer.split()]
        assert batch_cost(p["T"], p["F"], p["S"], ends) == best


def test_random_instances() -> None:
    rng = random.Random(2)
    for _ in range(60):
        n = rng.randint(1, 8)
        times = [rng.randint(1, 5) for _ in range(n)]
        weights = [rng.randint(1, 5) for _ in range(n)]
        startup = rng.randint(0, 6)
        assert TASK.solve({"T": times, "F": weights, "S": startup})[1] == brute_best(times, weights, startup)


def test_hand_example_and_rewards() -> None:
    # no start-up, two unit tasks: one batch finishes both at 2 (cost 4); two batches finish at 1 and 2 (cost 3)
    p = {"S": 0, "T": [1, 1], "F": [1, 1]}
    p["best"] = TASK.solve(p)[1]
    assert p["best"] == 3 and TASK.solve(p)[0] == [1, 2]
    assert TASK.score(p, "1 2").reward == 1.0
    assert TASK.score(p, "2").reward == pytest.approx((3 / 4) ** 3)
    for bad in ("1", "2 2", "0 2", "2 1", "1 2 3"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "")
