"""A web server on 127.0.0.1 for the tests and the benchmark: nothing here reaches the internet.

Each route answers with a fixed status, headers and body, or with a function of the request.
The server counts requests and keeps their headers, and how many were in flight at once.
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB_DATA = Path(__file__).resolve().parent / "data" / "web"


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"


Route = Reply | Callable[["BaseHTTPRequestHandler"], Reply]


class LocalWeb:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()
        web = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                with web.lock:
                    web.hits[path] += 1
                    web.requests.append((path, dict(self.headers)))
                    web.in_flight += 1
                    web.most_in_flight = max(web.most_in_flight, web.in_flight)
                try:
                    route = web.routes.get(path)
                    reply = Reply(b"not found", 404) if route is None else route
                    if callable(reply):
                        reply = reply(self)
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if "Content-Length" not in reply.headers:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                        self.wfile.write(reply.body)
                finally:
                    with web.lock:
                        web.in_flight -= 1

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address) -> None:
                # A client that went away (a fetch given up, an app that quit) is no error.
                import sys

                if not isinstance(sys.exc_info()[1], ConnectionError):
                    super().handle_error(request, client_address)

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> LocalWeb:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, fixture: str, content_type: str = "text/html") -> None:
        """Serve a fixture file from tests/data/web at `path` (`{base}` filled in)."""
        data = (WEB_DATA / fixture).read_bytes().replace(b"{base}", self.base.encode())
        self.routes[path] = Reply(data, content_type=content_type)

    def news_site(self) -> None:
        """The pages and feeds of the fixtures, where the feeds link to them."""
        self.page("/business/harbour-strike", "harbour.html")
        self.page("/news/bridge", "bridge.html")
        self.page("/local/cafe", "cafe-cp1252.html", "text/html")
        self.page("/rss.xml", "rss.xml", "application/rss+xml")
        self.page("/atom.xml", "atom.xml", "application/atom+xml; charset=utf-8")

    def held_feed(
        self,
        release,
        titles: list[str],
        served: int,
        answered: list[int] | None = None,
        name: str = "Port",
    ) -> str:
        """A feed of the harbour story under each of `titles`: the first `served` pages come at
        once, the rest wait for `release` (a threading.Event; `answered` gets the number of
        each held page once answered). Returns the feed's address."""
        page = (WEB_DATA / "harbour.html").read_bytes()
        items = ""
        for number, title in enumerate(titles):
            body = page.replace(b"Harbour workers walk out in dispute over pay", title.encode())

            def reply(handler, body=body, held=number >= served, number=number):
                if held:
                    release.wait(60)
                    if answered is not None:
                        answered.append(number)
                return Reply(body)

            self.routes[f"/story/{number}"] = reply
            items += f"<item><title>{title}</title><link>{self.base}/story/{number}</link></item>"
        self.routes["/port.xml"] = Reply(
            f'<rss version="2.0"><channel><title>{name}</title>{items}</channel></rss>'.encode(),
            content_type="application/rss+xml",
        )
        return self.url("/port.xml")
