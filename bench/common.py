"""What the benchmarks share: the release binary and a free loopback port."""
import os
import socket
import subprocess

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
