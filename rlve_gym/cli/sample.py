"""``rlve-gym sample``: show one problem and its reference answer."""

from __future__ import annotations

import argparse
import json

from rlve_gym.cli import integer, non_negative_int
from rlve_gym.core.answers import ANSWER_FORMATS, format_prompt
from rlve_gym.core.registry import get_task


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    parser = subparsers.add_parser("sample", help="print a problem's prompt and reference answer")
    parser.add_argument("task", help="task name, e.g. Sorting")
    parser.add_argument("-d", "--difficulty", type=non_negative_int, default=0, help="difficulty level (≥ 0)")
    parser.add_argument("--seed", type=integer, default=0, help="generation seed")
    parser.add_argument("--answer-format", choices=ANSWER_FORMATS, default="answer_tag")
    parser.add_argument("--json", action="store_true", help="print the whole problem as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Generate and print."""
    problem = get_task(args.task).generate(args.seed, args.difficulty)
    if args.json:
        print(json.dumps(problem.to_dict(), indent=1, ensure_ascii=False))
    else:
        print(format_prompt(problem.prompt, args.answer_format))
        print(f"\n--- reference answer ---\n{problem.reference_answer}")
    return 0
