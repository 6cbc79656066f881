"""Adversarial tests of the code sandbox: one hostile behaviour per test.

Every test runs in each isolation mode this machine can produce: with the namespaces it allows and with
namespaces turned off (what a container without CAP_SYS_ADMIN gets), both with and without Landlock (what kernels
before 5.13 get), and, when the tests run as root, with the sandbox running as an unprivileged uid
(``run_as_user``: the user-namespace path and the bare fallback of a cluster user). After each test the host must
still work (a trivial program runs) and no process of the sandbox's programs may be left. Where a layer is
missing, the test checks that ``capabilities()`` reports the gap, and it never runs an attack that the missing
layer would let through to the test process itself.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
import warnings
from pathlib import Path

import pytest

from rlve_gym.verifiers.sandbox import (
    CallOutcome,
    Sandbox,
    SandboxCapabilities,
    SandboxLimits,
    SandboxStatus,
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the sandbox needs Linux")

TEST_LIMITS = SandboxLimits(timeout_s=2.0, memory_mb=256, max_processes=16, max_output_bytes=64 * 1024)
SHORT = {"timeout_s": 0.25}  # for programs that never finish: the deadline is the property under test


# An unprivileged uid for the run_as_user modes, distinct per test session (and below the sandbox's own uids).
UNPRIVILEGED_UID = 1_800_000_000 + os.getpid() % 1_000_000
MODES = {
    "namespaces": {},
    "no_namespaces": {"namespaces": False},
    # What kernels without Landlock (before 5.13) get: a network namespace per execution, no write confinement.
    "no_landlock": {"landlock": False},
    "no_namespaces_no_landlock": {"namespaces": False, "landlock": False},
}
if os.geteuid() == 0:
    MODES["unprivileged"] = {"run_as_user": UNPRIVILEGED_UID}
    MODES["unprivileged_no_namespaces"] = {"run_as_user": UNPRIVILEGED_UID, "namespaces": False}


def _new_sandbox(options: dict) -> Sandbox:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # weaker modes warn about their gaps on purpose
        box = Sandbox(TEST_LIMITS, **options)
        box.capabilities()
    return box


@pytest.fixture(scope="module", params=list(MODES))
def sandbox_options(request) -> dict:
    return MODES[request.param]


@pytest.fixture(scope="module")
def shared_sandbox(sandbox_options):
    box = _new_sandbox(sandbox_options)
    yield box
    box.close()


@pytest.fixture
def capabilities(sandbox) -> SandboxCapabilities:
    return sandbox.capabilities()


def _processes_of_uids(first_uid: int, count: int) -> list[str]:
    """Live host processes whose real uid is in [first_uid, first_uid + count): the sandbox's programs.

    Zombies are dead already; one whose parent (a killed zygote) is gone waits for the host's init to reap it.
    """
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            status = dict(line.split(":", 1) for line in Path(f"/proc/{name}/status").read_text().splitlines())
        except (OSError, ValueError):
            continue
        uid = int(status.get("Uid", "-1 -1").split()[0])
        if first_uid <= uid < first_uid + count and not status.get("State", "").strip().startswith("Z"):
            found.append(f"{name}: {status['Name'].strip()}")
    return found


def _processes_with_marker(marker: str) -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                if marker.encode() in Path(f"/proc/{name}/cmdline").read_bytes():
                    found.append(int(name))
            except OSError:
                continue
    return found


@pytest.fixture
def sandbox(shared_sandbox, sandbox_options):
    """The mode's sandbox; after the test, it must still run programs and none of its programs may be left."""
    yield shared_sandbox
    sandbox = shared_sandbox
    result = sandbox.run("print(6 * 7)")
    assert result.status == SandboxStatus.OK, result
    assert result.stdout == "42\n"
    capabilities = sandbox.capabilities()
    if capabilities.uid_base is not None:
        assert _processes_of_uids(capabilities.uid_base, capabilities.uid_count) == []
    elif "run_as_user" in sandbox_options:  # everything of that uid except the zygote and its launcher
        zygote = sandbox.zygote_pid
        launcher = int(Path(f"/proc/{zygote}/stat").read_text().rsplit(")", 1)[1].split()[1])
        leftovers = _processes_of_uids(sandbox_options["run_as_user"], 1)
        assert [line for line in leftovers if int(line.split(":")[0]) not in (zygote, launcher)] == []


def _signals_are_contained(capabilities: SandboxCapabilities) -> bool:
    """Whether a program's signals stay inside its execution; skips when they could reach this test process."""
    if capabilities.pid_namespace or capabilities.uid_base is not None or capabilities.landlock_abi >= 6:
        return True
    assert any("signal its processes" in gap for gap in capabilities.weaknesses())
    if capabilities.host_euid == os.geteuid():
        pytest.skip("programs run as this test's own uid without a PID namespace; the gap is reported (checked)")
    return False


def _program_shares_our_uid(capabilities: SandboxCapabilities) -> bool:
    """Whether programs run as the uid of this test process (so files it owns are theirs too)."""
    return capabilities.uid_base is None and capabilities.host_euid == os.geteuid()


# ---------------------------------------------------------------------------------------------- basics


def test_program_output_exit_code_and_times_are_reported(sandbox):
    result = sandbox.run("import sys\nprint('out')\nprint('err', file=sys.stderr)\nsys.exit(0)")
    assert (result.status, result.stdout, result.stderr, result.exit_code) == ("ok", "out\n", "err\n", 0)
    assert result.ok and result.wall_time_s > 0 and result.cpu_time_s >= 0


def test_exceptions_and_nonzero_exits_are_runtime_errors(sandbox):
    raised = sandbox.run("def solve():\n    raise ValueError('bad input')\nsolve()")
    assert raised.status == SandboxStatus.RUNTIME_ERROR and raised.exit_code == 1
    assert 'File "<solution>", line 2, in solve' in raised.stderr
    assert raised.stderr.rstrip().endswith("ValueError: bad input")
    assert "sandbox_worker" not in raised.stderr
    exited = sandbox.run("import sys; sys.exit(3)")
    assert (exited.status, exited.exit_code) == (SandboxStatus.RUNTIME_ERROR, 3)
    syntax = sandbox.run("def broken(:\n    pass")
    assert syntax.status == SandboxStatus.RUNTIME_ERROR and "SyntaxError" in syntax.stderr


def test_stdin_is_delivered_whole_and_then_ends(sandbox):
    text = "".join(f"{index}\n" for index in range(20000))  # larger than a pipe buffer
    result = sandbox.run("import sys\nnumbers = [int(line) for line in sys.stdin]\nprint(sum(numbers))", stdin=text)
    assert result.stdout == f"{sum(range(20000))}\n"
    empty = sandbox.run("try:\n    input()\nexcept EOFError:\n    print('eof')")
    assert empty.stdout == "eof\n"


def test_threads_and_subprocesses_work_inside_the_limits(sandbox, capabilities):
    threaded = sandbox.run(
        "import threading\nresults = []\nthread = threading.Thread(target=results.append, args=(7,))\n"
        "thread.start()\nthread.join()\nprint(results)"
    )
    assert threaded.stdout == "[7]\n", threaded
    forked = sandbox.run("import os\npid = os.fork()\nif pid == 0:\n    os._exit(5)\nprint(os.waitpid(pid, 0)[1] >> 8)")
    assert forked.stdout == "5\n", forked


# ---------------------------------------------------------------------------------------------- time


@pytest.mark.parametrize("loop", ["while True:\n    pass", "import time\nwhile True:\n    time.sleep(10)"])
def test_infinite_loop_times_out(sandbox, loop):
    started = time.monotonic()
    result = sandbox.run(loop, **SHORT)
    assert result.status == SandboxStatus.TIMEOUT, result
    assert result.exit_code is None and "wall time limit" in result.detail
    assert 0.25 <= result.wall_time_s < 0.75
    assert time.monotonic() - started < 5.0


def test_ignoring_the_cpu_limit_signal_still_ends_in_timeout(sandbox):
    # SIGXCPU is ignored; the wall deadline (0.25 s) comes before the CPU limits (2 s, 3 s) and ends it.
    code = "import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\nwhile True:\n    pass"
    assert sandbox.run(code, **SHORT).status == SandboxStatus.TIMEOUT


# ---------------------------------------------------------------------------------------------- processes


def test_fork_bomb_is_contained(sandbox, capabilities):
    if not capabilities.process_limit_enforced:
        assert any("max_processes is not enforced" in gap for gap in capabilities.weaknesses())
        pytest.skip("without a uid of its own a fork bomb would count against the host user; gap reported")
    bomb = "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass"
    result = sandbox.run(bomb, **SHORT)
    assert result.status == SandboxStatus.TIMEOUT, result


def test_process_limit_bounds_the_number_of_processes(sandbox, capabilities):
    if not capabilities.process_limit_enforced:
        assert any("max_processes is not enforced" in gap for gap in capabilities.weaknesses())
        return
    code = textwrap.dedent(
        """
        import os, time
        children = 0
        while True:
            try:
                pid = os.fork()
            except BlockingIOError:
                break
            if pid == 0:
                time.sleep(30)
                os._exit(0)
            children += 1
        print(children)
        """
    )
    result = sandbox.run(code, max_processes=6)
    assert result.status == SandboxStatus.OK, result
    assert 1 <= int(result.stdout) <= 5  # the program itself is one of the six


def test_daemonized_grandchild_does_not_survive(sandbox):
    marker = f"rlve-sandbox-marker-{uuid.uuid4().hex}"
    code = textwrap.dedent(
        f"""
        import os, time
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                os.execv("/bin/sh", ["/bin/sh", "-c", "sleep 30; echo never", "{marker}"])
            os._exit(0)
        time.sleep(0.3)
        running = []
        for name in os.listdir("/proc"):
            try:
                with open(f"/proc/{{name}}/cmdline", "rb") as cmdline:
                    running.append(b"{marker}" in cmdline.read())
            except OSError:
                pass
        print("daemon running" if any(running) else "daemon missing")
        """
    )
    result = sandbox.run(code)
    assert result.stdout == "daemon running\n", result  # the daemon did start, so its absence below means something
    assert _processes_with_marker(marker) == []


def test_daemon_of_a_timed_out_program_does_not_survive(sandbox):
    marker = f"rlve-sandbox-marker-{uuid.uuid4().hex}"
    code = (
        "import os, time\nif os.fork() == 0:\n    os.setsid()\n"
        f"    os.execv('/bin/sh', ['/bin/sh', '-c', 'sleep 30; echo never', '{marker}'])\n"
        "while True:\n    time.sleep(1)"
    )
    result = sandbox.run(code, **SHORT)
    assert result.status == SandboxStatus.TIMEOUT
    assert _processes_with_marker(marker) == []


# ---------------------------------------------------------------------------------------------- memory


def test_memory_bomb_reports_memory(sandbox):
    code = "hoard = []\nwhile True:\n    hoard.append(bytearray(8 << 20))"
    result = sandbox.run(code, memory_mb=128)
    assert result.status == SandboxStatus.MEMORY, result
    assert "MemoryError" in result.stderr and "128 MiB" in result.detail


def test_single_huge_allocation_reports_memory(sandbox):
    assert sandbox.run("block = bytearray(1 << 40)", memory_mb=128).status == SandboxStatus.MEMORY


def test_memory_below_the_limit_is_usable(sandbox):
    result = sandbox.run("block = bytearray(48 << 20)\nprint(len(block) >> 20)", memory_mb=128)
    assert (result.status, result.stdout) == (SandboxStatus.OK, "48\n")


# ---------------------------------------------------------------------------------------------- output


@pytest.mark.parametrize("stream", ["stdout", "stderr"])
def test_giant_output_is_capped(sandbox, stream):
    started = time.monotonic()
    result = sandbox.run(f"import sys\nwhile True:\n    sys.{stream}.write('x' * 4096)", max_output_bytes=10_000)
    assert result.status == SandboxStatus.OUTPUT_LIMIT, result
    assert getattr(result, stream) == "x" * 10_000
    assert stream in result.detail
    assert time.monotonic() - started < 1.0  # killed at the cap, not at the 2 s deadline


def test_file_size_limit_fails_the_write(sandbox):
    result = sandbox.run("with open('big.bin', 'wb') as file:\n    file.write(bytes(3 << 20))", max_file_mb=1)
    assert result.status == SandboxStatus.RUNTIME_ERROR, result
    assert "File too large" in result.stderr


# ---------------------------------------------------------------------------------------------- files


def test_writing_outside_the_working_directory_fails(sandbox, capabilities, tmp_path):
    protected = tmp_path / "protected"
    protected.mkdir(mode=0o755)  # owned by the test's user, not writable by others
    targets = [str(protected / "planted.txt"), str(Path.cwd() / "planted.txt"), "/etc/planted.txt"]
    code = textwrap.dedent(
        f"""
        import os
        blocked = []
        for path in {targets!r}:
            try:
                with open(path, "w") as file:
                    file.write("planted")
                blocked.append(False)
            except OSError:
                blocked.append(True)
        with open("inside.txt", "w") as file:
            file.write("fine")
        print(blocked, os.getcwd())
        """
    )
    result = sandbox.run(code)
    if _program_shares_our_uid(capabilities) and not capabilities.read_only_root and not capabilities.landlock_abi:
        assert any("write its files" in gap for gap in capabilities.weaknesses())
        return  # same uid as this test and no Landlock: what it may write, the program may write
    assert result.stdout.startswith("[True, True, True] "), result
    assert not any(Path(target).exists() for target in targets)
    workdir = result.stdout.split(" ", 3)[-1].strip()
    if capabilities.mount_namespace:
        assert workdir == "/tmp"  # a private tmpfs: nothing the program wrote reaches the host's /tmp
        assert not Path("/tmp/inside.txt").exists()
    else:
        assert not Path(workdir).exists()  # the working directory is removed afterwards


def test_tmp_is_private_or_read_only(sandbox, capabilities):
    name = f"rlve-sandbox-{uuid.uuid4().hex}"
    result = sandbox.run(f"open('/tmp/{name}', 'w').write('x')\nopen('/dev/shm/{name}', 'w').write('x')")
    try:
        if capabilities.mount_namespace:
            assert result.ok, result  # private tmpfs mounts: the writes succeed and stay inside the execution
        elif capabilities.landlock_abi:
            assert result.status == SandboxStatus.RUNTIME_ERROR and "PermissionError" in result.stderr, result
        else:
            assert any("/tmp and /dev/shm are shared" in gap for gap in capabilities.weaknesses())
        if capabilities.mount_namespace or capabilities.landlock_abi:
            assert not Path(f"/tmp/{name}").exists() and not Path(f"/dev/shm/{name}").exists()
    finally:
        for leftover in (Path(f"/tmp/{name}"), Path(f"/dev/shm/{name}")):
            leftover.unlink(missing_ok=True)


@pytest.fixture
def secret_directory(tmp_path):
    """A 0700 directory outside /tmp (which a mount namespace would hide anyway), so that permissions are tested."""
    parent = Path("/var/tmp") if Path("/var/tmp").is_dir() else tmp_path
    directory = Path(tempfile.mkdtemp(prefix="rlve-sandbox-test-", dir=parent))
    yield directory
    shutil.rmtree(directory)


def test_proc_and_run_show_nothing_of_the_host(sandbox, capabilities):
    code = "import os\nprint(sorted(name for name in os.listdir('/proc') if name.isdigit()), os.listdir('/run'))"
    result = sandbox.run(code)
    if capabilities.private_proc:
        assert result.stdout.startswith("['1'] "), result  # the program alone, as PID 1
    else:
        assert any("see host processes" in gap for gap in capabilities.weaknesses())
    if capabilities.read_only_root:
        assert result.stdout.endswith(" []\n"), result


def test_closed_interpreter_directory_shows_only_the_interpreter(sandbox, capabilities):
    """A 0700 directory above the interpreter (pyenv or conda under /root) is covered, not opened up."""
    interpreter = Path(sys.base_prefix).resolve()
    closed = next((parent for parent in reversed(interpreter.parents) if not parent.stat().st_mode & 0o001), None)
    listing = f"os.listdir({str(closed)!r})" if closed is not None else "None"
    result = sandbox.run(f"import json, os, random, heapq\nprint(json.dumps({listing}))")
    if capabilities.read_only_root and (capabilities.uid_base is not None or capabilities.user_namespace):
        assert result.ok, result  # the standard library imports
        if closed is not None:
            assert json.loads(result.stdout) == [interpreter.relative_to(closed).parts[0]]
    elif not capabilities.python_readable:
        assert any("only preloaded modules" in gap for gap in capabilities.weaknesses())


def test_files_of_the_host_are_unreadable(sandbox, capabilities, secret_directory, monkeypatch):
    secret = secret_directory / "secret.txt"
    secret.write_text("hidden answer")
    secret.chmod(0o600)
    monkeypatch.chdir(secret_directory)  # the host's cwd holds the secret; relative paths must not reach it
    code = textwrap.dedent(
        f"""
        import json
        attempts = []
        for path in ["secret.txt", "../secret.txt", "../../secret.txt", {str(secret)!r}]:
            try:
                with open(path) as file:
                    attempts.append(file.read())
            except OSError as error:
                attempts.append(type(error).__name__)
        print(json.dumps(attempts))
        """
    )
    attempts = json.loads(sandbox.run(code).stdout)
    assert "hidden answer" not in attempts[:3]  # relative paths start from the private working directory
    if _program_shares_our_uid(capabilities):
        assert any("files" in gap for gap in capabilities.weaknesses())  # the file is the program's own uid's
    else:
        assert attempts[3] == "PermissionError"


# ---------------------------------------------------------------------------------------------- environment


def test_parent_environment_is_invisible(monkeypatch, capabilities, sandbox_options):
    secret = f"secret-{uuid.uuid4().hex}"
    monkeypatch.setenv("RLVE_SANDBOX_TEST_SECRET", secret)
    holder = subprocess.Popen(["sleep", "30"], env={**os.environ})  # a host process whose environ holds it
    code = textwrap.dedent(
        f"""
        import json, os
        seen = [key for key, value in os.environ.items() if "{secret}" in value]
        for name in os.listdir("/proc"):
            try:
                with open(f"/proc/{{name}}/environ", "rb") as environ:
                    if b"{secret}" in environ.read():
                        seen.append(name)
            except OSError:
                pass
        try:  # the zygote runs as the program's uid in the unprivileged modes
            with open("/proc/ZYGOTE/environ", "rb") as environ:
                zygote = len(environ.read())
        except OSError as error:
            zygote = type(error).__name__
        print(json.dumps([seen, sorted(os.environ), zygote]))
        """
    )
    try:
        fresh = _new_sandbox(sandbox_options)  # started after the secret was set
        seen, names, zygote = json.loads(fresh.run(code.replace("ZYGOTE", str(fresh.zygote_pid))).stdout)
        fresh.close()
    finally:
        holder.kill()
        holder.wait()
    assert "RLVE_SANDBOX_TEST_SECRET" not in names  # the environment itself is always scrubbed
    if _program_shares_our_uid(capabilities) and not capabilities.private_proc and not capabilities.landlock_abi:
        assert any("inspect its processes" in gap for gap in capabilities.weaknesses())  # the reported gap
    else:
        assert seen == [] and zygote in ("PermissionError", "FileNotFoundError"), (seen, zygote)


# ---------------------------------------------------------------------------------------------- network


def test_network_connections_fail(sandbox, capabilities):
    with (
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp_listener,
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp_listener,
    ):
        tcp_listener.bind(("127.0.0.1", 0))
        tcp_listener.listen(1)
        tcp_listener.settimeout(0.2)
        udp_listener.bind(("127.0.0.1", 0))
        udp_listener.settimeout(0.2)
        tcp_port, udp_port = tcp_listener.getsockname()[1], udp_listener.getsockname()[1]
        code = textwrap.dedent(
            f"""
            import socket
            try:
                socket.create_connection(("127.0.0.1", {tcp_port}), timeout=1).close()
                print("tcp connected")
            except OSError as error:
                print("tcp", type(error).__name__, error.errno)
            try:
                socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"hello", ("127.0.0.1", {udp_port}))
                print("udp sent")
            except OSError as error:
                print("udp", type(error).__name__, error.errno)
            """
        )
        result = sandbox.run(code)
        try:
            tcp_listener.accept()[0].close()
            tcp_arrived = True
        except TimeoutError:
            tcp_arrived = False
        try:
            udp_arrived = udp_listener.recv(16) == b"hello"
        except TimeoutError:
            udp_arrived = False
    tcp, udp = result.stdout.splitlines()
    if capabilities.network_isolated:
        assert udp == "udp OSError 101", result  # ENETUNREACH: no interface up, not even loopback
        assert not tcp_arrived and not udp_arrived and tcp in ("tcp OSError 101", "tcp PermissionError 13")
    elif capabilities.landlock_abi >= 4:
        assert tcp == "tcp PermissionError 13" and not tcp_arrived, result  # Landlock denies TCP connect
        assert udp_arrived and any("UDP and other protocols are open" in gap for gap in capabilities.weaknesses())
    else:
        assert tcp_arrived and udp_arrived  # the reported gap is real
        assert any("programs can open network connections" in gap for gap in capabilities.weaknesses())


def test_abstract_unix_sockets_are_unreachable(sandbox, capabilities):
    """Abstract sockets live in the network namespace: neither the host's nor another execution's are reachable."""
    name = f"rlve-sandbox-{uuid.uuid4().hex}"
    connect = (
        "import socket, time\ntime.sleep(0.1)\ntry:\n    socket.socket(socket.AF_UNIX).connect('\\0' + NAME)\n"
        "    print('connected')\nexcept OSError as error:\n    print(type(error).__name__)"
    ).replace("NAME", repr(name))
    listen = (
        "import socket, time\nserver = socket.socket(socket.AF_UNIX)\nserver.bind('\\0' + NAME)\n"
        "server.listen(1)\ntime.sleep(0.3)"
    ).replace("NAME", repr(name + "-program"))
    with socket.socket(socket.AF_UNIX) as host_server:
        host_server.bind("\0" + name)
        host_server.listen(1)
        results = sandbox.run_many(
            [connect, listen, connect.replace(repr(name), repr(name + "-program"))], max_workers=3
        )
    if capabilities.network_namespace or capabilities.landlock_abi >= 6:
        assert results[0].stdout != "connected\n" and results[2].stdout != "connected\n", results
    else:
        assert any("no network namespace" in gap for gap in capabilities.weaknesses())


# ---------------------------------------------------------------------------------------------- signals


@pytest.mark.parametrize(
    "attack",
    [
        "os.kill(os.getppid(), signal.SIGKILL)",
        "os.kill(-1, signal.SIGKILL)",
        "os.killpg(os.getpgid(os.getppid()), signal.SIGKILL)",
        "os.kill(HOST_PID, signal.SIGKILL)",
        "os.kill(ZYGOTE_PID, signal.SIGKILL)",
    ],
)
def test_signalling_the_parent_or_host_is_contained(sandbox, capabilities, attack):
    contained = _signals_are_contained(capabilities)
    zygote_pid = sandbox.zygote_pid
    code = (
        "import os, signal\ntry:\n    ATTACK\nexcept OSError as error:\n    print(type(error).__name__)\nprint('done')"
    )
    code = code.replace("ATTACK", attack.replace("HOST_PID", str(os.getpid())).replace("ZYGOTE_PID", str(zygote_pid)))
    result = sandbox.run(code)
    if contained:
        assert result.status in (SandboxStatus.OK, SandboxStatus.KILLED), result
        assert sandbox.zygote_pid == zygote_pid
    # Otherwise the program may kill its own zygote (the reported gap); the autouse check proves the recovery.


def test_kill_all_reaches_only_the_programs_own_processes(sandbox, capabilities):
    if not _signals_are_contained(capabilities):
        return  # kill(-1) as the sandbox's uid reaches its other programs: that is the reported gap
    bystander = "import time\ntime.sleep(0.4)\nprint('alive')"
    attacker = (
        "import os, signal, time\ntime.sleep(0.1)\ntry:\n    os.kill(-1, signal.SIGKILL)\nexcept OSError:\n    pass"
    )
    results = sandbox.run_many([bystander, attacker], max_workers=2)
    assert results[0].stdout == "alive\n", results  # the concurrent execution is untouched


# ---------------------------------------------------------------------------------------------- crashes and tricks


def test_deep_recursion_is_a_runtime_error(sandbox):
    result = sandbox.run("def descend(depth):\n    return descend(depth + 1)\ndescend(0)")
    assert result.status == SandboxStatus.RUNTIME_ERROR and "RecursionError" in result.stderr


def test_c_stack_overflow_is_killed(sandbox):
    # Every level passes through C (map), so the 8 MiB C stack overflows long before the raised recursion limit.
    code = "import sys\nsys.setrecursionlimit(10**6)\ndef descend(x):\n    return list(map(descend, [x]))\ndescend(0)"
    result = sandbox.run(code)
    assert result.status == SandboxStatus.KILLED and result.detail == "terminated by signal SIGSEGV", result


def test_ctypes_null_dereference_is_killed(sandbox):
    result = sandbox.run("import ctypes\nctypes.string_at(0)")
    assert (result.status, result.exit_code) == (SandboxStatus.KILLED, -signal.SIGSEGV)


def test_os_exit_keeps_only_flushed_output(sandbox):
    result = sandbox.run("import os\nprint('partial', flush=True)\nprint('buffered')\nos._exit(0)")
    assert (result.status, result.stdout) == (SandboxStatus.OK, "partial\n")
    failed = sandbox.run("import os\nos._exit(7)")
    assert (failed.status, failed.exit_code) == (SandboxStatus.RUNTIME_ERROR, 7)


def test_closing_every_descriptor_does_not_end_the_watch_early(sandbox):
    code = "import os\nos.closerange(0, 1024)\nwhile True:\n    pass"
    result = sandbox.run(code, **SHORT)
    assert result.status == SandboxStatus.TIMEOUT, result
    quiet = sandbox.run("import os\nos.closerange(0, 1024)")
    assert (quiet.status, quiet.stdout) == (SandboxStatus.OK, "")


def test_rlimits_cannot_be_raised(sandbox):
    code = textwrap.dedent(
        """
        import resource
        outcomes = []
        for limit in ("RLIMIT_AS", "RLIMIT_CPU", "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_FSIZE"):
            try:
                resource.setrlimit(getattr(resource, limit), (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
                outcomes.append(limit + " raised")
            except (ValueError, OSError):
                outcomes.append(limit + " refused")
        print(outcomes)
        """
    )
    result = sandbox.run(code)
    assert result.ok and "raised" not in result.stdout and result.stdout.count("refused") == 5, result


def test_faked_memory_verdict_only_hurts_the_program(sandbox):
    # The side channels are writable by the program; forging them can only turn its own result into a failure.
    result = sandbox.run("import os\nos.write(4, b'M' * 100)\nos.write(3, b'not json')\nprint('fine')")
    assert result.ok and result.stdout == "fine\n"


# ---------------------------------------------------------------------------------------------- the API


def test_call_function_reports_each_call(sandbox):
    code = textwrap.dedent(
        """
        def solve(values, key):
            if key == "boom":
                raise KeyError(key)
            if key == "set":
                return set(values)
            return sorted(values, reverse=key == "desc")
        print("top level ran")
        """
    )
    calls = [[[3, 1, 2], "asc"], [[3, 1, 2], "desc"], [[1], "boom"], [[1], "set"]]
    results = sandbox.call_function(code, "solve", calls)
    assert results.execution.ok and results.execution.stdout == "top level ran\n"
    assert results.outcomes[:2] == (CallOutcome(True, [1, 2, 3]), CallOutcome(True, [3, 2, 1]))
    assert not results.outcomes[2].returned and results.outcomes[2].error == "KeyError: 'boom'"
    assert not results.outcomes[3].returned and "not JSON-serializable: set" in results.outcomes[3].error


def test_call_function_keeps_results_before_a_hang(sandbox):
    code = "def solve(n):\n    while n < 0:\n        pass\n    return n * 2"
    results = sandbox.call_function(code, "solve", [[1], [2], [-1], [3]], timeout_s=0.5)
    assert results.execution.status == SandboxStatus.TIMEOUT
    assert [outcome.value for outcome in results.outcomes[:2]] == [2, 4]
    assert all(not outcome.returned and "timeout" in outcome.error for outcome in results.outcomes[2:])


def test_call_function_without_the_function(sandbox):
    results = sandbox.call_function("x = 1", "solve", [[1], [2]])
    assert all("does not define a function named 'solve'" in outcome.error for outcome in results.outcomes)


def test_harness_report_and_env(sandbox):
    harness = "report({'answer': program['answer'], 'env': __import__('os').environ['GREETING']})"
    result = sandbox.run("answer = 41 + 1", harness=harness, env={"GREETING": "hi"})
    assert [json.loads(line) for line in result.report.splitlines()] == [{"answer": 42, "env": "hi"}]


def test_concurrent_runs_from_threads_do_not_mix(sandbox):
    codes = [f"import time\ntime.sleep(0.0{index % 3})\nprint({index} * {index})" for index in range(24)]
    results = sandbox.run_many(codes, max_workers=8)
    assert [result.stdout for result in results] == [f"{index * index}\n" for index in range(24)]


def test_zygote_is_restarted_after_it_dies(sandbox):
    old = sandbox.zygote_pid
    os.kill(old, signal.SIGKILL)
    while sandbox.zygote_pid == old:
        time.sleep(0.01)
    result = sandbox.run("print('back')")
    assert result.stdout == "back\n" and sandbox.zygote_pid not in (None, old)


def _run_in_child(box: Sandbox, queue) -> None:
    queue.put(box.run("import os\nprint('child')").stdout)
    box.close()  # this process's own zygote; waits until it is gone


def test_usable_from_a_forked_process_and_after_pickling(sandbox):
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_run_in_child, args=(sandbox, queue))
    process.start()
    assert queue.get(timeout=60) == "child\n"
    process.join(timeout=60)
    assert process.exitcode == 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        copy = pickle.loads(pickle.dumps(sandbox))
        assert copy.limits == sandbox.limits and copy.run("print(1)").stdout == "1\n"
        copy.close()


def test_requests_wait_rather_than_share_a_uid_without_a_pid_namespace():
    if os.geteuid() != 0:
        pytest.skip("per-execution uids need root")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        box = Sandbox(TEST_LIMITS, namespaces=False, uid_count=2)
        started = time.monotonic()
        results = box.run_many(["import os, time\ntime.sleep(0.2)\nprint(os.getuid())"] * 6, max_workers=6)
        elapsed = time.monotonic() - started
        box.close()
    assert all(result.ok for result in results)
    assert len({result.stdout for result in results}) == 2  # two uids, each used by one execution at a time
    assert elapsed >= 0.6  # three rounds of two


def test_sandboxes_hold_disjoint_uid_blocks():
    if os.geteuid() != 0:
        pytest.skip("per-execution uids need root")
    with Sandbox(TEST_LIMITS) as first, Sandbox(TEST_LIMITS) as second:
        uids = [int(box.run("import os\nprint(os.getuid())").stdout) for box in (first, second)]
        blocks = [(box.capabilities().uid_base, box.capabilities().uid_count) for box in (first, second)]
    (first_base, count), (second_base, _) = blocks
    assert abs(first_base - second_base) >= count  # the blocks do not overlap
    assert [uid - base for uid, (base, _) in zip(uids, blocks, strict=True)] == [0, 0]


def test_limits_are_validated():
    with pytest.raises(TypeError, match="did you mean 'timeout_s'"):
        TEST_LIMITS.replace(timeout=1)
    with pytest.raises(ValueError, match="memory_mb"):
        SandboxLimits(memory_mb=0)
    with pytest.raises(ValueError, match="max_open_files"):
        SandboxLimits(max_open_files=4)


def test_weak_isolation_is_warned_about(capabilities, sandbox_options):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        box = Sandbox(TEST_LIMITS, **sandbox_options)
        box.capabilities()
        box.close()
    warned = [str(warning.message) for warning in caught if "weaker than designed" in str(warning.message)]
    assert len(warned) == (1 if capabilities.weaknesses() else 0)
    assert all(gap in warned[0] for gap in capabilities.weaknesses())


def test_importing_rlve_gym_does_not_import_the_sandbox():
    check = "import sys, rlve_gym, rlve_gym.verifiers; assert 'rlve_gym.verifiers.sandbox' not in sys.modules"
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    subprocess.run([sys.executable, "-c", check], check=True, env=environment, timeout=60)
