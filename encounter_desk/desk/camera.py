"""Reading badge QR codes from camera frames (the optional "camera" extra), without Qt.

``pip install "encounter-desk[camera]"`` adds Qt Multimedia (the camera) and zxing-cpp
(the decoder). The desk's camera view hands each frame here and feeds the texts found
into the same verdict path as the handheld scanner; a :class:`Debouncer` keeps one badge
held in front of the camera from being scanned again on every frame.
"""

from __future__ import annotations

import importlib.util
import time
from typing import Any

from encounter_desk.core.clock import Monotonic
from encounter_desk.core.errors import Refusal
from encounter_desk.core.i18n import translate

INSTALL_HINT = 'pip install "encounter-desk[camera]"'
REPEAT_SECONDS = 3.0
"""The same code read again within this long is the same badge still held up."""


class CameraUnavailable(Refusal):
    """The camera extra is not installed; the message says how to add it (translated)."""

    default_code = "camera.unavailable"


def missing_message() -> str:
    return translate(
        "Camera",
        "Scanning with the camera needs the camera extra, which is not installed. "
        "Add it with: {command} (then start the app again). The handheld scanner and "
        "the search work as before.",
    ).format(command=INSTALL_HINT)


def decoder_available() -> bool:
    return importlib.util.find_spec("zxingcpp") is not None


def _zxing():  # noqa: ANN202 - the module
    try:
        import zxingcpp
    except ImportError as exc:
        raise CameraUnavailable(missing_message()) from exc
    return zxingcpp


def decode_frame(
    image: Any,  # noqa: ANN401 - numpy array, PIL image, or bytes with a size
    width: int | None = None,
    height: int | None = None,
    *,
    row_stride: int = 0,
) -> list[str]:
    """The texts of the QR codes in one frame, in the order found (none: an empty list).

    ``image`` is a numpy array (grayscale or BGR), a PIL image, or grayscale pixels as
    ``bytes``/``bytearray``/``memoryview`` with ``width`` and ``height`` (and
    ``row_stride`` when rows are padded, as in camera frames).
    """
    zxingcpp = _zxing()
    if isinstance(image, bytes | bytearray | memoryview):
        if not width or not height:
            raise ValueError("decode_frame: pixels given as bytes need a width and a height")
        stride = row_stride or width
        if len(image) < stride * (height - 1) + width:
            raise ValueError("decode_frame: fewer bytes than width × height")
        view = memoryview(image).cast("B")[: stride * height]
        if stride * height > len(view):  # the last row may be unpadded
            view = memoryview(bytes(view) + bytes(stride * height - len(view)))
        image = zxingcpp.ImageView(view.cast("B", (height, stride)), width, height,
                                   zxingcpp.ImageFormat.Lum, stride)
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [result.text for result in found if result.text]


class Debouncer:
    """Lets a code through once, then not again until it has been out of sight for
    ``repeat_seconds`` (the camera sees the same badge on many frames in a row)."""

    def __init__(self, repeat_seconds: float = REPEAT_SECONDS,
                 monotonic: Monotonic = time.monotonic) -> None:
        self.repeat_seconds = repeat_seconds
        self._monotonic = monotonic
        self._last_seen: dict[str, float] = {}

    def accept(self, texts: list[str]) -> list[str]:
        """The codes among ``texts`` to scan now."""
        now = self._monotonic()
        fresh = []
        for text in texts:
            last = self._last_seen.get(text)
            if last is None or now - last > self.repeat_seconds:
                fresh.append(text)
            self._last_seen[text] = now  # still in sight: keep holding it back
        self._last_seen = {t: s for t, s in self._last_seen.items()
                           if now - s <= self.repeat_seconds}
        return fresh
