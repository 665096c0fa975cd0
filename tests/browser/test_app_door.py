"""`make app` opens only for the browser it was given to, on this computer.

The app is started as `make app` starts it (``python -m workbook.app``), and then tried
as someone else would: another browser (or another account's browser) that never saw
the printed address, a web page that points another host name at this computer (DNS
rebinding), and a web page on another site opening the kernel's websocket.
"""

from __future__ import annotations

import http.client
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

RENDER_TIMEOUT_MS = 180_000
KERNEL_CHANNELS = re.compile(r"/api/kernels/[0-9a-f-]+/channels")
FOREIGN = "http://evil.example"

# Open a websocket from the page and say how it went: "open", or "refused" when the
# server turned the handshake down.
TRY_WEBSOCKET_JS = """(url) => new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.onopen = () => { ws.close(); resolve("open"); };
    ws.onerror = () => resolve("refused");
    ws.onclose = () => resolve("refused");
})"""


def _raw_get(port: int, path: str, host: str) -> int:
    """The status of a GET sent to this computer with any ``Host`` header, as a browser
    tricked by DNS rebinding would send it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", host)
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


def test_only_the_printed_address_opens_the_app(shared_app, browser, context):
    app = shared_app
    assert app.token and len(app.token) >= 32, app.address
    assert app.address.count(app.token) == 1
    assert app.output.read_text(errors="replace").count(app.token) == 1  # printed once

    # The person: the printed address opens the home page, widgets and all.
    page = context.new_page()
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.goto(app.address, timeout=RENDER_TIMEOUT_MS)
    page.locator("#loading").wait_for(state="hidden", timeout=RENDER_TIMEOUT_MS)
    expect(page.locator("body")).to_contain_text("Welcome back")
    expect(page.locator(".sb-home-view")).to_contain_text("No check-in streak yet.")
    expect(page.locator("body")).not_to_contain_text("Loading widget", timeout=60_000)
    channels = next(url for url in sockets if KERNEL_CHANNELS.search(url))
    kernel_socket = channels.split("?")[0]

    # Another browser on this computer, which never saw the address.
    stranger = browser.new_context()
    try:
        other = stranger.new_page()
        for path in ("/voila/render/00_start_here.ipynb", "/voila/render/home.ipynb",
                     "/", "/voila/tree", "/voila/api/contents/", "/login"):
            response = other.goto(app.origin + path)
            assert response.status == 403, (path, response.status)
            expect(other.locator("body")).not_to_contain_text("Welcome back")
        expect(other.locator("body")).to_contain_text("carries a key")
        # A wrong key is no key.
        response = other.goto(f"{app.origin}/voila/render/home.ipynb?token=not-{app.token}")
        assert response.status == 403
        # The kernel (and with it every widget) is out of its reach too, though its
        # address is known and the request comes from the app's own origin.
        assert other.evaluate(TRY_WEBSOCKET_JS, kernel_socket) == "refused"
    finally:
        stranger.close()

    # The person's own page may open the same kernel socket: the door is not just shut.
    assert page.evaluate(TRY_WEBSOCKET_JS, kernel_socket) == "open"

    # A web page on another site, even one that has learned the key or rides on the
    # person's cookie, can't talk to the kernel. (Chromium itself keeps public sites off
    # 127.0.0.1 today; other browsers may not, so the handshake is sent as they would.)
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in context.cookies(app.origin))
    assert cookie, "the printed address should have left its login cookie"
    assert _websocket_status(kernel_socket + f"?token={app.token}", origin=FOREIGN) == 403
    assert _websocket_status(kernel_socket, origin=FOREIGN, cookie=cookie) == 403
    assert _websocket_status(kernel_socket, origin="http://localhost:1", cookie=cookie) == 403
    # The same handshakes from the app's own origin open: it is the origin that is refused.
    assert _websocket_status(kernel_socket + f"?token={app.token}", origin=app.origin) == 101
    assert _websocket_status(kernel_socket, origin=app.origin, cookie=cookie) == 101


def _websocket_status(url: str, *, origin: str, cookie: str | None = None) -> int:
    """The HTTP status a websocket handshake to ``url`` gets (101 when it opens)."""
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    headers = {"Cookie": cookie} if cookie else None
    try:
        with connect(url, origin=origin, additional_headers=headers, open_timeout=60):
            return 101
    except InvalidStatus as refused:
        return refused.response.status_code


def test_another_host_name_is_refused_even_with_the_key(shared_app):
    app = shared_app
    page = f"/voila/render/00_start_here.ipynb?token={app.token}"
    for host in (f"evil.example:{app.port}", f"127.0.0.1.evil.example:{app.port}",
                 "evil.example", f"localhost:{app.port + 1}"):
        assert _raw_get(app.port, page, host) == 403, host
    assert _raw_get(app.port, f"/voila/tree?token={app.token}", f"evil.example:{app.port}") == 403
    # The same request with this computer's own name is served (tree: runs no notebook).
    assert _raw_get(app.port, f"/voila/tree?token={app.token}", f"localhost:{app.port}") == 200
    assert _raw_get(app.port, f"/voila/tree?token={app.token}", f"127.0.0.1:{app.port}") == 200
