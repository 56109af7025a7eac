"""Looking after the event's storage from a terminal: backups, restore, moving to a server.

    encounter-desk [--db FILE | --database URL] backup OUT.sqlite
    encounter-desk --db FILE restore BACKUP.sqlite
    encounter-desk [--db FILE | --database URL] copy-event --to URL
    encounter-desk [--db FILE | --database URL] copy-event --from URL
    encounter-desk [--db FILE | --database URL] check

``copy-event --to`` copies the open event into another, empty database (a file path or a
``postgresql+psycopg://`` URL); ``--from`` copies the event in another database into the
open one, which must be empty. Ids are kept, so printed badges still scan.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from encounter_desk.cli.common import add_command, command, open_event, opened
from encounter_desk.core.i18n import QT_TRANSLATE_NOOP, translate
from encounter_desk.storage.database import Database, describe_url, resolve_url, sqlite_path
from encounter_desk.storage.errors import DatabaseError


@command("backup", "CLI", QT_TRANSLATE_NOOP("CLI", "write a consistent backup of the event to a file"),
         QT_TRANSLATE_NOOP("CLI", "Write a consistent copy of the event (file or server) to a new "
                           "SQLite file, e.g. on a USB stick, and check it. Desks may keep "
                           "scanning."), event=True)
def cmd_backup(args: argparse.Namespace, db: Database) -> int | None:
    from encounter_desk.storage import backups

    path = backups.back_up(db, Path(args.out))
    print(translate("CLI", "Backup written to {path} (checked: ok).").format(path=path))


@command("restore", "CLI", QT_TRANSLATE_NOOP("CLI", "replace the event file with a backup"),
         QT_TRANSLATE_NOOP("CLI", "Replace the event file (--db) with a backup, after checking "
                           "the backup and copying the current file aside. Close the event on "
                           "every laptop that uses the file first."))
def cmd_restore(args: argparse.Namespace) -> int:
    from encounter_desk.storage import backups

    event_path = sqlite_path(args.url)
    if event_path is None:
        raise DatabaseError(
            translate("CLI", "restore replaces an event file (--db FILE); a server's database is restored "
               "with copy-event --from.")
        )
    aside = backups.restore(Path(args.backup), event_path)
    print(translate("CLI", "{path} restored from {backup}. The previous file was kept at {aside}.").format(
        path=event_path, backup=args.backup, aside=aside))
    return 0


@command("copy-event", "CLI",
         QT_TRANSLATE_NOOP("CLI", "copy the event to or from another database (a file or a server)"),
         QT_TRANSLATE_NOOP("CLI", "Copy every table of the event, keeping ids, into an empty "
                           "database: --to copies the open event there, --from copies it from "
                           "there into the open (empty) database."))
def cmd_copy_event(args: argparse.Namespace) -> int:
    from encounter_desk.storage.copy import copy_event

    other = resolve_url(None, args.to or args.source)
    with open_event(args, create=bool(args.source)) as here, \
            opened(other, create=bool(args.to)) as there:
        source, target = (here, there) if args.to else (there, here)
        report = copy_event(source, target)
    print(translate("CLI", "Event copied from {source} to {target}: {rows} rows.").format(
        source=report.source, target=report.target, rows=report.total))
    return 0


@command("check", "CLI", QT_TRANSLATE_NOOP("CLI", "check that the event's database opens and is sound"),
         QT_TRANSLATE_NOOP("CLI", "Open the event's database and, for a file, run SQLite's "
                           "integrity check."))
def cmd_check(args: argparse.Namespace) -> int:
    from encounter_desk.storage import backups

    path = sqlite_path(args.url)
    with open_event(args):
        pass  # opening checks the schema
    if path is None:
        print(translate("CLI", "{where} opens and is at the current schema.").format(
            where=describe_url(args.url)))
        return 0
    verdict = backups.integrity(path)
    print(translate("CLI", "Integrity of {path}: {verdict}").format(path=path, verdict=verdict))
    return 0 if verdict == "ok" else 1


def register(sub: argparse._SubParsersAction) -> None:
    add_command(sub, cmd_backup).add_argument(
        "out", metavar="OUT", help=translate("CLI", "the backup file to write"))
    add_command(sub, cmd_restore).add_argument(
        "backup", metavar="BACKUP", help=translate("CLI", "the backup file to restore"))
    way = add_command(sub, cmd_copy_event).add_mutually_exclusive_group(required=True)
    way.add_argument("--to", metavar="URL", help=translate("CLI", "the empty database to copy the event to"))
    way.add_argument("--from", dest="source", metavar="URL",
                     help=translate("CLI", "the database to copy the event from"))
    add_command(sub, cmd_check)
