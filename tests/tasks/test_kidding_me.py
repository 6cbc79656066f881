"""KiddingMe: the missing-value DP against enumerating every matrix of increasing rows."""

from __future__ import annotations

import itertools

from rlve_gym.envs.counting.kidding_me import KiddingMe, count_matrices

TASK = KiddingMe()


def count_by_enumeration(rows: int, columns: int) -> int:
    increasing = list(itertools.combinations(range(columns + 1), columns))
    total = 0
    for matrix in itertools.product(increasing, repeat=rows):
        total += all(matrix[i][j] < matrix[i - 1][j + 1] for i in range(1, rows) for j in range(columns - 1))
    return total


def test_dp_matches_enumeration() -> None:
    for rows in range(1, 6):
        for columns in range(1, 6):
            assert count_matrices(rows, columns, 10**9 + 7) == count_by_enumeration(rows, columns), (rows, columns)


def test_generated_small_instances() -> None:
    for difficulty in (0, 1, 2):
        for seed in range(5):
            p = TASK.generate(seed, difficulty).parameters
            if p["N"] <= 5 and p["M"] <= 5:
                assert TASK.solve(p) == count_by_enumeration(p["N"], p["M"]) % p["MOD"]


def test_hand_example_and_rewards() -> None:
    # 2 × 2, values 0..2: rows (0,1), (0,2), (1,2); row 2 = (a, b) needs a < row1[1]: 2 + 3 + 3 = 8 pairs
    assert count_by_enumeration(2, 2) == 8
    parameters = {"N": 2, "M": 2, "MOD": 998244353, "count": 8}
    assert TASK.solve(parameters) == 8
    assert TASK.score(parameters, "8").reward == 1.0
    assert TASK.score(parameters, "7").reward == 0.0
    assert TASK.score(parameters, "998244353").reward == -0.5
