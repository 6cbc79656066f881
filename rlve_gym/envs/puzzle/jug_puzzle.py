"""Water jugs: fill, empty and pour until some jug holds a target volume."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_STEPS = (3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 35, 40, 45, 50)
_CAPACITY_MULTIPLE = 10
_KIND_WEIGHTS = {"Fill": 0.1, "Empty": 0.1, "Pour": 0.8}
_ARITY = {"fill": 1, "empty": 1, "pour": 2}
_MAX_ACTIONS = 10_000
"""Longest answer accepted; planted walks have at most 50 actions."""

Action = tuple[str, int, int]
"""(kind, jug, other jug or -1)."""


def apply_action(volumes: list[int], capacities: list[int], action: Action) -> None:
    """Apply one legal action in place."""
    kind, jug, other = action
    if kind == "Fill":
        volumes[jug] = capacities[jug]
    elif kind == "Empty":
        volumes[jug] = 0
    else:
        amount = min(volumes[jug], capacities[other] - volumes[other])
        volumes[jug] -= amount
        volumes[other] += amount


def parse_actions(text: str) -> list[Action]:
    """One action per non-empty line: ``Fill i``, ``Empty i`` or ``Pour i j`` (the word in any case)."""
    lines = [line for line in text.strip().split("\n") if line and not line.isspace()]
    if len(lines) > _MAX_ACTIONS:
        raise AnswerFormatError(f"more than {_MAX_ACTIONS} actions")
    actions = []
    for line in lines:
        words = line.split()
        kind = words[0].lower()
        if kind not in _ARITY or len(words) != _ARITY[kind] + 1:
            raise AnswerFormatError("each line must be 'Fill i', 'Empty i' or 'Pour i j'")
        jugs = [parse_int(word) for word in words[1:]]
        actions.append((kind.capitalize(), jugs[0], jugs[1] if len(jugs) == 2 else -1))
    return actions


class JugPuzzle(Task):
    """Use fill, empty and pour actions on N jugs so that some jug ends up holding exactly a target volume.

    The target is planted by a random walk of legal, state-changing actions (fill 10%, empty 10%, pour 80%, then a
    uniform jug or pair among those where that kind of action changes something). A step's new volumes become
    candidate targets unless seen before, equal to a capacity or to a difference of two capacities; the target is
    a random candidate from the last step that produced any, and the reference is the walk up to that step (if
    no step qualifies, the target is a capacity and the reference fills that jug).
    Difficulty: N = d + 3 jugs with capacities uniform in [2, 10N]; the walk length is drawn from {3, ..., 10, 15,
    20, ..., 50}.
    Reward: -1 unparsable; -0.5 for an action naming a jug out of range (or pouring a jug into itself); 1 if after
    the last action some jug holds exactly the target, else 0.
    Answer: one action per line: "Fill i", "Empty i" or "Pour i j" (pour jug i into jug j); at most 10000 actions.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        capacities = [rng.randint(2, _CAPACITY_MULTIPLE * n) for _ in range(n)]
        excluded = set(capacities) | {a - b for a in capacities for b in capacities if a != b}
        first = rng.randrange(n)
        target, reference = capacities[first], [("Fill", first, -1)]
        volumes = [0] * n
        walk: list[Action] = []
        for _ in range(rng.choice(_STEPS)):
            legal: list[Action] = []
            weights: list[float] = []
            for jug in range(n):
                if volumes[jug] < capacities[jug]:
                    legal.append(("Fill", jug, -1))
                    weights.append(_KIND_WEIGHTS["Fill"] / n)
                if volumes[jug] > 0:
                    legal.append(("Empty", jug, -1))
                    weights.append(_KIND_WEIGHTS["Empty"] / n)
                    for other in range(n):
                        if other != jug and volumes[other] < capacities[other]:
                            legal.append(("Pour", jug, other))
                            weights.append(_KIND_WEIGHTS["Pour"] / n**2)
            action = rng.choices(legal, weights=weights)[0]
            apply_action(volumes, capacities, action)
            walk.append(action)
            fresh = sorted({volume for volume in volumes if volume > 0} - excluded)
            if fresh:
                target, reference = rng.choice(fresh), list(walk)
                excluded.update(fresh)
        parameters = {"capacities": capacities, "target": target}
        return Instance(parameters, "\n".join(self._format(action) for action in reference))

    @staticmethod
    def _format(action: Action) -> str:
        kind, jug, other = action
        return f"{kind} {jug} {other}" if kind == "Pour" else f"{kind} {jug}"

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        capacities = parameters["capacities"]
        listing = "\n".join(f"jug {i}: capacity {capacity} liters" for i, capacity in enumerate(capacities))
        return (
            f"There are {len(capacities)} empty jugs:\n{listing}\n"
            f"Make some jug hold exactly {parameters['target']} liters of water after your last action. The actions "
            "are:\n"
            "Fill i - fill jug i to its capacity\n"
            "Empty i - pour all water out of jug i\n"
            "Pour i j - pour water from jug i into jug j until jug i is empty or jug j is full\n"
            "Write one action per line, in the order they are performed, exactly in the forms above."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        actions = parse_actions(answer)
        capacities = parameters["capacities"]
        n = len(capacities)
        for _, jug, other in actions:
            if not 0 <= jug < n or (other != -1 and (not 0 <= other < n or other == jug)):
                return rewards.invalid(f"jugs are numbered 0 to {n - 1}, and a jug cannot pour into itself")
        volumes = [0] * n
        for action in actions:
            apply_action(volumes, capacities, action)
        if parameters["target"] in volumes:
            return rewards.correct()
        return rewards.wrong(f"no jug holds {parameters['target']} liters at the end")
