"""FireworkShow: the tabulated DP against trying every vector of new edge lengths in [0, L]."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.graph.firework_show import FireworkShow, least_equalising_cost

TASK = FireworkShow()


def cost_by_listing(n: int, parents: list[list[int]], ceiling: int) -> int:
    leaves = [v for v in range(2, n + 1) if all(p != v for p, _ in parents)]
    best = None
    for lengths in itertools.product(range(ceiling + 1), repeat=n - 1):
        depth = [0] * (n + 1)
        for vertex, (parent, _) in enumerate(parents, start=2):
            depth[vertex] = depth[parent] + lengths[vertex - 2]
        if len({depth[v] for v in leaves}) == 1:
            cost = sum(abs(w - new) for (_, w), new in zip(parents, lengths))
            best = cost if best is None else min(best, cost)
    assert best is not None
    return best


def ceiling_for(n: int, parents: list[list[int]]) -> int:
    # one above the largest leaf distance, so the listing would see a gain from going beyond it
    depth = [0] * (n + 1)
    for vertex, (parent, w) in enumerate(parents, start=2):
        depth[vertex] = depth[parent] + w
    return max(depth) + 1


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        n, parents = problem.parameters["N"], problem.parameters["parents"]
        assert problem.reference_answer == str(cost_by_listing(n, parents, ceiling_for(n, parents)))


def test_random_trees() -> None:
    rng = random.Random(7)
    for _ in range(15):
        n = rng.randint(2, 5)
        parents = [[rng.randint(1, v - 1), rng.randint(1, 4)] for v in range(2, n + 1)]
        assert least_equalising_cost(n, parents) == cost_by_listing(n, parents, ceiling_for(n, parents))


def test_hand_example_and_rewards() -> None:
    # root with leaves at 3 and 7 through one shared edge of length 2: cost 4 whatever the target
    parents = [[1, 2], [2, 1], [2, 5]]
    assert least_equalising_cost(4, parents) == 4
    # three leaves at distances 1, 2, 9 below the root: move the two far ones to the median, cost 1 + 7
    assert least_equalising_cost(4, [[1, 1], [1, 2], [1, 9]]) == 8
    parameters = {"N": 4, "parents": parents}
    assert TASK.score(parameters, "4").reward == 1.0
    assert TASK.score(parameters, "5").reward == 0.0
