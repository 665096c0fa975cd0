"""Together on two computers (notebooks 02 and 06): share a file, open your partner's.

The logic lives in `workbook.share`; these panels only pick, show and press.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from workbook import messages, share, words
from workbook.models._text import shorten
from workbook.store import Store, StoreError, home, now
from workbook.widgets import Panel, fields, html
from workbook.widgets.fields import Field

__all__ = ["Appreciation", "OpenPartnerFile", "ShareWithPartner", "open_partner_file",
           "share_with_partner"]


PICK_HINT = ("Nothing is ticked for you. Each new file replaces the one your partner brought "
             "in before, so tick everything you want them to have.")
NOTHING_YET = ("Nothing to share yet. Card sorts, shared goals, gratitude, shared wins and clear "
               "statements you save will be offered here.")


def _pre(text: str) -> str:
    return ("<pre style='white-space:pre-wrap;background:#f7f7f7;padding:0.6em;"
            f"max-height:28em;overflow:auto'>{html.text(text).replace('<br>', chr(10))}</pre>")


def _show_problem(panel: Panel, error: StoreError, answers: dict[str, Field]) -> None:
    """Say what is wrong next to the answer at fault (if any), and in the status line."""
    field = answers.get(getattr(error, "field", ""))
    if field is not None:
        field.show(error.message)
    panel.say(error.message, "error")


def _passphrase_field(hint: str) -> Field:
    return Field("Passphrase (optional)", fields.secret(layout=fields.wide()), hint)


class ShareWithPartner(Panel):
    """Tick what to share, look at every word of it, then save the file."""

    title = "Share with my partner"
    css_class = "sb-share"

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.pending: share.ShareFile | None = None
        self.care = widgets.HTML(html.message(messages.SHARE_CARE, "care"))
        self.name = fields.text("Your name, as your partner will see it",
                                placeholder="A first name or a nickname")
        self.candidates: list[share.Candidate] = []
        self.picks = fields.checklist("What to share", {})
        self.pick_area = widgets.VBox()
        self.told = widgets.Button(description="Tick the gratitude I told them about",
                                   layout=widgets.Layout(width="auto"))
        self.reload = widgets.Button(description="Show my latest entries", icon="refresh",
                                     layout=widgets.Layout(width="auto"))
        self.show = widgets.Button(description="Show me exactly what will be shared",
                                   icon="eye", layout=widgets.Layout(width="auto"))
        self.preview = widgets.HTML("")
        self.preview.add_class("sb-share-preview")
        self.passphrase = _passphrase_field(messages.SHARE_READABLE)
        self.path = fields.text("Where to save the file")
        self.path.control.value = str(home() / "shares" / f"share-{now():%Y-%m-%d}.json")
        self.save = widgets.Button(description="Save the share file", button_style="primary",
                                   icon="save", disabled=True,
                                   layout=widgets.Layout(width="auto"))
        self.on_click(self.reload, self.refresh)
        self.on_click(self.told, self.tick_told)
        self.on_click(self.show, self.show_preview)
        self.on_click(self.save, self.write)
        self.name.control.observe(self._changed, names="value")
        self.root.children = [
            widgets.HTML(html.heading(self.title)), self.care, self.name.box, self.pick_area,
            fields.row(self.reload, self.told), self.show, self.preview,
            self.passphrase.box, self.path.box, self.save, self.status]
        self.refresh()

    def refresh(self) -> None:
        """Offer my shareable entries again (after new ones were saved)."""
        try:
            found = share.candidates(self.store, profile=self.profile)
            names = {p.key: p.name for p in self.store.profiles()}
        except StoreError as error:
            self.say(error.message, "error")
            return
        self.candidates = found
        options = {str(c.id): f"{c.title}, {c.written.astimezone():%d %b %Y}: {shorten(c.text)}"
                   for c in found}
        kept = self.ticked
        self.picks = fields.checklist("What to share", options, hint=PICK_HINT)
        if not options:
            self.picks.control.children = [widgets.HTML(html.message(NOTHING_YET, "info"))]
        self.picks.control.observe(self._changed, names="value")
        self.pick_area.children = [self.picks.box]
        self.tick(*(i for i in kept if str(i) in options))
        if not self.name.control.value:
            self.name.control.value = names.get(self.profile, "")
        self._changed()

    @property
    def ticked(self) -> list[int]:
        return [int(key) for key in self.picks.control.value]

    def tick(self, *ids: int) -> None:
        """Tick entries by id (as clicking their boxes does), keeping those already ticked."""
        keys = {str(i) for i in (*self.ticked, *ids)}
        self.picks.control.value = tuple(k for k in self.picks.control.options if k in keys)

    def tick_told(self) -> None:
        self.tick(*share.told_them(self.candidates))

    def _changed(self, _change: object = None) -> None:
        # What was shown is no longer what would be saved: look again first.
        self.pending = None
        self.preview.value = ""
        self.save.disabled = True

    def show_preview(self) -> None:
        self.picks.clear()
        self.name.clear()
        try:
            self.pending = share.build(self.store, self.ticked, self.name.control.value,
                                       profile=self.profile)
        except share.ShareError as error:
            self._problem(error)
            return
        self.preview.value = (
            "<b>Everything that will leave your journal</b>" + _pre(share.preview(self.pending))
            + "<details><summary>The file itself, character by character</summary>"
            + _pre(share.file_text(self.pending)) + "</details>")
        self.save.disabled = False
        self.say("Have a look. If it is right, choose a passphrase if you like, and save.",
                 "info")

    def write(self) -> None:
        if self.pending is None:
            self.say("Please press 'Show me exactly what will be shared' first.", "info")
            return
        phrase = self.passphrase.control.value
        self.passphrase.clear()
        self.path.clear()
        try:
            path = share.write(self.pending, self.path.control.value, passphrase=phrase)
        except StoreError as error:
            self._problem(error)
            return
        self.passphrase.control.value = ""  # never kept in the notebook's widget state
        locked = ("It is protected with your passphrase: tell it to your partner in person, "
                  "not in the same message as the file." if phrase else
                  "It has no passphrase, so keep it somewhere private until you hand it over.")
        self.say(f"Saved the share file to {path}. {locked}", "ok")


    def _problem(self, error: StoreError) -> None:
        _show_problem(self, error, {"picks": self.picks, "name": self.name,
                                    "passphrase": self.passphrase, "path": self.path})


class Appreciation(Panel):
    """What I appreciate about my partner, beside what they shared appreciating about me."""

    title = "What my partner appreciates about me"
    css_class = "sb-appreciation"

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.result = widgets.HTML("")
        self.root.children = [widgets.HTML(html.heading(self.title)), self.result, self.status]
        self.refresh()

    def refresh(self) -> None:
        try:
            mine, theirs = share.appreciation(self.store, profile=self.profile)
            names = {p.key: p.label for p in self.store.profiles()}
        except StoreError as error:
            self.result.value = html.problem(error)
            return
        partner = names.get(words.PROFILE_PARTNER, "My partner")
        if not theirs:
            self.result.value = html.message(
                "When your partner shares their gratitude with you in a share file, what they "
                "appreciate about you shows here, beside what you appreciate about them.", "info")
            return

        def column(heading: str, items: list[str]) -> str:
            listed = "".join(f"<li>{html.text(i)}</li>" for i in items) or "<li>—</li>"
            return (f"<div style='flex:1 1 14em;padding:0 0.6em'><b>{html.text(heading)}</b>"
                    f"<ul>{listed}</ul></div>")

        self.result.value = (
            "<div style='display:flex;flex-wrap:wrap'>"
            + column(f"What {partner} appreciates about me", theirs)
            + column(f"What I appreciate about {partner}", mine) + "</div>"
            + html.message("Take a moment to let these land; you don't have to answer them. "
                           "If one touched you, you could tell them which, and why.", "care"))


class OpenPartnerFile(Panel):
    """Look inside a partner's share file, then bring it in; what it feeds shows below."""

    title = "Open my partner's share file"
    css_class = "sb-share-open"

    def __init__(self, *, store: Store | None = None, profile: str | None = None,
                 beside: Panel | None = None, on_received: Callable[[], None] | None = None):
        super().__init__(store=store, profile=profile)
        self.opened: share.ShareFile | None = None
        self.beside = beside
        self.on_received = on_received
        self.path = fields.text("The share file", placeholder="The full path of the file")
        self.passphrase = _passphrase_field("Only if the two of you chose one.")
        self.look = widgets.Button(description="Look inside", icon="eye",
                                   layout=widgets.Layout(width="auto"))
        self.preview = widgets.HTML("")
        self.preview.add_class("sb-share-preview")
        self.bring_in = widgets.Button(description="Bring it in", button_style="primary",
                                       disabled=True, layout=widgets.Layout(width="auto"))
        self.on_click(self.look, self.look_inside)
        self.on_click(self.bring_in, self.receive)
        self.path.control.observe(self._changed, names="value")
        intro = widgets.HTML(
            "<p>Nothing is added until you have looked inside and pressed <b>Bring it in</b>. "
            "What your partner shares is kept apart from your own entries, marked as theirs, "
            "and can't be edited here; you can delete it.</p>")
        self.root.children = [widgets.HTML(html.heading(self.title)), intro, self.path.box,
                              self.passphrase.box, self.look, self.preview, self.bring_in,
                              self.status, *([beside.root] if beside is not None else [])]
        if beside is not None:
            # Shown once something has come from them: until then it would only repeat itself.
            try:
                earlier = share.previous_shares(self.store)
            except StoreError:
                earlier = []
            beside.root.layout.display = "flex" if earlier else "none"

    def _changed(self, _change: object = None) -> None:
        self.opened = None
        self.preview.value = ""
        self.bring_in.disabled = True

    def look_inside(self) -> None:
        self._changed()
        self.path.clear()
        self.passphrase.clear()
        try:
            self.opened = share.read(self.path.control.value,
                                     passphrase=self.passphrase.control.value)
            earlier = share.previous_shares(self.store)
        except StoreError as error:
            _show_problem(self, error, {"path": self.path, "passphrase": self.passphrase})
            return
        self.passphrase.control.value = ""
        replaces = (f" It replaces the file from {earlier[0].details.get('from', 'them')} you "
                    f"brought in on {earlier[0].created_at.astimezone():%d %b %Y}."
                    if earlier else "")
        self.preview.value = _pre(share.preview(self.opened))
        self.bring_in.disabled = False
        self.say(f"This is everything in the file ({share.describe(self.opened)}). Bringing it "
                 f"in puts it under your partner's profile.{replaces}", "info")

    def receive(self) -> None:
        if self.opened is None:
            self.say("Please press 'Look inside' first.", "info")
            return
        try:
            receipt = share.receive(self.store, self.opened)
        except StoreError as error:
            self.say(error.message, "error")
            return
        self.opened = None
        self.bring_in.disabled = True
        replaced = f" ({receipt.replaced} from their earlier file made way)" if receipt.replaced \
            else ""
        count = f"{receipt.added} {'entry' if receipt.added == 1 else 'entries'}"
        self.say(f"Brought in {count} from {receipt.name}{replaced}.", "ok")
        if self.beside is not None:
            self.beside.refresh()  # type: ignore[attr-defined]
            self.beside.root.layout.display = "flex"
        if self.on_received is not None:
            self.on_received()


share_with_partner = ShareWithPartner


def open_partner_file(*, store: Store | None = None, profile: str | None = None,
                      beside: str = "values") -> OpenPartnerFile:
    """Open a partner's share file; below it, the values comparison or their appreciation."""
    from workbook.exercises import together

    shown: Panel = (together.PartnerComparison(store=store, profile=profile) if beside == "values"
                    else Appreciation(store=store, profile=profile))
    return OpenPartnerFile(store=store, profile=profile, beside=shown)
