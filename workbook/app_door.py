"""Who may open the app: a browser on this computer that was given this run's key.

`make app` starts Voilà with ``--Voila.identity_provider_class`` set to
:class:`AppDoor`, which Voilà asks about every page, API call and kernel websocket
before it answers. Compared with JupyterLab's own server (`make lab`), it is stricter
on each point and never weaker:

- no key (the token in the address, or the cookie set when that address was opened):
  403 at once, where JupyterLab would send the browser to a login form;
- a ``Host`` other than ``127.0.0.1`` or ``localhost`` at the app's own port: 403, so
  a web page that points some other name at this computer (DNS rebinding) is refused;
- a request from another site (``Origin``) is refused even when it carries the key.

Static files (scripts, styles, fonts and pictures shipped with Voilà) stay open:
they hold nothing of the journal. This module is imported by Voilà's server process
only, never by ``import workbook``.
"""

from __future__ import annotations

from tornado import web
from tornado.websocket import WebSocketHandler
from voila.voila_identity_provider import VoilaIdentityProvider

from workbook import messages

LOCAL_NAMES = ("127.0.0.1", "localhost")


class AppDoor(VoilaIdentityProvider):
    """Voilà's identity provider, refusing anyone without the key or on another address."""

    def get_user(self, handler: web.RequestHandler):
        return self._user_or_refuse(handler)

    async def _user_or_refuse(self, handler: web.RequestHandler):
        if handler.request.host.lower() not in self.addresses():
            self.log.warning("Refused a request for another address: Host %r",
                             handler.request.host)
            _refuse(handler, messages.APP_OTHER_ADDRESS)
        user = await self._get_user(handler)
        if user is None:
            _refuse(handler, messages.APP_NEEDS_KEY)
        if handler.request.method == "GET" and not isinstance(handler, WebSocketHandler):
            # Sets the _xsrf cookie, which a page sends back when the person leaves it,
            # so that its kernel is shut down rather than kept running (and in memory).
            # (The user is set first, as jupyter_server does right after this call.)
            handler.current_user = handler._jupyter_current_user = user
            handler.xsrf_token  # noqa: B018
        return user

    def addresses(self) -> set[str]:
        """The ``Host`` values a browser on this computer sends to this app."""
        port = getattr(self.parent, "port", None)
        return {f"{name}:{port}" for name in LOCAL_NAMES}

    def should_check_origin(self, handler: web.RequestHandler) -> bool:
        # JupyterLab lets a request that carries the token come from any site; the app
        # is only ever used from its own pages, so every request is checked.
        return True


def _refuse(handler: web.RequestHandler, message: str) -> None:
    """Answer 403 with ``message`` on the error page.

    The user is set to nobody first, as jupyter_server's own host check does, so the
    error page can be drawn.
    """
    handler.current_user = handler._jupyter_current_user = None
    raise web.HTTPError(403, message)
