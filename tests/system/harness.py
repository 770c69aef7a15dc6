"""Process harness for system tests: starts the real binaries on loopback with ephemeral ports,
finds their ports from their JSON log lines, and stops only the processes it started, by PID."""
import json
import os
import queue
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request

BUILD_DIR = os.environ.get("HOTEL_BUILD_DIR", os.path.join(os.path.dirname(__file__), "../../build/release"))
HOTEL = os.environ.get("HOTEL_BIN", os.path.join(BUILD_DIR, "app", "hotel"))
SERVICES = ["identity", "hotels", "search", "payment", "booking", "notification", "gateway"]


class Process:
    """A child process whose stdout JSON lines are collected; `ports` maps service -> port."""

    def __init__(self, args, env=None, cwd=None):
        self.args = args
        self.lines = []
        self.ports = {}
        self._events = queue.Queue()
        full_env = dict(os.environ)
        full_env.update(env or {})
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=full_env, cwd=cwd, text=True, errors="replace")
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.stderr = ""
        self._err_reader = threading.Thread(target=self._read_err, daemon=True)
        self._err_reader.start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line)
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if entry.get("msg") == "listening":
                self.ports[entry["service"]] = entry["port"]
                self._events.put(entry["service"])

    def _read_err(self):
        for line in self.proc.stderr:
            self.stderr += line

    def wait_ports(self, names, timeout=30):
        deadline = time.time() + timeout
        while not all(n in self.ports for n in names):
            if self.proc.poll() is not None:
                raise RuntimeError(f"process exited with {self.proc.returncode}: {self.stderr}")
            if time.time() > deadline:
                raise TimeoutError(f"ports not announced: {names}, have {self.ports}")
            try:
                self._events.get(timeout=0.2)
            except queue.Empty:
                pass
        return self.ports

    def url(self, service, path):
        return f"http://127.0.0.1:{self.ports[service]}{path}"

    def admin_url(self, service, path):
        """/health/* and /metrics: on the service's admin listener when it has one (the gateway's,
        announced as "<service>-admin" before the service's own port), else on its port."""
        return self.url(self.ports.get(f"{service}-admin") and f"{service}-admin" or service, path)

    def signal(self, sig):
        if self.proc.poll() is None:
            os.kill(self.proc.pid, sig)

    def kill(self):
        self.signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        self.close()

    def stop(self, timeout=20):
        """SIGTERM, wait; returns the exit code (SIGKILL after the timeout)."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        self.close()
        return self.proc.returncode

    def close(self):
        self.proc.wait()
        self._reader.join(timeout=5)
        self._err_reader.join(timeout=5)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream:
                stream.close()


def hotel(targets, data_dir, extra_env=None, args=()):
    """Starts `hotel serve` for the targets with every port ephemeral."""
    env = {f"HOTEL_SERVICES_{s.upper()}_PORT": "0" for s in SERVICES}
    env["HOTEL_GATEWAY_ADMIN_PORT"] = "0"
    env.update({"HOTEL_LOG_LEVEL": "info", "HOTEL_HTTP_ACCESS_LOG": "false"})
    env.update(extra_env or {})
    return Process([HOTEL, "serve", "--target", ",".join(targets), "--data-dir", data_dir, *args],
                   env=env)


def http(method, url, body=None, headers=None, timeout=30):
    """Returns (status, headers, body bytes) without raising on HTTP error statuses."""
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            return res.status, dict(res.headers), res.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def get_json(url, timeout=30):
    status, _, body = http("GET", url, timeout=timeout)
    return status, json.loads(body) if body else None


def wait_until(predicate, timeout=60, interval=0.05, what="condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError(f"timed out waiting for {what}")


class TempDir:
    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix="hotel-test-")
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)
