"""``rlve-gym verify``: judge a completion read from standard input."""

from __future__ import annotations

import argparse
import json
import sys

from rlve_gym.cli import integer, non_negative_int
from rlve_gym.core.registry import get_task


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    parser = subparsers.add_parser("verify", help="verify a completion (read from stdin) against a problem")
    parser.add_argument("task", help="task name, e.g. Sorting")
    parser.add_argument("-d", "--difficulty", type=non_negative_int, default=0, help="difficulty level (≥ 0)")
    parser.add_argument("--seed", type=integer, default=0, help="generation seed")
    parser.add_argument("--reward-mode", choices=("shaped", "binary"), default="shaped")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the verdict as JSON; exit 0 whatever the verdict."""
    task = get_task(args.task)
    problem = task.generate(args.seed, args.difficulty)
    completion = sys.stdin.read()
    verdict = task.verify(problem, completion, reward_mode=args.reward_mode)
    print(json.dumps(verdict.to_dict(), ensure_ascii=False))
    return 0
