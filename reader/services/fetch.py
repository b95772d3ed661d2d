"""HTTP for pages and feeds (httpx): only http and https, set timeouts, a size cap, a polite
limit per host, conditional requests, and every failure as a `FetchError` a user can read.

One `Fetcher` is shared by the threads of a fetch; httpx's client is safe to use from several
threads, and a semaphore per host keeps at most `PER_HOST` requests on any one server.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from reader import __version__

MAX_BYTES = 10 * 1024 * 1024  # a page or feed larger than this is not an article
CONNECT_SECONDS = 10.0
READ_SECONDS = 20.0
MAX_REDIRECTS = 10
PER_HOST = 2
USER_AGENT = f"reader/{__version__} (terminal news reader)"
PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("xml", "rss", "atom", "rdf", "text/plain", "text/html")


class FetchError(Exception):
    """A URL could not be had; the message says why. `offline`: the network itself failed
    (no route, no name server), so other URLs will fail the same way."""

    def __init__(self, message: str, offline: bool = False) -> None:
        super().__init__(message)
        self.offline = offline


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # where the content came from, after redirects
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    moved_to: str | None  # a permanent redirect's final address
    not_modified: bool = False


def check_url(text: str) -> str:
    """`text` as an address to fetch: http or https with a host, or `FetchError`."""
    url = text.strip()
    if any(ord(char) < 0x21 or 0x7F <= ord(char) < 0xA0 for char in url):
        raise FetchError("an address cannot hold spaces or control characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as error:
        raise FetchError(f"not a well-formed address ({error})") from error
    if parts.scheme.lower() not in ("http", "https"):
        shown = f"{parts.scheme}:" if parts.scheme else "an address with no scheme"
        raise FetchError(f"only http and https addresses are fetched, not {shown}")
    if not parts.hostname:
        raise FetchError("the address names no host")
    return url


def normal_url(url: str) -> str:
    """One spelling of an address, so the same page is one article: lower-case scheme and
    host, no fragment, no default port, no tracking parameters."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    if port and port != default:
        host = f"{host}:{port}"
    query = "&".join(
        pair for pair in parts.query.split("&") if pair and not pair.lower().startswith("utm_")
    )
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", query, ""))


class Fetcher:
    """An httpx client with the limits above; close it (or use `with`) when done."""

    def __init__(
        self,
        max_bytes: int = MAX_BYTES,
        connect_seconds: float = CONNECT_SECONDS,
        read_seconds: float = READ_SECONDS,
    ) -> None:
        import httpx

        self.max_bytes = max_bytes
        self.connect_seconds = connect_seconds
        self.read_seconds = read_seconds
        self._client = httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(read_seconds, connect=connect_seconds),
            headers={"User-Agent": USER_AGENT},
            limits=httpx.Limits(max_connections=16, max_keepalive_connections=8),
        )
        self._hosts: dict[str, threading.Semaphore] = {}
        self._hosts_lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _host_slot(self, url: str) -> threading.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self._hosts_lock:
            return self._hosts.setdefault(host, threading.Semaphore(PER_HOST))

    def get(
        self,
        url: str,
        accept: tuple[str, ...] = PAGE_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
        what: str = "a web page",
    ) -> Response:
        """The content at `url` (checked first), or `FetchError` saying why not."""
        import httpx

        url = check_url(url)
        headers = {"Accept": ", ".join(accept) + ", */*;q=0.1"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        host = urlsplit(url).hostname or url
        with self._host_slot(url):
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    return self._read(response, accept, what)
            except httpx.TooManyRedirects as error:
                raise FetchError(f"more than {MAX_REDIRECTS} redirects (a loop?)") from error
            except httpx.UnsupportedProtocol as error:
                raise FetchError("redirected to an address that is not http or https") from error
            except httpx.ConnectTimeout as error:
                raise FetchError(
                    f"{host} did not answer within {self.connect_seconds:g} s", offline=True
                ) from error
            except httpx.TimeoutException as error:
                raise FetchError(f"{host} stopped sending for {self.read_seconds:g} s") from error
            except httpx.ConnectError as error:
                raise FetchError(*_connect_problem(host, error)) from error
            except httpx.HTTPError as error:
                raise FetchError(f"{host}: {error}") from error

    def _read(self, response, accept: tuple[str, ...], what: str) -> Response:
        moved_to = None
        if any(step.status_code in (301, 308) for step in response.history):
            moved_to = str(response.url)
        validators = (response.headers.get("etag"), response.headers.get("last-modified"))
        if response.status_code == 304:
            return Response(str(response.url), b"", "", *validators, moved_to, not_modified=True)
        if response.status_code >= 400:
            raise FetchError(
                f"the server answered {response.status_code} {response.reason_phrase}".rstrip()
            )
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type and not any(kind in content_type for kind in accept):
            raise FetchError(f"not {what} but {content_type}")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"larger than {self.max_bytes // (1024 * 1024)} MB")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"larger than {self.max_bytes // (1024 * 1024)} MB")
            chunks.append(chunk)
        return Response(str(response.url), b"".join(chunks), content_type, *validators, moved_to)


def _connect_problem(host: str, error: Exception) -> tuple[str, bool]:
    """What went wrong, and whether it looks like the network itself (no name server, no
    route) rather than this one server."""
    text = str(error).lower()
    if any(
        sign in text for sign in ("name or service", "nodename", "getaddrinfo", "name resolution")
    ):
        return f"cannot find {host} (no network, or no such host)", True
    if "refused" in text:
        return f"{host} refused the connection", False
    return f"cannot reach {host} (no network?)", True
