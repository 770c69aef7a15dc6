"""The gateway binary in front of a fake upstream (fake_upstream.py, its own process): relaying
and correlation, the access log, then faults: the upstream killed, hung and slow. The breaker
opens, fails fast with 503 + Retry-After, half-opens and closes when the upstream is back; no
request outlives its deadline. Also the web UI files, /openapi.json, CORS and config errors."""
import http.client
import json
import os
import re
import socket
import sys
import threading
import time
import unittest

from harness import Process, TempDir, hotel, wait_until

HERE = os.path.dirname(os.path.abspath(__file__))
WEB_DIR = os.path.join(HERE, "..", "..", "web")
DEADLINE_S = 0.8
ORIGIN = "https://app.example"
ROUTES = {"routes": [
    {"path": "/v1/hotels/**", "service": "hotels", "methods": ["GET", "POST"], "access": "public",
     "rate_class": "read", "timeout_ms": int(DEADLINE_S * 1000), "max_attempts": 2},
    {"path": "/v1/bookings/**", "service": "booking", "methods": ["GET"], "access": "signed_in"},
]}


def call(port, method, target, headers=None, body=None, timeout=15):
    """(status, headers with lower-case names, body bytes, seconds) on a fresh connection."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, target, body=body, headers=headers or {})
        res = conn.getresponse()
        data = res.read()
        return res.status, {k.lower(): v for k, v in res.getheaders()}, data, time.monotonic() - started
    finally:
        conn.close()


def upstream(port=0, mode="ok"):
    p = Process([sys.executable, os.path.join(HERE, "fake_upstream.py"), str(port), mode])
    p.wait_ports(["upstream"])
    return p


def set_mode(up, **mode):
    """Changes the fake's behaviour; returns its state (with the count of requests)."""
    status, _, body, _ = call(up.ports["upstream"], "POST", "/__mode", body=json.dumps(mode))
    assert status == 200
    return json.loads(body)


def breaker_state(admin_port):
    _, _, text, _ = call(admin_port, "GET", "/metrics")
    found = re.search(rb'upstream_breaker_state\{[^}]*upstream="hotels"[^}]*\} (\d+)', text)
    return int(found.group(1)) if found else None


class GatewayTest(unittest.TestCase):
    def setUp(self):
        self.tmp = TempDir()
        self.data = self.tmp.__enter__()
        self.up = upstream()
        self.routes = os.path.join(self.data, "routes.json")
        with open(self.routes, "w") as f:
            json.dump(ROUTES, f)
        self.gw = self.start_gateway()

    def tearDown(self):
        self.gw.stop()
        self.up.kill()
        self.tmp.__exit__(None, None, None)

    def start_gateway(self, **extra):
        env = {
            "HOTEL_SERVICES_HOTELS_ENDPOINTS": f"127.0.0.1:{self.up.ports['upstream']}",
            "HOTEL_SERVICES_BOOKING_ENDPOINTS": f"127.0.0.1:{self.up.ports['upstream']}",
            "HOTEL_GATEWAY_ROUTES_FILE": self.routes,
            "HOTEL_GATEWAY_WEB_DIR": WEB_DIR,
            "HOTEL_GATEWAY_BREAKER_FAILURES": "3",
            "HOTEL_GATEWAY_BREAKER_OPEN": "1s",
            "HOTEL_GATEWAY_RATE_READ_PER_ADDRESS": "0",
            "HOTEL_GATEWAY_RATE_STATIC_PER_ADDRESS": "0",
            "HOTEL_GATEWAY_CORS_ORIGINS": ORIGIN,
            "HOTEL_HTTP_ACCESS_LOG": "true",
            "HOTEL_LOG_FILES": "false",
        }
        env.update(extra)
        gw = hotel(["gateway"], self.data, extra_env=env)
        gw.wait_ports(["gateway"])
        self.port = gw.ports["gateway"]
        self.admin = gw.ports["gateway-admin"]
        return gw

    def get(self, target="/v1/hotels", **kw):
        return call(self.port, "GET", target, **kw)

    # --- relaying -------------------------------------------------------------------------

    def test_relays_with_forwarding_headers_and_correlation(self):
        status, headers, body, _ = self.get(
            "/v1/hotels/7?city=Rome",
            headers={"X-Request-Id": "sys-test-1", "Authorization": "Bearer t0ken",
                     "Connection": "keep-alive, X-Client-Secret", "X-Client-Secret": "s",
                     "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"})
        self.assertEqual(status, 200)
        seen = json.loads(body)
        self.assertEqual(seen["path"], "/v1/hotels/7?city=Rome")
        self.assertEqual(seen["headers"]["authorization"], "Bearer t0ken")
        self.assertEqual(seen["headers"]["x-request-id"], "sys-test-1")
        self.assertTrue(seen["headers"]["traceparent"].startswith("00-4bf92f3577b34da6a3ce929d0e0e4736-"))
        self.assertEqual(seen["headers"]["x-forwarded-for"], "127.0.0.1")
        self.assertEqual(seen["headers"]["x-forwarded-proto"], "http")
        self.assertNotIn("x-client-secret", seen["headers"])
        self.assertLessEqual(int(seen["headers"]["x-request-timeout-ms"]), DEADLINE_S * 1000)
        self.assertEqual(headers["x-request-id"], "sys-test-1")
        self.assertNotIn("x-upstream-secret", headers)
        self.assertNotIn("keep-alive", headers)
        self.assertEqual(headers["x-content-type-options"], "nosniff")
        line = wait_until(lambda: next((json.loads(l) for l in self.gw.lines
                                        if '"sys-test-1"' in l and '"request"' in l), None),
                          timeout=5, what="access log line")
        self.assertEqual(line["route"], "/v1/hotels/{rest...}")
        self.assertEqual(line["status"], 200)
        self.assertEqual(line["upstream"], "hotels")
        self.assertEqual(line["breaker"], "closed")
        self.assertIn("latency_ms", line)
        self.assertIn("bytes", line)

    def test_request_id_is_created_when_missing(self):
        _, headers, _, _ = self.get()
        self.assertRegex(headers["x-request-id"], r"^[0-9a-f]{32}$")

    # --- faults ---------------------------------------------------------------------------

    def fail_until_open(self, expect_failure):
        """Sends requests until the breaker answers; returns the fast-fail answer."""
        for _ in range(6):
            status, headers, body, elapsed = self.get()
            self.assertLess(elapsed, DEADLINE_S + 2, "a request outlived its deadline")
            if status == 503 and json.loads(body).get("code") == "upstream_unavailable":
                return status, headers, body, elapsed
            self.assertEqual(status, expect_failure, body)
            problem = json.loads(body)
            self.assertNotIn("127.0.0.1", problem["detail"])
        self.fail("the breaker never opened")

    def recover(self):
        status = wait_until(lambda: (lambda s: s if s == 200 else None)(self.get()[0]),
                            timeout=10, interval=0.2, what="recovery")
        self.assertEqual(status, 200)
        self.assertEqual(wait_until(lambda: breaker_state(self.admin) == 0 or None, timeout=5), True)

    def test_killed_upstream_opens_the_breaker_fails_fast_and_recovers(self):
        self.assertEqual(self.get()[0], 200)
        port = self.up.ports["upstream"]
        self.up.kill()
        status, headers, body, elapsed = self.fail_until_open(502)
        self.assertGreaterEqual(int(headers["retry-after"]), 1)
        self.assertEqual(headers["content-type"], "application/problem+json")
        self.assertEqual(breaker_state(self.admin), 2)
        fast = [self.get()[3] for _ in range(5)]
        self.assertLess(max(fast), DEADLINE_S, "an open breaker answers without calling")
        self.up = upstream(port)
        self.recover()
        _, _, metrics, _ = call(self.admin, "GET", "/metrics")
        for to in ("open", "half_open", "closed"):
            self.assertIn(f'to="{to}"'.encode(), metrics)

    def test_hung_upstream_times_out_at_the_deadline_then_opens(self):
        set_mode(self.up, mode="hang")
        status, headers, body, _ = self.fail_until_open(504)
        self.assertEqual(json.loads(body)["status"], 503)
        set_mode(self.up, mode="ok")  # the hung requests stay hung; new ones are answered
        self.recover()

    def test_slow_upstream_within_and_past_the_deadline(self):
        set_mode(self.up, mode="slow", delay=DEADLINE_S / 4)
        self.assertEqual(self.get()[0], 200)
        set_mode(self.up, mode="slow", delay=DEADLINE_S * 3)
        status, _, body, elapsed = self.get()
        self.assertEqual(status, 504, body)
        self.assertEqual(json.loads(body)["code"], "timeout")
        self.assertLess(elapsed, DEADLINE_S + 2)

    def test_no_request_outlives_its_deadline_under_concurrency(self):
        set_mode(self.up, mode="hang")
        results = []

        def one():
            results.append(self.get(timeout=30))

        threads = [threading.Thread(target=one) for _ in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(results), 12)
        for status, _, body, elapsed in results:
            self.assertIn(status, (503, 504), body)
            self.assertLess(elapsed, DEADLINE_S + 2)

    def test_failing_upstream_5xx_counts_and_post_is_not_retried(self):
        set_mode(self.up, mode="fail", requests=0)
        self.assertEqual(call(self.port, "POST", "/v1/hotels", body="{}")[0], 503)
        self.assertEqual(set_mode(self.up)["requests"], 1, "POST without Idempotency-Key: once")
        self.assertEqual(call(self.port, "POST", "/v1/hotels", body="{}",
                              headers={"Idempotency-Key": "k-1"})[0], 503)
        self.assertEqual(set_mode(self.up)["requests"], 3, "with a key: retried (2 attempts)")
        status, headers, body, _ = self.fail_until_open(503)
        self.assertIn("retry-after", headers)
        set_mode(self.up, mode="ok")
        self.recover()

    def test_signed_in_routes_are_refused_early_without_a_valid_token(self):
        set_mode(self.up, requests=0)
        status, headers, body, _ = self.get("/v1/bookings")
        self.assertEqual(status, 401)
        self.assertEqual(headers["www-authenticate"], "Bearer")
        self.assertEqual(json.loads(body)["code"], "unauthorized")
        status, headers, _, _ = self.get("/v1/bookings", headers={"Authorization": "Bearer x.y.z"})
        self.assertEqual(status, 401)
        self.assertIn('error="invalid_token"', headers["www-authenticate"])
        status, _, _, _ = self.get("/v1/bookings?access_token=x.y.z")
        self.assertEqual(status, 401, "tokens in the query string are not read")
        self.assertEqual(set_mode(self.up)["requests"], 0, "nothing reached the service")

    # --- the gateway's own answers ---------------------------------------------------------

    def raw(self, data):
        """Sends raw bytes, half-closes; (status, headers with lower-case names) of the answer."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as sock:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
        head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        fields = dict(line.split(": ", 1) for line in head[1:])
        return int(head[0].split()[1]), {k.lower(): v for k, v in fields.items()}

    def test_errors_before_routing_carry_the_gateway_headers(self):
        cases = [(b"GARBAGE\r\n\r\n", 400),
                 (b"GET /v1/hotels HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 70000 + b"\r\n\r\n", 431),
                 (b"POST /v1/hotels HTTP/1.1\r\nHost: x\r\nOrigin: " + ORIGIN.encode() +
                  b"\r\nContent-Length: 999999999\r\n\r\n{}", 413)]
        for data, expected in cases:
            status, headers = self.raw(data)
            self.assertEqual(status, expected)
            self.assertEqual(headers["x-content-type-options"], "nosniff")
            self.assertEqual(headers["referrer-policy"], "no-referrer")
            self.assertIn("default-src 'none'", headers["content-security-policy"])
            self.assertRegex(headers["x-request-id"], r"^[0-9a-f]{32}$")
        self.assertEqual(headers["access-control-allow-origin"], ORIGIN)

    def test_web_ui_files(self):
        status, headers, _, _ = self.get("/")
        self.assertEqual((status, headers["location"]), (302, "/hotel/"))
        status, headers, body, _ = self.get("/hotel/")
        self.assertEqual(status, 200)
        self.assertIn(b"<html", body)
        self.assertEqual(headers["content-type"], "text/html; charset=utf-8")
        self.assertEqual(headers["cache-control"], "no-cache")
        self.assertIn("default-src 'self'", headers["content-security-policy"])
        etag = headers["etag"]
        self.assertRegex(etag, r'^"[0-9a-f]{32}"$')
        status, _, body, _ = self.get("/hotel/", headers={"If-None-Match": etag})
        self.assertEqual((status, body), (304, b""))
        for target in ("/hotel/../README.md", "/hotel/%2e%2e/README.md", "/hotel/..%2fREADME.md",
                       "/hotel/%2E%2E%2F%2E%2E%2Fetc/passwd"):
            self.assertEqual(self.get(target)[0], 400, target)
        self.assertEqual(self.get("/hotel/missing.js")[0], 404)

    def test_openapi_and_internal_paths(self):
        status, headers, body, _ = self.get("/openapi.json")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)["openapi"], "3.1.0")
        for target in ("/v1/events", "/v1/admin/dead-letters", "/metrics", "/health/live",
                       "/health/ready"):
            self.assertEqual(self.get(target)[0], 404, target)
        # Health and metrics are on the admin listener, on loopback.
        self.assertEqual(call(self.admin, "GET", "/health/ready")[0], 200)
        status, _, metrics, _ = call(self.admin, "GET", "/metrics")
        self.assertEqual(status, 200)
        self.assertIn(b'route="/openapi.json",service="gateway"', metrics)
        admin_line = next(json.loads(l) for l in self.gw.lines if '"gateway-admin"' in l
                          and '"listening"' in l)
        self.assertEqual(admin_line["address"], "127.0.0.1")

    def test_cors_preflight(self):
        status, headers, _, _ = call(self.port, "OPTIONS", "/v1/hotels", headers={
            "Origin": ORIGIN, "Access-Control-Request-Method": "POST"})
        self.assertEqual(status, 204)
        self.assertEqual(headers["access-control-allow-origin"], ORIGIN)
        self.assertEqual(headers["access-control-allow-methods"], "GET, HEAD, OPTIONS, POST")
        self.assertIn("Origin", headers["vary"])
        status, headers, _, _ = call(self.port, "OPTIONS", "/v1/hotels", headers={
            "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"})
        self.assertEqual(status, 403)
        self.assertNotIn("access-control-allow-origin", headers)


class GatewayConfigTest(unittest.TestCase):
    def test_bad_route_table_names_file_and_field(self):
        with TempDir() as data:
            path = os.path.join(data, "routes.json")
            with open(path, "w") as f:
                json.dump({"routes": [{"path": "/v1/events/**", "service": "hotels"}]}, f)
            p = hotel(["gateway"], data, extra_env={"HOTEL_GATEWAY_ROUTES_FILE": path})
            self.assertNotEqual(p.proc.wait(timeout=30), 0)
            p.close()
            self.assertIn(path, p.stderr)
            self.assertIn("routes[0].path", p.stderr)

    def test_bad_gateway_key_is_a_config_error(self):
        with TempDir() as data:
            p = hotel(["gateway"], data, extra_env={"HOTEL_GATEWAY_BREAKER_FAILURES": "0"})
            self.assertEqual(p.proc.wait(timeout=30), 2)
            p.close()
            self.assertIn("HOTEL_GATEWAY_BREAKER_FAILURES", p.stderr)


if __name__ == "__main__":
    unittest.main()
