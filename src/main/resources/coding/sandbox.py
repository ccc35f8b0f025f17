"""Runs a candidate's Python function against test cases, inside a sandbox it builds around itself.

The service (dev.interviewloop.coding.PythonRunner) starts this file as a child process in an empty scratch
folder with a minimal environment, writes one JSON job to its standard input and reads JSON lines from its
standard output. Before the candidate's code runs, this process locks itself in, each layer on its own:

  1. resource limits (setrlimit): CPU seconds, address space, file size, open files, processes, no core files;
  2. Landlock (Linux 5.13+): files readable only under the interpreter's own folders, writable only in the
     scratch folder; TCP bind and connect refused (ABI 4+); signals and abstract sockets scoped (ABI 6+);
  3. seccomp: no new processes (fork, vfork, clone without CLONE_THREAD), no execve, no sockets;
  4. an audit hook (PEP 578) that turns what is refused into a clear PermissionError, and refuses to import
     ctypes, subprocess, socket and the like.
The service also kills the process at its wall-clock limit and stops reading output past its byte limit.
Which layers took hold is reported in the first line ("ready"), so the service can say so.

Expected values never enter this process: the service compares what each case returned.
"""
import builtins
import io
import json
import math
import os
import signal
import sys
import time
import traceback

try:
    import numpy
except ImportError:  # graded without NumPy; the ready line says so
    numpy = None

# Modules a candidate commonly uses, imported while imports are still unrestricted.
import bisect, collections, copy, dataclasses, functools, heapq, itertools, operator, random, re, string, typing  # noqa: E401,F401

_OUT = None  # the private result channel (a duplicate of the original standard output)
_AS = {}
_FIXTURES = {}  # the namespace the cases' argsCode is evaluated in: the task's fixtures, np, math, random
_GUARD = {"on": False}  # the audit hook's switch: on while the candidate's code (or a test's input) runs
_STATUS = os.path.realpath("/proc/self/status")  # the resource module and the hard address-space limit, kept for the cases' own memory budgets


def emit(record):
    _OUT.write(json.dumps(record, allow_nan=False) + "\n")
    _OUT.flush()


# ---- layer 1: resource limits -------------------------------------------------------------------

def vm_size_bytes():
    with open(_STATUS) as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def apply_rlimits(limits, cpu_seconds):
    import resource
    applied = []

    def cap(name, value):
        which = getattr(resource, name, None)
        if which is None:
            return
        try:
            resource.setrlimit(which, (value, value))
            applied.append(name)
        except (ValueError, OSError):
            pass

    # the memory the candidate may take comes on top of what the interpreter (and NumPy) already hold; a case
    # with its own memory budget lowers the soft limit for its call and raises it back afterwards
    _AS["resource"], _AS["hard"] = resource, vm_size_bytes() + limits["memoryMb"] * 1024 * 1024
    cap("RLIMIT_AS", _AS["hard"])
    cpu = int(math.ceil(cpu_seconds))
    try:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))  # SIGXCPU at the soft limit, SIGKILL at the hard
        applied.append("RLIMIT_CPU")
    except (ValueError, OSError):
        pass
    cap("RLIMIT_FSIZE", limits["fileBytes"])
    cap("RLIMIT_NOFILE", limits["openFiles"])
    cap("RLIMIT_NPROC", limits["processes"])
    cap("RLIMIT_CORE", 0)
    return applied


# ---- layer 2: Landlock ---------------------------------------------------------------------------

def landlock(readable, writable):
    """Restricts file access to reading `readable` and reading and writing `writable`; returns the ABI or 0."""
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    create, add_rule, restrict = 444, 445, 446  # the same numbers on every architecture
    abi = libc.syscall(create, None, ctypes.c_size_t(0), ctypes.c_uint32(1))  # LANDLOCK_CREATE_RULESET_VERSION
    if abi < 1:
        return 0
    execute, write_file, read_file, read_dir = 1 << 0, 1 << 1, 1 << 2, 1 << 3
    all_fs = (1 << 13) - 1  # ABI 1: execute .. make_sym
    if abi >= 2:
        all_fs |= 1 << 13  # refer
    if abi >= 3:
        all_fs |= 1 << 14  # truncate
    if abi >= 5:
        all_fs |= 1 << 15  # ioctl_dev
    net = 1 | 2 if abi >= 4 else 0  # bind_tcp | connect_tcp, with no rule allowing any port
    scoped = 1 | 2 if abi >= 6 else 0  # abstract unix sockets | signals outside this process

    class RulesetAttr(ctypes.Structure):
        _fields_ = [("fs", ctypes.c_uint64), ("net", ctypes.c_uint64), ("scoped", ctypes.c_uint64)]

    class PathBeneath(ctypes.Structure):
        _pack_ = 1
        _fields_ = [("allowed", ctypes.c_uint64), ("fd", ctypes.c_int32)]

    attr = RulesetAttr(all_fs, net, scoped)
    size = 24 if abi >= 6 else 16 if abi >= 4 else 8
    ruleset = libc.syscall(create, ctypes.byref(attr), ctypes.c_size_t(size), ctypes.c_uint32(0))
    if ruleset < 0:
        return 0
    file_rights = execute | write_file | read_file | ((1 << 14) if abi >= 3 else 0)
    try:
        for path, rights in [(p, execute | read_file | read_dir) for p in readable] + [(p, all_fs) for p in writable]:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue
            allowed = rights if os.path.isdir(path) else rights & file_rights
            rule = PathBeneath(allowed, fd)
            libc.syscall(add_rule, ctypes.c_int(ruleset), ctypes.c_int(1), ctypes.byref(rule), ctypes.c_uint32(0))
            os.close(fd)
        if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
            return 0
        if libc.syscall(restrict, ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            return 0
    finally:
        os.close(ruleset)
    return abi


# ---- layer 3: seccomp ----------------------------------------------------------------------------

# x86_64 and aarch64 system call numbers of what is refused; other architectures skip this layer.
_ARCHES = {
    "x86_64": (0xC000003E, {"clone": 56, "fork": 57, "vfork": 58, "execve": 59, "execveat": 322, "clone3": 435,
                            "socket": 41, "socketpair": 53, "ptrace": 101, "unshare": 272, "setns": 308,
                            "mount": 165, "io_uring_setup": 425}),
    "aarch64": (0xC00000B7, {"clone": 220, "execve": 221, "execveat": 281, "clone3": 435, "socket": 198,
                             "socketpair": 199, "ptrace": 117, "unshare": 97, "setns": 268, "mount": 40,
                             "io_uring_setup": 425}),
}


def seccomp():
    """No new processes, no programs, no sockets, from here on. Returns whether the filter is installed."""
    import ctypes
    arch = _ARCHES.get(os.uname().machine)
    if arch is None:
        return False
    audit_arch, nr = arch
    ld_w_abs, jeq, jge, jset, ret = 0x20, 0x15, 0x35, 0x45, 0x06
    allow, kill = 0x7FFF0000, 0x80000000
    eperm, enosys = 0x00050000 | 1, 0x00050000 | 38
    clone_thread = 0x00010000
    prog = [(ld_w_abs, 0, 0, 4)]  # seccomp_data.arch
    prog.append((jeq, 1, 0, audit_arch))
    prog.append((ret, 0, 0, kill))
    prog.append((ld_w_abs, 0, 0, 0))  # seccomp_data.nr
    if audit_arch == 0xC000003E:
        prog.append((jge, 0, 1, 0x40000000))  # x32 system calls: refuse the whole range
        prog.append((ret, 0, 0, eperm))
    refused = [nr[name] for name in ("fork", "vfork", "execve", "execveat", "socket", "socketpair", "ptrace",
                                     "unshare", "setns", "mount", "io_uring_setup") if name in nr]
    for number in refused:
        prog.append((jeq, 0, 1, number))
        prog.append((ret, 0, 0, eperm))
    prog.append((jeq, 0, 1, nr["clone3"]))  # glibc falls back to clone, where the flags can be read
    prog.append((ret, 0, 0, enosys))
    prog.append((jeq, 0, 4, nr["clone"]))
    prog.append((ld_w_abs, 0, 0, 16))  # args[0] (low half): the clone flags
    prog.append((jset, 1, 0, clone_thread))  # a thread is fine, a process is not
    prog.append((ret, 0, 0, eperm))
    prog.append((ret, 0, 0, allow))
    prog.append((ret, 0, 0, allow))

    class Filter(ctypes.Structure):
        _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_uint16), ("filter", ctypes.POINTER(Filter))]

    filters = (Filter * len(prog))(*[Filter(*f) for f in prog])
    program = Program(len(prog), filters)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
        return False
    return libc.prctl(22, 2, ctypes.byref(program), 0, 0) == 0  # PR_SET_SECCOMP, SECCOMP_MODE_FILTER


# ---- layer 4: the audit hook ---------------------------------------------------------------------

# Removed from sys.modules before the candidate's code runs, so that importing them goes through the hook.
_BLOCKED_MODULES = {"ctypes", "_ctypes", "subprocess", "_posixsubprocess", "multiprocessing", "_multiprocessing",
                    "socket", "_socket", "ssl", "_ssl", "select", "selectors", "asyncio", "resource", "mmap", "fcntl",
                    "pty", "termios", "faulthandler", "concurrent", "urllib", "http", "ftplib", "smtplib", "webbrowser"}
_BLOCKED_EVENTS = {
    "subprocess.Popen": "starting programs", "os.system": "starting programs", "os.exec": "starting programs",
    "os.posix_spawn": "starting programs", "os.spawn": "starting programs", "os.fork": "starting processes",
    "os.forkpty": "starting processes", "os.kill": "sending signals", "os.killpg": "sending signals",
    "ctypes.dlopen": "loading native code", "ctypes.dlsym": "loading native code",
    "ctypes.call_function": "calling native code", "socket.__new__": "opening sockets",
    "socket.connect": "opening network connections", "socket.bind": "opening network connections",
    "socket.getaddrinfo": "looking up hosts", "os.chroot": "changing the root", "os.chdir": "changing folders",
}
_PATH_EVENTS = {"os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.listdir", "os.scandir", "os.chmod",
                "os.chown", "os.link", "os.symlink", "os.truncate", "os.utime", "shutil.rmtree"}


class SandboxRefusal(PermissionError):
    pass


def install_audit_hook(scratch, readable):
    scratch = os.path.realpath(scratch)
    readable = tuple(os.path.realpath(p) for p in readable)
    state = {"on": False}

    def inside(path, roots):
        try:
            real = os.path.realpath(os.path.join(scratch, os.fsdecode(path)))
        except (TypeError, ValueError):
            return False
        return any(real == r or real.startswith(r.rstrip("/") + "/") for r in roots)

    def hook(event, args):
        if not state["on"]:
            return
        if event == "import":
            top = args[0].split(".")[0] if args and isinstance(args[0], str) else ""
            if top in _BLOCKED_MODULES:
                raise SandboxRefusal("importing '" + top + "' is not allowed in the sandbox: the tests run plain "
                                     "Python" + (" and NumPy" if numpy is not None else ""))
            return
        if event in _BLOCKED_EVENTS:
            raise SandboxRefusal(_BLOCKED_EVENTS[event] + " is not allowed in the sandbox")
        if event == "open":
            path, mode, flags = (list(args) + [None, None, None])[:3]
            if isinstance(path, int):
                return
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC))
            if inside(path, (scratch,)) or (not writing and inside(path, readable)):
                return
            raise SandboxRefusal("files outside the sandbox's scratch folder cannot be "
                                 + ("written" if writing else "read") + ": " + os.fsdecode(path))
        if event in _PATH_EVENTS:
            if args and isinstance(args[0], (str, bytes)) and not inside(args[0], (scratch,)):
                raise SandboxRefusal("files outside the sandbox's scratch folder cannot be touched: "
                                     + os.fsdecode(args[0]))

    sys.addaudithook(hook)
    return state


# ---- running the cases -------------------------------------------------------------------------

class CaseTimeout(BaseException):
    """Raised by the timers; a BaseException so that a candidate's `except Exception` does not swallow it."""


class CappedWriter(io.TextIOBase):
    """Collects what the candidate prints, up to `limit` characters; the rest is counted, not kept."""

    def __init__(self, limit):
        self.limit, self.parts, self.size, self.dropped = limit, [], 0, 0

    def writable(self):
        return True

    def write(self, s):
        s = str(s)
        room = self.limit - self.size
        if room > 0:
            self.parts.append(s[:room])
            self.size += min(len(s), room)
        self.dropped += max(0, len(s) - max(room, 0))
        return len(s)

    def take(self):
        text = "".join(self.parts)
        if self.dropped:
            text += "\n[... " + str(self.dropped) + " more characters not kept]"
        self.parts, self.size, self.dropped = [], 0, 0
        return text


def to_json(value, depth=0):
    """What a case returned, as JSON the service can compare: NumPy arrays and scalars become lists and numbers."""
    if depth > 20:
        return {"$repr": "(nested too deep)"}
    if numpy is not None:
        if isinstance(value, numpy.ndarray):
            return to_json(value.tolist(), depth + 1)
        if isinstance(value, numpy.generic):
            return to_json(value.item(), depth + 1)
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if abs(value) < 2 ** 63 else {"$repr": repr(value)[:200]}
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$float": repr(value)}
    if isinstance(value, (list, tuple)):
        return [to_json(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v, depth + 1) for k, v in value.items()}
    return {"$repr": repr(value)[:200]}


def describe(exc, code_name):
    """One line: the exception and the candidate's line it came from."""
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == code_name:
            line = frame.lineno
    text = type(exc).__name__ + (": " + str(exc) if str(exc) else "")
    return (text[:300] + (" (line " + str(line) + ")" if line else ""))


def main():
    global _OUT, _GUARD
    job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    sys.stdin.close()
    scratch = os.getcwd()
    limits = job["limits"]
    _OUT = os.fdopen(os.dup(1), "w", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)

    readable = sorted({os.path.realpath(p) for p in sys.path if p and os.path.exists(p)}
                      | {os.path.realpath(sys.prefix), os.path.realpath(sys.base_prefix)})
    cpu_budget = sum(c["seconds"] for c in job["cases"]) + job["setupSeconds"]
    layers = {"rlimits": apply_rlimits(limits, cpu_budget)}
    # /proc/<pid>/status stays readable for vm_size_bytes(); the audit hook refuses it to the candidate
    layers["landlock"] = landlock(readable + [os.path.realpath("/proc/self/status")], [scratch])
    layers["seccomp"] = seccomp()
    for name in [m for m in sys.modules if m.split(".")[0] in _BLOCKED_MODULES]:
        del sys.modules[name]  # imported again, they go through the audit hook
    guard = _GUARD = install_audit_hook(scratch, readable)
    layers["auditHook"] = True
    os._exit = _refuse_exit
    sys.modules["posix"]._exit = _refuse_exit
    emit({"ready": {"python": sys.version.split()[0], "numpy": numpy.__version__ if numpy is not None else None,
                    "layers": layers}})

    printed = CappedWriter(limits["printChars"])
    sys.stdout = sys.stderr = printed
    code_name = "solution.py"
    namespace = {"__name__": "solution", "__builtins__": builtins}
    guard["on"] = True
    start = time.process_time()
    try:
        with timers(job["setupSeconds"]):
            exec(compile(job["code"], code_name, "exec"), namespace)
    except SyntaxError as e:
        fatal("syntax", "SyntaxError: " + str(e.msg) + " (line " + str(e.lineno) + ")", printed)
        return
    except CaseTimeout:
        fatal("timeout", "the code did not finish loading within " + str(job["setupSeconds"]) + " s", printed)
        return
    except SystemExit:
        fatal("exit", "the code called exit() while loading; define the function and return its answer", printed)
        return
    except BaseException as e:  # noqa: B902 - the candidate's code may raise anything
        fatal("error", describe(e, code_name), printed)
        return
    function = namespace.get(job["function"])
    if not callable(function):
        defined = sorted(k for k, v in namespace.items() if callable(v) and not k.startswith("__"))
        fatal("missing", "no function '" + job["function"] + "' is defined"
              + ("; the code defines " + ", ".join(defined) if defined else "")
              + "; write " + job["signature"], printed)
        return

    _FIXTURES.update({"__builtins__": builtins, "np": numpy, "math": math, "random": random,
                      "__arrays__": bool(job.get("arrays"))})
    if job.get("fixtures"):
        exec(compile(job["fixtures"], "<fixtures>", "exec"), _FIXTURES)
    for case in job["cases"]:
        run_case(case, function, printed, code_name)
    guard["on"] = False
    emit({"done": True, "cpuMs": round((time.process_time() - start) * 1000)})


def fatal(kind, message, printed):
    emit({"fatal": kind, "error": message, "stdout": printed.take()})


def _refuse_exit(*args):
    raise SystemExit(*args)


class timers:
    """A CPU-time limit (SIGPROF) and a looser wall-clock one (SIGALRM) for one case."""

    def __init__(self, seconds):
        self.seconds = seconds

    def __enter__(self):
        def expire(signum, frame):
            raise CaseTimeout()
        signal.signal(signal.SIGPROF, expire)
        signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_PROF, self.seconds)
        signal.setitimer(signal.ITIMER_REAL, self.seconds * 3 + 1)

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        return False


def run_case(case, function, printed, code_name):
    record = {"case": case["name"]}
    try:
        if "argsCode" in case:
            args = eval(case["argsCode"], _FIXTURES)
        else:
            args = case["args"]
            if _FIXTURES.get("__arrays__"):
                args = [numpy.asarray(a) if isinstance(a, list) else a for a in args]
    except BaseException as e:  # noqa: B902 - a broken test is reported, not hidden
        record.update(status="broken-test", error="the test's input could not be built: " + describe(e, "<test>"))
        emit(record)
        return
    budget = case.get("maxMemoryMb")
    if budget is not None:  # a complexity check: the call may take this much memory beyond what is in use now
        _GUARD["on"] = False  # the harness reads its own /proc status, which the candidate may not
        in_use = vm_size_bytes()
        _GUARD["on"] = True
        _AS["resource"].setrlimit(_AS["resource"].RLIMIT_AS, (min(in_use + budget * 1024 * 1024, _AS["hard"]), _AS["hard"]))
    cpu0, wall0 = time.process_time(), time.perf_counter()
    try:
        with timers(case["seconds"]):
            value = function(*args)
        record["status"] = "returned"
    except CaseTimeout:
        record.update(status="timeout", error="did not finish within " + str(case["seconds"]) + " s of CPU time")
    except MemoryError:
        record.update(status="memory", error="MemoryError: went over the memory limit"
                      + (" of " + str(budget) + " MB for this case" if budget is not None else ""))
    except RecursionError as e:
        record.update(status="error", error=describe(e, code_name))
    except SystemExit:
        record.update(status="exit", error="the code called exit(); return the answer instead")
    except BaseException as e:  # noqa: B902
        record.update(status="error", error=describe(e, code_name))
    finally:
        if budget is not None:
            _AS["resource"].setrlimit(_AS["resource"].RLIMIT_AS, (_AS["hard"], _AS["hard"]))
    record["cpuMs"] = round((time.process_time() - cpu0) * 1000, 2)
    record["wallMs"] = round((time.perf_counter() - wall0) * 1000, 2)
    if record["status"] == "returned":
        try:
            if case.get("result"):
                value = eval(case["result"], {"__builtins__": builtins, "np": numpy, "math": math}, {"result": value})
            record["got"] = to_json(value)
        except BaseException as e:  # noqa: B902
            record.update(status="error", error="the returned value could not be read: " + describe(e, "<test>"))
    record["stdout"] = printed.take()
    emit(record)


if __name__ == "__main__":
    main()
