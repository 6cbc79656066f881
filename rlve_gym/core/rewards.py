"""Reward shaping in one place, following RLVE-Gym's conventions.

- ``-1``   no parsable answer (`unparsable`);
- ``-0.5`` a parsable answer that breaks a hard constraint — wrong length, not a permutation, a non-edge
  (`invalid`);
- otherwise partial credit ``ratio ** beta`` in [0, 1] (`partial`), or 1/0 for exact-match tasks
  (`correct` / `wrong`).
`accuracy` is 1 exactly when the reward is 1 (a fully correct answer).
"""

from __future__ import annotations

from rlve_gym.core.problem import Verdict

WRONG_FORMAT = -1.0
"""Reward when no answer could be extracted or parsed."""
INVALID_SOLUTION = -0.5
"""Reward when the answer parses but violates a hard constraint of the problem."""


def correct(detail: str = "correct") -> Verdict:
    """A fully correct answer: reward 1, accuracy 1."""
    return Verdict(reward=1.0, accuracy=1, format_ok=True, detail=detail)


def wrong(detail: str = "wrong answer", reward: float = 0.0) -> Verdict:
    """A well-formed but incorrect answer (reward 0 unless given)."""
    return Verdict(reward=reward, accuracy=0, format_ok=True, detail=detail)


def invalid(detail: str) -> Verdict:
    """A well-formed answer that violates a hard constraint."""
    return Verdict(reward=INVALID_SOLUTION, accuracy=0, format_ok=True, detail=detail)


def unparsable(detail: str) -> Verdict:
    """No usable answer."""
    return Verdict(reward=WRONG_FORMAT, accuracy=0, format_ok=False, detail=detail)


def partial(ratio: float, beta: float, detail: str = "") -> Verdict:
    """Partial credit ``ratio ** beta`` (ratio clipped to [0, 1]); ratio 1 is a fully correct answer."""
    ratio = min(1.0, max(0.0, float(ratio)))
    if ratio >= 1.0:
        return correct(detail or "correct")
    detail = detail or f"partial credit, ratio {ratio:.4g}"
    return Verdict(reward=ratio**beta, accuracy=0, format_ok=True, detail=detail)


def exact_or_closeness(answer: int, gold: int, beta: float) -> Verdict:
    """For counting answers: 1 if equal, else ``(min/max) ** beta`` over non-negative values (0 if signs differ)."""
    if answer == gold:
        return correct()
    if answer < 0 or gold < 0 or max(answer, gold) == 0:
        return wrong(f"expected {gold}" if len(str(gold)) < 40 else "wrong count")
    ratio = min(answer, gold) / max(answer, gold)
    return partial(ratio, beta, f"off: ratio {ratio:.4g}")


def optimality(achieved: float, best: float, beta: float, *, minimize: bool) -> Verdict:
    """For optimisation answers already checked feasible: ``(best/achieved)**beta`` when minimising,
    ``(achieved/best)**beta`` when maximising; equal to the optimum is fully correct."""
    if achieved == best:
        return correct("optimal")
    if minimize:
        if achieved < best:
            raise ValueError(f"feasible value {achieved} beats the optimum {best}: the reference solver is wrong")
        ratio = best / achieved if achieved > 0 else 0.0
    else:
        if achieved > best:
            raise ValueError(f"feasible value {achieved} beats the optimum {best}: the reference solver is wrong")
        ratio = achieved / best if best > 0 else 0.0
    return partial(ratio, beta, f"feasible, not optimal ({achieved} vs {best})")
