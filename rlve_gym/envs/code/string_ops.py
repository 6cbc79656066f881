"""String transformations as Python source over a variable ``s`` (lowercase letters), for generated programs.

Each operation is a JSON-able dict ``{"op": name, …parameters}``; `source_lines` writes it as statements that
rebind ``s`` (helpers: ``t``, ``c``, ``i``). What the programs print is computed by the bounded interpreter
(`rlve_gym.envs.code.minipy`) and cross-checked against CPython in the tests.
"""

from __future__ import annotations

import random
from typing import Any

__all__ = ["GROWING", "OPERATIONS", "random_operation", "source_lines"]

OPERATIONS = ("reverse", "rotate", "caesar", "swap_pairs", "shuffle", "replace", "dedupe", "sort", "remove",
              "mirror", "take", "drop", "insert", "double", "keep_vowels", "keep_consonants")  # fmt: skip
"""Every operation name."""
GROWING = frozenset({"mirror", "double"})
"""Operations that can double the length (programs use few of them)."""


def random_operation(rng: random.Random, alphabet: str, allow_growing: bool = True) -> dict[str, Any]:
    """A random operation whose letter parameters come from `alphabet`."""
    names = [name for name in OPERATIONS if allow_growing or name not in GROWING]
    name = rng.choice(names)
    if name in ("rotate", "take", "drop", "insert"):
        operation: dict[str, Any] = {"op": name, "count": rng.randint(1, 5)}
        if name == "insert":
            operation["letter"] = rng.choice(alphabet)
        return operation
    if name == "caesar":
        return {"op": name, "shift": rng.randint(1, 25)}
    if name == "replace":
        old, new = rng.sample(alphabet, 2) if len(alphabet) > 1 else (alphabet, "z")
        return {"op": name, "old": old, "new": new * rng.randint(1, 2)}
    if name == "remove":
        return {"op": name, "letter": rng.choice(alphabet)}
    return {"op": name}


def source_lines(operation: dict[str, Any]) -> list[str]:
    """Python statements (4-space indentation for nested lines) that apply the operation to ``s``."""
    name = operation["op"]
    if name == "reverse":
        return ["s = s[::-1]"]
    if name == "rotate":
        return [f"s = s[{operation['count']}:] + s[:{operation['count']}]"]
    if name == "caesar":
        return [f"s = ''.join([chr((ord(c) - 97 + {operation['shift']}) % 26 + 97) for c in s])"]
    if name == "swap_pairs":
        return [
            "t = ''",
            "for i in range(0, len(s) - 1, 2):",
            "    t += s[i + 1] + s[i]",
            "if len(s) % 2 == 1:",
            "    t += s[-1]",
            "s = t",
        ]
    if name == "shuffle":
        return ["s = s[::2] + s[1::2]"]
    if name == "replace":
        return [f"s = s.replace({operation['old']!r}, {operation['new']!r})"]
    if name == "dedupe":
        return ["t = ''", "for c in s:", "    if not t or t[-1] != c:", "        t += c", "s = t"]
    if name == "sort":
        return ["s = ''.join(sorted(s))"]
    if name == "remove":
        return [f"s = s.replace({operation['letter']!r}, '')"]
    if name == "mirror":
        return ["s = s + s[::-1]"]
    if name == "take":
        return [f"s = s[:{operation['count'] + 3}]"]
    if name == "drop":
        return [f"s = s[{operation['count']}:]"]
    if name == "insert":
        return [f"s = s[:{operation['count']}] + {operation['letter']!r} + s[{operation['count']}:]"]
    if name == "double":
        return ["s = ''.join([c + c for c in s])"]
    if name == "keep_vowels":
        return ["s = ''.join([c for c in s if c in 'aeiou'])"]
    if name == "keep_consonants":
        return ["s = ''.join([c for c in s if c not in 'aeiou'])"]
    raise ValueError(f"unknown string operation {name!r}")
