"""System tests of the `hotel` binary: targets, health, metrics, feeds, config errors, SIGTERM."""
import json
import os
import signal
import subprocess
import threading
import time
import unittest

from harness import HOTEL, SERVICES, TempDir, get_json, hotel, http, wait_until

# Identity's feed carries live confirmation codes: it needs a service token (test_identity.py).
FEED_SERVICES = [s for s in SERVICES if s not in ("gateway", "identity")]


class BinaryTest(unittest.TestCase):
    def test_help_lists_targets(self):
        out = subprocess.run([HOTEL, "serve", "--help"], capture_output=True, text=True, timeout=30)
        self.assertEqual(out.returncode, 0)
        for name in SERVICES:
            self.assertIn(name, out.stdout)

    def test_config_lists_keys_with_env_names(self):
        out = subprocess.run([HOTEL, "config"], capture_output=True, text=True, timeout=30)
        self.assertEqual(out.returncode, 0)
        self.assertIn("HOTEL_HTTP_IO_THREADS", out.stdout)
        self.assertIn("HOTEL_SERVICES_BOOKING_PORT", out.stdout)

    def test_all_targets_serve_health_metrics_and_feeds(self):
        with TempDir() as data:
            p = hotel(["all"], data)
            try:
                p.wait_ports(SERVICES)
                for name in SERVICES:
                    status, body = get_json(p.admin_url(name, "/health/live"))
                    self.assertEqual(status, 200, name)
                    status, body = wait_until(
                        lambda n=name: (lambda r: r if r[0] == 200 else None)(
                            get_json(p.admin_url(n, "/health/ready"))), what=f"{name} ready")
                    self.assertEqual(body["status"], "ready")
                for name in FEED_SERVICES:
                    status, body = get_json(p.url(name, "/v1/events?after=0&limit=10&wait=0"))
                    self.assertEqual(status, 200, name)
                    self.assertEqual(body["events"], [])
                    self.assertEqual(body["last_seq"], 0)
                    self.assertTrue(os.path.exists(os.path.join(data, name, name + ".db")))
                self.assertEqual(http("GET", p.url("identity", "/v1/events?wait=0"))[0], 401)
                self.assertTrue(os.path.exists(os.path.join(data, "identity", "identity.db")))
                status, _, metrics = http("GET", p.url("hotels", "/metrics"))
                self.assertEqual(status, 200)
                self.assertIn(b"http_server_requests_total{", metrics)
                self.assertIn(b'route="/v1/events"', metrics)
                for path in ("/metrics", "/health/live", "/health/ready"):
                    self.assertEqual(http("GET", p.url("gateway", path))[0], 404,
                                     "the gateway's public port does not show " + path)
                status, _, metrics = http("GET", p.admin_url("gateway", "/metrics"))
                self.assertEqual(status, 200)
                self.assertIn(b'service="gateway"', metrics)
                status, body = get_json(p.url("booking", "/v1/events?limit=abc"))
                self.assertEqual(status, 400)
                self.assertEqual(body["field"], "limit")
            finally:
                self.assertEqual(p.stop(), 0)
            self.assertTrue(os.path.exists(os.path.join(data, "logs", "hotels.log")))

    def test_single_target_runs_alone(self):
        with TempDir() as data:
            p = hotel(["payment"], data)
            try:
                p.wait_ports(["payment"])
                self.assertEqual(get_json(p.url("payment", "/health/live"))[0], 200)
                time.sleep(0.2)
                self.assertEqual(set(p.ports), {"payment"})
            finally:
                self.assertEqual(p.stop(), 0)

    def test_sigterm_drains_long_polls_and_exits_zero(self):
        with TempDir() as data:
            p = hotel(["hotels"], data)
            p.wait_ports(["hotels"])
            result = {}

            def long_poll():
                result["response"] = get_json(p.url("hotels", "/v1/events?after=0&wait=25"),
                                              timeout=40)

            t = threading.Thread(target=long_poll)
            t.start()
            time.sleep(0.5)
            started = time.time()
            code = p.stop(timeout=20)
            t.join(timeout=30)
            self.assertEqual(code, 0)
            self.assertLess(time.time() - started, 15, "drain waited for the long-poll's bound")
            self.assertEqual(result["response"][0], 200)

    def test_bad_environment_value_names_the_variable(self):
        with TempDir() as data:
            p = hotel(["hotels"], data, extra_env={"HOTEL_HTTP_IO_THREADS": "many"})
            code = p.proc.wait(timeout=30)
            time.sleep(0.1)
            self.assertEqual(code, 2)
            self.assertIn("HOTEL_HTTP_IO_THREADS", p.stderr)

    def test_unknown_config_key_is_named(self):
        with TempDir() as data:
            path = os.path.join(data, "config.json")
            with open(path, "w") as f:
                json.dump({"http": {"io_thread": 2}}, f)
            p = hotel(["hotels"], data, args=("--config", path))
            code = p.proc.wait(timeout=30)
            time.sleep(0.1)
            self.assertEqual(code, 2)
            self.assertIn("http.io_thread", p.stderr)

    def test_unknown_target_is_refused(self):
        with TempDir() as data:
            p = hotel(["nope"], data)
            self.assertNotEqual(p.proc.wait(timeout=30), 0)
            time.sleep(0.1)
            self.assertIn("unknown target", p.stderr)


if __name__ == "__main__":
    unittest.main()
