"""Permutations satisfying p[u] < p[v] or p[u] > p[v] along the edges of a tree, modulo MOD."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import stepped

_MAX_MODULUS = 1_000_000


def count_tree_orders(n: int, constraints: list[list[Any]]) -> int:
    """Permutations p of 0..n−1 meeting every constraint [u, "<" or ">", v], whose pairs form a tree.

    Read p as ranks. For a subtree, ways[i] counts its valid orderings in which the subtree's root has rank i
    (0-based) among the subtree's nodes. Merging a child subtree of size b into a part of size a: if t of the
    child's nodes go before the root, the root's rank grows by t; the interleavings number
    C(i + t, t)·C(a − 1 − i + b − t, b − t), and the child's root must rank above t − 1 (child after root) or
    below t (child before root) within its own subtree.
    """
    neighbours: list[list[tuple[int, bool]]] = [[] for _ in range(n)]  # (neighbour, it has the larger value)
    for u, sign, v in constraints:
        neighbours[u].append((v, sign == "<"))
        neighbours[v].append((u, sign == ">"))

    def orders(node: int, parent: int) -> list[int]:
        ways = [1]
        for child, child_larger in neighbours[node]:
            if child == parent:
                continue
            child_ways = orders(child, node)
            a, b = len(ways), len(child_ways)
            below = [0]  # below[t] = orderings of the child's subtree with its root's rank < t
            for count in child_ways:
                below.append(below[-1] + count)
            merged = [0] * (a + b)
            for i, count in enumerate(ways):
                if count:
                    for t in range(b + 1):
                        # child root after our root ⇔ its rank ≥ t; before ⇔ its rank < t
                        allowed = below[b] - below[t] if child_larger else below[t]
                        if allowed:
                            merged[i + t] += count * allowed * math.comb(i + t, t) * math.comb(a - 1 - i + b - t, b - t)
            ways = merged
        return ways

    return sum(orders(0, -1))


class TreeTopologicalSequenceCounting(Task):
    """Count the permutations p[0..N−1] of 0..N−1 that satisfy N − 1 constraints p[u] < p[v] or p[u] > p[v] whose
    pairs form a tree, modulo MOD.

    Difficulty: N = d + 3; a random tree (each vertex, in random order, attached to an earlier one) with each
    edge's direction read off a hidden random permutation (so the count is positive); MOD uniform in [2, 10^6].
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        modulus = rng.randint(2, _MAX_MODULUS)
        hidden = list(range(n))
        rng.shuffle(hidden)
        order = list(range(n))
        rng.shuffle(order)
        constraints = []
        for i in range(1, n):
            u, v = sorted((order[i], order[rng.randrange(i)]))
            constraints.append([u, "<" if hidden[u] < hidden[v] else ">", v])
        rng.shuffle(constraints)
        parameters = {"N": n, "constraints": constraints, "MOD": modulus}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, modulus = parameters["N"], parameters["MOD"]
        listed = "; ".join(f"p[{u}] {sign} p[{v}]" for u, sign, v in parameters["constraints"])
        return (
            f"How many permutations p[0], p[1], …, p[{n - 1}] of the integers 0 to {n - 1} satisfy all of these "
            f"{n - 1} constraints: {listed}?\n"
            f"The pairs of indices in the constraints form a tree on the {n} indices (connected, no cycles). Give "
            f"the count modulo {modulus}, as a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The exact count, reduced modulo MOD."""
        return count_tree_orders(parameters["N"], parameters["constraints"]) % parameters["MOD"]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])
