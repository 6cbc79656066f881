"""Josephus: the elimination order against a deque rotation, and the last survivor against the recurrence."""

from collections import deque

from rlve_gym import get_task


def order_by_rotation(n: int, k: int) -> list[int]:
    circle = deque(range(1, n + 1))
    order = []
    while circle:
        circle.rotate(-(k - 1))
        order.append(circle.popleft())
    return order


def survivor(n: int, k: int) -> int:
    position = 0
    for size in range(2, n + 1):
        position = (position + k) % size
    return position + 1


def test_order_matches_independent_solutions() -> None:
    task = get_task("Josephus")
    for difficulty in (0, 3, 8):
        for seed in range(10):
            problem = task.generate(seed, difficulty)
            n, k = problem.parameters["N"], problem.parameters["M"]
            reference = list(map(int, problem.reference_answer.split()))
            assert reference == order_by_rotation(n, k)
            assert reference[-1] == survivor(n, k)
    problem = task.generate(0, 0)
    assert task.verify(problem, "<answer>1 1 1</answer>").reward == -0.5
