"""LampChanging: the Lucas-theorem shortcut against step-by-step simulation."""

from rlve_gym.core.registry import get_task

TASK = get_task("LampChanging")


def _simulate(states: list[int], steps: int, lamp: int) -> str:
    for _ in range(steps):
        states = [states[i] ^ states[(i + 1) % len(states)] for i in range(len(states))]
    return "ON" if states[lamp - 1] else "OFF"


def test_shortcut_matches_simulation():
    for difficulty in (0, 1, 2, 4):
        for seed in range(12):
            problem = TASK.generate(seed, difficulty)
            p = problem.parameters
            assert problem.reference_answer == _simulate(p["states"], p["T"], p["K"])


def test_answers_are_balanced():
    answers = [TASK.generate(seed, 2).reference_answer for seed in range(40)]
    assert 10 <= answers.count("ON") <= 30


def test_hand_example_and_rewards():
    parameters = {"states": [1, 0, 0], "T": 2, "K": 1}  # [1,0,0] → [1,0,1] → [1,1,0]
    assert TASK.solve(parameters) == "ON"
    assert TASK.score(parameters, "on").reward == 1.0
    assert TASK.score(parameters, "OFF").reward == 0.0
    assert TASK.score(parameters, "maybe").reward == -0.5
