"""GradeRankingCounting: the factorised count against enumerating every small matrix."""

from __future__ import annotations

import itertools
import math
from collections import Counter

from rlve_gym.envs.counting.grade_ranking_counting import GradeRankingCounting

TASK = GradeRankingCounting()
MOD = 998244353


def histogram(n: int, bounds: list[int]) -> Counter:
    """(R, K) of every n × len(bounds) matrix with entries A[i][j] in [1, bounds[j]]."""
    m = len(bounds)
    rows = list(itertools.product(*(range(1, u + 1) for u in bounds)))
    counts: Counter = Counter()
    for table in itertools.product(rows, repeat=n):
        top = table[0]
        above = tuple(sum(row[j] > top[j] for row in table[1:]) for j in range(m))
        dominated = sum(all(top[j] >= row[j] for j in range(m)) for row in table[1:])
        counts[above, dominated] += 1
    return counts


def test_formula_matches_enumeration_for_every_statistic() -> None:
    shapes = [(2, [2, 2]), (3, [2, 3]), (3, [3, 1, 2]), (2, [3, 3, 2]), (4, [2, 2])]
    for n, bounds in shapes:
        counts = histogram(n, bounds)
        statistics = list(itertools.product(*(range(n) for _ in bounds)))
        for above in statistics:
            for dominated in range(n):
                parameters = {"N": n, "M": len(bounds), "U": bounds, "R": list(above), "K": dominated, "MOD": MOD}
                assert TASK.solve(parameters) == counts[above, dominated] % MOD, (n, bounds, above, dominated)


def test_generated_small_instances_match_enumeration() -> None:
    checked = 0
    for difficulty in (0, 1, 2):
        for seed in range(12):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            if math.prod(p["U"]) ** p["N"] > 20000:
                continue  # too many matrices to enumerate
            counts = histogram(p["N"], p["U"])
            assert int(problem.reference_answer) == counts[tuple(p["R"]), p["K"]] % p["MOD"] > 0
            checked += 1
    assert checked >= 10


def test_hand_example_and_rewards() -> None:
    # 2 × 1, U = [2]: (1,1) (2,1) (2,2) have row 1 not above and dominated; (1,2) has it above
    parameters = {"N": 2, "M": 1, "U": [2], "R": [0], "K": 1, "MOD": MOD}
    assert TASK.solve(parameters) == 3
    assert TASK.solve({**parameters, "R": [1], "K": 0}) == 1
    assert TASK.solve({**parameters, "R": [1], "K": 1}) == 0
    parameters["count"] = 3
    assert TASK.score(parameters, "3").reward == 1.0
    assert TASK.score(parameters, "4").reward == 0.0
    assert TASK.score(parameters, "-3").reward == -0.5
