"""RoyalLockCounting: the packed row DP against backtracking over every placement of kings."""

from __future__ import annotations

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.counting.royal_lock_counting import RoyalLockCounting

TASK = RoyalLockCounting()


def placements_by_size(n: int) -> list[int]:
    """counts[k] for every k, by trying squares in order and skipping those a placed king attacks."""
    counts = [0] * (n * n + 1)
    squares = [(r, c) for r in range(n) for c in range(n)]

    def extend(start: int, placed: list[tuple[int, int]]) -> None:
        counts[len(placed)] += 1
        for index in range(start, len(squares)):
            r, c = squares[index]
            if all(max(abs(r - pr), abs(c - pc)) > 1 for pr, pc in placed):
                placed.append((r, c))
                extend(index + 1, placed)
                placed.pop()

    extend(0, [])
    return counts


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_every_count_matches_backtracking(n: int) -> None:
    counts = placements_by_size(n)
    for kings in range(1, n * n + 1):
        assert TASK.solve({"N": n, "K": kings}) == counts[kings], (n, kings)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(placements_by_size(p["N"])[p["K"]])


def test_hand_example_and_rewards() -> None:
    p = {"N": 3, "K": 2}  # 36 pairs of squares, 20 of them adjacent
    assert TASK.solve(p) == 16
    assert TASK.score(p, "16").reward == 1.0
    assert TASK.score(p, "8").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "0").reward == 0.0
    assert TASK.score(p, "-16").reward == -1.0
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "sixteen")
