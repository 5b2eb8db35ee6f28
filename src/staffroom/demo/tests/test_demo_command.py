"""``staffroom demo`` as a newcomer runs it: prepares a fresh SQLite database, serves the
demo hub with a worker beside it, and stops both on SIGTERM."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _demo_env(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    return env | {"STAFFROOM_VAR_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode()


def test_demo_prepares_once_then_serves_and_stops_cleanly_on_sigterm(tmp_path):
    prepare = [sys.executable, "-m", "staffroom.cli", "demo", "--no-serve"]
    first = subprocess.run(prepare, env=_demo_env(tmp_path), capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "Loaded the demo hub." in first.stdout
    with sqlite3.connect(tmp_path / "staffroom.sqlite3") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    port = _free_port()
    demo = subprocess.Popen(
        [sys.executable, "-m", "staffroom.cli", "demo", "--port", str(port)],
        env=_demo_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        status = None
        while time.monotonic() < deadline and demo.poll() is None:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/communities/")
                break
            except OSError:
                time.sleep(0.5)
        assert status == 200, "the demo never answered"
        assert "Communities" in body
        assert (tmp_path / "staffroom.sqlite3").exists()
        demo.send_signal(signal.SIGTERM)
        output, _ = demo.communicate(timeout=30)
    finally:
        if demo.poll() is None:
            os.killpg(demo.pid, signal.SIGKILL)
    assert demo.returncode == 0, output
    assert "already there" in output
    assert f"http://127.0.0.1:{port}/" in output
    assert "facilitator@example.org" in output
    assert "Stopped the web server and the worker." in output
    # Nothing of the demo is left listening.
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0
