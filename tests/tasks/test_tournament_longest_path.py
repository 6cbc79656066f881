"""Tournament_LongestPath: the SCC construction against exhaustive search over simple paths."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.graph.tournament_longest_path import Tournament_LongestPath

TASK = Tournament_LongestPath()


def longest_by_search(n: int, edges: list[list[int]], start: int) -> int:
    out = {v: [t for s, t in edges if s == v] for v in range(n)}
    best = 0

    def extend(vertex: int, visited: set[int]) -> None:
        nonlocal best
        best = max(best, len(visited))
        for nxt in out[vertex]:
            if nxt not in visited:
                visited.add(nxt)
                extend(nxt, visited)
                visited.remove(nxt)

    extend(start, {start})
    return best


def random_tournament(rng: random.Random, n: int) -> list[list[int]]:
    return [[i, j] if rng.random() < 0.5 else [j, i] for i in range(n) for j in range(i + 1, n)]


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_search(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == longest_by_search(p["N"], p["edges"], p["S"])
        assert TASK.score(p, problem.reference_answer).reward == 1.0


def test_random_tournaments_every_start() -> None:
    rng = random.Random(3)
    for _ in range(40):
        n = rng.randint(1, 7)
        edges = random_tournament(rng, n)
        for start in range(n):
            p = {"N": n, "edges": edges, "S": start}
            path = TASK.solve(p)
            p["best"] = longest_by_search(n, edges, start)
            assert len(path) == p["best"]
            assert TASK.score(p, " ".join(map(str, path))).reward == 1.0


def test_hand_example_and_rewards() -> None:
    # 3-cycle 0 → 1 → 2 → 0, all beating 3
    p = {"N": 4, "edges": [[0, 1], [1, 2], [2, 0], [0, 3], [1, 3], [2, 3]], "S": 1, "best": 4}
    assert TASK.solve(p) == [1, 2, 0, 3]
    assert TASK.score(p, "1 2 0 3").reward == 1.0
    assert TASK.score(p, "1 3").reward == pytest.approx(0.5**5)
    for bad in ("0 1 2 3", "1 0", "1 2 1", "1 2 7"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "")
