"""A stand-in upstream service for the gateway's fault tests, run as its own process so that it
can be killed. It answers every request with a JSON echo of what it received; POST /__mode
switches how it behaves: {"mode": "ok"}, {"mode": "hang"} (reads the request and never answers),
{"mode": "slow", "delay": seconds}, {"mode": "fail"} (503); it answers with its state, which
counts the requests it received ({"requests": 0} resets the count). Prints {"msg":"listening","port":N}.

Usage: python3 fake_upstream.py [port] [mode]"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

state = {"mode": "ok", "delay": 0.0, "requests": 0}
lock = threading.Lock()
hung = threading.Event()  # never set: hung requests wait until the process dies


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "keep-alive, X-Upstream-Secret")
        self.send_header("X-Upstream-Secret", "hop-by-hop")
        self.send_header("Keep-Alive", "timeout=30")
        self.end_headers()
        self.wfile.write(data)

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path == "/__mode":
            with lock:
                state.update(json.loads(body))
                return self._answer(200, dict(state))
        with lock:
            state["requests"] += 1
            mode = state["mode"]
        if mode == "hang":
            hung.wait()
            return
        if mode == "slow":
            time.sleep(float(state["delay"]))
        if mode == "fail":
            return self._answer(503, {"error": "down"})
        self._answer(200, {"method": self.command, "path": self.path,
                           "headers": {k.lower(): v for k, v in self.headers.items()},
                           "body": body.decode(errors="replace")})

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _handle


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    if len(sys.argv) > 2:
        state["mode"] = sys.argv[2]
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    print(json.dumps({"msg": "listening", "service": "upstream", "port": server.server_address[1]}),
          flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
