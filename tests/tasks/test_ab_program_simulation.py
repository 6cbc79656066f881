"""ABProgramSimulation: the stack-based normal form agrees with literal leftmost rewriting (RLVE's procedure)."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.algorithmic.ab_program_simulation import TOKENS, ABProgramSimulation, normal_form

TASK = ABProgramSimulation()
RULES = {("A#", "#A"): [], ("B#", "#B"): [], ("A#", "#B"): ["#B", "A#"], ("B#", "#A"): ["#A", "B#"]}


def rewrite(program: list[str], rightmost: bool = False) -> tuple[list[str], int]:
    """Apply one rule at a time (leftmost or rightmost redex first) until none applies."""
    current, steps = list(program), 0
    while True:
        redexes = [i for i in range(len(current) - 1) if (current[i], current[i + 1]) in RULES]
        if not redexes:
            return current, steps
        i = redexes[-1] if rightmost else redexes[0]
        current = current[:i] + RULES[current[i], current[i + 1]] + current[i + 2 :]
        steps += 1


def test_normal_form_matches_literal_rewriting_for_every_short_program() -> None:
    for length in range(7):
        for program in itertools.product(TOKENS, repeat=length):
            expected = rewrite(list(program))
            assert normal_form(list(program)) == expected
            assert rewrite(list(program), rightmost=True) == expected  # the step count does not depend on order


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5])
def test_generated_programs_finish_within_budget_and_reference_is_their_result(difficulty: int) -> None:
    budget = TASK.ladder(difficulty)["max_steps"]
    for seed in range(15):
        problem = TASK.generate(seed, difficulty)
        final, steps = rewrite(problem.parameters["program"])
        assert steps < budget
        assert problem.reference_answer == (" ".join(final) if final else "EMPTY")


def test_fallback_builder_respects_the_budget() -> None:
    rng = random.Random(0)
    for _ in range(200):
        program = TASK._within_budget(rng, [rng.randint(1, 9) for _ in TOKENS], 30, 12)
        assert len(program) == 30 and rewrite(program)[1] < 12


def test_hand_example_and_scoring() -> None:
    p = {"program": ["B#", "A#", "#B", "#A", "B#"]}
    # A# #B → #B A#; B# #B vanish; A# #A vanish → B#
    assert TASK.solve(p) == ["B#"]
    assert TASK.score(p, "B#").reward == 1.0
    assert TASK.score(p, "A#").reward == 0.0
    assert TASK.score({"program": ["A#", "#A"]}, "empty").reward == 1.0
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "B# C#")
    assert TASK.score(p, "B# B#").reward == rewards.wrong().reward
