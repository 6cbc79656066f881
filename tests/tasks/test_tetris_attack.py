"""TetrisAttack: the stack sweep against breadth-first search over arrays, and the interleaved-pairs bound."""

from __future__ import annotations

import itertools
import random
from collections import deque

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.tetris_attack import TetrisAttack, collapse

TASK = TetrisAttack()


def fewest_swaps_by_bfs(values: list[int]) -> int:
    start = tuple(values)
    seen = {start: 0}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        if not state:
            return seen[state]
        for i in range(len(state) - 1):
            moved = list(state)
            moved[i], moved[i + 1] = moved[i + 1], moved[i]
            # removal by repeated scanning, independent of the task's stack pass
            changed = True
            while changed:
                changed = False
                for j in range(len(moved) - 1):
                    if moved[j] == moved[j + 1]:
                        del moved[j : j + 2]
                        changed = True
                        break
            after = tuple(moved)
            if after not in seen:
                seen[after] = seen[state] + 1
                queue.append(after)
    raise AssertionError("unreachable: an array of pairs can always be emptied")


def interleaved_pairs(values: list[int]) -> int:
    first = {v: values.index(v) for v in set(values)}
    last = {v: len(values) - 1 - values[::-1].index(v) for v in set(values)}
    return sum(
        first[a] < first[b] < last[a] < last[b] or first[b] < first[a] < last[b] < last[a]
        for a, b in itertools.combinations(sorted(first), 2)
    )


@pytest.mark.parametrize("difficulty", [0, 1])
def test_generated_instances_match_bfs(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        values = problem.parameters["A"]
        assert problem.parameters["best"] == fewest_swaps_by_bfs(values) == interleaved_pairs(values)
        assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_random_arrays_with_four_pairs() -> None:
    rng = random.Random(1)
    for _ in range(25):
        values = [0, 0, 1, 1, 2, 2, 3, 3]
        rng.shuffle(values)
        stable = collapse(values)
        if not stable:
            continue
        swaps = TASK.solve({"A": stable})
        assert len(swaps) == fewest_swaps_by_bfs(stable)
        assert TASK.score({"A": stable, "best": len(swaps)}, " ".join(map(str, swaps))).reward == 1.0


def test_larger_generated_instances_hit_the_bound() -> None:
    for seed in range(5):
        problem = TASK.generate(seed, 10)
        assert problem.parameters["best"] == interleaved_pairs(problem.parameters["A"])


def test_hand_example_and_rewards() -> None:
    p = {"A": [0, 1, 0, 1], "best": 1}
    assert TASK.solve(p) == [1]  # 0 1 0 1 → swap A[1], A[2] → 0 0 1 1 → empty
    assert TASK.score(p, "1").reward == 1.0
    assert TASK.score(p, "0").reward == 1.0  # 1 0 0 1 → 1 1 → empty
    assert TASK.score(p, "").reward == -0.2
    assert TASK.score(p, "3").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 0").reward == rewards.INVALID_SOLUTION  # the array is empty after the first swap
    assert TASK.score(p, "2 2").reward == rewards.INVALID_SOLUTION
    three = {"A": [0, 1, 2, 0, 1, 2], "best": 3}
    reference = TASK.solve(three)
    assert len(reference) == 3
    wasteful = " ".join(map(str, [0, 0, *reference]))  # swap A[0] and A[1] there and back first
    assert TASK.score(three, wasteful).reward == pytest.approx((3 / 5) ** 5)
    assert TASK.score(three, "0").reward == -0.2
