"""TriumphalArch: the need-count binary search against solving the game by exhaustive search."""

from __future__ import annotations

import functools
import itertools
import random

import pytest

from rlve_gym.envs.graph.triumphal_arch import TriumphalArch

TASK = TriumphalArch()


def least_k_by_search(n: int, edges: list[list[int]]) -> int:
    neighbours = [[] for _ in range(n)]
    for u, v in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    everything = (1 << n) - 1

    if n == 1:
        return 0
    for per_turn in range(1, n + 1):  # with K = 0 nothing changes and Bob steps onto white

        @functools.cache
        def alice_to_move(bob: int, black: int, per_turn: int = per_turn) -> bool:
            white = [v for v in range(n) if not black >> v & 1]
            if not white:
                return True
            for chosen in itertools.combinations(white, min(per_turn, len(white))):
                after = black | sum(1 << v for v in chosen)
                # Bob may stay, or step anywhere adjacent; he wins on any white vertex
                if after == everything or all(
                    after >> w & 1 and alice_to_move(w, after) for w in [bob, *neighbours[bob]]
                ):
                    return True
            return False

        if alice_to_move(0, 1):
            return per_turn
    raise AssertionError("Alice always wins with K = n")


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_game_search(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(least_k_by_search(p["N"], p["edges"]))


def test_random_trees() -> None:
    rng = random.Random(31)
    for _ in range(25):
        n = rng.randint(2, 7)
        edges = [[rng.randint(0, v - 1), v] for v in range(1, n)]
        assert TASK.solve({"N": n, "edges": edges}) == least_k_by_search(n, edges)


def test_hand_examples_and_rewards() -> None:
    star = {"N": 4, "edges": [[0, 1], [0, 2], [0, 3]]}  # all three leaves must go black at once
    assert TASK.solve(star) == 3
    # root with two children, each with two leaves: blacken both children, then the two leaves below whichever
    # child Bob walks to
    p = {"N": 7, "edges": [[0, 1], [0, 2], [1, 3], [1, 4], [2, 5], [2, 6]]}
    assert TASK.solve(p) == 2 == least_k_by_search(7, p["edges"])
    assert TASK.score(p, "2").reward == 1.0
    assert TASK.score(p, "3").reward == 0.0
