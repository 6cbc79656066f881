"""Zygote and runner of the code sandbox (standard library only, Linux only).

Started by :class:`rlve_gym.verifiers.sandbox.Sandbox` as ``python -I -B sandbox_worker.py``; the threat model
is in ``rlve_gym/verifiers/sandbox.py``. Two kinds of process live here:

- the **zygote**, one per ``Sandbox`` and host process: a single-threaded event loop that accepts requests on a
  Unix socket, forks one runner per request, enforces wall time and output caps, and answers. It never runs
  untrusted code, and it started from a scrubbed environment.
- the **runner**, one per execution, forked from the zygote (so it starts with the interpreter initialised).
  With a PID namespace it is PID 1 of a namespace of its own, and its exit makes the kernel kill every process
  left in that namespace. It then enters fresh network, IPC and mount namespaces, mounts a private /tmp,
  /dev/shm and /proc, starts a new session, sets rlimits, switches to the execution's unprivileged uid (or,
  without root, enters a user namespace of its own and drops every capability), and runs the program in-process.

Without root the zygote first enters a user namespace (where the kernel allows it), which makes the other
namespaces available; it then serves as PID 1 of a PID namespace it owns, while the original process waits as
a launcher (see ``_serve_from_own_pid_namespace``).

Without a PID namespace the zygote is a child subreaper: a process of an execution whose parent exits is
reparented to it and killed at once, and when the program ends every process of the execution's uid is killed
with one ``kill(-1)`` (atomic under the kernel's tasklist lock, so a fork bomb cannot slip a process past it).

Wire format on the socket: a 4-byte big-endian length, then that many bytes of UTF-8 JSON. Before the answer
the zygote sends one byte, ``LAUNCHED``, as soon as the program has started: a host that sees the connection
close before that byte knows the program never ran and may safely try again.
"""

from __future__ import annotations

import collections
import contextlib
import ctypes
import fcntl
import gc
import heapq
import importlib
import json
import linecache
import math
import os
import resource
import selectors
import signal
import socket
import stat
import struct
import sys
import time
import traceback
import types

CLONE_NEWNS = 0x00020000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY = 0x1
MS_NOSUID = 0x2
MS_NODEV = 0x4
MS_NOEXEC = 0x8
MS_BIND = 0x1000
MS_REC = 0x4000
MS_PRIVATE = 0x40000
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_CAPBSET_DROP = 24
PR_CAP_AMBIENT = 47
PR_CAP_AMBIENT_CLEAR_ALL = 4
PR_SET_CHILD_SUBREAPER = 36
PR_SET_NO_NEW_PRIVS = 38
SYS_MOUNT_SETATTR = 442  # the same on x86_64 and aarch64 (system calls added after 5.1 share one number)
SYS_CLOSE_RANGE = 436
AT_FDCWD = -100
AT_RECURSIVE = 0x8000
MOUNT_ATTR_RDONLY = 0x1
O_PATH = getattr(os, "O_PATH", 0o10000000)
LINUX_CAPABILITY_VERSION_3 = 0x20080522
# Landlock (include/uapi/linux/landlock.h); the system call numbers are the same on x86_64 and aarch64.
SYS_LANDLOCK_CREATE_RULESET = 444
SYS_LANDLOCK_ADD_RULE = 445
SYS_LANDLOCK_RESTRICT_SELF = 446
LANDLOCK_CREATE_RULESET_VERSION = 1
LANDLOCK_RULE_PATH_BENEATH = 1
LANDLOCK_WRITE_FILE = 1 << 1
LANDLOCK_WRITE_ACCESS_BY_ABI = {  # every right that changes the filesystem, by the ABI that introduced it
    1: LANDLOCK_WRITE_FILE | sum(1 << bit for bit in range(4, 13)),  # remove_*, make_*
    2: 1 << 13,  # refer (link or rename into another directory)
    3: 1 << 14,  # truncate
}
LANDLOCK_TRUNCATE = 1 << 14
LANDLOCK_NETWORK_ABI = 4
LANDLOCK_ACCESS_NET_TCP = (1 << 0) | (1 << 1)  # bind and connect
LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET = 1 << 0
LANDLOCK_SCOPE_SIGNAL = 1 << 1
LANDLOCK_SCOPE_ABI = 6

# The runner's file descriptors: 0 stdin, 1 stdout, 2 stderr, then two side channels.
REPORT_FD = 3
VERDICT_FD = 4
VERDICT_STARTED = b"S"  # written just before the program runs: its absence means the setup failed
VERDICT_MEMORY = b"M"
SETUP_FAILED_EXIT_CODE = 121
LAUNCHED = b"L"
PROGRAM_FILENAME = "<solution>"
HARNESS_FILENAME = "<harness>"
READ_CHUNK_BYTES = 65536
MAX_REQUEST_BYTES = 256 << 20
# After the program ends, how long to wait for the last output from processes that are being killed.
DRAIN_GRACE_S = 2.0
IDLE_TICK_S = 1.0
# Imported as well when the program's uid cannot read the interpreter's files: programs can import only what the
# zygote already holds, and these are too common to leave out despite the fork handlers they bring.
UNREADABLE_PYTHON_EXTRA_MODULES = (
    "random",
    "statistics",
    "threading",
    "queue",
    "tempfile",
    "secrets",
    "csv",
    "encodings.idna",
    "multiprocessing",
)

_libc = ctypes.CDLL(None, use_errno=True)


class _MountAttr(ctypes.Structure):
    _fields_ = [
        ("attr_set", ctypes.c_uint64),
        ("attr_clr", ctypes.c_uint64),
        ("propagation", ctypes.c_uint64),
        ("userns_fd", ctypes.c_uint64),
    ]


def _raise_errno(what: str) -> None:
    error_number = ctypes.get_errno()
    raise OSError(error_number, f"{what}: {os.strerror(error_number)}")


def _unshare(flags: int) -> None:
    if _libc.unshare(ctypes.c_int(flags)) != 0:
        _raise_errno(f"unshare({flags:#x})")


def _setns(fd: int, flags: int) -> None:
    if _libc.setns(ctypes.c_int(fd), ctypes.c_int(flags)) != 0:
        _raise_errno(f"setns({flags:#x})")


def _mount(source: str, target: str, fstype: str | None, flags: int, data: str | None) -> None:
    result = _libc.mount(
        source.encode(),
        target.encode(),
        None if fstype is None else fstype.encode(),
        ctypes.c_ulong(flags),
        None if data is None else data.encode(),
    )
    if result != 0:
        _raise_errno(f"mount {target}")


def _make_mounts_read_only() -> None:
    attributes = _MountAttr(MOUNT_ATTR_RDONLY, 0, 0, 0)
    result = _libc.syscall(
        ctypes.c_long(SYS_MOUNT_SETATTR),
        ctypes.c_int(AT_FDCWD),
        b"/",
        ctypes.c_uint(AT_RECURSIVE),
        ctypes.byref(attributes),
        ctypes.c_size_t(ctypes.sizeof(attributes)),
    )
    if result != 0:
        _raise_errno("mount_setattr /")


def _prctl(option: int, value: int) -> None:
    unused = ctypes.c_ulong(0)
    if _libc.prctl(ctypes.c_int(option), ctypes.c_ulong(value), unused, unused, unused):
        _raise_errno(f"prctl({option})")


def _drop_to(uid: int) -> None:
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)


def _write_identity_maps(inside: int, outside_uid: int, outside_gid: int) -> None:
    """Map one uid and gid into a just-created user namespace (the only mapping an unprivileged process may write)."""
    for name, text in (
        ("setgroups", "deny"),
        ("uid_map", f"{inside} {outside_uid} 1"),
        ("gid_map", f"{inside} {outside_gid} 1"),
    ):
        with open(f"/proc/self/{name}", "w") as map_file:
            map_file.write(text)


def _enter_user_namespace() -> None:
    """Become root of a new user namespace mapped onto this unprivileged uid (then other namespaces work)."""
    uid, gid = os.getuid(), os.getgid()
    _unshare(CLONE_NEWUSER)
    _write_identity_maps(0, uid, gid)


def _drop_capabilities() -> None:
    """Give up every capability for good: effective, permitted, inheritable, ambient and the bounding set."""
    with open("/proc/sys/kernel/cap_last_cap") as last_file:
        last_capability = int(last_file.read())
    for capability in range(last_capability + 1):
        _prctl(PR_CAPBSET_DROP, capability)
    with contextlib.suppress(OSError):  # kernels before 4.3 have no ambient set
        _prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL)
    header = (ctypes.c_uint32 * 2)(LINUX_CAPABILITY_VERSION_3, 0)
    data = (ctypes.c_uint32 * 6)()
    if _libc.capset(header, data) != 0:
        _raise_errno("capset")


def _landlock_abi() -> int:
    """The kernel's Landlock ABI version, 0 when Landlock is missing, disabled or filtered out."""
    version = _libc.syscall(
        ctypes.c_long(SYS_LANDLOCK_CREATE_RULESET),
        None,
        ctypes.c_size_t(0),
        ctypes.c_uint32(LANDLOCK_CREATE_RULESET_VERSION),
    )
    return max(int(version), 0)


def _landlock_syscall(number: int, *arguments) -> int:
    result = _libc.syscall(ctypes.c_long(number), *arguments)
    if result < 0:
        _raise_errno(f"landlock system call {number}")
    return result


def _restrict_with_landlock(abi: int, writable: list[str], null_device: str) -> None:
    """Confine this process and its descendants, for good: writes only beneath ``writable`` (and to the null
    device); from ABI 4 no TCP bind or connect; from ABI 6 no signals to and no abstract Unix sockets of
    processes outside the execution. Needs ``PR_SET_NO_NEW_PRIVS``.
    """
    write_access = sum(rights for version, rights in LANDLOCK_WRITE_ACCESS_BY_ABI.items() if version <= abi)
    if abi >= LANDLOCK_SCOPE_ABI:
        scope = LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET | LANDLOCK_SCOPE_SIGNAL
        attributes = struct.pack("=QQQ", write_access, LANDLOCK_ACCESS_NET_TCP, scope)
    elif abi >= LANDLOCK_NETWORK_ABI:
        attributes = struct.pack("=QQ", write_access, LANDLOCK_ACCESS_NET_TCP)
    else:
        attributes = struct.pack("=Q", write_access)  # older kernels reject a larger structure
    ruleset = _landlock_syscall(
        SYS_LANDLOCK_CREATE_RULESET, ctypes.c_char_p(attributes), ctypes.c_size_t(len(attributes)), ctypes.c_uint32(0)
    )
    try:
        null_access = LANDLOCK_WRITE_FILE | (LANDLOCK_TRUNCATE if abi >= 3 else 0)
        for path, access in [*((path, write_access) for path in writable), (null_device, null_access)]:
            path_fd = os.open(path, O_PATH | os.O_CLOEXEC)
            try:
                rule = struct.pack("=Qi", access, path_fd)  # struct landlock_path_beneath_attr is packed
                _landlock_syscall(
                    SYS_LANDLOCK_ADD_RULE,
                    ctypes.c_int(ruleset),
                    ctypes.c_int(LANDLOCK_RULE_PATH_BENEATH),
                    ctypes.c_char_p(rule),
                    ctypes.c_uint32(0),
                )
            finally:
                os.close(path_fd)
        _landlock_syscall(SYS_LANDLOCK_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0))
    finally:
        os.close(ruleset)


def _probe_landlock(abi: int) -> bool:
    _prctl(PR_SET_NO_NEW_PRIVS, 1)
    _restrict_with_landlock(abi, ["/proc/self/fdinfo"], os.devnull)
    try:
        os.mkdir("/tmp/.rlve-sandbox-landlock-probe")
    except PermissionError:
        return True
    os.rmdir("/tmp/.rlve-sandbox-landlock-probe")
    return False


def _kill_quietly(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGKILL)


def _children_of(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as children_file:
            return [int(value) for value in children_file.read().split()]
    except FileNotFoundError:  # kernels built without CONFIG_PROC_CHILDREN
        children = []
        for name in os.listdir("/proc"):
            if name.isdigit():
                try:
                    with open(f"/proc/{name}/stat") as stat_file:
                        fields = stat_file.read().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == pid:
                    children.append(int(name))
        return children


def _frame(message: dict) -> bytes:
    payload = json.dumps(message).encode()
    return struct.pack("!I", len(payload)) + payload


def _read_frame_blocking(fd: int) -> dict | None:
    data = b""
    needed = 4
    while len(data) < needed:
        chunk = os.read(fd, needed - len(data))
        if not chunk:
            return None
        data += chunk
        if needed == 4 and len(data) == 4:
            needed = 4 + struct.unpack("!I", data)[0]
    return json.loads(data[4:])


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


# ----------------------------------------------------------------------------------------------- probing


def _succeeds_in_child(action, *args) -> bool:
    """Run ``action`` in a forked child, so that namespace and uid changes do not touch this process."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = 0 if action(*args) is not False else 1
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def _probe_pid_namespace() -> bool:
    _unshare(CLONE_NEWPID)
    pid = os.fork()
    if pid == 0:
        os._exit(0 if os.getpid() == 1 else 1)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def _probe_user_namespace() -> bool:
    _enter_user_namespace()
    return _probe_pid_namespace()


def _probe_process_limit_per_user_namespace() -> bool:
    """Whether RLIMIT_NPROC counts a nested user namespace's processes only (Linux >= 5.14), not the whole user's.

    With a limit of 2, this process and one child fit in a namespace of their own; counted per user, the zygote,
    its launcher and the host already exceed it and the fork fails.
    """
    _unshare(CLONE_NEWUSER)
    _write_identity_maps(0, 0, 0)
    resource.setrlimit(resource.RLIMIT_NPROC, (2, 2))
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return True


def _probe_private_mounts() -> bool:
    _unshare(CLONE_NEWNS)
    _mount("none", "/", None, MS_REC | MS_PRIVATE, None)
    _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,nr_inodes=16,mode=0700")
    return not os.listdir("/tmp")


def _probe_uid(uid: int) -> bool:
    _drop_to(uid)
    return os.getuid() == uid and os.geteuid() == uid


def _probe_python_readable(uid: int) -> bool:
    _drop_to(uid)
    os.listdir(os.path.dirname(os.__file__))
    return True


def _probe_private_proc() -> bool:
    _unshare(CLONE_NEWPID)
    pid = os.fork()
    if pid == 0:
        try:
            _unshare(CLONE_NEWNS)
            _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, None)
            visible = [name for name in os.listdir("/proc") if name.isdigit()]
            os._exit(0 if visible == ["1"] else 1)
        except BaseException:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def _python_paths() -> list[str]:
    """Directories the runner's interpreter reads from: installation, standard library, site-packages."""
    candidates = [sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, os.path.dirname(os.__file__)]
    candidates.append(os.path.dirname(os.path.realpath(sys.executable)))
    candidates.extend(path for path in sys.path if path)
    return sorted({os.path.realpath(path) for path in candidates if os.path.isdir(path)})


def _first_closed_ancestor(path: str) -> str | None:
    """The outermost directory on ``path`` that other users may not enter (e.g. a 0700 home), if any."""
    current = "/"
    for part in path.strip("/").split("/"):
        parent, current = current, os.path.join(current, part)
        try:
            mode = os.stat(current).st_mode
        except PermissionError:
            return parent  # this process cannot even look inside ``parent``
        if not mode & stat.S_IXOTH:
            return current
    return None


def _is_inside(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip("/") + "/")


def _cover_directories(cover: set[str], python_paths: list[str]) -> None:
    """Hide each directory of ``cover`` under an empty tmpfs, bind-mounting the interpreter's directories back.

    Used for a home directory, or a directory other users cannot enter that holds the interpreter: programs can
    still import the standard library and installed packages, and see nothing else of it. Needs a private
    mount namespace.
    """
    outermost_cover = {path for path in cover if not any(_is_inside(path, other) for other in cover - {path})}
    for covered in sorted(outermost_cover):
        inside = [path for path in python_paths if _is_inside(path, covered)]
        outermost = [path for path in inside if not any(_is_inside(path, other) for other in inside if other != path)]
        sources = {path: os.open(path, O_PATH | os.O_DIRECTORY) for path in outermost}
        _mount("tmpfs", covered, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,nr_inodes=256,mode=0755")
        for path, source in sources.items():
            target = covered
            for part in os.path.relpath(path, covered).split("/"):
                target = os.path.join(target, part)
                if not os.path.isdir(target):
                    os.mkdir(target, 0o755)
            _mount(f"/proc/self/fd/{source}", target, None, MS_BIND | MS_REC, None)
            os.close(source)


def _closed_python_ancestors(python_paths: list[str]) -> set[str]:
    closed = (_first_closed_ancestor(path) for path in python_paths)
    return {path for path in closed if path is not None}


def _enter_zygote_mount_namespace(cover: set[str], python_paths: list[str]) -> None:
    """Give the zygote (and so every runner) a read-only, private copy of the host's mounts."""
    _unshare(CLONE_NEWNS)
    _mount("none", "/", None, MS_REC | MS_PRIVATE, None)
    _cover_directories(cover, python_paths)
    if os.path.isdir("/run"):
        # Hides host sockets (container runtimes, D-Bus) that a network namespace does not cover.
        _mount("tmpfs", "/run", "tmpfs", MS_NOSUID | MS_NODEV, "size=4k,nr_inodes=8,mode=0755")
    _make_mounts_read_only()


UID_LOCK_DIR = "/tmp/.rlve-sandbox-uids"
_held_uid_locks: list[int] = []  # open for the zygote's lifetime: the kernel drops the lock when it dies


def _claim_uid_block(uid_base: int, uid_count: int, blocks: int) -> int | None:
    """Reserve ``uid_count`` uids no other zygote on this machine uses, with an flock held until exit.

    Zygotes of different processes must not share uids: programs of one uid can signal each other, share
    RLIMIT_NPROC, and without a PID namespace the end-of-run ``kill(-1)`` would reach the other's programs.
    """
    with contextlib.suppress(FileExistsError):
        os.mkdir(UID_LOCK_DIR, 0o700)
    info = os.lstat(UID_LOCK_DIR)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o077:
        return None  # someone else controls the directory: do not trust its lock files
    first = os.getpid() % blocks
    for offset in range(blocks):
        block = (first + offset) % blocks
        fd = os.open(f"{UID_LOCK_DIR}/{block}.lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        _held_uid_locks.append(fd)
        return uid_base + block * uid_count
    return None


def prepare(settings: dict, python_paths: list[str]) -> dict:
    """Find out which isolation layers work, set up the zygote's own namespaces, and return the plan.

    ``python_paths`` are the interpreter's directories, listed before the zygote gave up any privilege.
    """
    use_namespaces = bool(settings["namespaces"])
    host_uid, host_euid = os.getuid(), os.geteuid()
    user_namespace = False
    if use_namespaces and host_euid != 0 and _succeeds_in_child(_probe_user_namespace):
        _enter_user_namespace()  # from here on this process is root of its own user namespace
        user_namespace = True
    plan = {
        "euid": host_euid,
        "kernel": os.uname().release,
        "user_namespace": user_namespace,
        "pid_namespace": use_namespaces and _succeeds_in_child(_probe_pid_namespace),
        "network_namespace": use_namespaces and _succeeds_in_child(_unshare, CLONE_NEWNET),
        "ipc_namespace": use_namespaces and _succeeds_in_child(_unshare, CLONE_NEWIPC),
        "mount_namespace": use_namespaces and _succeeds_in_child(_probe_private_mounts),
        "read_only_root": False,
        "process_limit": host_euid == 0
        or (user_namespace and _succeeds_in_child(_probe_process_limit_per_user_namespace)),
        "uid_base": None,
        "uid_count": 0,
        "python_readable": True,
    }
    plan["private_proc"] = plan["pid_namespace"] and _succeeds_in_child(_probe_private_proc)
    abi = _landlock_abi() if settings["landlock"] else 0
    plan["landlock_abi"] = abi if abi and _succeeds_in_child(_probe_landlock, abi) else 0
    # Scoped Landlock keeps executions from reaching each other's abstract Unix sockets, the one thing a shared
    # network namespace (no interface up) would let them share; creating and destroying one per execution is the
    # single largest kernel cost of an execution.
    plan["shared_network_namespace"] = plan["network_namespace"] and plan["landlock_abi"] >= LANDLOCK_SCOPE_ABI
    if plan["shared_network_namespace"]:
        _unshare(CLONE_NEWNET)  # the zygote's own network namespace, inherited by every runner
    if settings["drop_privileges"] and host_euid == 0:
        count = int(settings["uid_count"])
        base = _claim_uid_block(int(settings["uid_base"]), count, int(settings["uid_blocks"]))
        if (
            base is not None
            and _succeeds_in_child(_probe_uid, base)
            and _succeeds_in_child(_probe_uid, base + count - 1)
        ):
            plan["uid_base"], plan["uid_count"] = base, count
        elif _succeeds_in_child(_probe_uid, 65534):
            plan["uid_base"], plan["uid_count"] = 65534, 1
    if plan["mount_namespace"]:
        cover = set()
        if plan["uid_base"] is not None or user_namespace:
            cover.update(_closed_python_ancestors(python_paths))
        if user_namespace:
            # The program runs as the host user here: hide that user's home (keys, tokens, caches).
            with contextlib.suppress(KeyError, ImportError):
                import pwd

                home = pwd.getpwuid(host_uid).pw_dir
                if home not in ("", "/") and os.path.isdir(home):
                    cover.add(os.path.realpath(home))
        # A dry run first: a user namespace could not return to the host's mounts after a half-done setup.
        if _succeeds_in_child(_enter_zygote_mount_namespace, cover, python_paths):
            _enter_zygote_mount_namespace(cover, python_paths)
            plan["read_only_root"] = True
    if plan["uid_base"] is not None:
        plan["python_readable"] = _succeeds_in_child(_probe_python_readable, plan["uid_base"])
    else:
        plan["python_readable"] = os.access(os.path.dirname(os.__file__), os.R_OK | os.X_OK)
    return plan


# ----------------------------------------------------------------------------------------------- zygote


class Execution:
    """State of one request, from the first byte received to the last byte of the answer."""

    def __init__(self, connection: socket.socket) -> None:
        self.connection = connection
        self.slot = -1  # index of the execution's uid in the zygote's block, once launched
        self.incoming = bytearray()
        self.request: dict = {}
        self.limits: dict = {}
        self.uid: int | None = None
        self.pid = 0
        self.start = 0.0
        self.deadline = 0.0
        self.end = 0.0
        self.drain_deadline = 0.0
        self.workdir = ""
        self.streams: dict[int, tuple[str, int, bool]] = {}  # open fd -> (name, byte cap, overflow ends the run)
        self.outputs = {name: bytearray() for name in ("stdout", "stderr", "report", "verdict")}
        self.stdin_fd = -1
        self.stdin_data = memoryview(b"")
        self.wait_status: int | None = None
        self.cpu_time_s = 0.0
        self.end_reason: str | None = None  # None: the program ended by itself
        self.overflowed = ""
        self.outgoing = memoryview(b"")
        self.killer_pid = 0  # the helper that kills this execution's uid (no PID namespace)
        self.finished = False
        self.acknowledged = False  # LAUNCHED was sent


class Zygote:
    """The event loop: accept, fork, watch, kill, answer."""

    def __init__(self, settings: dict, plan: dict, listener: socket.socket, private_dir: str) -> None:
        self.settings = settings
        self.plan = plan
        self.listener = listener
        self.private_dir = private_dir
        self.selector = selectors.DefaultSelector()
        self.executions: set[Execution] = set()
        self.by_pid: dict[int, Execution] = {}
        self.by_killer: dict[int, Execution] = {}
        self.deadlines: list[tuple[float, int, Execution]] = []
        self.waiting: collections.deque[Execution] = collections.deque()  # complete requests without a free uid
        self.sequence = 0
        self.base_pid_namespace = os.open("/proc/self/ns/pid", os.O_RDONLY) if plan["pid_namespace"] else -1
        self.wake_read, wake_write = os.pipe()
        os.set_blocking(self.wake_read, False)
        os.set_blocking(wake_write, False)
        signal.signal(signal.SIGCHLD, lambda signum, frame: None)
        signal.set_wakeup_fd(wake_write, warn_on_full_buffer=False)
        self.wake_write = wake_write
        self.selector.register(listener, selectors.EVENT_READ, "listen")
        self.selector.register(0, selectors.EVENT_READ, "host")
        self.selector.register(self.wake_read, selectors.EVENT_READ, "wake")

    # -- loop

    def serve(self) -> None:
        host_alive = True
        while host_alive:
            for key, mask in self.selector.select(self._next_timeout()):
                tag = key.data
                if tag == "listen":
                    self._accept()
                elif tag == "host":
                    host_alive = bool(os.read(0, 4096))  # end of file: the host exited or closed us
                elif tag == "wake":
                    self._drain_wake_pipe()
                elif isinstance(tag, tuple):
                    try:
                        self._on_fd(tag[0], tag[1], key.fd, mask)
                    except Exception:  # a bug must cost one execution, not every execution in flight
                        self._fail(tag[1], traceback.format_exc())
            self._reap()
            self._enforce_deadlines()
        for execution in list(self.executions):
            if execution.pid and execution.wait_status is None:
                _kill_quietly(execution.pid)
            if execution.uid is not None and not self.plan["pid_namespace"]:
                self._kill_uid_now(execution.uid)

    def _next_timeout(self) -> float:
        while self.deadlines and self.deadlines[0][2] not in self.executions:
            heapq.heappop(self.deadlines)
        if not self.deadlines:
            return IDLE_TICK_S
        return max(0.0, min(IDLE_TICK_S, self.deadlines[0][0] - time.monotonic()))

    def _schedule(self, when: float, execution: Execution) -> None:
        self.sequence += 1
        heapq.heappush(self.deadlines, (when, self.sequence, execution))

    def _drain_wake_pipe(self) -> None:
        try:
            while os.read(self.wake_read, 4096):
                pass
        except BlockingIOError:
            pass

    # -- requests

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            connection.setblocking(False)
            execution = Execution(connection)
            self.executions.add(execution)
            self.selector.register(connection, selectors.EVENT_READ, ("request", execution))

    def _on_fd(self, kind: str, execution: Execution, fd: int, mask: int) -> None:
        if execution not in self.executions:
            return
        if kind == "request":
            self._receive(execution)
        elif kind == "stream":
            self._read_stream(execution, fd)
        elif kind == "stdin":
            self._feed_stdin(execution)
        elif kind == "answer":
            self._send(execution)

    def _receive(self, execution: Execution) -> None:
        try:
            chunk = execution.connection.recv(READ_CHUNK_BYTES)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self._discard(execution)  # the host gave up before sending a whole request
            return
        execution.incoming += chunk
        if len(execution.incoming) < 4:
            return
        (length,) = struct.unpack("!I", execution.incoming[:4])
        if length > MAX_REQUEST_BYTES:
            self._discard(execution)
            return
        if len(execution.incoming) < 4 + length:
            return
        self.selector.unregister(execution.connection)
        execution.request = json.loads(execution.incoming[4 : 4 + length])
        execution.incoming = bytearray()
        self.waiting.append(execution)
        self._launch_waiting()

    def _free_slot(self) -> int | None:
        """The lowest slot no live execution holds; None when the uid block is used up and must not be shared.

        A slot (so a uid) is free once its execution answered and its uid-kill helper is done. Without a PID
        namespace two executions must never share a uid (the end-of-run ``kill(-1)`` would hit both), so requests
        wait; with one, a shared uid only means a shared RLIMIT_NPROC.
        """
        used = {execution.slot for execution in self.executions}
        used.update(execution.slot for execution in self.by_killer.values())
        slot = next(index for index in range(len(used) + 1) if index not in used)
        if self.plan["uid_base"] is not None and not self.plan["pid_namespace"] and slot >= self.plan["uid_count"]:
            return None
        return slot

    def _launch_waiting(self) -> None:
        while self.waiting:
            execution = self.waiting[0]
            if execution not in self.executions:
                self.waiting.popleft()
                continue
            slot = self._free_slot()
            if slot is None:
                return
            self.waiting.popleft()
            execution.slot = slot
            try:
                self._launch(execution)
            except Exception:
                self._fail(execution, traceback.format_exc())

    # -- launching

    def _launch(self, execution: Execution) -> None:
        plan = self.plan
        request = execution.request
        limits = execution.limits = request["limits"]
        if plan["uid_base"] is not None:
            execution.uid = plan["uid_base"] + execution.slot % plan["uid_count"]
        workdir = "/tmp"
        if not plan["mount_namespace"]:
            workdir = _make_private_directory(self.private_dir, "run-")
            if execution.uid is not None:
                os.chown(workdir, execution.uid, execution.uid)
        execution.workdir = workdir
        pipes = [os.pipe() for _ in range(4)]  # stdout, stderr, report, verdict
        stdin_bytes = request.get("stdin", "").encode()
        stdin_read = -1
        if stdin_bytes:
            stdin_read, execution.stdin_fd = os.pipe()
            execution.stdin_data = memoryview(stdin_bytes)
        child_fds = [stdin_read] + [write_end for _, write_end in pipes]
        zygote_pid = os.getpid()
        if plan["pid_namespace"]:
            _unshare(CLONE_NEWPID)
        execution.start = time.monotonic()
        try:
            pid = os.fork()
        except OSError:
            self._restore_pid_namespace()
            for fd in [*child_fds, execution.stdin_fd] + [read_end for read_end, _ in pipes]:
                if fd >= 0:
                    os.close(fd)
            execution.stdin_fd = -1
            raise
        if pid == 0:
            try:
                signal.set_wakeup_fd(-1)
                _runner_main(request, child_fds, plan, execution.uid, workdir, zygote_pid)
            finally:
                os._exit(SETUP_FAILED_EXIT_CODE)
        self._restore_pid_namespace()
        execution.pid = pid
        self.by_pid[pid] = execution
        execution.acknowledged = True
        with contextlib.suppress(OSError):  # one byte into an empty socket buffer; a vanished host is fine
            execution.connection.send(LAUNCHED)
        for fd in child_fds:
            if fd >= 0:
                os.close(fd)
        cap = int(limits["max_output_bytes"])
        for (read_end, _), name, stream_cap, enforced in zip(
            pipes,
            ("stdout", "stderr", "report", "verdict"),
            (cap, cap, cap, 16),
            (True, True, True, False),
            strict=True,
        ):
            os.set_blocking(read_end, False)
            execution.streams[read_end] = (name, stream_cap, enforced)
            self.selector.register(read_end, selectors.EVENT_READ, ("stream", execution))
        if execution.stdin_fd >= 0:
            os.set_blocking(execution.stdin_fd, False)
            self.selector.register(execution.stdin_fd, selectors.EVENT_WRITE, ("stdin", execution))
        execution.deadline = execution.start + float(limits["timeout_s"])
        self._schedule(execution.deadline, execution)

    def _restore_pid_namespace(self) -> None:
        """Undo ``unshare(CLONE_NEWPID)``: the next child must start a namespace of its own again."""
        if self.plan["pid_namespace"]:
            _setns(self.base_pid_namespace, CLONE_NEWPID)

    # -- running

    def _feed_stdin(self, execution: Execution) -> None:
        try:
            written = os.write(execution.stdin_fd, execution.stdin_data[:READ_CHUNK_BYTES])
        except BlockingIOError:
            return
        except OSError:  # the program closed its stdin: the rest is not wanted
            written = len(execution.stdin_data)
        execution.stdin_data = execution.stdin_data[written:]
        if not execution.stdin_data:
            self._close_stdin(execution)

    def _close_stdin(self, execution: Execution) -> None:
        if execution.stdin_fd >= 0:
            self.selector.unregister(execution.stdin_fd)
            os.close(execution.stdin_fd)
            execution.stdin_fd = -1

    def _read_stream(self, execution: Execution, fd: int) -> None:
        name, cap, enforced = execution.streams[fd]
        try:
            chunk = os.read(fd, READ_CHUNK_BYTES)
        except BlockingIOError:
            return
        if not chunk:
            self.selector.unregister(fd)
            os.close(fd)
            del execution.streams[fd]
            self._maybe_finish(execution)
            return
        buffer = execution.outputs[name]
        room = cap - len(buffer)
        buffer += chunk[: max(room, 0)]
        if len(chunk) > room and enforced and not execution.overflowed:
            execution.overflowed = name
            self._stop(execution, "output_limit")

    def _stop(self, execution: Execution, reason: str) -> None:
        """End a running program early (deadline or output cap)."""
        if execution.wait_status is not None or execution.end_reason is not None:
            return
        execution.end_reason = reason
        execution.end = time.monotonic()
        _kill_quietly(execution.pid)  # with a PID namespace, PID 1's death takes the whole namespace down
        if execution.uid is not None and not self.plan["pid_namespace"]:
            self._start_uid_kill(execution)

    def _enforce_deadlines(self) -> None:
        now = time.monotonic()
        while self.deadlines and self.deadlines[0][0] <= now:
            _, _, execution = heapq.heappop(self.deadlines)
            if execution not in self.executions:
                continue
            if execution.wait_status is None and execution.end_reason is None:
                self._stop(execution, "timeout")
            elif execution.wait_status is not None and now >= execution.drain_deadline:
                self._finish(execution)  # a killed process still holds a pipe: answer with what we have

    def _reap(self) -> None:
        while True:
            try:
                pid, status, usage = os.wait4(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            execution = self.by_pid.pop(pid, None)
            if execution is not None:
                execution.wait_status = status
                execution.cpu_time_s = usage.ru_utime + usage.ru_stime
                if execution.end_reason is None:
                    execution.end = time.monotonic()
                if not self.plan["pid_namespace"]:
                    self._after_runner_exit(execution)
                execution.drain_deadline = time.monotonic() + DRAIN_GRACE_S
                self._schedule(execution.drain_deadline, execution)
                self._maybe_finish(execution)
                continue
            execution = self.by_killer.pop(pid, None)
            if execution is not None:
                execution.killer_pid = 0
                self._maybe_finish(execution)
                self._launch_waiting()
        if not self.plan["pid_namespace"]:
            self._kill_orphans()

    def _after_runner_exit(self, execution: Execution) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(execution.pid, signal.SIGKILL)  # the runner's session: children that did not setsid
        if execution.uid is not None and not execution.killer_pid:
            self._start_uid_kill(execution)

    def _kill_orphans(self) -> None:
        """As a subreaper, every child that is not a runner or a killer is an orphan of some execution."""
        known = self.by_pid.keys() | self.by_killer.keys()
        for pid in _children_of(os.getpid()):
            if pid not in known:
                _kill_quietly(pid)

    def _start_uid_kill(self, execution: Execution) -> None:
        pid = os.fork()
        if pid == 0:
            try:
                signal.set_wakeup_fd(-1)
                _drop_to(execution.uid)
                # kill(-1) as this uid reaches exactly the execution's processes, under the tasklist lock.
                os.kill(-1, signal.SIGKILL)
            finally:
                os._exit(0)
        execution.killer_pid = pid
        self.by_killer[pid] = execution

    def _kill_uid_now(self, uid: int) -> None:
        pid = os.fork()
        if pid == 0:
            try:
                _drop_to(uid)
                os.kill(-1, signal.SIGKILL)
            finally:
                os._exit(0)
        os.waitpid(pid, 0)

    # -- answering

    def _maybe_finish(self, execution: Execution) -> None:
        if execution.wait_status is None or execution.killer_pid or execution.streams:
            return  # still running, being killed, or some stream has not reached end of file
        self._finish(execution)

    def _finish(self, execution: Execution) -> None:
        if execution not in self.executions or execution.finished or execution.wait_status is None:
            return
        execution.finished = True
        for fd in list(execution.streams):
            self._read_stream(execution, fd)  # what is already in the pipe
            if fd in execution.streams:
                self.selector.unregister(fd)
                os.close(fd)
        execution.streams.clear()
        self._close_stdin(execution)
        if not self.plan["mount_namespace"]:
            _remove_tree(execution.workdir)
        outputs = {name: bytes(buffer) for name, buffer in execution.outputs.items()}
        self._answer(execution, _result(execution, outputs))

    def _answer(self, execution: Execution, response: dict) -> None:
        prefix = b"" if execution.acknowledged else LAUNCHED  # an answer without a launch (an internal error)
        execution.acknowledged = True
        execution.outgoing = memoryview(prefix + _frame(response))
        self.selector.register(execution.connection, selectors.EVENT_WRITE, ("answer", execution))
        self._send(execution)

    def _send(self, execution: Execution) -> None:
        try:
            sent = execution.connection.send(execution.outgoing)
        except BlockingIOError:
            return
        except OSError:
            sent = len(execution.outgoing)  # the host went away; nothing to tell it
        execution.outgoing = execution.outgoing[sent:]
        if not execution.outgoing:
            self._discard(execution)

    def _fail(self, execution: Execution, error: str) -> None:
        """Kill the program, release its descriptors and answer with an internal error."""
        if execution not in self.executions:
            return
        if execution.pid and execution.wait_status is None:
            _kill_quietly(execution.pid)
        for fd in execution.streams:
            self.selector.unregister(fd)
            os.close(fd)
        execution.streams.clear()
        self._close_stdin(execution)
        if execution.finished:
            self._discard(execution)
            return
        execution.finished = True
        with contextlib.suppress(KeyError):
            self.selector.unregister(execution.connection)
        self._answer(execution, {"internal_error": error})

    def _discard(self, execution: Execution) -> None:
        with contextlib.suppress(KeyError):
            self.selector.unregister(execution.connection)
        execution.connection.close()
        self.executions.discard(execution)
        self._launch_waiting()


def _make_private_directory(parent: str, prefix: str) -> str:
    """``tempfile.mkdtemp`` without importing ``tempfile`` (which imports ``random``, see ``zygote_main``)."""
    while True:
        path = os.path.join(parent, prefix + os.urandom(6).hex())
        try:
            os.mkdir(path, 0o700)
            return path
        except FileExistsError:
            continue


def _remove_tree(path: str) -> None:
    """Remove a working directory, even one whose hostile owner removed its own permissions."""
    for root, directories, files in os.walk(path, topdown=False, onerror=lambda error: None):
        for name in files:
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(root, name))
        for name in directories:
            full = os.path.join(root, name)
            with contextlib.suppress(OSError):
                if os.path.islink(full):
                    os.unlink(full)
                else:
                    os.rmdir(full)
    with contextlib.suppress(OSError):
        os.rmdir(path)


def _result(execution: Execution, outputs: dict[str, bytes]) -> dict:
    limits = execution.limits
    verdict = outputs["verdict"]
    if execution.end_reason is None and not verdict.startswith(VERDICT_STARTED):
        stderr = outputs["stderr"].decode("utf-8", errors="replace")
        return {"internal_error": f"the sandbox failed to set up the execution:\n{stderr}"}
    exit_code = None
    if execution.end_reason is None and execution.wait_status is not None:
        exit_code = os.waitstatus_to_exitcode(execution.wait_status)
    cpu_limit_s = _cpu_limit_s(limits)
    if execution.end_reason == "output_limit":
        status, detail = "output_limit", f"{execution.overflowed} exceeded {int(limits['max_output_bytes'])} bytes"
    elif execution.end_reason == "timeout":
        status, detail = "timeout", f"wall time limit of {float(limits['timeout_s']):g} s exceeded"
    elif exit_code is None:
        status, detail = "killed", "the program's exit status was lost"
    elif exit_code < 0:
        signal_number = -exit_code
        if signal_number == signal.SIGXCPU or (
            signal_number == signal.SIGKILL and execution.cpu_time_s >= cpu_limit_s - 0.05
        ):
            status, detail = "timeout", f"CPU time limit of {cpu_limit_s} s exceeded"
        else:
            status, detail = "killed", f"terminated by signal {_signal_name(signal_number)}"
    elif exit_code == 0:
        status, detail = "ok", ""
    elif VERDICT_MEMORY in verdict[len(VERDICT_STARTED) :]:
        status, detail = "memory", f"memory limit of {int(limits['memory_mb'])} MiB exceeded (MemoryError)"
    else:
        status, detail = "runtime_error", f"exit code {exit_code}"
    return {
        "status": status,
        "detail": detail,
        "stdout": outputs["stdout"].decode("utf-8", errors="replace"),
        "stderr": outputs["stderr"].decode("utf-8", errors="replace"),
        "report": outputs["report"].decode("utf-8", errors="replace"),
        "exit_code": exit_code,
        "wall_time_s": execution.end - execution.start,
        "cpu_time_s": execution.cpu_time_s,
    }


def _signal_name(signal_number: int) -> str:
    try:
        return signal.Signals(signal_number).name
    except ValueError:
        return str(signal_number)


def _cpu_limit_s(limits: dict) -> int:
    return math.ceil(float(limits["timeout_s"])) + 1


def _import_quietly(module_names: list[str] | tuple[str, ...]) -> None:
    for module_name in module_names:
        with contextlib.suppress(ImportError):
            importlib.import_module(module_name)


def zygote_main() -> None:
    """Read the settings from stdin, prepare, announce the socket on stdout, then serve until stdin closes."""
    settings = _read_frame_blocking(0)
    if settings is None:
        return
    sys.dont_write_bytecode = True
    _import_quietly(settings["preload_modules"])
    python_paths = _python_paths()
    if settings.get("run_as_user") is not None:
        # Root asked for an unprivileged sandbox. An unprivileged user can read its own interpreter, so first
        # make this one readable to the uid (in a mount namespace of our own), then become that uid.
        _unshare(CLONE_NEWNS)
        _mount("none", "/", None, MS_REC | MS_PRIVATE, None)
        _cover_directories(_closed_python_ancestors(python_paths), python_paths)
        _drop_to(int(settings["run_as_user"]))
        _prctl(PR_SET_DUMPABLE, 1)  # changing uid cleared it; /proc/self must stay writable for user namespaces
    private_dir = _make_private_directory(settings["work_root"], "rlve-sandbox-")
    os.chmod(private_dir, 0o711)  # runners may enter their own 0700 workdir inside, but not list siblings
    control_dir = os.path.join(private_dir, "control")
    os.mkdir(control_dir, 0o700)
    socket_path = os.path.join(control_dir, "zygote.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_path)  # before the zygote's mounts turn read-only
    listener.listen(1024)
    listener.setblocking(False)
    plan = prepare(settings, python_paths)
    if not plan["python_readable"]:
        _import_quietly(UNREADABLE_PYTHON_EXTRA_MODULES)
    if not plan["pid_namespace"]:
        _prctl(PR_SET_CHILD_SUBREAPER, 1)
    if plan["user_namespace"] and plan["pid_namespace"]:
        _serve_from_own_pid_namespace(listener)
    gc.freeze()  # runners then never touch the zygote's objects during collection (fewer copy-on-write faults)
    host_pid = int(os.readlink("/proc/self"))  # /proc is the host's here: this is the pid the host sees
    _write_all(1, _frame({"socket": socket_path, "private_dir": private_dir, "plan": plan, "pid": host_pid}))
    Zygote(settings, plan, listener, private_dir).serve()


def _serve_from_own_pid_namespace(listener: socket.socket) -> None:
    """Continue as PID 1 of a PID namespace this user namespace owns; the original process waits as a launcher.

    Each execution needs ``setns`` back to the zygote's PID namespace after ``unshare(CLONE_NEWPID)``, which a
    user namespace may do only for a PID namespace it owns. The launcher lives exactly as long as the zygote (the
    host watches its pid); the zygote dies with it, and the kernel then kills every runner in the namespace.
    """
    _unshare(CLONE_NEWPID)
    zygote = os.fork()
    if zygote == 0:
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        return
    listener.close()
    null_fd = os.open(os.devnull, os.O_RDWR)
    os.dup2(null_fd, 0)  # the host's pipes belong to the zygote; its exit must be what the host sees
    os.dup2(null_fd, 1)
    _, status = os.waitpid(zygote, 0)
    os._exit(max(os.waitstatus_to_exitcode(status), 0))


# ----------------------------------------------------------------------------------------------- runner


def _runner_main(
    request: dict, child_fds: list[int], plan: dict, uid: int | None, workdir: str, zygote_pid: int
) -> None:
    """Confine this process and run the program in it; never returns."""
    limits = request["limits"]
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    if child_fds[0] < 0:
        child_fds[0] = os.open(os.devnull, os.O_RDONLY)
    moved = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 16) for fd in child_fds]
    for target_fd, source_fd in enumerate(moved):
        os.dup2(source_fd, target_fd)
    _close_descriptors_from(VERDICT_FD + 1)
    flags = CLONE_NEWIPC if plan["ipc_namespace"] else 0
    if plan["network_namespace"] and not plan["shared_network_namespace"]:
        flags |= CLONE_NEWNET
    if plan["mount_namespace"]:
        flags |= CLONE_NEWNS
    if flags:
        _unshare(flags)
    if plan["mount_namespace"]:
        _mount_private_filesystems(limits, uid)
        if plan["private_proc"]:
            _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, None)
    os.setsid()
    # The zygote changed no other disposition and blocks no signal, so the rest is already as in a fresh python.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # oversized writes fail with EFBIG instead of killing
    os.chdir(workdir)
    cpu_s = _cpu_limit_s(limits)
    for limit, value in (
        (resource.RLIMIT_CPU, (cpu_s, cpu_s + 1)),
        (resource.RLIMIT_FSIZE, (int(limits["max_file_mb"]) << 20,) * 2),
        (resource.RLIMIT_NOFILE, (int(limits["max_open_files"]),) * 2),
        (resource.RLIMIT_CORE, (0, 0)),
    ):
        resource.setrlimit(limit, value)
    if uid is not None:
        # RLIMIT_NPROC counts every process of the real uid, so it only bounds the program on a uid of its own.
        resource.setrlimit(resource.RLIMIT_NPROC, (int(limits["max_processes"]),) * 2)
        _drop_to(uid)
    elif plan["user_namespace"]:
        # A user namespace of its own: RLIMIT_NPROC then counts this execution's processes only (Linux >= 5.14).
        _unshare(CLONE_NEWUSER)
        _write_identity_maps(0, 0, 0)
        if plan["process_limit"]:
            resource.setrlimit(resource.RLIMIT_NPROC, (int(limits["max_processes"]),) * 2)
        _drop_capabilities()
    _prctl(PR_SET_NO_NEW_PRIVS, 1)
    if plan["landlock_abi"]:
        writable = [workdir, "/dev/shm"] if plan["mount_namespace"] and os.path.isdir("/dev/shm") else [workdir]
        _restrict_with_landlock(plan["landlock_abi"], writable, os.devnull)
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if not plan["pid_namespace"] and os.getppid() != zygote_pid:
        os._exit(SETUP_FAILED_EXIT_CODE)  # the zygote died before the death signal was armed
    os.environ.clear()
    os.environ.update(request["env"])
    os.environ.update({"HOME": workdir, "TMPDIR": workdir})
    if "tempfile" in sys.modules:
        sys.modules["tempfile"].tempdir = None  # recomputed from TMPDIR on first use
    # sys.stdin/stdout/stderr are the interpreter's own objects for fds 0-2, which now are the pipes; the zygote
    # never used them, so their buffers are empty (cheaper than new objects: fewer copy-on-write faults).
    sys.stdin, sys.stdout, sys.stderr = sys.__stdin__, sys.__stdout__, sys.__stderr__
    sys.argv = [PROGRAM_FILENAME]
    sys.path.insert(0, "")
    os.write(VERDICT_FD, VERDICT_STARTED)
    memory_bytes = int(limits["memory_mb"]) << 20
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    exit_code = _run_program(request["code"], request.get("harness"))
    _finish_interpreter()
    os._exit(exit_code)


def _close_descriptors_from(first: int) -> None:
    """Close every descriptor >= ``first``: the zygote's sockets and the pipes of other executions."""
    if _libc.syscall(ctypes.c_long(SYS_CLOSE_RANGE), ctypes.c_uint(first), ctypes.c_uint(0xFFFFFFFF), ctypes.c_uint(0)):
        os.closerange(first, max(int(name) for name in os.listdir("/proc/self/fd")) + 1)  # Linux < 5.9


def _mount_private_filesystems(limits: dict, uid: int | None) -> None:
    """A private, size-capped /tmp (the working directory) and /dev/shm for this execution only."""
    owner = "" if uid is None else f",uid={uid},gid={uid}"
    size = f"size={int(limits['disk_mb'])}m,nr_inodes={int(limits['max_files'])}"
    _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"{size},mode=0700{owner}")
    if os.path.isdir("/dev/shm"):
        _mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, f"{size},mode=1777")


def _run_program(code: str, harness: str | None) -> int:
    """Execute the program (then the harness) as ``__main__``; returns the process exit code."""
    module = types.ModuleType("__main__")
    module.__dict__["__builtins__"] = __builtins__
    sys.modules["__main__"] = module
    linecache.cache[PROGRAM_FILENAME] = (len(code), None, code.splitlines(True), PROGRAM_FILENAME)
    try:
        exec(compile(code, PROGRAM_FILENAME, "exec"), module.__dict__)
        if harness is not None:
            linecache.cache[HARNESS_FILENAME] = (len(harness), None, harness.splitlines(True), HARNESS_FILENAME)
            harness_namespace = {
                "__builtins__": __builtins__,
                "__name__": "__harness__",
                "program": module.__dict__,
                "report": _report,
            }
            exec(compile(harness, HARNESS_FILENAME, "exec"), harness_namespace)
    except SystemExit as exit_request:
        return _exit_code_of(exit_request)
    except BaseException as error:
        if isinstance(error, MemoryError):
            with contextlib.suppress(OSError):
                os.write(VERDICT_FD, VERDICT_MEMORY)
        _print_program_exception(error)
        return 1
    return 0


def _report(value: object) -> None:
    """Harness side channel: append one JSON line to the report stream (fd 3)."""
    _write_all(REPORT_FD, (json.dumps(value) + "\n").encode())


def _exit_code_of(exit_request: SystemExit) -> int:
    code = exit_request.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code % 256
    with contextlib.suppress(BaseException):
        print(code, file=sys.stderr)
    return 1


def _print_program_exception(error: BaseException) -> None:
    """Print the traceback as CPython would, without the sandbox's own frames."""
    try:
        trace = error.__traceback__
        while trace is not None and trace.tb_frame.f_code.co_filename == __file__:
            trace = trace.tb_next
        traceback.print_exception(type(error), error, trace, file=sys.stderr)
    except BaseException:
        with contextlib.suppress(OSError):
            os.write(2, f"{type(error).__name__}\n".encode())


def _finish_interpreter() -> None:
    """What interpreter shutdown would do: join non-daemon threads, run atexit handlers, flush stdio."""
    threading_module = sys.modules.get("threading")
    try:
        if threading_module is not None:
            threading_module._shutdown()
    except BaseException:
        pass
    try:
        import atexit

        atexit._run_exitfuncs()
    except BaseException:
        pass
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BaseException):
            stream.flush()


if __name__ == "__main__":
    zygote_main()
