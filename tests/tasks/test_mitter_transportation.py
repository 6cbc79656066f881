"""MitterTransportation: the multiplier grouping against propagating every candidate root value down the tree."""

import random
from fractions import Fraction

from rlve_gym.envs.graph.mitter_transportation import MitterTransportation, fewest_changes

TASK = MitterTransportation()


def by_propagation(parents: list[int], values: list[int]) -> int:
    """For each vertex kept as is, the forced value of every vertex (root value pushed down, split evenly among
    children, with exact fractions); count the vertices that already hold it."""
    n = len(values)
    children: list[list[int]] = [[] for _ in range(n)]
    for vertex, parent in enumerate(parents, start=1):
        children[parent].append(vertex)
    depth_order, path_to_root = [0], {0: [0]}
    for u in depth_order:
        for v in children[u]:
            path_to_root[v] = [*path_to_root[u], v]
            depth_order.append(v)
    best = 0
    for anchor in range(n):
        # climb from the anchor to the root: a parent holds (number of children) × a child's value
        root_value = Fraction(values[anchor])
        for child in reversed(path_to_root[anchor][1:]):
            root_value *= len(children[parents[child - 1]])
        forced = {0: root_value}
        for u in depth_order:
            for v in children[u]:
                forced[v] = forced[u] / len(children[u])
        best = max(best, sum(forced[v] == values[v] for v in range(n)))
    return n - best


def test_generated_instances_match_propagation() -> None:
    for difficulty in (0, 1, 2, 5, 10):
        for seed in range(10):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert int(problem.reference_answer) == by_propagation(p["parents"], p["A"])


def test_random_trees() -> None:
    rng = random.Random(14)
    for _ in range(150):
        n = rng.randint(1, 9)
        parents = [rng.randint(0, v - 1) for v in range(1, n)]
        values = [rng.randint(1, 6) for _ in range(n)]
        assert fewest_changes(parents, values) == by_propagation(parents, values)


def test_hand_example_and_rewards() -> None:
    # root 0 with children 1 and 2: A = [4, 2, 3] keeps 0 and 1 (2 + 2 = 4) and changes 2
    p = {"parents": [0, 0], "A": [4, 2, 3]}
    assert TASK.solve(p) == 1
    assert TASK.score(p, "1").reward == 1.0
    assert TASK.score(p, "2").reward == 0.0
