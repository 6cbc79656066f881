"""Postorder of the FBI tree of a binary string (NOIP 2004, Luogu P1087)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 5.0
_REPEAT_PROBABILITY = 0.7


def fbi_postorder(bits: str) -> str:
    """Postorder labels of the FBI tree: a leaf is B for 0 and I for 1; an inner node is B or I when both children
    are, else F (its half has both digits). Built bottom-up, level by level."""
    level = ["B" if bit == "0" else "I" for bit in bits]
    orders = list(level)
    while len(level) > 1:
        parents, merged = [], []
        for k in range(0, len(level), 2):
            label = level[k] if level[k] == level[k + 1] and level[k] != "F" else "F"
            parents.append(label)
            merged.append(orders[k] + orders[k + 1] + label)
        level, orders = parents, merged
    return orders[0]


class FBI_BinaryTree(Task):
    """Build the FBI tree of a binary string of length 2^N — every node is the substring it covers, labelled B (all
    zeros), I (all ones) or F (both), and a node of length > 1 has its two halves as children — and give its
    postorder.

    The string is a sticky random walk: each next bit repeats the previous one with probability 0.7, otherwise it
    is a fair coin.
    Difficulty: N = d + 2.
    Reward: -1 when no answer is found; -0.5 unless the answer is 2^(N+1) − 1 letters from F, B, I (spaces
    ignored); otherwise (fraction of positions equal to the true postorder)^5.
    Answer: the postorder as one string of the letters F, B and I.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(2, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        bits = [rng.randint(0, 1)]
        for _ in range(2**n - 1):
            bits.append(bits[-1] if rng.random() < _REPEAT_PROBABILITY else rng.randint(0, 1))
        parameters = {"N": n, "string": "".join(map(str, bits))}
        return Instance(parameters, fbi_postorder(parameters["string"]))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, bits = parameters["N"], parameters["string"]
        return (
            "Call a binary string a B-string if it has only 0s, an I-string if it has only 1s, and an F-string if it "
            "has both.\n"
            "The FBI tree of a binary string S has S at its root; a node is labelled B, I or F by the type of its "
            "string, and a node whose string has length greater than 1 has two children: the tree of the left half "
            "and the tree of the right half.\n"
            f"Build the FBI tree of this string of length 2^{n} = {len(bits)}:\n{bits}\n"
            "Give the labels of its nodes in postorder (left subtree, right subtree, then the node), as a single "
            f"string of {2 * len(bits) - 1} letters from F, B and I with no separators."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        labels = "".join(answer.split()).upper()
        gold = fbi_postorder(parameters["string"])
        if len(labels) != len(gold) or set(labels) - set("FBI"):
            return rewards.invalid(f"expected {len(gold)} letters from F, B and I")
        matches = sum(a == b for a, b in zip(labels, gold))
        return rewards.partial(matches / len(gold), _BETA, f"{matches}/{len(gold)} labels right")
