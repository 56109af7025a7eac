"""The desk's camera view: the laptop's camera reads badges when no handheld scanner is at hand.

Needs the "camera" extra (Qt Multimedia from PySide6-Addons, and zxing-cpp). Qt Multimedia
is imported only when the view opens, so the desk runs as before without it and
:func:`camera_problem` says how to add it. Frames are decoded at most :data:`DECODE_FPS`
times a second in the GUI thread (a decode takes a few milliseconds); each code found
goes through the :class:`~encounter_desk.desk.camera.Debouncer` and out of
:attr:`CameraView.code_read`, which the desk connects to the scanner's verdict path.
"""

from __future__ import annotations

import importlib.util
import logging
import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QImage, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from encounter_desk.core.clock import Monotonic
from encounter_desk.desk import camera as camera_decode
from encounter_desk.ui.widgets.layout import named, wrapped
from encounter_desk.ui.widgets.retranslating import Retranslating

log = logging.getLogger(__name__)

DECODE_FPS = 5.0


def multimedia_available() -> bool:
    return importlib.util.find_spec("PySide6.QtMultimedia") is not None


def camera_problem() -> str | None:
    """Why the camera cannot scan here (translated, with how to add it), or None."""
    if not (multimedia_available() and camera_decode.decoder_available()):
        return camera_decode.missing_message()
    return None


def gray_pixels(image: QImage) -> tuple[bytes, int, int, int]:
    """A frame as grayscale bytes, width, height and row stride, for the decoder."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())[: gray.bytesPerLine() * gray.height()]
    return data, gray.width(), gray.height(), gray.bytesPerLine()


class CameraView(Retranslating, QDialog):
    """A small window with the camera's picture; emits each badge code it reads once."""

    code_read = Signal(str)

    def __init__(self, parent: QWidget | None = None, *,
                 monotonic: Monotonic = time.monotonic) -> None:
        super().__init__(parent)
        self.setObjectName("cameraView")
        self.setModal(False)
        self._monotonic = monotonic
        self._last_decode = float("-inf")
        self.debouncer = camera_decode.Debouncer(monotonic=monotonic)
        self.picture = named(QLabel(), "cameraPicture")
        self.picture.setMinimumSize(480, 360)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = wrapped()
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self._camera = None
        self._session = None
        self._sink = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Camera"))
        self.close_button.setText(self.tr("Close"))
        if self._camera is not None:
            self.status.setText(self.tr("Hold the badge's QR code in front of the camera."))

    # --- the camera (Qt Multimedia, imported here only) ------------------------------------

    def start(self) -> bool:
        """Open the default camera; False (and a sentence in the window) when there is none."""
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink

        device = QMediaDevices.defaultVideoInput()
        if device.isNull():
            self.status.setText(self.tr("No camera was found on this laptop."))
            return False
        self._camera = QCamera(device, self)
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(lambda frame: self.take_image(frame.toImage()))
        self._camera.errorOccurred.connect(
            lambda _error, text: self.status.setText(
                self.tr("The camera stopped: {error}").format(error=text)))
        self._camera.start()
        self.retranslate()
        return True

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.stop()
        super().closeEvent(event)

    # --- frames --------------------------------------------------------------------------

    def take_image(self, image: QImage) -> list[str]:
        """One frame: show it; decode it if the last decode is 1/DECODE_FPS old; emit the
        codes not read just before. Returns the codes emitted."""
        if image.isNull():
            return []
        self.picture.setPixmap(QPixmap.fromImage(image).scaled(
            self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation))
        now = self._monotonic()
        if now - self._last_decode < 1.0 / DECODE_FPS:
            return []
        self._last_decode = now
        data, width, height, stride = gray_pixels(image)
        try:
            texts = camera_decode.decode_frame(data, width, height, row_stride=stride)
        except camera_decode.CameraUnavailable as exc:
            self.status.setText(str(exc))
            return []
        fresh = self.debouncer.accept(texts)
        for text in fresh:
            self.code_read.emit(text)
        return fresh
