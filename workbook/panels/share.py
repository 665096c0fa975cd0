"""Together on two computers (notebooks 02 and 06): share a file, open your partner's.

The logic lives in `workbook.share`; these panels only pick, show and press.
"""

from __future__ import annotations

import ipywidgets as widgets

from workbook import messages, share, words
from workbook.exercises.together import PartnerComparison
from workbook.store import Store, StoreError
from workbook.widgets import Panel, blocks, fields, html
from workbook.widgets.fields import Field
from workbook.widgets.panel import shown
from workbook.widgets.steps import attempt
from workbook.words.partners import appreciation_headings, brought_in, share_opened, share_saved

__all__ = ["Appreciation", "OpenPartnerFile", "ShareWithPartner", "open_partner_file",
           "share_with_partner"]


def _passphrase(hint: str) -> Field:
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
        self.told = self.button("Tick the gratitude I told them about", self.tick_told)
        self.reload = self.button("Show my latest entries", self.refresh, icon="refresh")
        self.show = self.button("Show me exactly what will be shared", self.show_preview,
                                icon="eye")
        self.preview = fields.html_area("sb-share-preview")
        self.passphrase = _passphrase(messages.SHARE_READABLE)
        self.path = fields.text("Where to save the file")
        self.path.control.value = str(share.default_path())
        self.save = self.button("Save the share file", self.write, icon="save",
                                style="primary")
        self.save.disabled = True
        self.name.control.observe(self._changed, names="value")
        self.lay_out(self.care, self.name.box, self.pick_area,
                     fields.row(self.reload, self.told), self.show, self.preview,
                     self.passphrase.box, self.path.box, self.save, self.status)
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
        options = {str(c.id): c.line() for c in found}
        kept = self.ticked
        self.picks = fields.checklist("What to share", options, hint=words.SHARE_PICK_HINT)
        if not options:
            self.picks.control.children = [widgets.HTML(html.message(words.SHARE_NOTHING_YET))]
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
        self.pending = attempt(self, lambda: share.build(
            self.store, self.ticked, self.name.control.value, profile=self.profile),
            picks=self.picks, name=self.name)
        if self.pending is None:
            return
        self.preview.value = (
            f"<b>{html.text(words.SHARE_WHAT_LEAVES)}</b>"
            + blocks.as_written(share.preview(self.pending))
            + f"<details><summary>{html.text(words.SHARE_THE_FILE_ITSELF)}</summary>"
            + blocks.as_written(share.file_text(self.pending)) + "</details>")
        self.save.disabled = False
        self.say(words.SHARE_HAVE_A_LOOK, "info")

    def write(self) -> None:
        if self.pending is None:
            self.say(words.SHARE_SHOW_FIRST, "info")
            return
        pending, phrase = self.pending, self.passphrase.control.value
        path = attempt(self, lambda: share.write(pending, self.path.control.value,
                                                 passphrase=phrase),
                       passphrase=self.passphrase, path=self.path)
        if path is None:
            return
        self.passphrase.control.value = ""  # never kept in the notebook's widget state
        self.say(share_saved(path, protected=bool(phrase)), "ok")


class Appreciation(Panel):
    """What I appreciate about my partner, beside what they shared appreciating about me."""

    title = "What my partner appreciates about me"
    css_class = "sb-appreciation"

    def __init__(self, *, store: Store | None = None, profile: str | None = None):
        super().__init__(store=store, profile=profile)
        self.result = widgets.HTML("")
        self.lay_out(self.result, self.status)
        self.refresh()

    def refresh(self) -> None:
        try:
            mine, theirs = share.appreciation(self.store, profile=self.profile)
            names = {p.key: p.label for p in self.store.profiles()}
        except StoreError as error:
            self.result.value = html.problem(error)
            return
        if not theirs:
            self.result.value = html.message(words.APPRECIATION_WAITING)
            return
        about_me, about_them = appreciation_headings(
            names.get(words.PROFILE_PARTNER, "My partner"))
        self.result.value = (
            blocks.columns([(about_me, theirs), (about_them, mine)], width="14em")
            + html.message(words.APPRECIATION_LET_IT_LAND, "care"))


class OpenPartnerFile(Panel):
    """Look inside a partner's share file, then bring it in. Below it, what it feeds:
    the values comparison (``beside="values"``) or their appreciation ("gratitude")."""

    title = "Open my partner's share file"
    css_class = "sb-share-open"

    def __init__(self, *, store: Store | None = None, profile: str | None = None,
                 beside: str = "values"):
        super().__init__(store=store, profile=profile)
        self.opened: share.ShareFile | None = None
        below = PartnerComparison if beside == "values" else Appreciation
        self.beside = below(store=store, profile=profile)
        self.path = fields.text("The share file", placeholder="The full path of the file")
        self.passphrase = _passphrase("Only if the two of you chose one.")
        self.look = self.button("Look inside", self.look_inside, icon="eye")
        self.preview = fields.html_area("sb-share-preview")
        self.bring_in = self.button("Bring it in", self.receive, style="primary")
        self.bring_in.disabled = True
        self.path.control.observe(self._changed, names="value")
        self.lay_out(widgets.HTML(f"<p>{words.SHARE_OPEN_INTRO_HTML}</p>"), self.path.box,
                     self.passphrase.box, self.look, self.preview, self.bring_in, self.status,
                     self.beside.root)
        # Shown once something has come from them: until then it would only repeat itself.
        try:
            earlier = share.previous_shares(self.store)
        except StoreError:
            earlier = []
        shown(self.beside.root, bool(earlier))

    def _changed(self, _change: object = None) -> None:
        self.opened = None
        self.preview.value = ""
        self.bring_in.disabled = True

    def look_inside(self) -> None:
        self._changed()
        self.opened = attempt(self, lambda: share.read(
            self.path.control.value, passphrase=self.passphrase.control.value),
            path=self.path, passphrase=self.passphrase)
        if self.opened is None:
            return
        self.passphrase.control.value = ""
        earlier = share.previous_shares(self.store)
        self.preview.value = blocks.as_written(share.preview(self.opened))
        self.bring_in.disabled = False
        last = ((earlier[0].details.get("from", "them"), earlier[0].created_at)
                if earlier else None)
        self.say(share_opened(share.describe(self.opened), last), "info")

    def receive(self) -> None:
        if self.opened is None:
            self.say(words.SHARE_LOOK_FIRST, "info")
            return
        receipt = share.receive(self.store, self.opened)
        self.opened = None
        self.bring_in.disabled = True
        self.say(brought_in(receipt.added, receipt.name, receipt.replaced), "ok")
        self.beside.refresh()
        shown(self.beside.root, True)


# One call per panel in the notebook.
share_with_partner = ShareWithPartner
open_partner_file = OpenPartnerFile
