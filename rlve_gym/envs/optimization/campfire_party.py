"""Rearrange students around a circle so each sits next to both wished-for neighbours, moving as few as possible."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_rows
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 3.0
UNSUCCESSFUL = -0.2
"""Reward (RLVE's) for valid operations that do not reach a wished-for arrangement."""
_ATTEMPTS = 64


def wished_circle(neighbours: list[list[int]]) -> list[int]:
    """The students in the order of the circle the wishes describe, starting from student 0."""
    order = [0, neighbours[0][0]]
    while len(order) < len(neighbours):
        first, second = neighbours[order[-1]]
        order.append(second if first == order[-2] else first)
    return order


def cheapest_operations(neighbours: list[list[int]]) -> list[list[int]]:
    """Operations of least total cost: the student cycles of the move to the best placement of the wished circle.

    Every student not already in its final seat must take part in some operation, so the cost is at least the
    number of students who move; the cycles of the move achieve exactly that. The best final seating is the
    rotation or reflection of the wished circle that leaves the most students in place.
    """
    n = len(neighbours)
    circle = wished_circle(neighbours)
    best_target: list[int] | None = None
    best_fixed = -1
    for order in (circle, circle[::-1]):
        for shift in range(n):
            target = [order[(seat + shift) % n] for seat in range(n)]  # target[seat] = student
            fixed = sum(target[seat] == seat for seat in range(n))
            if fixed > best_fixed:
                best_target, best_fixed = target, fixed
    assert best_target is not None
    seat_of = [0] * n
    for seat, student in enumerate(best_target):
        seat_of[student] = seat
    operations, done = [], [False] * n
    for student in range(n):
        if done[student] or seat_of[student] == student:
            continue
        cycle, current = [], student
        while not done[current]:  # student s moves into seat σ(s), which student σ(s) occupies now
            done[current] = True
            cycle.append(current)
            current = seat_of[current]
        operations.append(cycle)
    return operations


def seats_wished(neighbours: list[list[int]], seat_of: list[int]) -> bool:
    """True iff every student sits next to both wished-for neighbours."""
    n = len(seat_of)
    return all(
        (seat_of[friend] - seat_of[student]) % n in (1, n - 1) for student in range(n) for friend in neighbours[student]
    )


class CampfireParty(Task):
    """N students sit in a circle in the order 0, 1, …, N − 1; each wishes to sit next to two given students (the
    wishes describe one circle). An operation (b1, b2, …, bm) of distinct students moves b1 to b2's seat, b2 to b3's,
    …, and bm to b1's, and costs m. Reach a seating that satisfies every wish at the least total cost.

    Difficulty: N grows as N ← int(1.1·N + 1) from 4; the wished circle is a uniform random one. RLVE also draws the
    starting circle itself, whose answer is empty; such draws are redrawn here (the circle 1, 0, 2, 3, … after 64).
    Reward: -1 unparsable; -0.5 for a student out of range or repeated within an operation; -0.2 if the final
    seating breaks a wish; otherwise (least cost / cost)^3.
    Answer: one operation per line, the students b1 b2 … bm separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(4, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        identity = [sorted([(i - 1) % n, (i + 1) % n]) for i in range(n)]
        for _ in range(_ATTEMPTS):
            circle = rng.sample(range(n), n)
            neighbours = self._neighbours(circle)
            if neighbours != identity:
                break
        else:
            neighbours = self._neighbours([1, 0, *range(2, n)])
        parameters = {"neighbours": neighbours}
        return Instance(parameters, "\n".join(" ".join(map(str, op)) for op in self.solve(parameters)))

    @staticmethod
    def _neighbours(circle: list[int]) -> list[list[int]]:
        n = len(circle)
        neighbours = [[0, 0] for _ in range(n)]
        for index, student in enumerate(circle):
            neighbours[student] = sorted([circle[index - 1], circle[(index + 1) % n]])
        return neighbours

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        neighbours = parameters["neighbours"]
        n = len(neighbours)
        wishes = "\n".join(f"Student {s} wants to sit next to {a} and {b}" for s, (a, b) in enumerate(neighbours))
        return (
            f"{n} students, numbered 0 to {n - 1}, sit around a campfire in a circle in the order 0, 1, …, {n - 1}.\n"
            f"{wishes}\n"
            "Rearrange them so that every student sits next to both of the students they want. An operation is a "
            "list of distinct students (b1, b2, …, bm): b1 moves to b2's seat, b2 to b3's seat, …, and bm to b1's "
            "seat; it costs m. Reach such an arrangement with the smallest possible total cost.\n"
            "Write one operation per line as its students separated by spaces, in the order the operations are "
            "performed. For example, the line 0 1 2 sends 0 to 1's seat, 1 to 2's seat and 2 to 0's seat."
        )

    def solve(self, parameters: dict[str, Any]) -> list[list[int]]:
        """Operations of least total cost."""
        return cheapest_operations(parameters["neighbours"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        operations = parse_int_rows(answer)
        neighbours = parameters["neighbours"]
        n = len(neighbours)
        seat_of = list(range(n))
        for operation in operations:
            if any(not 0 <= s < n for s in operation) or len(set(operation)) != len(operation):
                return rewards.invalid("an operation names a student out of range or twice")
            seats = [seat_of[s] for s in operation]
            for student, seat in zip(operation, seats[1:] + seats[:1], strict=True):
                seat_of[student] = seat
        if not seats_wished(neighbours, seat_of):
            return rewards.wrong("a wish is not satisfied", reward=UNSUCCESSFUL)
        cost = sum(map(len, operations))
        least = sum(map(len, self.solve(parameters)))
        return rewards.optimality(cost, least, _BETA, minimize=True)
