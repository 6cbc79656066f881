"""Probability, modulo a prime, that weighted first-appearance times respect the orientations of a tree."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

MODULUS = 998244353


def order_probability(weights: list[list[int]], before: list[list[int]], modulus: int = MODULUS) -> int:
    """P(T[u] < T[v] for every listed pair), modulo a prime.

    Given the W's, the first-appearance order picks each next new node with probability ∝ W among the nodes not
    seen yet, so for a tree whose constraints all point away from a root the probability is Π_x W_x / W(subtree
    of x). An edge pointing the other way is written as 1 - (the edge reversed), which either cuts the tree or
    points away from the root. A DP over the tree rooted at 0 keeps, per total weight s of the component holding
    x, the signed sum of the numerators; the division by s happens once x's subtree is complete. The W's are
    averaged in at the leaves of the products (W_x = j with probability weights[x][j-1] / sum)."""
    n = len(weights)
    neighbours: list[list[tuple[int, bool]]] = [[] for _ in range(n)]
    for u, v in before:
        neighbours[u].append((v, True))  # u before v: from u's side the edge points away
        neighbours[v].append((u, False))
    inverse = [0] + [pow(k, modulus - 2, modulus) for k in range(1, 3 * n + 1)]
    order, parent, away = [0], [-1] * n, [True] * n
    for x in order:
        for y, points_away in neighbours[x]:
            if y != parent[x] and y != 0 and parent[y] < 0:
                parent[y], away[y] = x, points_away
                order.append(y)
    children: list[list[int]] = [[] for _ in range(n)]
    for y in order[1:]:
        children[parent[y]].append(y)
    table: list[list[int]] = [[] for _ in range(n)]
    for x in reversed(order):
        total = sum(weights[x])
        current = [0] + [weights[x][j - 1] * j * pow(total, modulus - 2, modulus) % modulus for j in (1, 2, 3)]
        for y in children[x]:
            child = table[y]
            merged = [0] * (len(current) + len(child) - 1)
            for s, left in enumerate(current):
                if left:
                    for t, right in enumerate(child):
                        if right:
                            merged[s + t] = (merged[s + t] + left * right) % modulus
            if away[y]:
                current = merged
            else:  # 1 - (y after x): the cut term keeps x's weight, the merged term is subtracted
                cut = sum(child) % modulus
                kept = [value * cut % modulus for value in current] + [0] * (len(merged) - len(current))
                current = [(value - joined) % modulus for value, joined in zip(kept, merged)]
        table[x] = [value * inverse[s] % modulus if s else 0 for s, value in enumerate(current)]
    return sum(table[0]) % modulus


class MoneyChargingGame(Task):
    """N nodes each draw W[i] ∈ {1, 2, 3} with probabilities proportional to A[i][1], A[i][2], A[i][3]; then nodes
    are drawn repeatedly with probability ∝ W until all have appeared, T[i] being the first time node i appears.
    Given N - 1 constraints T[u] < T[v] forming a tree, find the probability that all hold, modulo 998244353.

    The A's are uniform in [1, N]; the tree is random and each edge is reversed with a probability drawn per
    instance. The answer is exact (a tree DP over subtree weight sums with inclusion–exclusion on reversed edges).
    Difficulty: N grows as N ← int(1.1·N + 1) from 2.
    Reward: -1 unparsable; -0.5 outside [0, 998244353); 1 for the exact residue, else 0.
    Answer: one integer, the probability modulo 998244353 (a fraction p/q is p·q^(-1) mod 998244353).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"nodes": grown(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["nodes"]
        weights = [[rng.randint(1, n) for _ in range(3)] for _ in range(n)]
        order = rng.sample(range(n), n)
        flip = rng.random()
        before = []
        for i in range(1, n):
            pair = [order[rng.randrange(i)], order[i]]
            before.append(pair[::-1] if rng.random() < flip else pair)
        rng.shuffle(before)
        parameters = {"A": weights, "before": before}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        weights, before = parameters["A"], parameters["before"]
        n = len(weights)
        rows = "\n".join(f"A[{i}][1..3] = {a} {b} {c}" for i, (a, b, c) in enumerate(weights))
        constraints = "\n".join(f"T[{u}] < T[{v}]" for u, v in before)
        return (
            f"There are {n} nodes, numbered 0 to {n - 1}, each with three positive numbers A[i][1], A[i][2], "
            f"A[i][3]:\n{rows}\n"
            "A random process runs as follows:\n"
            "1. Every node i independently gets a weight W[i] = j (j = 1, 2 or 3) with probability "
            "A[i][j] / (A[i][1] + A[i][2] + A[i][3]).\n"
            "2. Starting from an empty collection, repeatedly pick a node at random, node i with probability "
            "proportional to W[i] (nodes may be picked again), until every node has been picked.\n"
            "3. T[i] is the first time node i is picked.\n"
            f"These conditions are given ({len(before)} in all; they form a tree on the nodes):\n{constraints}\n"
            f"Find the probability that all conditions hold, modulo {MODULUS}: if it is p/q in lowest terms, give "
            f"p × q^(-1) mod {MODULUS}.\n"
            "Your answer should be a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The probability modulo 998244353."""
        return order_probability(parameters["A"], parameters["before"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), MODULUS)
