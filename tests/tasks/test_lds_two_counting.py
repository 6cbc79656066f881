"""LDSTwo_Counting: the path-product formula against checking every permutation."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.counting.lds_two_counting import LDSTwo_Counting, paths_above_diagonal

TASK = LDSTwo_Counting()


def avoids_321(permutation: tuple[int, ...]) -> bool:
    n = len(permutation)
    return not any(
        permutation[b] < max(permutation[:b]) and permutation[b] > min(permutation[b + 1 :]) for b in range(1, n - 1)
    )


def counts_by_enumeration(n: int) -> dict[tuple[int, int], int]:
    counts = dict.fromkeys(itertools.product(range(1, n + 1), repeat=2), 0)
    for permutation in itertools.permutations(range(1, n + 1)):
        if avoids_321(permutation):
            for position, value in enumerate(permutation, 1):
                counts[position, value] += 1
    return counts


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6, 7])
def test_formula_matches_enumeration_for_every_fixed_entry(n: int) -> None:
    for (x, y), count in counts_by_enumeration(n).items():
        assert TASK.solve({"N": n, "X": x, "Y": y}) == count, (n, x, y)


def test_path_counts_against_a_grid_dp() -> None:
    for sx, sy, tx, ty in itertools.product(range(5), repeat=4):
        ways = {}
        for x in range(sx, tx + 1):
            for y in range(sy, ty + 1):
                if x > y:
                    ways[x, y] = 0
                elif (x, y) == (sx, sy):
                    ways[x, y] = 1
                else:
                    ways[x, y] = ways.get((x - 1, y), 0) + ways.get((x, y - 1), 0)
        expected = ways.get((tx, ty), 0) if tx >= sx and ty >= sy else 0
        assert paths_above_diagonal((sx, sy), (tx, ty)) == expected, (sx, sy, tx, ty)


def test_generated_references_and_rewards() -> None:
    for difficulty in (0, 1, 2):
        for seed in range(4):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert int(problem.reference_answer) == counts_by_enumeration(p["N"])[p["X"], p["Y"]] > 0
    parameters = {"N": 3, "X": 2, "Y": 2}  # 123, 321 is excluded: only 123 has A[2] = 2
    assert TASK.solve(parameters) == 1
    assert TASK.score(parameters, "1").reward == 1.0
    assert TASK.score(parameters, "2").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "-1").reward == -1.0
