"""Batch generation and verification across worker processes, with timeouts that really stop runaway work.

    from rlve_gym.batch import ProblemSpec, WorkerPool

    with WorkerPool(workers=4, timeout_s=10) as pool:
        problems = pool.generate([ProblemSpec("Sorting", difficulty=3, seed=s) for s in range(1000)])
        verdicts = pool.verify(problems_ok, completions)

Each worker is a separate process (`multiprocess`, so user tasks defined in ``__main__`` travel by value). A job
that runs past `timeout_s` is stopped by killing its worker process (SIGKILL), which is then replaced: nothing is
left running. Results come back in input order. A generation that fails or times out is returned as a
`Failure` in its slot, so the stream of (task, difficulty, seed) stays deterministic — callers skip failures
without shifting later seeds. A verification that fails or times out becomes a verdict with reward -1.

``workers=0`` runs everything inline in the calling process (no timeouts; for debugging).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import time
import traceback
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from rlve_gym.core.problem import Problem, ProblemSpec, Verdict
from rlve_gym.core.registry import get_task, register_task, user_tasks

__all__ = ["Failure", "Outcome", "ProblemSpec", "WorkerPool", "generate_many", "verify_many"]

JobKind = Literal["generate", "verify"]
_READY = "ready"
STARTUP_TIMEOUT_S = 120.0
"""How long a new worker may take to import and start before it is considered broken."""


@dataclass(frozen=True)
class Failure:
    """A job that did not produce a result."""

    kind: Literal["timeout", "error"]
    """``timeout`` (the worker was killed) or ``error`` (an exception or a crashed worker)."""
    message: str
    """One line on what happened."""
    spec: ProblemSpec | None = None
    """The generation request, for generation failures."""


@dataclass(frozen=True)
class Outcome:
    """One job's result (a Problem, a Verdict or a Failure) and the seconds the worker spent on it."""

    value: Problem | Verdict | Failure
    seconds: float


def run_job(kind: JobKind, payload: Any) -> Problem | Verdict:
    """Run one job in this process: generate a problem from a ProblemSpec, or verify (problem, completion, mode)."""
    if kind == "generate":
        spec: ProblemSpec = payload
        return get_task(spec.task).generate(spec.seed, spec.difficulty)
    problem, completion, reward_mode = payload
    return get_task(problem.task).verify(problem, completion, reward_mode=reward_mode)


def _worker_main(connection: Any, extra_tasks: dict[str, type]) -> None:
    for task_cls in extra_tasks.values():
        register_task(task_cls, replace=True)
    connection.send_bytes(pickle.dumps(_READY))  # start-up time must not count against the first job
    while True:
        try:
            jobs = pickle.loads(connection.recv_bytes())
        except (EOFError, OSError):
            return
        if jobs is None:
            return
        for job_id, kind, payload in jobs:
            started = time.perf_counter()
            try:
                result: Any = ("ok", run_job(kind, payload))
            except Exception as exc:  # report, never crash the worker: the parent decides what the failure means
                last = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
                where = f" at {os.path.basename(last.filename)}:{last.lineno}" if last else ""
                result = ("error", f"{type(exc).__name__}: {exc}{where}")
            reply = (job_id, *result, time.perf_counter() - started)
            try:
                data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:
                data = pickle.dumps((job_id, "error", f"unpicklable result: {exc}", reply[-1]))
            connection.send_bytes(data)


def failure_verdict(failure: Failure) -> Verdict:
    """The verdict for a verification that failed or timed out (reward -1, the reason in `detail`)."""
    return Verdict(reward=-1.0, accuracy=0, format_ok=False, detail=f"verification {failure.kind}: {failure.message}")


class _Worker:
    def __init__(self, context: Any, extra_tasks: dict[str, type]) -> None:
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child_end, extra_tasks), daemon=True)
        self.process.start()
        child_end.close()
        self.jobs: deque[tuple[int, JobKind, Any]] = deque()
        """Jobs sent and not answered yet; the first one is running."""
        self.ready = False
        self.deadline = time.monotonic() + STARTUP_TIMEOUT_S

    def restart_clock(self, timeout_s: float) -> None:
        """Give the running job its full time limit from now (start-up does not count)."""
        self.deadline = time.monotonic() + (timeout_s if self.ready else STARTUP_TIMEOUT_S)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


class WorkerPool:
    """A pool of worker processes for generating and verifying problems (see the module docstring)."""

    def __init__(self, workers: int | None = None, *, timeout_s: float = 10.0, start_method: str | None = None) -> None:
        """`workers`: processes (default: CPU count; 0 = inline); `timeout_s`: per-job limit in seconds;
        `start_method`: "forkserver" (default where available), "spawn" or "fork"."""
        if workers is None:
            workers = os.cpu_count() or 1
        if workers < 0:
            raise ValueError(f"workers must be ≥ 0, got {workers}")
        if not timeout_s > 0:
            raise ValueError(f"timeout_s must be > 0, got {timeout_s}")
        self.workers = workers
        self.timeout_s = float(timeout_s)
        self._start_method = start_method
        self._context: Any = None
        self._pool: list[_Worker] = []
        self.restarts = 0
        """How many workers were replaced after a timeout or crash."""

    # ------------------------------------------------------------------------------------------------ lifecycle
    def _ensure_started(self) -> None:
        if self._pool or self.workers == 0:
            return
        import multiprocess

        method = self._start_method
        if method is None:
            method = "forkserver" if "forkserver" in multiprocess.get_all_start_methods() else "spawn"
        self._context = multiprocess.get_context(method)
        extra = user_tasks()
        self._pool = [_Worker(self._context, extra) for _ in range(self.workers)]

    def close(self) -> None:
        """Stop all workers."""
        for worker in self._pool:
            with contextlib.suppress(OSError):
                worker.connection.send_bytes(pickle.dumps(None))
        for worker in self._pool:
            worker.process.join(timeout=2)
            worker.kill()
        self._pool = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()

    # ------------------------------------------------------------------------------------------------ jobs
    def run(self, kind: JobKind, payloads: Sequence[Any]) -> list[Outcome]:
        """Run jobs of one kind; outcomes come back in input order.

        Jobs go to workers in small chunks to amortise inter-process overhead; each job still has its own
        deadline, `timeout_s` after the previous job of its worker finished.
        """
        if self.workers == 0:
            return [self._run_inline(kind, payload) for payload in payloads]
        self._ensure_started()
        from multiprocess.connection import wait

        outcomes: list[Outcome | None] = [None] * len(payloads)
        queue: deque[tuple[int, JobKind, Any]] = deque((i, kind, p) for i, p in enumerate(payloads))
        chunk = max(1, min(32, len(payloads) // (4 * len(self._pool))))
        while queue or any(worker.jobs for worker in self._pool):
            for worker in self._pool:
                if not worker.jobs and queue:
                    for _ in range(min(chunk, len(queue))):
                        worker.jobs.append(queue.popleft())
                    worker.restart_clock(self.timeout_s)
                    try:
                        worker.connection.send_bytes(pickle.dumps(list(worker.jobs), pickle.HIGHEST_PROTOCOL))
                    except (OSError, BrokenPipeError):
                        self._replace(worker, "error", "worker pipe closed", outcomes, queue)
            busy = {worker.connection: worker for worker in self._pool if worker.jobs}
            if not busy:
                continue
            timeout = max(0.0, min(w.deadline for w in busy.values()) - time.monotonic())
            for connection in wait(list(busy), timeout=timeout):
                worker = busy[connection]
                try:
                    reply = pickle.loads(connection.recv_bytes())
                except (EOFError, OSError):
                    worker.process.join(timeout=1)
                    code = worker.process.exitcode
                    self._replace(worker, "error", f"worker process died (exit code {code})", outcomes, queue)
                    continue
                if reply == _READY:
                    worker.ready = True
                    worker.restart_clock(self.timeout_s)
                    continue
                job_id, status, result, seconds = reply
                job = worker.jobs.popleft()
                value = result if status == "ok" else Failure("error", result, self._spec(job))
                outcomes[job_id] = Outcome(value, seconds)
                worker.restart_clock(self.timeout_s)
            now = time.monotonic()
            for worker in busy.values():
                if worker.jobs and worker.deadline <= now:
                    if worker.ready:
                        self._replace(worker, "timeout", f"stopped after {self.timeout_s:g} s", outcomes, queue)
                    else:
                        self._replace(worker, "error", "worker failed to start", outcomes, queue)
        results = [outcome for outcome in outcomes if outcome is not None]
        assert len(results) == len(payloads)
        return [self.as_verdict_if_needed(kind, outcome) for outcome in results]

    def _run_inline(self, kind: JobKind, payload: Any) -> Outcome:
        started = time.perf_counter()
        try:
            value: Problem | Verdict | Failure = run_job(kind, payload)
        except Exception as exc:
            value = Failure("error", f"{type(exc).__name__}: {exc}", self._spec((0, kind, payload)))
        return self.as_verdict_if_needed(kind, Outcome(value, time.perf_counter() - started))

    @staticmethod
    def _spec(job: tuple[int, JobKind, Any]) -> ProblemSpec | None:
        return job[2] if job[1] == "generate" else None

    @staticmethod
    def as_verdict_if_needed(kind: JobKind, outcome: Outcome) -> Outcome:
        """Verification failures become -1 verdicts; other outcomes pass through."""
        if kind == "verify" and isinstance(outcome.value, Failure):
            return Outcome(failure_verdict(outcome.value), outcome.seconds)
        return outcome

    def _replace(
        self,
        worker: _Worker,
        kind: Literal["timeout", "error"],
        message: str,
        outcomes: list[Outcome | None],
        queue: deque[tuple[int, JobKind, Any]],
    ) -> None:
        """Kill a worker, fail the job it was running, requeue its other jobs, start a fresh worker."""
        worker.kill()
        self.restarts += 1
        if worker.jobs:
            job = worker.jobs.popleft()
            outcomes[job[0]] = Outcome(Failure(kind, message, self._spec(job)), self.timeout_s)
            queue.extendleft(reversed(worker.jobs))
        self._pool[self._pool.index(worker)] = _Worker(self._context, user_tasks())

    # ------------------------------------------------------------------------------------------------ helpers
    def generate(self, specs: Sequence[ProblemSpec]) -> list[Problem | Failure]:
        """Generate problems; a failed or timed-out one is a `Failure` in its slot."""
        return [outcome.value for outcome in self.run("generate", list(specs))]  # type: ignore[misc]

    def verify(
        self, problems: Sequence[Problem], completions: Sequence[str], *, reward_mode: str = "shaped"
    ) -> list[Verdict]:
        """Verify completions (one per problem); failures and timeouts give reward -1 with the reason in `detail`."""
        if len(problems) != len(completions):
            raise ValueError(f"{len(problems)} problems but {len(completions)} completions")
        payloads = [(p, c, reward_mode) for p, c in zip(problems, completions, strict=True)]
        return [outcome.value for outcome in self.run("verify", payloads)]  # type: ignore[misc]


def generate_many(
    specs: Sequence[ProblemSpec], *, workers: int | None = None, timeout_s: float = 10.0
) -> list[Problem | Failure]:
    """One-shot `WorkerPool.generate` (starts and stops a pool)."""
    with WorkerPool(workers, timeout_s=timeout_s) as pool:
        return pool.generate(specs)


def verify_many(
    problems: Sequence[Problem],
    completions: Sequence[str],
    *,
    reward_mode: str = "shaped",
    workers: int | None = None,
    timeout_s: float = 10.0,
) -> list[Verdict]:
    """One-shot `WorkerPool.verify` (starts and stops a pool)."""
    with WorkerPool(workers, timeout_s=timeout_s) as pool:
        return pool.verify(problems, completions, reward_mode=reward_mode)
