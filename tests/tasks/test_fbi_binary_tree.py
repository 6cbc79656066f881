"""FBI_BinaryTree: the level-by-level postorder against a recursive build, and the scoring branches (RLVE's
exact-match branch read a missing key; ours compares with the reference)."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.algorithmic.fbi_binary_tree import FBI_BinaryTree, fbi_postorder

TASK = FBI_BinaryTree()


def postorder_recursive(bits: str) -> str:
    label = "B" if set(bits) == {"0"} else "I" if set(bits) == {"1"} else "F"
    if len(bits) == 1:
        return label
    half = len(bits) // 2
    return postorder_recursive(bits[:half]) + postorder_recursive(bits[half:]) + label


def test_every_string_up_to_length_8_and_random_longer_ones() -> None:
    for n in range(0, 4):
        for bits in itertools.product("01", repeat=2**n):
            assert fbi_postorder("".join(bits)) == postorder_recursive("".join(bits))
    rng = random.Random(4)
    for n in (4, 5, 6):
        for _ in range(30):
            bits = "".join(rng.choice("01") for _ in range(2**n))
            assert fbi_postorder(bits) == postorder_recursive(bits)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 8])
def test_generated_references(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        bits = problem.parameters["string"]
        assert len(bits) == 2 ** problem.parameters["N"]
        assert problem.reference_answer == postorder_recursive(bits)


def test_hand_example_and_rewards() -> None:
    parameters = {"N": 3, "string": "10001011"}
    assert fbi_postorder(parameters["string"]) == "IBFBBBFIBFIIIFF"  # the NOIP 2004 sample
    assert TASK.score(parameters, "IBFBBBFIBFIIIFF").reward == 1.0
    assert TASK.score(parameters, "ibfbbbfibfiiiff").reward == 1.0
    assert TASK.score(parameters, "IBFBB BFIBF IIIFF").reward == 1.0
    assert TASK.score(parameters, "IBFBBBFIBFIIIFB").reward == pytest.approx((14 / 15) ** 5)
    assert TASK.score(parameters, "IBFBBBFIBFIIIF").reward == -0.5
    assert TASK.score(parameters, "IBFBBBFIBFIIIFX").reward == -0.5
