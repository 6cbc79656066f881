"""Run untrusted Python programs in a confined, disposable process: the sandbox behind every code task.

Each execution is a fresh process forked from a zygote: a Python interpreter with common standard-library modules
already imported, started from a scrubbed environment, that never runs untrusted code itself. Startup therefore
costs a fork, not an interpreter launch, and nothing leaks from one execution to the next. ``Sandbox.run`` may be
called from many threads at once; each process using a ``Sandbox`` gets its own zygote, and a zygote that dies is
replaced on the next call (a program running when its zygote dies gets ``killed``; it is never run twice).

Layers. The zygote probes at start what the kernel allows; ``Sandbox.capabilities()`` reports it, ``weaknesses()``
lists what is missing, and a ``Sandbox`` warns once when something is. ``tests/verifiers/test_sandbox.py`` runs
every adversarial test in six modes (root with and without namespaces, each with and without Landlock, and an
unprivileged uid with and without namespaces); each statement below names the layer it relies on.

- Root: the program runs as an unprivileged uid of its own (``uid_base + block * uid_count + slot``; each zygote
  on the machine holds its own block through an flock in /tmp/.rlve-sandbox-uids).
- Not root: the zygote enters a user namespace of its own where the kernel allows one, and the other namespaces
  work as for root; the program keeps the host user's uid but runs in a nested user namespace of its own (so
  ``RLIMIT_NPROC`` counts only its processes, Linux >= 5.14) with every capability dropped.
- Namespaces: the program is PID 1 of a fresh PID namespace and has fresh IPC and mount namespaces, and a network
  namespace with no interface up (one per execution, or one per zygote when Landlock scoping is available).
- Landlock (Linux >= 5.13): writes only in the working directory (ABI 1), no TCP bind or connect (ABI 4), no
  signals to and no abstract Unix sockets of processes outside the execution (ABI 6).
- Without namespaces the zygote is a child subreaper: it kills orphans as soon as they appear and, when the
  program ends, every process of the program's uid with one ``kill(-1)`` (atomic under the tasklist lock).

What is covered, in every mode unless a layer is named:

- Time: a wall-clock deadline (``timeout_s``) and ``RLIMIT_CPU`` (ceil(timeout_s) + 1 s); busy loops, sleeps and
  programs that ignore SIGXCPU all end as ``timeout``.
- No process outlives its execution, including a grandchild that called ``setsid`` after a double fork, whether
  the program exits or times out (with a PID namespace, the kernel kills the namespace when its PID 1 ends).
- Processes: ``max_processes`` (``RLIMIT_NPROC``) bounds a fork bomb (root, or a user namespace).
- Memory: ``RLIMIT_AS`` (``memory_mb``, the interpreter's ~30 MiB included); an uncaught ``MemoryError`` is
  reported as ``memory``; allocations below the limit work.
- Output: stdout, stderr and the harness report are each capped at ``max_output_bytes``; going over kills the
  program at once and reports ``output_limit`` with the output up to the cap.
- Files: ``RLIMIT_FSIZE`` (an oversized write fails with EFBIG) and ``RLIMIT_NOFILE``. The working directory is
  private and removed afterwards; relative paths never reach the host's working directory. Writes outside it fail
  (a mount namespace, or Landlock; as root, everywhere but world-writable directories such as /tmp). With a mount
  namespace the host filesystem is read-only, /tmp (the working directory) and /dev/shm are private tmpfs mounts
  of ``disk_mb`` each, /run is hidden, /proc shows only the execution's processes, and a directory holding the
  interpreter that other users cannot enter (a 0700 home) shows only the interpreter's directories. With a user
  namespace the host user's home (from the passwd entry) is covered the same way; the tests cannot exercise
  that where the test's uid has no home.
- Reading: files that only root (or another user) may read stay unreadable (root, or a user namespace).
- Environment: no variable of the host process reaches the program (it sees PATH, LANG, HOME, TMPDIR and what the
  caller passes in ``env``), and the environment of host processes is unreadable through /proc.
- Network: connections to the host's loopback and anywhere else fail (a network namespace: ENETUNREACH); without
  one, Landlock still denies TCP.
- Signals: ``kill(getppid())``, ``kill(-1)``, ``killpg`` of the parent's group and kills aimed at the host or the
  zygote reach nothing outside the execution, and concurrent executions cannot signal each other (root, a PID
  namespace, or Landlock ABI 6), nor reach the host's or each other's abstract Unix sockets (a network namespace
  of their own, or Landlock ABI 6).
- Crashes: a segfault through ``ctypes`` or a C stack overflow is ``killed`` with the signal's name; plain deep
  recursion is a ``runtime_error`` (RecursionError); ``os._exit`` keeps the program's exit code and its flushed
  output; a program that closes every descriptor is still timed and reaped; rlimits cannot be raised; writing
  the side channels (fds 3 and 4) can only make the program's own result worse.

What is not covered:

- System calls are not filtered (no seccomp): kernel bugs reachable from an unprivileged process are in scope for
  an attacker, and so is every world-readable file on the host. Never write hidden test data to disk.
- The harness runs inside the program's process, so a program can forge the harness report. Compare results with
  expected values on the host, never inside the sandbox: forging a passing report then means computing the answers.
- ``memory_mb`` limits the address space of each process, not of the execution: a program may hold up to
  ``max_processes * memory_mb`` (plus ``2 * disk_mb`` of tmpfs). There is no memory cgroup.
- Without a mount namespace the working directory's total size is bounded only per file, the host's /tmp and
  /dev/shm are readable (and, without Landlock, writable: files left there survive), host processes are visible
  in /proc, and with Landlock ``multiprocessing`` locks cannot be created (they need /dev/shm).
- Without a network namespace UDP (and, without Landlock ABI 4, TCP) reaches the network.
- Without root the program runs as the host user: in a user namespace it can read what that user can read
  outside its home; with neither, it can also read the user's files, ``max_processes`` is not enforced, and
  without Landlock it can write the user's files and inspect and signal the user's processes.
- ``cpu_time_s`` counts the program's main process and the children it waited for, not processes killed at the
  end.
- As PID 1 of its namespace, the program ignores signals it sends itself with the default action
  (``os.kill(os.getpid(), SIGTERM)`` does nothing; ``os.abort()`` ends in SIGSEGV) and inherits its orphans.
- When the program's uid cannot read the interpreter's files and there is no mount namespace (root, a 0700
  home, no namespaces), only the modules the zygote imported are importable.
- Program output is decoded as UTF-8 with replacement characters; output still buffered when the program calls
  ``os._exit`` or crashes is lost, as it would be outside the sandbox.

Statuses: ``ok`` (exit code 0), ``runtime_error`` (non-zero exit code: an uncaught exception, ``sys.exit(n)``),
``memory`` (uncaught ``MemoryError``), ``timeout`` (wall deadline or CPU limit), ``output_limit``, ``killed``
(ended by a signal the sandbox did not send: segfault, the kernel's OOM killer, the program's own kill, or the
death of the zygote).
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import os
import select
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import warnings
import weakref
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT_PRELOAD_MODULES",
    "CallOutcome",
    "FunctionCallResults",
    "Sandbox",
    "SandboxCapabilities",
    "SandboxError",
    "SandboxLimits",
    "SandboxResult",
    "SandboxStatus",
    "capabilities",
    "run",
]

_WORKER_PATH = Path(__file__).with_name("sandbox_worker.py")
# Programs run as uid_base + block * uid_count + slot: far above login and system uids and below 2**31 (some tools
# treat uids as signed). Each zygote on the machine holds its own block (an flock in /tmp/.rlve-sandbox-uids).
DEFAULT_UID_BASE = 1_900_000_000
DEFAULT_UID_COUNT = 256
DEFAULT_UID_BLOCKS = 4096
# Imported once by the zygote so that programs get them for free. Modules that register fork handlers (threading,
# random, and queue, statistics, tempfile which import them) are left out: their handlers would run in every runner.
DEFAULT_PRELOAD_MODULES: tuple[str, ...] = (
    "abc", "array", "atexit", "base64", "bisect", "cmath", "collections", "collections.abc", "contextlib", "copy",
    "dataclasses", "datetime", "decimal", "enum", "fractions", "functools", "graphlib", "hashlib", "heapq",
    "itertools", "json", "math", "numbers", "operator", "pprint", "re", "string", "struct", "textwrap", "time",
    "typing", "unicodedata",
)  # fmt: skip
_PROGRAM_PATH = "/usr/local/bin:/usr/bin:/bin"
_ZYGOTE_START_TIMEOUT_S = 60.0
_LAUNCHED = b"L"  # sent by the zygote once the program has started (see sandbox_worker.py)
# Room for the zygote's own work (and a wait for a free uid) beyond the deadline before the host gives up.
_RESPONSE_MARGIN_S = 30.0


class SandboxError(RuntimeError):
    """The sandbox itself failed (not the program): it could not start, or a supervisor broke."""


class SandboxStatus(StrEnum):
    """How an execution ended; compares equal to its string value."""

    OK = "ok"
    TIMEOUT = "timeout"
    MEMORY = "memory"
    RUNTIME_ERROR = "runtime_error"
    OUTPUT_LIMIT = "output_limit"
    KILLED = "killed"


@dataclass(frozen=True)
class SandboxLimits:
    """Resource limits of one execution; every field must be positive."""

    timeout_s: float = 2.0  # wall-clock limit; each process also gets ceil(timeout_s) + 1 s of CPU time
    memory_mb: int = 512  # address space per process (RLIMIT_AS), the interpreter's ~30 MiB included
    max_processes: int = 32  # processes and threads of the execution's uid (RLIMIT_NPROC; needs a uid of its own)
    max_output_bytes: int = 1 << 20  # cap on each of stdout, stderr and the harness report
    max_file_mb: int = 16  # largest file the program may write (RLIMIT_FSIZE)
    max_open_files: int = 64  # file descriptors per process (RLIMIT_NOFILE)
    disk_mb: int = 64  # size of each private tmpfs (/tmp, /dev/shm) when a mount namespace is available
    max_files: int = 4096  # inodes of each private tmpfs

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
                raise ValueError(f"SandboxLimits.{field.name} must be a positive number, got {value!r}")
        if self.max_open_files < 8:
            raise ValueError("SandboxLimits.max_open_files must be at least 8 (the runner itself uses 5)")

    def replace(self, **changes: Any) -> SandboxLimits:
        """A copy with some fields changed; unknown names raise with the nearest valid one."""
        names = [field.name for field in dataclasses.fields(self)]
        for name in changes:
            if name not in names:
                close = difflib.get_close_matches(name, names, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise TypeError(f"unknown sandbox limit {name!r}{hint}; valid limits: {', '.join(names)}")
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class SandboxResult:
    """The outcome of one execution."""

    status: SandboxStatus
    stdout: str
    stderr: str
    exit_code: int | None  # as in subprocess: negative for a signal; None when the sandbox ended the program
    wall_time_s: float
    cpu_time_s: float  # user + system time of every process of the execution
    detail: str = ""  # why the status was given, e.g. "terminated by signal SIGSEGV"
    report: str = ""  # what the harness wrote through ``report(...)``: one JSON document per line

    @property
    def ok(self) -> bool:
        """Whether the program exited with code 0 within every limit."""
        return self.status is SandboxStatus.OK


@dataclass(frozen=True)
class SandboxCapabilities:
    """The isolation layers a zygote found it could use (probed once, at start)."""

    user_namespace: bool  # not root: the zygote runs in a user namespace of its own, which makes the others possible
    pid_namespace: bool
    network_namespace: bool
    ipc_namespace: bool
    mount_namespace: bool
    read_only_root: bool  # the host filesystem is mounted read-only inside the mount namespace
    private_proc: bool  # /proc shows only the execution's own processes
    landlock_abi: int  # 0: no Landlock; >= 1: writes confined to the working directory; >= 4: no TCP; >= 6: signals
    # and abstract Unix sockets confined to the execution
    shared_network_namespace: bool  # one empty network namespace for all executions (only with Landlock >= 6)
    process_limit: bool  # max_processes can be enforced (a uid of the execution's own, or RLIMIT_NPROC per namespace)
    uid_base: int | None  # first uid programs run as; None when they run as the host user
    uid_count: int  # how many distinct uids are used (1: all executions share ``uid_base``)
    python_readable: bool  # False: the program's uid cannot read the interpreter's files; only preloaded modules import
    host_euid: int
    kernel: str

    @property
    def network_isolated(self) -> bool:
        """Whether programs cannot open network connections (new network namespace)."""
        return self.network_namespace

    @property
    def process_limit_enforced(self) -> bool:
        """Whether ``max_processes`` is applied (needs a uid, or a user namespace, of the execution's own)."""
        return self.uid_base is not None or (self.user_namespace and self.process_limit)

    @property
    def orphan_cleanup(self) -> str:
        """How leftover processes are killed: ``pid_namespace``, ``uid_kill`` or ``subreaper_sweep``."""
        if self.pid_namespace:
            return "pid_namespace"
        return "uid_kill" if self.uid_base is not None else "subreaper_sweep"

    def weaknesses(self) -> tuple[str, ...]:
        """Human-readable gaps compared with full isolation (empty when every layer is active)."""
        gaps = []
        if not self.network_namespace:
            if self.landlock_abi >= 4:
                gaps.append("no network namespace: TCP is blocked (Landlock) but UDP and other protocols are open")
            else:
                gaps.append("no network namespace: programs can open network connections")
        if self.uid_base is None and not self.user_namespace:
            powers = ["read its files"]
            if not self.landlock_abi:
                powers += ["write its files", "inspect its processes through /proc"]
            if not (self.pid_namespace or self.landlock_abi >= 6):
                powers.append("signal its processes")
            gaps.append(f"programs run as the host user: they can {', '.join(powers)}; max_processes is not enforced")
        elif self.uid_base is None:
            gaps.append(
                "programs run as the host user inside a user namespace: they can read the host user's files "
                "outside its home directory"
            )
            if not self.process_limit:
                gaps.append(
                    "this kernel counts RLIMIT_NPROC per user, not per namespace: max_processes is not enforced"
                )
        elif self.uid_count == 1 and not self.pid_namespace:
            gaps.append(f"all executions share uid {self.uid_base}: they run one at a time")
        elif self.uid_count == 1:
            gaps.append(f"all executions share uid {self.uid_base}: concurrent programs share max_processes")
        if not self.mount_namespace:
            if self.landlock_abi:
                gaps.append("no mount namespace: programs can read the host's /tmp and /dev/shm (not write them)")
            else:
                gaps.append("no mount namespace: /tmp and /dev/shm are shared with the host")
        if not self.pid_namespace:
            gaps.append("no PID namespace: programs see host processes in /proc")
        if not self.python_readable:
            gaps.append("the program's uid cannot read the standard library: only preloaded modules import")
        return tuple(gaps)


@dataclass(frozen=True)
class CallOutcome:
    """What one call of the program's function did."""

    returned: bool  # the call returned a JSON-serializable value
    value: Any = None  # the returned value after a JSON round trip (tuples become lists)
    error: str = ""  # why not: the exception, a non-serializable value, or the execution's end


@dataclass(frozen=True)
class FunctionCallResults:
    """The execution of a program plus one outcome per requested call of its function."""

    execution: SandboxResult
    outcomes: tuple[CallOutcome, ...]


# Runs after the program in its process; NAME and CALLS are replaced by Python literals.
_CALL_HARNESS = """
import json
function_name = NAME
calls = json.loads(CALLS)
function = program.get(function_name)
if not callable(function):
    report({"fatal": "the program does not define a function named " + repr(function_name)})
else:
    for index, arguments in enumerate(calls):
        try:
            value = function(*arguments)
        except BaseException as error:
            try:
                message = f"{type(error).__name__}: {error}"[:500]
            except BaseException:
                message = type(error).__name__
            report({"index": index, "error": message})
            continue
        try:
            json.dumps(value)
        except (TypeError, ValueError, RecursionError):
            report({"index": index, "error": "return value is not JSON-serializable: " + type(value).__name__})
        else:
            report({"index": index, "value": value})
"""


class _ZygoteUnreachable(Exception):
    """The zygote is gone before it took the request; the request is safe to retry."""


class _Zygote:
    """One running zygote process and the address of its socket."""

    def __init__(self, settings: dict, python: str) -> None:
        environment = {"PATH": _PROGRAM_PATH, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        self.process = subprocess.Popen(
            [python, "-I", "-B", str(_WORKER_PATH)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=environment,
            cwd="/",
            close_fds=True,
            start_new_session=True,  # terminal signals aimed at the host's group must not reach it
        )
        self._private_dir: list[str] = []  # filled once the zygote says where it is; removed after it exits
        self._finalizer = weakref.finalize(self, _stop_process, self.process, self._private_dir)
        try:
            assert self.process.stdin is not None and self.process.stdout is not None
            self.process.stdin.write(_frame(settings))
            self.process.stdin.flush()
            ready = _read_frame_with_timeout(self.process.stdout.fileno(), _ZYGOTE_START_TIMEOUT_S)
        except BaseException:
            self.close()
            raise
        if ready is None:
            self.close()
            raise SandboxError(f"the sandbox zygote exited during start (exit code {self.process.poll()})")
        self._private_dir.append(ready["private_dir"])
        self.socket_path: str = ready["socket"]
        self.serving_pid: int = ready["pid"]  # the launcher's child when the zygote needs a PID namespace of its own
        self.capabilities = _capabilities_from_plan(ready["plan"])

    def alive(self) -> bool:
        return self.process.poll() is None

    def request(self, payload: bytes, timeout_s: float) -> dict | None:
        """Send one request; None when the connection closed after the program started but before the answer.

        Raises ``_ZygoteUnreachable`` when the zygote went away before starting the program (safe to retry); a
        program that killed its zygote is never run a second time.
        """
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(timeout_s)
        try:
            try:
                connection.connect(self.socket_path)
                connection.sendall(payload)
                launched = _receive_exactly(connection, 1)
            except (FileNotFoundError, ConnectionRefusedError, ConnectionResetError, BrokenPipeError) as error:
                raise _ZygoteUnreachable from error
            if launched is None:
                raise _ZygoteUnreachable
            if launched != _LAUNCHED:
                raise SandboxError(f"unexpected first byte from the sandbox zygote: {launched!r}")
            try:
                response = _receive_frame(connection)
            except (ConnectionResetError, EOFError):
                response = None
        except TimeoutError as error:
            raise SandboxError(f"no answer from the sandbox within {timeout_s:.0f} s") from error
        finally:
            connection.close()
        return response

    def close(self) -> None:
        self._finalizer()


class Sandbox:
    """Runs untrusted Python programs; one zygote per process, started on first use.

    Args:
        limits: default limits of every execution (override per call with keyword arguments of ``run``).
        namespaces: use Linux namespaces (PID, network, IPC, mount) where the kernel allows them.
        landlock: use Landlock (Linux >= 5.13) where the kernel allows it.
        drop_privileges: when running as root, run programs as unprivileged per-execution uids.
        uid_base, uid_count, uid_blocks: the uids used for that. Each zygote claims one of ``uid_blocks`` blocks of
            ``uid_count`` uids (the block's lock file lives in /tmp/.rlve-sandbox-uids), and concurrent executions
            get distinct uids of the block. When those uids are not usable (e.g. outside a container's uid map),
            every execution runs as ``nobody`` (65534).
        preload_modules: modules the zygote imports once, so programs import them for free.
        work_root: where working directories and the zygote socket live (default: the system temp directory).
        python: the interpreter to run programs with (default: this one).
        run_as_user: (root only) run the zygote and every program as this unprivileged uid, exactly as the sandbox
            runs for a user without root: isolation then comes from a user namespace where the kernel allows
            one. Also how the tests exercise the unprivileged code paths on a root machine.
    """

    def __init__(
        self,
        limits: SandboxLimits | None = None,
        *,
        namespaces: bool = True,
        landlock: bool = True,
        drop_privileges: bool = True,
        uid_base: int = DEFAULT_UID_BASE,
        uid_count: int = DEFAULT_UID_COUNT,
        uid_blocks: int = DEFAULT_UID_BLOCKS,
        preload_modules: Sequence[str] = DEFAULT_PRELOAD_MODULES,
        work_root: str | None = None,
        python: str | None = None,
        run_as_user: int | None = None,
    ) -> None:
        if not sys.platform.startswith("linux"):
            raise SandboxError("the sandbox needs Linux (namespaces, rlimits, /proc)")
        if uid_count < 1 or uid_base < 1 or uid_blocks < 1:
            raise ValueError("uid_base, uid_count and uid_blocks must be positive")
        if uid_base + uid_count * uid_blocks >= 2**31:
            raise ValueError("uid_base + uid_count * uid_blocks must stay below 2**31")
        if run_as_user is not None and (os.geteuid() != 0 or not 0 < run_as_user < 2**31):
            raise ValueError("run_as_user needs a host running as root and a uid in (0, 2**31)")
        self.limits = limits if limits is not None else SandboxLimits()
        self._settings = {
            "namespaces": namespaces,
            "landlock": landlock,
            "drop_privileges": drop_privileges,
            "uid_base": uid_base,
            "uid_count": uid_count,
            "uid_blocks": uid_blocks,
            "preload_modules": list(preload_modules),
            "work_root": work_root or tempfile.gettempdir(),
            "run_as_user": run_as_user,
        }
        self._python = python or sys.executable
        self._reset_process_state()

    def _reset_process_state(self) -> None:
        self._owner_pid = os.getpid()
        self._lock = threading.Lock()
        self._zygote: _Zygote | None = None
        self._warned = False

    def __getstate__(self) -> dict:
        return {"limits": self.limits, "settings": self._settings, "python": self._python}

    def __setstate__(self, state: dict) -> None:
        self.limits = state["limits"]
        self._settings = state["settings"]
        self._python = state["python"]
        self._reset_process_state()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop this process's zygote (a later call starts a new one)."""
        with self._lock:
            if self._zygote is not None and self._owner_pid == os.getpid():
                self._zygote.close()
            self._zygote = None

    def capabilities(self) -> SandboxCapabilities:
        """The isolation layers in use (starts the zygote if needed)."""
        return self._current_zygote().capabilities

    @property
    def zygote_pid(self) -> int | None:
        """Process id of this process's running zygote (its CPU time includes every finished program), if any."""
        zygote = self._zygote
        if zygote is None or self._owner_pid != os.getpid() or not zygote.alive():
            return None
        return zygote.serving_pid

    def run(
        self,
        code: str,
        *,
        stdin: str = "",
        harness: str | None = None,
        env: Mapping[str, str] | None = None,
        limits: SandboxLimits | None = None,
        **limit_overrides: Any,
    ) -> SandboxResult:
        """Run ``code`` as ``__main__`` in a fresh confined process and return how it ended.

        Args:
            code: the program's source.
            stdin: the program's entire standard input (it sees end of file after it).
            harness: source run after the program finishes its top level, in the same process, with globals
                ``program`` (the program's namespace) and ``report(value)`` (appends ``value`` as a JSON line to
                ``SandboxResult.report``).
            env: extra environment variables for the program.
            limits: limits for this call instead of the sandbox's defaults.
            limit_overrides: single limits to change, e.g. ``timeout_s=1.0``.
        """
        if not isinstance(code, str) or not isinstance(stdin, str):
            raise TypeError("code and stdin must be str")
        if harness is not None and not isinstance(harness, str):
            raise TypeError("harness must be str or None")
        effective = (limits or self.limits).replace(**limit_overrides) if limit_overrides else limits or self.limits
        environment = {"PATH": _PROGRAM_PATH, "LANG": "C.UTF-8"}
        for key, value in (env or {}).items():
            if not isinstance(key, str) or not isinstance(value, str) or not key or "=" in key or "\0" in key + value:
                raise ValueError(f"invalid environment variable {key!r}")
            environment[key] = value
        payload = _frame(
            {
                "code": code,
                "stdin": stdin,
                "harness": harness,
                "env": environment,
                "limits": dataclasses.asdict(effective),
            }
        )
        return self._execute(payload, effective)

    def run_many(
        self, codes: Sequence[str], *, stdins: Sequence[str] | None = None, max_workers: int = 4, **run_kwargs: Any
    ) -> list[SandboxResult]:
        """Run several programs concurrently (threads waiting on the zygote); results keep the input order."""
        if stdins is not None and len(stdins) != len(codes):
            raise ValueError(f"got {len(codes)} programs but {len(stdins)} stdins")
        inputs = stdins if stdins is not None else [""] * len(codes)
        if max_workers < 1:
            raise ValueError("max_workers must be at least 1")
        with ThreadPoolExecutor(max_workers=max_workers) as executor:
            futures = [
                executor.submit(self.run, code, stdin=text, **run_kwargs)
                for code, text in zip(codes, inputs, strict=True)
            ]
            return [future.result() for future in futures]

    def call_function(
        self, code: str, function_name: str, argument_lists: Sequence[Sequence[Any]], **run_kwargs: Any
    ) -> FunctionCallResults:
        """Run ``code``, then call ``function_name(*arguments)`` for each entry of ``argument_lists``.

        Arguments travel as JSON, return values come back as JSON (compare them on the host). A call that
        raises or returns something JSON cannot encode gets ``returned=False``; calls after a timeout or crash
        are reported as not reached. The whole run shares one ``timeout_s``.
        """
        if not function_name.isidentifier():
            raise ValueError(f"function_name must be a Python identifier, got {function_name!r}")
        try:
            calls_json = json.dumps([list(arguments) for arguments in argument_lists])
        except (TypeError, ValueError) as error:
            raise ValueError(f"function arguments must be JSON-serializable: {error}") from error
        harness = _CALL_HARNESS.replace("NAME", repr(function_name), 1).replace("CALLS", repr(calls_json), 1)
        execution = self.run(code, harness=harness, **run_kwargs)
        return FunctionCallResults(execution, _parse_call_report(execution, len(argument_lists)))

    def _current_zygote(self) -> _Zygote:
        with self._lock:
            if self._owner_pid != os.getpid():
                self._reset_process_state()  # a forked copy: the parent's zygote is not ours to manage
                return self._current_zygote()
            if self._zygote is None or not self._zygote.alive():
                if self._zygote is not None:
                    self._zygote.close()
                self._zygote = self._start_zygote()
            return self._zygote

    def _start_zygote(self) -> _Zygote:
        zygote = _Zygote(self._settings, self._python)
        check = zygote.request(_frame(_self_test_request()), _ZYGOTE_START_TIMEOUT_S)
        if check is None or check.get("status") != "ok" or check.get("stdout") != "42\n":
            zygote.close()
            raise SandboxError(f"the sandbox failed its self-test: {check}")
        gaps = zygote.capabilities.weaknesses()
        if gaps and not self._warned:
            self._warned = True
            warnings.warn("sandbox isolation is weaker than designed: " + "; ".join(gaps), stacklevel=4)
        return zygote

    def _execute(self, payload: bytes, limits: SandboxLimits) -> SandboxResult:
        timeout_s = float(limits.timeout_s) + _RESPONSE_MARGIN_S
        for _ in range(3):
            zygote = self._current_zygote()
            try:
                response = zygote.request(payload, timeout_s)
            except _ZygoteUnreachable:
                with self._lock:
                    if self._zygote is zygote:
                        zygote.close()
                        self._zygote = None
                continue
            if response is None:  # the next call starts a new zygote
                return SandboxResult(
                    status=SandboxStatus.KILLED,
                    stdout="",
                    stderr="",
                    exit_code=None,
                    wall_time_s=0.0,
                    cpu_time_s=0.0,
                    detail="the sandbox's zygote died during the execution",
                )
            if "internal_error" in response:
                raise SandboxError(response["internal_error"])
            return SandboxResult(
                status=SandboxStatus(response["status"]),
                stdout=response["stdout"],
                stderr=response["stderr"],
                exit_code=response["exit_code"],
                wall_time_s=response["wall_time_s"],
                cpu_time_s=response["cpu_time_s"],
                detail=response["detail"],
                report=response["report"],
            )
        raise SandboxError("the sandbox zygote kept dying before taking the request")


def _self_test_request() -> dict:
    return {
        "code": "print(6 * 7)",
        "stdin": "",
        "harness": None,
        "env": {"PATH": _PROGRAM_PATH},
        "limits": dataclasses.asdict(SandboxLimits(timeout_s=10.0)),
    }


def _parse_call_report(execution: SandboxResult, call_count: int) -> tuple[CallOutcome, ...]:
    outcomes: list[CallOutcome | None] = [None] * call_count
    fatal = ""
    for line in execution.report.splitlines():
        try:
            entry = json.loads(line)
        except (ValueError, RecursionError):  # a forged, deeply nested line must not escape as an exception
            continue
        if not isinstance(entry, dict):
            continue
        if isinstance(entry.get("fatal"), str):
            fatal = entry["fatal"]
        index = entry.get("index")
        if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < call_count:
            if "value" in entry:
                outcomes[index] = CallOutcome(returned=True, value=entry["value"])
            else:
                outcomes[index] = CallOutcome(returned=False, error=str(entry.get("error", "")))
    ending = fatal or f"not reached: the execution ended with {execution.status.value}"
    if execution.detail and not fatal:
        ending += f" ({execution.detail})"
    return tuple(outcome or CallOutcome(returned=False, error=ending) for outcome in outcomes)


def _capabilities_from_plan(plan: dict) -> SandboxCapabilities:
    return SandboxCapabilities(
        user_namespace=plan["user_namespace"],
        pid_namespace=plan["pid_namespace"],
        network_namespace=plan["network_namespace"],
        ipc_namespace=plan["ipc_namespace"],
        mount_namespace=plan["mount_namespace"],
        read_only_root=plan["read_only_root"],
        process_limit=plan["process_limit"],
        private_proc=plan["private_proc"],
        landlock_abi=plan["landlock_abi"],
        shared_network_namespace=plan["shared_network_namespace"],
        uid_base=plan["uid_base"],
        uid_count=plan["uid_count"],
        python_readable=plan["python_readable"],
        host_euid=plan["euid"],
        kernel=plan["kernel"],
    )


def _frame(message: dict) -> bytes:
    payload = json.dumps(message).encode()
    return struct.pack("!I", len(payload)) + payload


def _receive_frame(connection: socket.socket) -> dict | None:
    header = _receive_exactly(connection, 4)
    if header is None:
        return None
    payload = _receive_exactly(connection, struct.unpack("!I", header)[0])
    if payload is None:
        raise EOFError("connection closed inside a message")
    return json.loads(payload)


def _receive_exactly(connection: socket.socket, count: int) -> bytes | None:
    data = bytearray()
    while len(data) < count:
        chunk = connection.recv(min(count - len(data), 1 << 20))
        if not chunk:
            if data:
                raise EOFError("connection closed inside a message")
            return None
        data += chunk
    return bytes(data)


def _read_frame_with_timeout(fd: int, timeout_s: float) -> dict | None:
    data = bytearray()
    needed = 4
    while len(data) < needed:
        readable, _, _ = select.select([fd], [], [], timeout_s)
        if not readable:
            raise SandboxError(f"the sandbox zygote did not start within {timeout_s:.0f} s")
        chunk = os.read(fd, needed - len(data))
        if not chunk:
            return None
        data += chunk
        if len(data) == 4 and needed == 4:
            needed = 4 + struct.unpack("!I", bytes(data))[0]
    return json.loads(bytes(data[4:]))


def _stop_process(process: subprocess.Popen, private_dir: list[str]) -> None:
    """Ask a zygote to exit by closing its stdin (kill it if it does not), then remove its directory."""
    try:
        if process.stdin is not None:
            process.stdin.close()
        process.wait(timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        process.kill()
        process.wait()
    finally:
        if process.stdout is not None:
            process.stdout.close()
        for directory in private_dir:  # the zygote sees its filesystem read-only and cannot do this itself
            shutil.rmtree(directory, ignore_errors=True)


_default_sandbox: Sandbox | None = None
_default_lock = threading.Lock()


def _default() -> Sandbox:
    global _default_sandbox
    with _default_lock:
        if _default_sandbox is None:
            _default_sandbox = Sandbox()
        return _default_sandbox


def run(code: str, **kwargs: Any) -> SandboxResult:
    """``Sandbox.run`` on a process-wide default sandbox with default limits."""
    return _default().run(code, **kwargs)


def capabilities() -> SandboxCapabilities:
    """``Sandbox.capabilities`` of the process-wide default sandbox."""
    return _default().capabilities()
