"""Expected number of leaves of a uniformly random binary tree with N nodes."""

from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_fraction
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def expected_leaves(n: int) -> Fraction:
    """E[leaves] over the Catalan(n) binary trees with n ≥ 1 nodes: n(n + 1) / (2(2n − 1)).

    Hanging a new leaf in one of the n empty child slots of an (n − 1)-node tree is a bijection onto the n-node
    trees with one marked leaf, so the n-node trees have n·Catalan(n − 1) leaves in total, and
    Catalan(n − 1) / Catalan(n) = (n + 1) / (2(2n − 1)).
    """
    return Fraction(n * (n + 1), 2 * (2 * n - 1))


class BinaryTreeLeafNumExpectation(Task):
    """Expected number of leaves of a binary tree drawn uniformly among all binary trees with N nodes (left and
    right children are distinguished), as a reduced fraction.

    Difficulty: N uniform in [1, MAX], MAX growing as MAX ← int(1.5·MAX) from 5.
    Reward: -1 unparsable or not positive; 1 for the exact value, else 0.
    Answer: the value as a fraction A/B with gcd(A, B) = 1 (any exact form of the same number is accepted).
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(5, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": rng.randint(1, self.ladder(difficulty)["max_N"])}
        value = self.solve(parameters)
        return Instance(parameters, f"{value.numerator}/{value.denominator}")

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        return (
            f"A binary tree with exactly {n} nodes is chosen uniformly at random among all such trees. Two binary "
            "trees are the same exactly when both are empty, or both are non-empty and have the same left subtree "
            "and the same right subtree (so a node with only a left child differs from one with only a right child).\n"
            "What is the expected number of leaves (nodes with no children)?\n"
            "Give the answer as a reduced fraction A/B with positive integers A and B."
        )

    def solve(self, parameters: dict[str, Any]) -> Fraction:
        """The expected number of leaves."""
        return expected_leaves(parameters["N"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_fraction(answer)
        if value <= 0:
            return rewards.unparsable("the expected value is a positive fraction")
        return rewards.correct() if value == self.solve(parameters) else rewards.wrong()
