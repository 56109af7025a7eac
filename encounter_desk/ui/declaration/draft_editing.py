"""The secretariat's edits of the draft from the workbench: its details and its paragraphs.

What the jobs allow decides (:mod:`encounter_desk.declaration.draft`): the wording until
the first decision (then only a missing translation), the paragraphs' order and number
until the first amendment. A refusal is shown in the form, which keeps what was typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from encounter_desk.declaration import draft
from encounter_desk.event.sittings import list_sittings
from encounter_desk.ui.declaration.draft_forms import DraftDetailsDialog, ParagraphDialog

if TYPE_CHECKING:
    from encounter_desk.ui.declaration.workspace import DeclarationWorkspace


class DraftEditing(QObject):
    def __init__(self, bench: DeclarationWorkspace) -> None:
        super().__init__(bench)
        self.bench = bench

    def edit_details(self) -> DraftDetailsDialog | None:
        bench = self.bench
        if bench.state is None:
            return None
        dialog = DraftDetailsDialog(bench, bench.state, list_sittings(bench.db), bench.submit(
            lambda v: draft.update_frame(bench.db, bench.state.id, **v)))
        dialog.open()
        return dialog

    def edit_paragraph(self) -> ParagraphDialog | None:
        bench = self.bench
        row = bench.state.paragraph(bench.text_page.selected()) if bench.state else None
        if row is None:
            return None
        dialog = ParagraphDialog(bench, bench.submit(lambda v: draft.update_paragraph(
            bench.db, row.id, text_es=v["text_es"], text_en=v["text_en"])), row=row)
        dialog.open()
        return dialog

    def add_paragraph(self) -> ParagraphDialog | None:
        bench = self.bench
        if bench.state is None:
            return None
        after = bench.state.paragraph(bench.text_page.selected())
        dialog = ParagraphDialog(bench, bench.submit(lambda v: draft.add_paragraph(
            bench.db, bench.state.id, v["part"], v["text_es"], v["text_en"],
            after_id=after.id if after and after.part == v["part"] else None)),
            part=after.part if after else "operative")
        dialog.open()
        return dialog

    def remove_paragraph(self) -> None:
        bench = self.bench
        row = bench.state.paragraph(bench.text_page.selected()) if bench.state else None
        if row is not None:
            bench.messages.ask(bench, self.tr("Remove a paragraph"), self.tr(
                "Remove {code} from the draft?").format(code=row.code()),
                lambda: bench.act(lambda: draft.remove_paragraph(bench.db, row.id)))

    def move_paragraph(self, step: int) -> None:
        bench = self.bench
        paragraph = bench.text_page.selected()
        if paragraph is not None:
            bench.act(lambda: draft.move_paragraph(bench.db, paragraph, step))
