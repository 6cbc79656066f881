"""DoubleCrossCounting: the run-length count against trying every (rows, column, lengths) tuple."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.double_cross_counting import DoubleCrossCounting, count_double_crosses

TASK = DoubleCrossCounting()


def count_by_listing(rows: int, columns: int, zeros: list[list[int]]) -> int:
    zero = {tuple(cell) for cell in zeros}
    total = 0
    for top, up, down, bottom in itertools.combinations(range(rows), 4):
        if down <= up + 1:
            continue
        for c in range(columns):
            if any((x, c) in zero for x in range(top, bottom + 1)):
                continue
            for u in range(1, columns):
                for w in range(u + 1, columns):
                    if c - w < 0 or c + w >= columns:
                        continue
                    if any((up, y) in zero for y in range(c - u, c + u + 1)):
                        continue
                    if any((down, y) in zero for y in range(c - w, c + w + 1)):
                        continue
                    total += 1
    return total


def parse_picture(picture: str) -> tuple[int, int, list[list[int]]]:
    lines = picture.split()
    zeros = [[x, y] for x, line in enumerate(lines) for y, ch in enumerate(line) if ch != "1"]
    return len(lines), len(lines[0]), zeros


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(count_by_listing(p["N"], p["M"], p["zeros"]))


def test_random_grids() -> None:
    rng = random.Random(12)
    for _ in range(25):
        rows, columns = rng.randint(4, 8), rng.randint(4, 8)
        cells = [[x, y] for x in range(rows) for y in range(columns)]
        zeros = rng.sample(cells, rng.randint(0, rows * columns // 6))
        assert count_double_crosses(rows, columns, zeros) == count_by_listing(rows, columns, zeros)


def test_hand_examples_and_rewards() -> None:
    smallest = "00100 01110 00100 11111 00100"
    assert count_double_crosses(*parse_picture(smallest)) == 1
    # HNOI's sample: 5 double crosses
    sample = "10001011 10111111 10001101 11111110 11111111 11101011"
    assert count_double_crosses(*parse_picture(sample)) == 5
    rows, columns, zeros = parse_picture(sample)
    parameters = {"N": rows, "M": columns, "zeros": zeros}
    assert TASK.score(parameters, "5").reward == 1.0
    assert TASK.score(parameters, "10").reward == pytest.approx(0.5**3)
    assert TASK.score(parameters, "-5").reward == -1.0
    assert TASK.score(parameters, "0").reward == 0.0
