"""The pause of a preheated app page: wait until Voilà hands this kernel its request.

Voilà keeps a kernel ready for each page and, when the page is asked for, sends what the
request carried (its address, query string, server name) over a websocket at
``/voila/query/<kernel id>``. Voilà's own helper for this imports the whole Voilà server
(and so Jupyter server) into every kernel it keeps ready, which costs each of them two
seconds of processor time and tens of megabytes; this asks the same question with the
websocket client alone.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Mapping

# Seconds to wait for the app to take the connection (the request itself may come later).
OPEN_TIMEOUT = 5.0


def query_url(environ: Mapping[str, str] = os.environ) -> str:
    """Where this kernel's request arrives, from what Voilà put in its environment."""
    protocol = environ.get("VOILA_WS_PROTOCOL", "ws")
    host = environ.get("VOILA_APP_IP", "127.0.0.1")
    port = environ.get("VOILA_APP_PORT", "8866")
    base = environ.get("VOILA_WS_BASE_URL", environ.get("VOILA_SERVER_URL", "/"))
    return f"{protocol}://{host}:{port}{base}voila/query/{environ.get('VOILA_KERNEL_ID')}"


def wait_for_request() -> None:
    """In a preheated kernel, block until the page is requested, then put what the request
    carried into ``os.environ``; anywhere else, return at once."""
    if os.environ.get("VOILA_PREHEAT", "False") == "False":
        return
    from websockets.sync.client import connect

    url = query_url()
    try:
        # No keepalive pings: the kernel may wait minutes for its page on a busy computer,
        # and a pong answered late would close the connection before the request came.
        with connect(url, open_timeout=OPEN_TIMEOUT, ping_interval=None) as websocket:
            request = websocket.recv()
    except (TimeoutError, ConnectionRefusedError):
        warnings.warn(f"the app did not answer at {url}", stacklevel=2)
        return
    for name, value in json.loads(request).items():
        os.environ[name] = value
