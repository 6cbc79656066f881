"""LinkBeads: the rooted pair DP against simulating every Append/Insert sequence that builds the tree."""

from __future__ import annotations

import random
from functools import cache

from rlve_gym.envs.graph.link_beads import LinkBeads, most_blue

TASK = LinkBeads()


def most_blue_by_simulation(n: int, edges: list[list[int]]) -> int:
    """Search all operation sequences. Blue wires are never removed, so both must be tree edges; a red wire that is
    not a tree edge must later be split, so it must join two vertices at tree distance 2 whose middle is absent."""
    weight = {frozenset((u, v)): w for u, v, w in edges}
    tree = frozenset(weight)
    middle = {}
    for x in range(n):
        around = [v for v in range(n) if frozenset((x, v)) in tree]
        for i, a in enumerate(around):
            for b in around[i + 1 :]:
                middle[frozenset((a, b))] = x

    def red_allowed(wire: frozenset, present: frozenset) -> bool:
        return wire in tree or (wire in middle and middle[wire] not in present)

    @cache
    def best(present: frozenset, red: frozenset, blue: frozenset) -> int:
        if len(present) == n:
            return sum(weight[w] for w in blue) if red | blue == tree else -1
        result = -1
        for x in range(n):
            if x in present:
                continue
            for v in present:
                wire = frozenset((x, v))
                if red_allowed(wire, present | {x}):
                    result = max(result, best(present | {x}, red | {wire}, blue))
            for wire in red:
                u, v = tuple(wire)
                halves = frozenset((u, x)), frozenset((x, v))
                if all(half in tree for half in halves):
                    result = max(result, best(present | {x}, red - {wire}, blue | set(halves)))
        return result

    return max(best(frozenset({start}), frozenset(), frozenset()) for start in range(n))


def test_reference_matches_simulation() -> None:
    for difficulty in (0, 1, 2):
        for seed in range(4):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert int(problem.reference_answer) == most_blue_by_simulation(p["N"], p["edges"])


def test_random_trees() -> None:
    rng = random.Random(3)
    for _ in range(25):
        n = rng.randint(2, 6)
        order = rng.sample(range(n), n)
        edges = [[order[i], order[rng.randrange(i)], rng.randint(1, 9)] for i in range(1, n)]
        assert most_blue(n, edges) == most_blue_by_simulation(n, edges), edges


def test_hand_example_and_rewards() -> None:
    # a star with centre 0: a pair needs a vertical path, so start at leaf 1 and insert 0 on the wire 1-2
    star = [[0, 1, 5], [0, 2, 4], [0, 3, 1]]
    assert most_blue(4, star) == 9
    parameters = {"N": 4, "edges": star, "best": 9}
    assert TASK.score(parameters, "9").reward == 1.0
    assert TASK.score(parameters, "10").reward == 0.0
