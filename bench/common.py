"""What the benchmarks share: the release binary, a free loopback port and a server started on it."""
import os
import socket
import subprocess
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, cwd=ROOT, **kw).stdout


def binary():
    """SKILLNAD_BIN, or a release build of the skillnad product."""
    if os.environ.get("SKILLNAD_BIN"):
        return os.path.abspath(os.environ["SKILLNAD_BIN"])
    sh(["swift", "build", "-c", "release", "--product", "skillnad"])
    return os.path.join(sh(["swift", "build", "-c", "release", "--show-bin-path"]).strip(), "skillnad")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(skillnad, db, log_path=None, production=False, timeout=30):
    """Starts `skillnad serve` on `db` at a free loopback port and waits until /healthz answers.

    Requests per client are not limited (SKILLNAD_RATE_LIMIT=0): the benchmarks measure the server, not the
    limit. The server's output goes to `log_path` (or nowhere). Returns (process, base URL); stops the server and
    raises RuntimeError, with its exit status, when it has not answered within `timeout` seconds."""
    port = free_port()
    command = [skillnad, "serve", "--db", db, "--hostname", "127.0.0.1", "--port", str(port)]
    if production:
        command[2:2] = ["--env", "production"]
    log = open(log_path, "w") if log_path else subprocess.DEVNULL
    proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            env=dict(os.environ, SKILLNAD_RATE_LIMIT="0"))
    if log_path:
        log.close()  # the server has its own copy of the file
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return proc, base
        except OSError:
            pass
        time.sleep(0.1)
    status = proc.poll()
    if status is None:
        proc.terminate()
        proc.wait(timeout=10)
    raise RuntimeError(f"the server did not answer /healthz within {timeout} s (exit status {status})")
