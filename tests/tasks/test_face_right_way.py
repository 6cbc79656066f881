"""FaceRightWay: the greedy per window length against trying every set of window starts."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.optimization.face_right_way import FaceRightWay, best_plan

TASK = FaceRightWay()


def best_by_listing(values: list[int]) -> tuple[int, int]:
    n = len(values)
    best = None
    for window in range(1, n + 1):
        starts = range(n - window + 1)
        for count in range(len(starts) + 1):
            if best is not None and count > best[0]:
                break
            for chosen in itertools.combinations(starts, count):
                result = list(values)
                for start in chosen:
                    for i in range(start, start + window):
                        result[i] ^= 1
                if not any(result):
                    if best is None or (count, window) < best:
                        best = (count, window)
                    break
    assert best is not None
    return best


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        values = problem.parameters["A"]
        fewest, window, _ = best_plan(values)
        assert (fewest, window) == best_by_listing(values)
        assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_random_arrays() -> None:
    rng = random.Random(2)
    for _ in range(40):
        values = [rng.randint(0, 1) for _ in range(rng.randint(1, 7))]
        if any(values):
            assert best_plan(values)[:2] == best_by_listing(values)


def test_hand_made_answers() -> None:
    parameters = {"A": [1, 1, 0, 1, 1]}  # two flips of length 2; a single flip cannot do it
    assert best_plan(parameters["A"])[:2] == (2, 2)
    assert TASK.score(parameters, "1 2\n4 5").reward == 1.0
    assert TASK.score(parameters, "4 5\n1 2").reward == 1.0
    assert TASK.score(parameters, "1 1\n2 2\n4 4\n5 5").reward == pytest.approx(0.5 * (2 / 4) ** 5)
    assert TASK.score(parameters, "1 3\n3 5").reward == pytest.approx(0.5 + 0.5 * (2 / 3) ** 5)
    assert TASK.score(parameters, "1 2").reward == -0.2
    assert TASK.score(parameters, "").reward == -0.2
    assert TASK.score(parameters, "1 2\n4 6").reward == -0.5
    assert TASK.score(parameters, "1 2\n3 5").reward == -0.5
    assert TASK.verify(TASK.generate(0, 0), "<answer>1 2 3</answer>").reward == -1.0
