"""Property-based testing for tasks: the Hypothesis strategies and checks of rlve_gym's conformance suite.

Test your own task in a few lines::

    from rlve_gym.testing import check_task

    def test_my_task():
        check_task(MyTask)          # every check below, with Hypothesis fuzzing of the verifier

or write your own properties with the strategies::

    from hypothesis import given
    from rlve_gym.testing import problems_and_completions

    @given(problems_and_completions(MyTask()))
    def test_never_raises(pair):
        problem, completion = pair
        MyTask().verify(problem, completion)

Requires the `hypothesis` package (``pip install rlve-gym-suite[dev]``).
"""

from __future__ import annotations

import functools
import json
import math
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rlve_gym.core.answers import ANSWER_FORMATS, format_prompt, reference_completion
from rlve_gym.core.problem import Problem, Verdict
from rlve_gym.core.registry import get_task, task_class
from rlve_gym.core.task import Task

DEFAULT_DIFFICULTIES: tuple[int, ...] = (0, 1, 3, 6, 10)
"""Difficulties every check covers by default."""
DEFAULT_SEEDS: tuple[int, ...] = (0, 1, 2)
"""Seeds every check covers by default."""
GENERATION_TIME_LIMIT_S = 10.0
"""Generous bound on one generation at d = 10 (speed targets themselves live in `rlve-gym bench`)."""


def _as_task(task: Task | type[Task] | str) -> Task:
    if isinstance(task, Task):
        return task
    if isinstance(task, type) and issubclass(task, Task):
        return task()
    return get_task(task)


@functools.lru_cache(maxsize=4096)
def _cached_problem(task_cls: type[Task], seed: int, difficulty: int) -> Problem:
    return task_cls().generate(seed, difficulty)


def cached_problem(task: Task | type[Task] | str, seed: int, difficulty: int) -> Problem:
    """`task.generate(seed, difficulty)`, memoised (problems are immutable)."""
    return _cached_problem(type(_as_task(task)), seed, difficulty)


# ---------------------------------------------------------------------------------------------------- strategies
def problems(
    task: Task | type[Task] | str,
    difficulties: Sequence[int] = DEFAULT_DIFFICULTIES,
    seeds: st.SearchStrategy[int] | Sequence[int] = DEFAULT_SEEDS,
) -> st.SearchStrategy[Problem]:
    """Problems of `task` over the given difficulties and seeds (a list or a strategy of seeds)."""
    task = _as_task(task)
    seed_strategy = seeds if isinstance(seeds, st.SearchStrategy) else st.sampled_from(list(seeds))
    return st.builds(
        lambda seed, difficulty: cached_problem(task, seed, difficulty), seed_strategy, st.sampled_from(difficulties)
    )


def reference_completions(problem: Problem) -> st.SearchStrategy[str]:
    """Completions that carry the reference answer in a valid way (reasoning, other text, both formats)."""
    formats = st.sampled_from(ANSWER_FORMATS)
    prefix = st.sampled_from(["", "Let me think.\n", "<think>try <answer>0</answer> first</think>", "Answer:\n"])
    suffix = st.sampled_from(["", "\n", " Done."])
    return st.builds(
        lambda fmt, before, after: before + reference_completion(problem.reference_answer, fmt) + after,
        formats,
        prefix,
        suffix,
    )


def _perturb(reference: str, rng: random.Random) -> str:
    choice = rng.randrange(8)
    if not reference:
        return "0"
    position = rng.randrange(len(reference))
    if choice == 0:
        return reference[:position]
    if choice == 1:
        digits = [i for i, char in enumerate(reference) if char.isdigit()]
        if digits:
            i = rng.choice(digits)
            return reference[:i] + str((int(reference[i]) + rng.randint(1, 9)) % 10) + reference[i + 1 :]
        return reference + "1"
    if choice == 2:
        return reference[:position] + reference[position + 1 :]
    if choice == 3:
        return reference[:position] + rng.choice("0123456789 -,.x#()") + reference[position:]
    if choice == 4:
        tokens = reference.split()
        if len(tokens) > 1:
            i, j = rng.sample(range(len(tokens)), 2)
            tokens[i], tokens[j] = tokens[j], tokens[i]
        return " ".join(tokens)
    if choice == 5:
        return "-" + reference
    if choice == 6:
        return reference + " " + reference
    return reference.swapcase()


def near_miss_completions(problem: Problem) -> st.SearchStrategy[str]:
    """Completions built from the reference answer that are slightly wrong or oddly wrapped."""
    reference = problem.reference_answer
    perturbed = st.randoms(use_true_random=False).map(lambda rng: _perturb(reference, rng))
    wrappers = st.sampled_from(
        [
            "<answer>{}</answer>",
            "\\boxed{{{}}}",
            "<answer><answer>{}</answer></answer>",
            "<answer>{}",
            "\\boxed{{{}",
            "<think><answer>{}</answer></think>",
            "<answer>{}</answer><think>",
            "</answer>{}<answer>",
            "<answer>\n\n{}\n\n</answer>",
            "<answer>$${}$$</answer>",
            "<answer>{}</answer> <answer></answer>",
            "{}",
        ]
    )
    return st.builds(lambda text, wrapper: wrapper.format(text), st.one_of(perturbed, st.just(reference)), wrappers)


def garbage_completions() -> st.SearchStrategy[str]:
    """Arbitrary text, arbitrary text inside answer tags, and hostile numbers."""
    inner = st.one_of(
        st.text(max_size=200),
        st.from_regex(r"[-+]?[0-9]{1,6}( [-+]?[0-9]{1,6}){0,20}", fullmatch=True),
        st.sampled_from(["9" * 5000, "1e309", "nan", "-0", "0/0", "1/0", "(((((", "x^x^x^x^x^99", "\x00", " "]),
    )
    return st.one_of(
        st.text(max_size=300),
        inner.map(lambda text: f"<answer>{text}</answer>"),
        inner.map(lambda text: f"\\boxed{{{text}}}"),
    )


def completions(problem: Problem) -> st.SearchStrategy[str]:
    """Reference, near-miss and garbage completions of `problem`."""
    return st.one_of(reference_completions(problem), near_miss_completions(problem), garbage_completions())


def problems_and_completions(
    task: Task | type[Task] | str, difficulties: Sequence[int] = DEFAULT_DIFFICULTIES, seeds=DEFAULT_SEEDS
) -> st.SearchStrategy[tuple[Problem, str]]:
    """Pairs (problem, completion) for fuzzing a verifier."""
    return problems(task, difficulties, seeds).flatmap(lambda p: st.tuples(st.just(p), completions(p)))


# ---------------------------------------------------------------------------------------------------- checks
def check_verdict(task: Task, problem: Problem, completion: str) -> Verdict:
    """Verify in both reward modes and assert the verdict invariants; returns the shaped verdict."""
    shaped = task.verify(problem, completion)
    assert isinstance(shaped, Verdict), f"{task.name}.verify returned {type(shaped).__name__}"
    assert -1.0 <= shaped.reward <= 1.0 and math.isfinite(shaped.reward), f"reward out of range: {shaped}"
    assert (shaped.accuracy == 1) == (shaped.reward == 1.0), f"accuracy 1 must mean reward 1 and back: {shaped}"
    assert shaped.format_ok or shaped.reward == -1.0, f"format_ok=False must give reward -1: {shaped}"
    binary = task.verify(problem, completion, reward_mode="binary")
    assert binary.reward == binary.accuracy == shaped.accuracy, f"binary mode must give reward = accuracy: {binary}"
    return shaped


def check_spec(task: Task | type[Task] | str) -> None:
    """The docstring spec has its sections; name and family are set."""
    task = _as_task(task)
    spec = type(task).spec()
    assert spec.summary and spec.difficulty and spec.reward and spec.answer
    assert task.name.isidentifier(), f"task name {task.name!r} must be an identifier"
    assert isinstance(task.family, str) and task.family, "family must be a non-empty string"


def check_ladder(task: Task | type[Task] | str, max_difficulty: int = 40) -> None:
    """Ladder values are numbers, never decrease with d, grow by d = 10 and keep growing beyond it."""
    task = _as_task(task)
    ladders = [task.ladder(d) for d in range(max_difficulty + 1)]
    keys = set(ladders[0])
    assert keys, f"{task.name}.ladder returned no parameters"
    for d, ladder in enumerate(ladders):
        assert set(ladder) == keys, f"{task.name}.ladder({d}) has keys {sorted(ladder)}, expected {sorted(keys)}"
        for key, value in ladder.items():
            assert isinstance(value, int | float) and not isinstance(value, bool), f"{key} at d={d} is {value!r}"
            if d:
                assert value >= ladders[d - 1][key], f"{task.name}: ladder {key} decreases at d={d}"
    assert any(ladders[10][k] > ladders[0][k] for k in keys), f"{task.name}: the ladder does not grow by d=10"
    assert any(ladders[max_difficulty][k] > ladders[10][k] for k in keys), f"{task.name}: the ladder stops growing"


def check_reference_accepted(
    task: Task | type[Task] | str,
    difficulties: Iterable[int] = DEFAULT_DIFFICULTIES,
    seeds: Iterable[int] = DEFAULT_SEEDS,
) -> None:
    """The reference answer gets accuracy 1 and reward 1 in both answer formats, and problems round-trip JSON."""
    task = _as_task(task)
    for difficulty in difficulties:
        for seed in seeds:
            problem = cached_problem(task, seed, difficulty)
            assert problem.task == task.name and problem.seed == seed and problem.difficulty == difficulty
            assert Problem.from_json(problem.to_json()) == problem, f"{task.name} d={difficulty}: JSON round trip"
            for answer_format in ANSWER_FORMATS:
                completion = reference_completion(problem.reference_answer, answer_format)
                verdict = check_verdict(task, problem, completion)
                assert verdict.accuracy == 1 and verdict.reward == 1.0, (
                    f"{task.name} d={difficulty} seed={seed} ({answer_format}): reference rejected: {verdict.detail}"
                )


def check_deterministic_and_distinct(
    task: Task | type[Task] | str, difficulties: Iterable[int] = (3, 10), seeds: Sequence[int] = tuple(range(8))
) -> None:
    """Same (seed, d) gives an equal problem; distinct seeds give distinct problems.

    Some ladders have only a handful of instances at low levels (RLVE's RoyalLockCounting has 9 at d = 3), where
    two seeds may draw the same one by chance; so at least half of the seeds, and never fewer than two, must give
    distinct problems — a generator that ignores its seed gives one."""
    task = _as_task(task)
    for difficulty in difficulties:
        generated = [task.generate(seed, difficulty) for seed in seeds]
        again = [task.generate(seed, difficulty) for seed in seeds]
        assert generated == again, f"{task.name} d={difficulty}: generation is not deterministic"
        distinct = {problem.to_json().replace(f'"seed":{problem.seed}', "") for problem in generated}
        needed = max(2, len(seeds) // 2)
        assert len(distinct) >= needed, (
            f"{task.name} d={difficulty}: {len(seeds)} seeds gave only {len(distinct)} distinct problems"
        )


def check_generation_time(task: Task | type[Task] | str, difficulty: int = 10, seeds: Iterable[int] = (0, 1)) -> None:
    """Generation at `difficulty` finishes within `GENERATION_TIME_LIMIT_S` (a generous hang detector)."""
    task = _as_task(task)
    for seed in seeds:
        started = time.perf_counter()
        task.generate(seed, difficulty)
        elapsed = time.perf_counter() - started
        assert elapsed < GENERATION_TIME_LIMIT_S, f"{task.name} d={difficulty} took {elapsed:.1f} s to generate"


def check_gym_env(task: Task | type[Task] | str, difficulty: int = 1) -> None:
    """Gymnasium's `check_env` passes and prompts fit the observation space."""
    import warnings

    from gymnasium.utils.env_checker import check_env

    from rlve_gym.environment import TaskEnv

    task = _as_task(task)
    env = TaskEnv(task, difficulty=difficulty)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_env(env, skip_render_check=True)
    for answer_format in ANSWER_FORMATS:
        for d in DEFAULT_DIFFICULTIES:
            prompt = format_prompt(cached_problem(task, 0, d).prompt, answer_format)
            outside = sorted(set(prompt) - env.observation_space.character_set)
            assert not outside, f"{task.name} d={d}: prompt uses characters outside the charset: {outside}"


def problem_digests(task_names: Sequence[str], difficulties: Sequence[int], seeds: Sequence[int]) -> dict[str, str]:
    """``"task/d/seed" → canonical problem JSON`` for the given problems, computed in this process."""
    return {
        f"{name}/{d}/{s}": cached_problem(name, s, d).to_json()
        for name in task_names
        for d in difficulties
        for s in seeds
    }


def fresh_process_digests(
    task_names: Sequence[str], difficulties: Sequence[int], seeds: Sequence[int], *, hash_seed: str = "12345"
) -> dict[str, str]:
    """Like `problem_digests`, computed in a new interpreter with a different ``PYTHONHASHSEED``.

    Non-built-in tasks are re-imported there from their defining module (which must be importable)."""
    modules = {}
    for name in task_names:
        cls = task_class(name)
        if not cls.__module__.startswith("rlve_gym."):
            modules[name] = [cls.__module__, cls.__qualname__]
    request = json.dumps({"tasks": list(task_names), "d": list(difficulties), "s": list(seeds), "modules": modules})
    script = (
        "import importlib, json, sys\n"
        "from rlve_gym.core.registry import register_task\n"
        "from rlve_gym.testing import problem_digests\n"
        "r = json.loads(sys.stdin.read())\n"
        "for module, qualname in r['modules'].values():\n"
        "    obj = importlib.import_module(module)\n"
        "    for part in qualname.split('.'): obj = getattr(obj, part)\n"
        "    register_task(obj, replace=True)\n"
        "json.dump(problem_digests(r['tasks'], r['d'], r['s']), sys.stdout)\n"
    )
    env = dict(os.environ, PYTHONHASHSEED=hash_seed, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    result = subprocess.run(
        [sys.executable, "-c", script], input=request, capture_output=True, text=True, env=env, timeout=600
    )
    if result.returncode != 0:
        raise AssertionError(f"fresh-process generation failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def check_fresh_process(
    task: Task | type[Task] | str, difficulties: Sequence[int] = (0, 3, 10), seeds: Sequence[int] = (0, 7)
) -> None:
    """The same (seed, d) gives the identical problem in a new process with another hash seed."""
    task = _as_task(task)
    here = problem_digests([task.name], difficulties, seeds)
    there = fresh_process_digests([task.name], difficulties, seeds)
    for key, value in here.items():
        assert there.get(key) == value, f"{key}: problem differs in a fresh process"


def fuzz_verifier(
    task: Task | type[Task] | str,
    *,
    difficulties: Sequence[int] = DEFAULT_DIFFICULTIES,
    seeds: Sequence[int] = DEFAULT_SEEDS,
    max_examples: int = 60,
) -> None:
    """Hypothesis: reference, near-miss and garbage completions never make the verifier raise or leave [-1, 1]."""
    task = _as_task(task)

    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(problems_and_completions(task, difficulties, seeds))
    def property_holds(pair: tuple[Problem, str]) -> None:
        problem, completion = pair
        check_verdict(task, problem, completion)

    property_holds()


def check_task(
    task: Task | type[Task] | str,
    *,
    difficulties: Sequence[int] = DEFAULT_DIFFICULTIES,
    seeds: Sequence[int] = DEFAULT_SEEDS,
    max_examples: int = 60,
    fresh_process: bool = True,
    gym: bool = True,
) -> None:
    """Run every conformance check on one task (raises AssertionError naming the first broken property).

    `fresh_process` needs the task importable by module name (not defined in ``__main__``); a task that is not
    registered is registered for the duration of the checks.
    """
    from rlve_gym.core.registry import register_task, task_families

    task = _as_task(task)
    if task.name not in task_families():
        register_task(type(task))
    check_spec(task)
    check_ladder(task)
    check_reference_accepted(task, difficulties, seeds)
    check_deterministic_and_distinct(task)
    check_generation_time(task)
    fuzz_verifier(task, difficulties=difficulties, seeds=seeds, max_examples=max_examples)
    if gym:
        check_gym_env(task)
    if fresh_process:
        if type(task).__module__ == "__main__":
            import warnings

            warnings.warn(
                f"{task.name} is defined in __main__, so the fresh-process determinism check was skipped; "
                "define the task in an importable module to run it",
                stacklevel=2,
            )
        else:
            check_fresh_process(task)
