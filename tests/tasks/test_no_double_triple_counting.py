"""NoDoubleTripleCounting: the grid decomposition against counting subsets by backtracking."""

import pytest

from rlve_gym.core.registry import get_task
from rlve_gym.envs.counting.no_double_triple_counting import no_double_triple_subsets

TASK = get_task("NoDoubleTripleCounting")


def by_backtracking(n: int) -> int:
    chosen = [False] * (n + 1)

    def extend(x: int) -> int:
        if x > n:
            return 1
        total = extend(x + 1)
        if not (x % 2 == 0 and chosen[x // 2]) and not (x % 3 == 0 and chosen[x // 3]):
            chosen[x] = True
            total += extend(x + 1)
            chosen[x] = False
        return total

    return extend(1)


def test_matches_backtracking() -> None:
    for n in range(1, 19):
        assert no_double_triple_subsets(n) == by_backtracking(n)
    for seed in range(8):
        p = TASK.generate(seed, 0).parameters
        assert TASK.solve(p) == by_backtracking(p["N"])


def test_hand_example_and_rewards() -> None:
    # {1, 2, 3}: 1 excludes 2 and 3; the subsets are {}, {1}, {2}, {3}, {2, 3}
    p = {"N": 3}
    assert TASK.solve(p) == 5
    assert TASK.score(p, "5").reward == 1.0
    assert TASK.score(p, "10").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "0").reward == -1.0
