"""What every benchmark shares: its command line, percentiles, floors, the final JSON line.

Every benchmark takes ``--json`` and then ends with its figures as one JSON line::

    {"name": "checkin", "n_participants": 10000, "p50_ms": 1.2, "p95_ms": 1.9, "p99_ms": 2.4,
     "floor_p50_ms": 0.4, ..., "ratio_p50": 3.0, ...}

Latencies are in milliseconds (``p50_ms``, ``p95_ms``, ``p99_ms``, ``max_ms``, ``mean_ms``),
durations in seconds (``duration_s``). Where the benchmark measures its own floor in the same
run (bare SQLite, a bare Qt window, a bare reportlab document), each figure ``X`` of the floor
is ``floor_X`` and the app's figure over the floor's is ``ratio_<X without its unit>``
(``ratio_p50``, ``ratio_duration``).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from collections.abc import Iterable, Mapping

TARGET_MISSED = 1
"""Exit status of a benchmark whose target was missed (0 when met or when it has none)."""


def parser(doc: str, *, participants: int | None = 10_000, aliases: Iterable[str] = (),
           participants_help: str = "people in the event") -> argparse.ArgumentParser:
    """The benchmark's command line: ``--participants N`` (also spelt as ``aliases``) and
    ``--json``. The description is the module docstring."""
    cli = argparse.ArgumentParser(description=doc,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    if participants is not None:
        cli.add_argument("--participants", *aliases, dest="participants", type=int,
                         default=participants, metavar="N",
                         help=f"{participants_help} (default {participants})")
    cli.add_argument("--json", action="store_true",
                     help="end with the figures as one JSON line")
    return cli


def percentile(values: Iterable[float], p: float) -> float:
    """The nearest-rank ``p``-th percentile (0 < p <= 100) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    rank = math.ceil(p / 100 * len(ordered))
    return ordered[min(len(ordered), max(1, rank)) - 1]


def latency(values_ms: Iterable[float]) -> dict[str, float]:
    """p50/p95/p99/max/mean of samples in milliseconds, and how many there were."""
    values = list(values_ms)
    return {
        "n": len(values),
        "p50_ms": percentile(values, 50),
        "p95_ms": percentile(values, 95),
        "p99_ms": percentile(values, 99),
        "max_ms": max(values, default=math.nan),
        "mean_ms": statistics.fmean(values) if values else math.nan,
    }


RATIO_KEYS = ("p50_ms", "p95_ms", "p99_ms", "duration_s")


def against_floor(figures: Mapping[str, float], floor: Mapping[str, float]) -> dict[str, float]:
    """``figures`` with the floor's figures as ``floor_*`` and ``ratio_*`` for each of
    p50, p95, p99 and the duration that both hold."""
    out = dict(figures)
    for key, value in floor.items():
        if key != "n":
            out[f"floor_{key}"] = value
    for key in RATIO_KEYS:
        if key in figures and key in floor:
            stem = key.rsplit("_", 1)[0]
            out[f"ratio_{stem}"] = figures[key] / floor[key] if floor[key] else math.nan
    return out


def describe(label: str, figures: Mapping[str, float]) -> str:
    """One human line: the latency percentiles or the duration, then the floor and ratio."""
    if "p50_ms" in figures:
        line = (f"{label}: p50 {figures['p50_ms']:.2f} ms  p95 {figures['p95_ms']:.2f} ms  "
                f"p99 {figures['p99_ms']:.2f} ms  max {figures['max_ms']:.2f} ms")
        if "floor_p50_ms" in figures:
            line += (f"\n    floor: p50 {figures['floor_p50_ms']:.2f} ms  "
                     f"p95 {figures['floor_p95_ms']:.2f} ms  p99 {figures['floor_p99_ms']:.2f} ms"
                     f"  -> ratio p50 {figures['ratio_p50']:.1f}x  "
                     f"p99 {figures['ratio_p99']:.1f}x")
        return line
    line = f"{label}: {figures['duration_s']:.2f} s"
    if "floor_duration_s" in figures:
        line += (f"  (floor {figures['floor_duration_s']:.2f} s, "
                 f"ratio {figures['ratio_duration']:.1f}x)")
    return line


def _rounded(value: object) -> object:
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 4)
    if isinstance(value, Mapping):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def emit(args: argparse.Namespace, name: str, n_participants: int,
         figures: Mapping[str, object]) -> None:
    """With ``--json``, print the figures as the run's one final JSON line."""
    if getattr(args, "json", False):
        record = {"name": name, "n_participants": n_participants, **figures}
        print(json.dumps(_rounded(record), ensure_ascii=False), flush=True)


def verdict(target: str, ok: bool) -> int:
    """Print whether ``target`` was met; the benchmark's exit status."""
    print(f"target {target}: {'met' if ok else 'MISSED'}", flush=True)
    return 0 if ok else TARGET_MISSED


def peak_rss_mib() -> float:
    """This process's own peak resident memory in MiB.

    On Linux this is ``VmHWM`` of ``/proc/self/status``: the high-water mark of this
    process's own address space. ``ru_maxrss`` is not used there because a process started
    by fork (or vfork) and exec inherits its parent's high-water mark at exec.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024
