"""The encounter-desk CLI as if its output folder were a slow drive (a USB stick): every
file opened for writing in FOLDER receives its bytes a little at a time, so that a kill
lands in the middle of writing it. Nothing of the app is changed; only ``open``.

    python tests/helpers/slow_disk_cli.py FOLDER [encounter-desk arguments…]
"""

from __future__ import annotations

import builtins
import io
import os
import sys
import time
from pathlib import Path

CHUNK = 512  # bytes (or characters) at a time
PAUSE = 0.001  # seconds after each


class _SlowFile:
    def __init__(self, real) -> None:  # noqa: ANN001
        self._real = real

    def write(self, data):  # noqa: ANN001, ANN201
        for start in range(0, len(data), CHUNK):
            self._real.write(data[start:start + CHUNK])
            self._real.flush()
            time.sleep(PAUSE)
        return len(data)

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self._real, name)

    def __iter__(self):  # noqa: ANN204
        return iter(self._real)

    def __enter__(self) -> _SlowFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()


def _slowed(folder: Path):  # noqa: ANN202
    real_open = io.open

    def slow_open(file, mode="r", *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        handle = real_open(file, mode, *args, **kwargs)
        writing = any(m in mode for m in "wax+")
        if writing and isinstance(file, (str, bytes, os.PathLike)) and \
                Path(os.fsdecode(file)).absolute().parent == folder:
            return _SlowFile(handle)
        return handle

    return slow_open


if __name__ == "__main__":
    folder = Path(sys.argv[1]).absolute()
    io.open = builtins.open = _slowed(folder)
    from encounter_desk.cli.main import main

    sys.exit(main(sys.argv[2:]))
