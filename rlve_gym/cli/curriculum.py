"""``rlve-gym curriculum``: validate, show and simulate curriculum files (a path or a shipped name), and print the
schema reference."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rlve_gym.cli import CliError, integer, positive_int
from rlve_gym.core.registry import task_families
from rlve_gym.curriculum.config import CurriculumConfig
from rlve_gym.curriculum.curriculum import Curriculum
from rlve_gym.curriculum.shipped import curriculum_path, load_config, shipped_curricula
from rlve_gym.curriculum.simulate import LEARNERS


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the subcommand and its actions."""
    parser = subparsers.add_parser(
        "curriculum",
        help="validate, show or simulate a curriculum (YAML path or shipped name)",
        description=f"Shipped curricula: {', '.join(shipped_curricula()) or 'none'}.",
    )
    actions = parser.add_subparsers(dest="action", required=True, parser_class=type(parser), metavar="ACTION")

    validate = actions.add_parser("validate", help="check curriculum files against the schema and the registry")
    validate.add_argument("files", nargs="+", metavar="FILE", help="curriculum YAML path or shipped name")
    validate.set_defaults(run=run_validate)

    show = actions.add_parser("show", help="print a curriculum's tasks, weights and difficulty ranges")
    show.add_argument("file", metavar="FILE", help="curriculum YAML path or shipped name")
    show.add_argument("--json", action="store_true", help="print JSON instead of a table")
    show.set_defaults(run=run_show)

    simulate = actions.add_parser(
        "simulate",
        help="drive the curriculum's tasks with a synthetic learner under rlve, zaya1 and static ranges",
    )
    simulate.add_argument("file", metavar="FILE", help="curriculum YAML path or shipped name")
    simulate.add_argument("--steps", type=positive_int, default=200, help="optimizer steps to simulate")
    simulate.add_argument("--batch-size", type=positive_int, default=64, help="problems (groups) per step")
    simulate.add_argument("--group-size", type=positive_int, default=16, help="rollouts per problem")
    simulate.add_argument("--learner", choices=tuple(LEARNERS), default="frontier", help="synthetic learner preset")
    simulate.add_argument("--seed", type=integer, default=0, help="learner seed")
    simulate.add_argument("--out", type=Path, help="output folder (default: runs/curriculum-simulation/<name>)")
    simulate.set_defaults(run=run_simulate)

    schema = actions.add_parser("schema", help="print the YAML schema reference (docs/curriculum.md) as markdown")
    schema.set_defaults(run=run_schema)


def run_validate(args: argparse.Namespace) -> int:
    """Validate every file; one line per file, exit status 2 if any is invalid."""
    failed = False
    for file in args.files:
        try:
            config = load_config(file)
        except (ValueError, FileNotFoundError) as exc:
            print(f"rlve-gym: error: {exc}", file=sys.stderr)
            failed = True
            continue
        tasks = config.resolve()
        print(f"{file}: ok ({len(tasks)} task{'s' * (len(tasks) != 1)}, scheduler {config.scheduler.kind})")
    return 2 if failed else 0


def _scheduler_settings(config: CurriculumConfig) -> str:
    settings = config.scheduler.model_dump(exclude={"kind", "calibration"})
    text = ", ".join(f"{key}={value}" for key, value in settings.items())
    calibration = getattr(config.scheduler, "calibration", None)
    if calibration is not None:
        text += f", calibration: {calibration.rounds} rounds × {calibration.group_size} rollouts per task"
    return f"{config.scheduler.kind} ({text})"


def run_show(args: argparse.Namespace) -> int:
    """Print the resolved curriculum."""
    config = load_config(args.file)
    curriculum = Curriculum(config)
    families = task_families()
    total_weight = sum(task.weight for task in config.resolve())
    rows = []
    for task in config.resolve():
        low, high = curriculum.difficulty_range(task.name)
        rows.append(
            {
                "task": task.name,
                "family": families[task.name],
                "weight": task.weight,
                "share": task.weight / total_weight,
                "range": [low, high],
            }
        )
    if args.json:
        document = {
            "name": curriculum.name,
            "file": str(curriculum_path(args.file)),
            "description": config.description,
            "seed": config.seed,
            "scheduler": config.scheduler.model_dump(mode="json"),
            "tasks": rows,
        }
        print(json.dumps(document, indent=1))
        return 0
    print(f"{curriculum.name}: {config.description}" if config.description else curriculum.name)
    print(f"file: {curriculum_path(args.file)}")
    print(f"seed: {config.seed}")
    print(f"scheduler: {_scheduler_settings(config)}")
    print(f"{len(rows)} task{'s' * (len(rows) != 1)} (range = the difficulty levels drawn at the start):")
    width = max(len("task"), *(len(row["task"]) for row in rows))
    family_width = max(len("family"), *(len(row["family"]) for row in rows))
    print(f"  {'task':<{width}}  {'family':<{family_width}}  {'weight':>7}  {'share':>6}  range")
    for row in rows:
        low, high = row["range"]
        print(
            f"  {row['task']:<{width}}  {row['family']:<{family_width}}  {row['weight']:>7g}  "
            f"{row['share']:>6.1%}  [{low}, {high}]"
        )
    return 0


def run_simulate(args: argparse.Namespace) -> int:
    """Run the comparison and write JSON, markdown and PNG."""
    from rlve_gym.curriculum.simulate import compare, markdown_table, write_report

    config = load_config(args.file)
    name = config.name or "curriculum"
    out_dir = args.out or Path("runs") / "curriculum-simulation" / name
    if out_dir.exists() and not out_dir.is_dir():
        raise CliError(f"--out {str(out_dir)!r} exists and is not a folder")
    traces = compare(
        config,
        steps=args.steps,
        batch_size=args.batch_size,
        group_size=args.group_size,
        learner=LEARNERS[args.learner],
        seed=args.seed,
    )
    meta = {
        "curriculum": name,
        "tasks": list(Curriculum(config).tasks),
        "steps": args.steps,
        "batch_size": args.batch_size,
        "group_size": args.group_size,
        "learner": args.learner,
        "seed": args.seed,
        "title": f"{name}: {args.learner} learner, {args.steps} steps × {args.batch_size} groups × {args.group_size}",
    }
    paths = write_report(traces, out_dir, meta=meta)
    print(markdown_table(traces), end="")
    for kind, path in paths.items():
        print(f"wrote {kind}: {path}")
    if "png" not in paths:
        print("matplotlib is not installed: no plot (pip install 'rlve-gym-suite[plot]')", file=sys.stderr)
    return 0


def run_schema(args: argparse.Namespace) -> int:
    """Print docs/curriculum.md."""
    from rlve_gym.curriculum.docs import schema_markdown

    print(schema_markdown(), end="")
    return 0
