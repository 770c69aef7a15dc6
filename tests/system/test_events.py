"""The event chassis across processes: a producer and a consumer (tests/system/event_peer.cpp),
10,000 events, the consumer killed with SIGKILL mid-stream and restarted; every event must be
applied exactly once and in order. A poisoned event is parked and replayable."""
import os
import sqlite3
import threading
import unittest

from harness import Process, TempDir, get_json, http, wait_until

PEER = os.environ.get("EVENT_PEER_BIN",
                      os.path.join(os.path.dirname(__file__), "../../build/release/tests/system/event_peer"))


def producer(data):
    p = Process([PEER, "produce", "--port", "0", "--data-dir", os.path.join(data, "producer")])
    p.wait_ports(["producer"])
    return p


def consumer(data, producer_port, max_attempts=3):
    p = Process([PEER, "consume", "--port", "0", "--data-dir", os.path.join(data, "consumer"),
                 "--producer", f"127.0.0.1:{producer_port}", "--max-attempts", str(max_attempts)])
    p.wait_ports(["consumer"])
    return p


def state(c):
    return get_json(c.url("consumer", "/state"), timeout=10)[1]


class ExactlyOnceTest(unittest.TestCase):
    TOTAL = 10_000

    def test_sigkilled_consumer_applies_every_event_once_in_order(self):
        with TempDir() as data:
            prod = producer(data)
            cons = consumer(data, prod.ports["producer"])
            errors = []

            def produce_all():
                try:
                    for _ in range(self.TOTAL // 50):
                        status, _, _ = http("POST", prod.url("producer", "/produce?count=50&batch=10"))
                        if status != 200:
                            errors.append(status)
                except Exception as exc:  # reported by the main thread
                    errors.append(repr(exc))

            writer = threading.Thread(target=produce_all)
            writer.start()
            try:
                # Kill the consumer twice while events stream in, at different depths.
                for threshold in (2_000, 6_000):
                    wait_until(lambda t=threshold: state(cons)["applied"] >= t, timeout=300,
                               what=f"{threshold} applied")
                    cons.kill()
                    cons = consumer(data, prod.ports["producer"])
                writer.join(timeout=600)
                self.assertEqual(errors, [])
                final = wait_until(
                    lambda: (lambda s: s if s["cursor"] == self.TOTAL else None)(state(cons)),
                    timeout=300, what="cursor at the last event")
                self.assertEqual(final["applied"], self.TOTAL)
                self.assertEqual(final["parked"], 0)
            finally:
                cons.stop()
                prod.stop()

            db = sqlite3.connect(os.path.join(data, "consumer", "consumer.db"))
            rows = db.execute("SELECT seq, n FROM applied ORDER BY row").fetchall()
            ids = db.execute("SELECT COUNT(DISTINCT event_id) FROM applied").fetchone()[0]
            db.close()
            self.assertEqual(len(rows), self.TOTAL, "every event applied exactly once")
            self.assertEqual(ids, self.TOTAL)
            self.assertEqual([n for _, n in rows], list(range(1, self.TOTAL + 1)), "in order")
            self.assertEqual([s for s, _ in rows], list(range(1, self.TOTAL + 1)))


class DeadLetterTest(unittest.TestCase):
    def test_poisoned_event_is_parked_then_replayed_once(self):
        with TempDir() as data:
            prod = producer(data)
            cons = consumer(data, prod.ports["producer"], max_attempts=3)
            try:
                http("POST", prod.url("producer", "/produce?count=5"))
                http("POST", prod.url("producer", "/produce?count=1&poison=1"))
                http("POST", prod.url("producer", "/produce?count=5"))
                s = wait_until(lambda: (lambda s: s if s["cursor"] == 11 else None)(state(cons)),
                               timeout=60, what="cursor past the poisoned event")
                self.assertEqual(s["applied"], 10, "later events still applied")
                self.assertEqual(s["parked"], 1)

                status, letters = get_json(cons.url("consumer", "/v1/admin/dead-letters"))
                self.assertEqual(status, 200)
                items = letters["dead_letters"] if isinstance(letters, dict) else letters
                self.assertEqual(len(items), 1)
                letter = items[0]
                self.assertEqual(letter["seq"], 6)
                self.assertIn("poisoned", letter["error"])

                replay = cons.url("consumer", f"/v1/admin/dead-letters/{letter['id']}/replay")
                status, _, _ = http("POST", replay)
                self.assertGreaterEqual(status, 400, "still failing: stays parked")
                self.assertEqual(state(cons)["applied"], 10)

                http("POST", cons.url("consumer", "/cure"))
                status, _, _ = http("POST", replay)
                self.assertEqual(status, 200)
                self.assertEqual(state(cons)["applied"], 11)
                self.assertEqual(state(cons)["parked"], 0)
                status, _, _ = http("POST", replay)
                self.assertIn(status, (200, 409))
                self.assertEqual(state(cons)["applied"], 11, "a second replay applies nothing")

                # Resetting the cursor re-delivers from the start (a read-model rebuild).
                status, _, _ = http("POST", cons.url("consumer",
                                                     "/v1/admin/subscriptions/peer.counted/reset"))
                self.assertEqual(status, 200)
                wait_until(lambda: state(cons)["applied"] >= 21, timeout=60,
                           what="events applied again after the reset")
            finally:
                cons.stop()
                prod.stop()


if __name__ == "__main__":
    unittest.main()
