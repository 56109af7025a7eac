"""The chair's refusal: :class:`SpeakerListError`, a translated sentence and a dotted code.

Every command on a list of speakers, and every read of one, refuses with it (codes
``speakers.…``); the speech clock refuses with ``clock.…``. Screens and the CLI catch
:class:`~encounter_desk.core.errors.Refusal`, which it derives from.
"""

from __future__ import annotations

from encounter_desk.core.errors import Refusal


class SpeakerListError(Refusal):
    """A request on a list of speakers, the floor or the clock was refused."""

    default_code = "speakers.refused"
