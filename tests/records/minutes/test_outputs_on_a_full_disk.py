"""Minutes (PDF) and Akoma Ntoso on a full disk: one sentence, the earlier file untouched,
no 0-byte file left behind (an injected ENOSPC when the file is written)."""

from __future__ import annotations

import errno
import os

import pytest
from sqlalchemy import select

from encounter_desk.core.files import FileFault
from encounter_desk.demo import build as demo
from encounter_desk.records.minutes import pdf as minutes_pdf
from encounter_desk.records.minutes.akn import export_akn
from encounter_desk.storage.models import Sitting


@pytest.fixture
def sitting(sqlite_db):
    demo.build_demo(sqlite_db)
    with sqlite_db.read() as s:
        return sqlite_db, s.scalar(select(Sitting.id).where(Sitting.number == 1))


def _full(monkeypatch):
    real_fsync = os.fsync

    def full(fd: int) -> None:
        real_fsync(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)


@pytest.mark.parametrize("kind", ["akn", "pdf"])
def test_a_full_disk_keeps_the_earlier_file(sitting, tmp_path, monkeypatch, kind):
    db, sitting_id = sitting
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / ("minutes.xml" if kind == "akn" else "minutes.pdf")

    def write() -> None:
        if kind == "akn":
            export_akn(db, sitting_id, out, lang="es")
        else:
            minutes_pdf.write_minutes(db, sitting_id, out, lang="es")

    write()
    before = out.read_bytes()
    assert before
    _full(monkeypatch)
    with pytest.raises(FileFault) as caught:
        write()
    assert caught.value.code == "file.disk_full"
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == [out.name]
