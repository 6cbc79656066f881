"""ShortestPathCountConstruction: the path counter against enumeration; the constructions against the bound."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.graph.shortest_path_count_construction import (
    ShortestPathCountConstruction,
    count_shortest_paths,
    ladder_graph,
    layered_graph,
    small_graph,
    vertex_bound,
)

TASK = ShortestPathCountConstruction()


def brute_force(rows: list[str]) -> int:
    """Count the simple paths from vertex 1 to vertex 2 of the least length, by listing every simple path."""
    n = len(rows)
    lengths: list[int] = []

    def walk(path: list[int]) -> None:
        if path[-1] == 1:
            lengths.append(len(path))
            return
        for v in range(n):
            if rows[path[-1]][v] == "Y" and v not in path:
                walk([*path, v])

    walk([0])
    return lengths.count(min(lengths)) if lengths else 0


def walk_count(rows: list[str]) -> int:
    """Walks of the least length from vertex 1 to vertex 2 (a walk of least length is a shortest path): powers of
    the adjacency matrix applied to the indicator of vertex 1."""
    n = len(rows)
    walks = [1] + [0] * (n - 1)
    for _ in range(n):
        walks = [sum(walks[u] for u in range(n) if rows[v][u] == "Y") for v in range(n)]
        if walks[1]:
            return walks[1]
    return 0


def random_graph(rng: random.Random, n: int, density: float) -> list[str]:
    matrix = [["N"] * n for _ in range(n)]
    for u, v in itertools.combinations(range(n), 2):
        if rng.random() < density:
            matrix[u][v] = matrix[v][u] = "Y"
    return ["".join(row) for row in matrix]


def test_path_counter_matches_path_enumeration() -> None:
    rng = random.Random(0)
    for _ in range(200):
        rows = random_graph(rng, rng.randint(2, 8), rng.choice([0.2, 0.4, 0.6]))
        assert count_shortest_paths(rows) == brute_force(rows) == walk_count(rows)


def test_constructions_count_right_and_respect_the_bound() -> None:
    for k in range(1, 120):
        for build in (ladder_graph, layered_graph):
            assert walk_count(build(k)) == k
    for k in [*range(3, 700), 2**20 - 1, 2**20, 3**12]:
        rows = small_graph(k)
        assert count_shortest_paths(rows) == k
        bound = vertex_bound(k)
        assert bound is None or len(rows) < bound
    for k in (3, 11, 12, 13, 17, 31, 33, 1000):
        rows = small_graph(k)
        assert TASK.score({"K": k}, "\n".join([str(len(rows)), *rows])).reward == 1.0


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_references_are_accepted(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        lines = problem.reference_answer.split("\n")
        assert walk_count(lines[1:]) == problem.parameters["K"]


def test_hand_answers() -> None:
    trivial_three = "5\nNNYYY\nNNYYY\nYYNNN\nYYNNN\nYYNNN"  # 3 middle vertices
    assert TASK.score({"K": 3}, trivial_three).reward == 1.0
    assert TASK.score({"K": 4}, trivial_three).reward == pytest.approx((3 / 4) ** 10)
    assert TASK.score({"K": 3}, "2\nNN\nNN").reward == 0.0  # no path at all
    trivial_twelve = ["NN" + "Y" * 12, "NN" + "Y" * 12] + ["YY" + "N" * 12] * 12
    assert TASK.score({"K": 12}, "\n".join(["14", *trivial_twelve])).reward == rewards.INVALID_SOLUTION
    for bad in ("2\nNY\nNN", "2\nYN\nNN", "3\nNNY\nNNY", "1\nN", "x", "2\nNA\nAN"):
        with pytest.raises(AnswerFormatError):
            TASK.score({"K": 3}, bad)
