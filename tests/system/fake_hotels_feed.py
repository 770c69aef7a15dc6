"""A stand-in for a producer's event feed (the hotels service's by default): serves
GET /v1/events?after=&limit=&wait= in the chassis feed format ({"events":[CloudEvents...],
"last_seq":N}, chassis/events/feed_page.hpp) on 127.0.0.1, long-polling until an event is
published. Tests publish hotel.* events with the contract's data (full snapshot, or
{"id","version"} for hotel.deleted), or booking's inventory.changed (subject: its hotel_id)."""
import json
import threading
import time
import uuid
from datetime import datetime, timezone

from local_http import JsonServer


class FakeHotelsFeed:
    def __init__(self, producer="hotels"):
        self.producer = producer
        self.events = []
        self.closed = False
        self.requested = []  # the `after` of every poll, in arrival order
        self.cond = threading.Condition()
        self._server = JsonServer(self._answer)
        self.port = self._server.port

    def env(self):
        return {f"HOTEL_SERVICES_{self.producer.upper()}_ENDPOINTS": f"127.0.0.1:{self.port}"}

    def _answer(self, path, query):
        if path != "/v1/events":
            return 404, {"error": "not found"}
        after = int(query.get("after", ["0"])[0])
        limit = int(query.get("limit", ["100"])[0])
        wait = min(float(query.get("wait", ["0"])[0]), 30.0)
        with self.cond:
            self.requested.append(after)
        return 200, self.page(after, limit, wait)

    def page(self, after, limit, wait):
        deadline = time.time() + wait
        with self.cond:
            while len(self.events) <= after and time.time() < deadline and not self.closed:
                self.cond.wait(timeout=max(0.0, deadline - time.time()))
            return {"events": self.events[after:after + limit], "last_seq": len(self.events)}

    def publish(self, type_, data):
        """Appends one event; returns its sequence."""
        with self.cond:
            seq = len(self.events) + 1
            now = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
            self.events.append({"specversion": "1.0", "id": str(uuid.uuid4()),
                                "source": f"hotel/{self.producer}", "type": type_,
                                "subject": data.get("id", data.get("hotel_id", "")), "time": now.replace("+00:00", "Z"),
                                "datacontenttype": "application/json", "sequence": seq,
                                "data": data})
            self.cond.notify_all()
            return seq

    def close(self):
        with self.cond:
            self.closed = True
            self.cond.notify_all()
        self._server.close()
