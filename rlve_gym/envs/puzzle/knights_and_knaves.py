"""Knights and knaves: decide who always tells the truth from what everyone says."""

from __future__ import annotations

import random
import re
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_NAMES = (
    "Ada", "Basil", "Clara", "Dmitri", "Edith", "Felix", "Greta", "Hugo", "Iris", "Jonas", "Kira", "Leon",
    "Mabel", "Nils", "Opal", "Pavel", "Quinn", "Rosa", "Silas", "Tamsin", "Ulric", "Vera", "Wendell", "Xenia",
    "Yusuf", "Zelda", "Amos", "Beatrix", "Cyrus", "Delia", "Ezra", "Flora", "Gideon", "Hazel", "Ivo", "Juno",
    "Kasper", "Lydia", "Magnus", "Nora", "Otto", "Petra", "Rufus", "Sabine", "Tobias", "Ursula", "Viggo",
    "Wilma", "Yara", "Zeno", "Agnes", "Bruno", "Celeste", "Dorian", "Elsa", "Fabian", "Gemma", "Horace",
    "Imogen", "Jasper",
)  # fmt: skip
_OPERATORS = ("not", "and", "or", "if", "iff")
_SEARCH_BUDGET = 200_000
_REPAIRS = 200


def names_for(count: int) -> list[str]:
    """`count` distinct names (a number is appended once the list runs out)."""
    return [_NAMES[i % len(_NAMES)] + (str(i // len(_NAMES) + 1) if i >= len(_NAMES) else "") for i in range(count)]


def truth(statement: list, roles: list[bool | None]) -> bool | None:
    """Truth value of a statement under (possibly partial) roles (True = knight); None if still open."""
    if statement[0] == "is":
        role = roles[statement[1]]
        return None if role is None else role == bool(statement[2])
    values = [truth(part, roles) for part in statement[1:]]
    operator = statement[0]
    if operator == "not":
        return None if values[0] is None else not values[0]
    first, second = values
    if operator == "and":
        return False if False in values else (None if None in values else True)
    if operator == "or":
        return True if True in values else (None if None in values else False)
    if operator == "if":
        return True if first is False or second is True else (None if None in values else False)
    return None if None in values else first == second  # "iff"


def mentioned(statement: list) -> list[int]:
    """The people a statement talks about."""
    if statement[0] == "is":
        return [statement[1]]
    return [person for part in statement[1:] for person in mentioned(part)]


def count_solutions(statements: list[list], limit: int = 2) -> tuple[list[list[bool]], bool]:
    """Up to `limit` role assignments under which everyone speaks the truth exactly when a knight, and whether the
    search finished within its budget. Backtracking in an order that closes constraints early; a statement is
    checked once its speaker and everyone it mentions have a role."""
    n = len(statements)
    people_of = [sorted({speaker, *mentioned(statement)}) for speaker, statement in enumerate(statements)]
    order, placed = [], [False] * n
    while len(order) < n:
        # next: the person completing the most statements, ties broken by the most statements touched
        best = max(
            (person for person in range(n) if not placed[person]),
            key=lambda person: (
                sum(person in people and all(placed[q] or q == person for q in people) for people in people_of),
                sum(person in people for people in people_of),
                -person,
            ),
        )
        placed[best] = True
        order.append(best)
    position = {person: index for index, person in enumerate(order)}
    closing: list[list[int]] = [[] for _ in range(n)]
    for speaker, people in enumerate(people_of):
        closing[max(position[p] for p in people)].append(speaker)
    roles: list[bool | None] = [None] * n
    found: list[list[bool]] = []
    budget = [_SEARCH_BUDGET]

    def extend(depth: int) -> bool:
        if depth == n:
            found.append([bool(role) for role in roles])
            return len(found) < limit
        for role in (True, False):
            budget[0] -= 1
            if budget[0] < 0:
                return False
            roles[order[depth]] = role
            if all(truth(statements[s], roles) == roles[s] for s in closing[depth]) and not extend(depth + 1):
                roles[order[depth]] = None
                return False
        roles[order[depth]] = None
        return True

    extend(0)
    return found, budget[0] >= 0


class KnightsAndKnaves(Task):
    """N islanders are each a knight (always tells the truth) or a knave (always lies); from one statement by each,
    decide who is which.

    A statement is about one islander ("X is a knight/knave"), its negation, or two such claims joined by and, or,
    if-then, or if-and-only-if (nobody claims to be a knave themselves). Roles are planted; each statement is drawn
    until it is consistent with them; then, while the search finds a second consistent assignment (at most 200
    times), one islander's statement is redrawn, so the planted roles are the unique answer. The verifier checks
    the rules: any assignment under which every islander tells the truth exactly when a knight is correct.
    Difficulty: N = d + 3 islanders.
    Reward: -1 unparsable (the answer must name each islander's role once); 1 for a consistent assignment; else
    (fraction of islanders whose role matches the planted one)^10.
    Answer: one clause per islander, "<name> is a knight" or "<name> is a knave", separated by commas.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"islanders": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["islanders"]
        roles = [rng.random() < 0.5 for _ in range(n)]
        statements = [self._consistent_statement(rng, speaker, roles) for speaker in range(n)]
        for _ in range(_REPAIRS):
            solutions, finished = count_solutions(statements)
            if finished and len(solutions) == 1:
                break
            speaker = rng.randrange(n)
            statements[speaker] = self._consistent_statement(rng, speaker, roles)
        names = names_for(n)
        rng.shuffle(names)
        parameters = {"names": names, "statements": statements, "roles": [int(role) for role in roles]}
        return Instance(parameters, self._format_roles(names, roles))

    @staticmethod
    def _consistent_statement(rng: random.Random, speaker: int, roles: list[bool]) -> list:
        """A random statement that is true exactly when the speaker is a knight."""
        n = len(roles)

        def claim() -> list:
            while True:  # only "I am a knave" is excluded: fewer than half of the draws are rejected
                person, knight = rng.randrange(n), rng.randint(0, 1)
                if person != speaker or knight:
                    return ["is", person, knight]

        for _ in range(100):
            kind = rng.randrange(6)
            if kind == 0:
                statement = claim()
            elif kind == 1:
                statement = ["not", claim()]
            else:
                first = claim()
                second = claim()
                while second == first:
                    second = claim()
                statement = [_OPERATORS[kind - 1], first, second]
            if truth(statement, roles) == roles[speaker]:
                return statement
        other = (speaker + 1) % n
        return ["is", other, int(roles[other] == roles[speaker])]

    @staticmethod
    def _format_roles(names: list[str], roles: list[bool] | list[int]) -> str:
        return ", ".join(
            f"{name} is a {'knight' if role else 'knave'}" for name, role in zip(names, roles, strict=True)
        )

    @staticmethod
    def _describe(statement: list, names: list[str]) -> str:
        if statement[0] == "is":
            return f"{names[statement[1]]} is a {'knight' if statement[2] else 'knave'}"
        if statement[0] == "not":
            person, knight = statement[1][1], statement[1][2]
            return f"{names[person]} is not a {'knight' if knight else 'knave'}"
        first = KnightsAndKnaves._describe(statement[1], names)
        second = KnightsAndKnaves._describe(statement[2], names)
        if statement[0] == "if":
            return f"if {first}, then {second}"
        joiner = {"and": "and", "or": "or", "iff": "if and only if"}[statement[0]]
        return f"{first} {joiner} {second}"

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        names = parameters["names"]
        said = "\n".join(
            f'{names[speaker]} says: "{self._describe(statement, names)}."'
            for speaker, statement in enumerate(parameters["statements"])
        )
        return (
            f"On an island every inhabitant is either a knight, who always tells the truth, or a knave, who always "
            f"lies. You meet {len(names)} inhabitants: {', '.join(names)}.\n{said}\n"
            "Who is a knight and who is a knave?\n"
            "Answer with one clause per inhabitant, each '<name> is a knight' or '<name> is a knave', separated by "
            "commas (for example: 'Amy is a knight, Bo is a knave, ...' with these inhabitants' names)."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        names = parameters["names"]
        lowered = answer.lower()
        if lowered.count("knight") + lowered.count("knave") != len(names):
            raise AnswerFormatError(f"expected exactly one role for each of the {len(names)} inhabitants")
        roles: list[bool | None] = []
        for name in names:
            match = re.search(rf"\b{re.escape(name)}\s+is\s+an?\s+(knight|knave)\b", answer, re.IGNORECASE)
            if match is None:
                raise AnswerFormatError(f"no role given for {name}")
            roles.append(match.group(1).lower() == "knight")
        if all(truth(statement, roles) == roles[s] for s, statement in enumerate(parameters["statements"])):
            return rewards.correct()
        matches = sum(role == bool(planted) for role, planted in zip(roles, parameters["roles"], strict=True))
        return rewards.partial(matches / len(names), 10.0, f"{matches}/{len(names)} roles match the intended ones")
