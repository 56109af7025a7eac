"""The entry point: ``encounter-desk`` and ``python -m encounter_desk``.

It stands above the UI and the CLI so that neither has to reach up: the CLI runs every
command and, with no command, asks the desktop app handed to it here to open the event.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from encounter_desk.cli.main import main as cli_main
    from encounter_desk.ui.shell.launcher import DesktopApp  # Qt loads only when a window opens

    return cli_main(argv, desktop=DesktopApp())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
