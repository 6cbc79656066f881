"""Mafia: an acting order in which each living player shoots their target, minimising or maximising the deaths."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 5.0
_GOALS = ("minimize", "maximize")


def deaths(targets: list[int], order: list[int]) -> int:
    """How many players die when they act in `order` (a dead player does nothing; shooting the dead does nothing)."""
    dead = [False] * len(targets)
    for player in order:
        if not dead[player]:
            dead[targets[player]] = True
    return sum(dead)


def _cycles(targets: list[int]) -> list[list[int]]:
    """The cycles of the functional graph, each listed along the arrows."""
    n = len(targets)
    state = [0] * n  # 0 unseen, 1 on the current walk, 2 done
    cycles = []
    for start in range(n):
        walk, player = [], start
        while state[player] == 0:
            state[player] = 1
            walk.append(player)
            player = targets[player]
        if state[player] == 1:
            cycles.append(walk[walk.index(player) :])
        for visited in walk:
            state[visited] = 2
    return cycles


def fewest_deaths_order(targets: list[int]) -> list[int]:
    """An order with the fewest deaths.

    Players nobody targets always live, so they act first, and each victim dies before acting; a player whose every
    would-be killer is dead is then safe and acts in turn (a queue). What is left are untouched cycles, where every
    other player can act: c0 shoots c1, c2 shoots c3, ...
    """
    n = len(targets)
    killers = [0] * n
    for target in targets:
        killers[target] += 1
    queue = [player for player in range(n) if killers[player] == 0]
    dead, acted = [False] * n, [False] * n
    head = 0
    while head < len(queue):
        player = queue[head]
        head += 1
        acted[player] = True
        victim = targets[player]
        if not dead[victim]:
            dead[victim] = True
            spared = targets[victim]
            killers[spared] -= 1
            if killers[spared] == 0:
                queue.append(spared)
    order = list(queue)
    for cycle in _cycles(targets):
        if any(acted[player] or dead[player] for player in cycle):
            continue
        order += cycle[0 : len(cycle) - 1 : 2] if len(cycle) > 1 else cycle
    placed = set(order)
    return order + [player for player in range(n) if player not in placed]


def most_deaths_order(targets: list[int]) -> list[int]:
    """An order with the most deaths.

    On each cycle c0 → c1 → ... → c(k-1) (c0 chosen with a tree player aiming at it, if any), c(k-2), ..., c0 act
    first, each killing the next; then tree players act nearest-the-cycle first, so each acts alive and kills its
    target (c0 included). Only players nobody targets survive, plus one player of each tree-less cycle longer than 1.
    """
    n = len(targets)
    targeted = [False] * n
    for target in targets:
        targeted[target] = True
    on_cycle = [False] * n
    cycles = _cycles(targets)
    for cycle in cycles:
        for player in cycle:
            on_cycle[player] = True
    aimed_from_tree = [False] * n
    for player in range(n):
        if not on_cycle[player]:
            aimed_from_tree[targets[player]] = True
    distance = [0] * n  # steps to reach a cycle
    for player in range(n):
        path, current = [], player
        while not on_cycle[current] and distance[current] == 0:
            path.append(current)
            current = targets[current]
        for steps, visited in enumerate(reversed(path), 1):
            distance[visited] = distance[current] + steps
    order = []
    for cycle in cycles:
        start = next((i for i, player in enumerate(cycle) if aimed_from_tree[player]), 0)
        cycle = cycle[start:] + cycle[:start]
        order += cycle[-2::-1] + cycle[-1:] if len(cycle) > 1 else cycle
    order += sorted((player for player in range(n) if not on_cycle[player]), key=lambda player: distance[player])
    return order


class MafMafia(Task):
    """Each of N players has a target TO[i]; in a chosen order, each player still alive shoots their target. Find an
    order that minimises (or, per instance, maximises) the number of players killed.

    Both optima are constructed directly on the functional graph i → TO[i]: for the minimum, players nobody
    targets act first and every forced victim dies before acting; for the maximum, every cycle is shot around from
    one end and tree players act nearest-the-cycle first.
    Difficulty: N ← int(1.1·N + 1) from 3; TO[i] uniform in [0, N-1] (self-targets allowed); the goal (minimise or
    maximise) is drawn uniformly.
    Reward: -1 unparsable; -0.5 unless the answer is a permutation of 0..N-1; otherwise (fewest / deaths)^5 when
    minimising, (deaths / most)^5 when maximising.
    Answer: the acting order, a permutation of 0..N-1, on one line separated by spaces.
    """

    family = "optimization"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        targets = [rng.randint(0, n - 1) for _ in range(n)]
        goal = rng.choice(_GOALS)
        order = fewest_deaths_order(targets) if goal == "minimize" else most_deaths_order(targets)
        parameters = {"N": n, "TO": targets, "goal": goal, "best": deaths(targets, order)}
        return Instance(parameters, " ".join(map(str, order)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        listed = " ".join(f"TO[{i}]={t}" for i, t in enumerate(parameters["TO"]))
        goal = "as small" if parameters["goal"] == "minimize" else "as large"
        return (
            f"{n} players, numbered 0 to {n - 1}, each have a target: {listed}\n"
            f"Choose the order P[0], P[1], ..., P[{n - 1}] (a permutation of 0 to {n - 1}) in which they take turns. "
            "On a player's turn, if the player is still alive, they kill their target (if the target is already "
            "dead, nothing happens; a player may be their own target). A player killed before their turn does "
            "nothing.\n"
            f"Make the number of players killed by the end {goal} as possible.\n"
            f"Write P[0], P[1], ..., P[{n - 1}] on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        order = parse_int_list(answer)
        n = parameters["N"]
        if sorted(order) != list(range(n)):
            return rewards.invalid(f"expected a permutation of 0..{n - 1}")
        killed = deaths(parameters["TO"], order)
        return rewards.optimality(killed, parameters["best"], _BETA, minimize=parameters["goal"] == "minimize")
