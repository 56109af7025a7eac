"""Field test: a handheld USB scanner typing badge codes into the desk, on a real X server.

    .venv/bin/python scripts/scanner_field_test.py --out /tmp/scanner-field [--lang en]

A handheld QR scanner is a USB keyboard: for every character it presses the key a *US*
keyboard would use (Shift held for capitals), a few milliseconds apart, then Enter; the
laptop's keyboard layout turns those keys into characters. The script starts Xvfb (with
openbox), builds the demo event in a temporary folder and starts the real app on it. For
each host layout (us, es, latam, ca = French Canadian, fr = AZERTY, de = QWERTZ), with
Caps Lock off and on (the real Caps Lock key), it sets the layout with ``setxkbmap`` and
scans fresh demo badges (each run's codes hold Y, Z, Q, W, A, M and digits): each
character goes out through XTEST (``xdotool key --delay 5``) as the keycode of its key on
a US keyboard (from ``xmodmap -pke`` under ``setxkbmap us``), then Return. Then the focus
cases: the first-start help dialog open, the search box holding "gar", the File menu open.

What the app made of each scan is read from the event file (the ``scan`` table keeps the
raw text received and the verdict); participants are counted before and after each focus
case; the screen is saved after each run. The Markdown table goes to stdout and
OUT/report.md; screenshots, the app's log and a copy of the event file stay in OUT.
A field test, not a pass/fail test: exits 0 when it ran, whatever the app did. Missing
Debian packages (xvfb, xdotool, x11-xkb-utils, x11-xserver-utils, imagemagick, openbox,
and the Qt xcb libraries the app names) are installed with apt-get when run as root.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

LAYOUTS = {"us": "US English", "es": "Spanish", "latam": "Latin American",
           "ca": "French Canadian", "fr": "French AZERTY", "de": "German QWERTZ"}
WANTED_CHARS = "YZQWAM"
"""Letters that move between layouts: each run's codes hold all of them (and digits)."""
READ_RIGHT = {"admitted", "admitted_attention", "already_checked_in"}
"""Verdicts that mean the desk read the badge's code correctly."""
TOOLS = {"Xvfb": "xvfb", "xdotool": "xdotool", "setxkbmap": "x11-xkb-utils",
         "xmodmap": "x11-xserver-utils", "xset": "x11-xserver-utils",
         "/usr/bin/import": "imagemagick"}  # ImageMagick's, not any other "import" on PATH
KEY_DELAY_MS = 5
APP_TITLE = "Encounter Desk"
WHITE_RUN = re.compile(rb"\xff{30,}")
Scan = tuple[str, str, str]
"""A row of the event file's ``scan`` table: raw text, verdict, source."""

# --- the machine ----------------------------------------------------------------------------

_apt_updated = False


def install(packages: list[str]) -> None:
    """apt-get install ``packages`` (as root), or stop and say what to install."""
    global _apt_updated
    if not packages:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit(f"Missing Debian packages: {' '.join(packages)} (apt-get install them).")
    print(f"Installing {' '.join(packages)} …", file=sys.stderr)
    if not _apt_updated:
        subprocess.run(["apt-get", "update", "-q"], check=True, stdout=subprocess.DEVNULL)
        _apt_updated = True
    subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages],
                   check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def ensure_tools(window_manager: str) -> None:
    tools = {**TOOLS, **({window_manager: window_manager} if window_manager != "none" else {})}
    install(sorted({package for tool, package in tools.items()
                    if not (Path(tool).exists() if tool.startswith("/") else shutil.which(tool))}))


class Display:
    """An Xvfb server (with a window manager) and the X tools pointed at it."""

    def __init__(self, size: str, window_manager: str, folder: Path) -> None:
        self.width = int(size.split("x")[0])
        read, write = os.pipe()
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=(folder / "xvfb.log").open("w"))
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            sys.exit(f"Xvfb did not start (see {folder / 'xvfb.log'}).")
        self.name = f":{number}"
        self.env = {**os.environ, "DISPLAY": self.name}
        self.env.pop("WAYLAND_DISPLAY", None)
        self.window_manager = None
        if window_manager != "none":
            self.window_manager = subprocess.Popen(
                [window_manager], env=self.env, stdout=subprocess.DEVNULL,
                stderr=(folder / "window-manager.log").open("w"))
            time.sleep(1.0)

    def run(self, *command: str, check: bool = True) -> str:
        done = subprocess.run(command, env=self.env, capture_output=True, text=True, check=False)
        if check and done.returncode:
            raise RuntimeError(f"{' '.join(command)}: {done.stderr.strip()}")
        return done.stdout

    def set_layout(self, layout: str) -> None:
        self.run("setxkbmap", "-layout", layout)
        time.sleep(0.4)  # the app hears of the new keymap through XKB events

    def caps_lock_on(self) -> bool:
        match = re.search(r"Caps Lock:\s+(on|off)", self.run("xset", "q"))
        return bool(match and match.group(1) == "on")

    def screenshot(self, path: Path) -> str:
        self.run("/usr/bin/import", "-window", "root", str(path))
        return path.name

    def pixels(self) -> bytes:
        """The screen as 8-bit RGB, row by row."""
        return subprocess.run(["/usr/bin/import", "-window", "root", "-depth", "8", "rgb:-"],
                              env=self.env, capture_output=True, check=True).stdout

    def windows(self) -> list[tuple[str, str]]:
        """(id, title) of every visible window that has a title, but the window manager's."""
        found = []
        for wid in self.run("xdotool", "search", "--onlyvisible", "--name", ".",
                            check=False).split():
            title = self.run("xdotool", "getwindowname", wid, check=False).strip()
            if title and title != "openbox":
                found.append((wid, title))
        return found

    def geometry(self, wid: str) -> tuple[int, int, int, int]:
        shell = self.run("xdotool", "getwindowgeometry", "--shell", wid)
        values = dict(re.findall(r"(\w+)=(\d+)", shell))
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])

    def focus(self, wid: str) -> None:
        how = "windowactivate" if self.window_manager is not None else "windowfocus"
        self.run("xdotool", how, "--sync", wid, check=False)

    def click(self, x: int, y: int) -> None:
        self.run("xdotool", "mousemove", "--sync", str(x), str(y), "click", "1")

    def active_window(self) -> str:
        wid = self.run("xdotool", "getactivewindow", check=False).strip()
        return self.run("xdotool", "getwindowname", wid, check=False).strip() if wid else ""

    def close(self) -> None:
        stop(self.window_manager)
        stop(self.server)


def stop(process: subprocess.Popen | None, timeout: float = 5) -> None:
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()


class UsScanner:
    """The keys a scanner set to a US layout presses: keycodes read under ``setxkbmap us``."""

    def __init__(self, display: Display) -> None:
        self.display = display
        display.set_layout("us")
        self.chars: dict[str, tuple[int, bool]] = {}  # char -> (keycode, with Shift)
        self.named: dict[str, int] = {}
        for line in display.run("xmodmap", "-pke").splitlines():
            match = re.match(r"keycode\s+(\d+) = (.*)", line)
            if not match:
                continue
            code, syms = int(match.group(1)), match.group(2).split()
            for level, sym in enumerate(syms[:2]):
                if len(sym) == 1:
                    self.chars.setdefault(sym, (code, level == 1))
                elif level == 0:
                    self.named.setdefault(sym, code)
        for key in ("Return", "Shift_L", "Caps_Lock", "Alt_L"):
            if key not in self.named:
                sys.exit(f"The US keymap has no {key} key.")

    def tokens(self, text: str) -> list[str]:
        """xdotool keystrokes for ``text``: bare keycodes (10 and up, never read as keysyms)."""
        shift = self.named["Shift_L"]
        return [f"{shift}+{code}" if shifted else str(code)
                for code, shifted in (self.chars[char] for char in text)]

    def press(self, *strokes: str) -> None:
        self.display.run("xdotool", "key", "--delay", str(KEY_DELAY_MS), *strokes)

    def type(self, text: str) -> None:
        self.press(*self.tokens(text))

    def scan(self, code: str) -> None:
        """A badge read: the code's keys, then Return."""
        self.press(*self.tokens(code), str(self.named["Return"]))

    def set_caps_lock(self, on: bool) -> bool:
        """Press the real Caps Lock key if needed; whether Caps Lock is now on."""
        if self.display.caps_lock_on() != on:
            self.press(str(self.named["Caps_Lock"]))
            time.sleep(0.1)
        return self.display.caps_lock_on()

    def alt(self, char: str) -> None:
        self.press(f"{self.named['Alt_L']}+{self.chars[char][0]}")


# --- the event file and the app ------------------------------------------------------------------


class EventFile:
    """Reads the app's SQLite event file alongside it (the scans it recorded, the counts)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def query(self, sql: str, args: tuple = ()) -> list[tuple]:
        con = sqlite3.connect(self.path, timeout=10)
        try:
            return con.execute(sql, args).fetchall()
        finally:
            con.close()

    def participants(self) -> int:
        return self.query("SELECT count(*) FROM participant")[0][0]

    def last_scan(self) -> int:
        return self.query("SELECT coalesce(max(id), 0) FROM scan")[0][0]

    def scans_after(self, scan_id: int) -> list[Scan]:
        return self.query("SELECT raw, verdict, source FROM scan WHERE id > ? ORDER BY id",
                          (scan_id,))

    def badge_codes(self, env: dict[str, str]) -> dict[int, str]:
        ids = [row[0] for row in self.query("SELECT id FROM participant ORDER BY id")]
        try:
            from encounter_desk.desk.badges import badge_code_for
            from encounter_desk.storage.database import open_database, sqlite_url
        except ImportError:  # the house moved: ask the CLI, one participant at a time
            return {pid: subprocess.run(
                [*console_script(), "--db", str(self.path), "badge-code", str(pid)], env=env,
                capture_output=True, text=True, check=True).stdout.strip() for pid in ids}
        db = open_database(sqlite_url(self.path), create=False)
        try:
            return {pid: badge_code_for(db, pid) for pid in ids}
        finally:
            db.close()


class BadgePool:
    """Fresh badges for each run, chosen so their codes hold every letter of WANTED_CHARS."""

    def __init__(self, codes: dict[int, str]) -> None:
        self.all = dict(codes)
        self.left = dict(codes)

    def take(self, count: int) -> list[str]:
        if len(self.left) < count:
            self.left = dict(self.all)  # reused badges: "already checked in" is still read right
        chosen: list[str] = []
        missing = set(WANTED_CHARS)
        while len(chosen) < count and self.left:
            pid = max(self.left, key=lambda p: (len(missing & set(self.left[p])),
                                                 len(set(WANTED_CHARS) & set(self.left[p])), -p))
            chosen.append(self.left.pop(pid))
            missing -= set(chosen[-1])
        return chosen


def console_script() -> list[str]:
    script = Path(sys.executable).parent / "encounter-desk"
    return [str(script)] if script.exists() else [sys.executable, "-m", "encounter_desk"]


class App:
    """The real desktop app, started on the test display."""

    def __init__(self, display: Display, db: Path, lang: str, env: dict[str, str],
                 log: Path) -> None:
        self.display = display
        self.command = [*console_script(), "--lang", lang, "--db", str(db)]
        self.env = {**display.env, **env}
        self.cwd = db.parent / "app-folder"
        """Where it runs: a file it saves by accident (say, from a backup dialog) lands here."""
        self.cwd.mkdir(exist_ok=True)
        self.log = log
        self.process: subprocess.Popen | None = None
        self.main_window = ""
        for attempt in range(2):
            if self._start():
                return
            missing = re.search(r"apt-get install ([^)]+)\)", log.read_text(errors="replace"))
            if attempt or not missing:
                sys.exit(f"The app did not open a window; see {log}.")
            install(missing.group(1).split())

    def _start(self) -> bool:
        self.process = subprocess.Popen(self.command, env=self.env, cwd=self.cwd,
                                        stdout=self.log.open("w"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and self.process.poll() is None:
            windows = [wid for wid, title in self.display.windows() if APP_TITLE in title]
            if windows:
                time.sleep(2.0)  # let it lay out, and open what it opens at start
                areas = {wid: self.display.geometry(wid) for wid in windows}
                self.main_window = max(windows, key=lambda w: areas[w][2] * areas[w][3])
                return True
            time.sleep(0.5)
        return False

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def other_windows(self) -> list[tuple[str, str]]:
        return [(wid, title) for wid, title in self.display.windows() if wid != self.main_window]

    def close_other_windows(self) -> None:
        for _ in range(3):
            for wid, _title in self.other_windows():
                self.display.focus(wid)
                self.display.run("xdotool", "key", "Escape")
                time.sleep(0.5)

    def click_field(self, where: str, notes: list[str]) -> bool:
        """Click the first wide text box in the top third of the main window's ``where``
        ("left" or "right") part, found on a screenshot."""
        x, y, width, height = self.display.geometry(self.main_window)
        left, right = (x, x + int(width * 0.62)) if where == "left" else (x + width // 2, x + width)
        found = white_box(self.display.pixels(), self.display.width,
                          (left, y, right, y + height // 3), min_run=width // 4)
        if found is None:
            notes.append(f"found no text box on the {where} of the screen to click")
            return False
        self.display.click(*found)
        notes.append(f"clicked at {found[0]},{found[1]}")
        time.sleep(0.3)
        return True

    def stop(self) -> None:
        stop(self.process, 15)


def white_box(pixels: bytes, screen_width: int, box: tuple[int, int, int, int],
              min_run: int, min_height: int = 12) -> tuple[int, int] | None:
    """Centre of the first white rectangle at least ``min_run`` pixels wide and
    ``min_height`` high inside ``box``: a text field (its rows of text still end in white
    on the same right edge; a one-pixel white line is not one)."""
    x0, y0, x1, y1 = box
    top = bottom = 0
    edge: tuple[int, int] | None = None
    for y in range(y0, y1):
        row = pixels[(y * screen_width + x0) * 3 : (y * screen_width + x1) * 3]
        runs = [(-(-m.start() // 3), m.end() // 3) for m in WHITE_RUN.finditer(row)]
        if edge is not None:
            if any(abs(end - edge[1]) <= 3 and end - start >= 40 for start, end in runs):
                bottom = y
                continue
            if y - bottom <= 2:
                continue
            if bottom - top + 1 >= min_height:
                break
            edge = None
        wide = [run for run in runs if run[1] - run[0] >= min_run]
        if wide:
            top = bottom = y
            edge = wide[0]
    if edge is None or bottom - top + 1 < min_height:
        return None
    return x0 + (edge[0] + edge[1]) // 2, (top + bottom) // 2


# --- the trials -----------------------------------------------------------------------------------


@dataclass
class Trial:
    """One row of the report: a layout run, or a focus case (one scan)."""

    name: str
    caps: str = "off"
    sent: list[str] = field(default_factory=list)
    received: list[list[Scan]] = field(default_factory=list)
    alive: bool = True
    participants: tuple[int, int] = (0, 0)
    windows: list[str] = field(default_factory=list)
    screenshots: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class FieldTest:
    def __init__(self, app: App, scanner: UsScanner, event: EventFile, pool: BadgePool,
                 args: argparse.Namespace) -> None:
        self.app, self.scanner, self.event, self.pool = app, scanner, event, pool
        self.display = scanner.display
        self.out, self.wait = args.out, args.wait

    def scan(self, trial: Trial, code: str) -> None:
        """Scan ``code``; note what the app recorded (nothing if nothing came in time)."""
        before = self.event.last_scan()
        self.scanner.scan(code)
        deadline = time.monotonic() + self.wait
        while time.monotonic() < deadline:
            if self.event.scans_after(before):
                time.sleep(0.3)  # a second record for the same burst would show now
                break
            time.sleep(0.05)
        trial.sent.append(code)
        trial.received.append(self.event.scans_after(before))

    def layout_run(self, layout: str, caps: bool, count: int) -> Trial:
        self.display.set_layout(layout)
        trial = Trial(f"{layout} ({LAYOUTS.get(layout, layout)})", "on" if caps else "off")
        if self.scanner.set_caps_lock(caps) != caps:
            trial.notes.append("Caps Lock did not change")
        for code in self.pool.take(count):
            self.scan(trial, code)
            time.sleep(0.2)
        trial.screenshots.append(
            self.display.screenshot(self.out / f"layout-{layout}-caps-{trial.caps}.png"))
        self.scanner.set_caps_lock(False)
        if not self.app.alive:
            trial.notes.append("the app is no longer running")
        return trial

    def focus_case(self, name: str, prepare) -> Trial:  # noqa: ANN001
        """Scan one fresh badge after ``prepare(trial)`` put the focus somewhere else."""
        trial = Trial(name)
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        before, files = self.event.participants(), set(self.app.cwd.iterdir())
        prepare(trial)
        trial.notes.append(f"active window before the scan: {self.display.active_window() or '?'}")
        trial.screenshots.append(self.display.screenshot(self.out / f"focus-{slug}-before.png"))
        self.scan(trial, self.pool.take(1)[0])
        time.sleep(1.0)
        trial.alive = self.app.alive
        trial.windows = [title for _wid, title in self.display.windows()]
        trial.screenshots.append(self.display.screenshot(self.out / f"focus-{slug}-after.png"))
        trial.participants = (before, self.event.participants())
        written = sorted(path.name for path in set(self.app.cwd.iterdir()) - files)
        if written:
            trial.notes.append(f"files written in the app's folder: {', '.join(written)}")
        if not trial.alive:
            assert self.app.process is not None
            last = self.app.log.read_text(errors="replace").strip().splitlines()[-1:]
            trial.notes.append(f"exit code {self.app.process.returncode}, last log line: "
                               f"{md_code(last[0]) if last else 'none'}")
        else:
            self.app.close_other_windows()
            self.display.focus(self.app.main_window)
            self.scanner.press("Escape", "Escape")
        return trial

    def run(self, layouts: list[str], per_layout: int) -> tuple[list[Trial], list[Trial]]:
        app, cases = self.app, []
        self.display.screenshot(self.out / "start.png")
        if app.other_windows():
            def help_open(trial: Trial) -> None:
                trial.notes.append("open at start: " + ", ".join(t for _w, t in app.other_windows()))
            cases.append(self.focus_case("first-start help dialog open", help_open))
        app.close_other_windows()
        self.display.focus(app.main_window)
        clicked: list[str] = []
        app.click_field("left", clicked)  # a clerk's first click, into the scan field
        runs = []
        for layout in layouts:
            for caps in (False, True):
                if app.alive:
                    runs.append(self.layout_run(layout, caps, per_layout))
                    print(f"{runs[-1].name}, caps {runs[-1].caps}: "
                          f"{sum(map(len, runs[-1].received))}/{len(runs[-1].sent)} recorded",
                          file=sys.stderr)
        if runs:
            runs[0].notes += [f"scan field {note}" for note in clicked]
        self.display.set_layout("us")
        self.scanner.set_caps_lock(False)

        def search_holds_text(trial: Trial) -> None:
            if app.click_field("right", trial.notes):
                self.scanner.type("gar")
                time.sleep(0.8)

        def file_menu_open(trial: Trial) -> None:
            self.scanner.alt("f")
            time.sleep(0.8)

        for name, prepare in (('search box holding "gar"', search_holds_text),
                              ("File menu open (Alt+F)", file_menu_open)):
            if app.alive:
                self.display.focus(app.main_window)
                cases.append(self.focus_case(name, prepare))
        return runs, cases


# --- the report ------------------------------------------------------------------------------------


def md_code(text: str) -> str:
    text = text.replace("|", "\\|")
    if not text:
        return "(nothing)"
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def report(runs: list[Trial], cases: list[Trial], header: str) -> str:
    lines = [header, "",
             "| Layout | Caps Lock | Scans sent | Scans recorded | Read right | Verdicts "
             "| First code sent | Raw text received (first) |",
             "|---|---|---|---|---|---|---|---|"]
    for run in runs:
        rows = [row for received in run.received for row in received]
        verdicts = Counter(verdict for _raw, verdict, _source in rows).most_common()
        first = run.received[0][0][0] if run.received and run.received[0] else ""
        lines.append(
            f"| {run.name} | {run.caps}{''.join(f' ({n})' for n in run.notes)} | {len(run.sent)} "
            f"| {len(rows)} | {sum(1 for row in rows if row[1] in READ_RIGHT)} "
            f"| {', '.join(f'{v} ×{n}' for v, n in verdicts) or '—'} "
            f"| {md_code(run.sent[0] if run.sent else '')} | {md_code(first)} |")
    lines += ["", "Focus cases (layout us, Caps Lock off; in an open menu each letter of the "
              "code that is an item's underlined letter acts, so what happens there depends "
              "on the code):", ""]
    for case in cases:
        received = case.received[0] if case.received else []
        what = "; ".join(f"recorded as {verdict} from {source}, raw {md_code(raw)}"
                         for raw, verdict, source in received) or "**no scan recorded**"
        lines.append(
            f"- **{case.name}**: sent {md_code(case.sent[0] if case.sent else '')} → {what}; "
            f"app {'still running' if case.alive else '**no longer running**'}; participants "
            f"{case.participants[0]} → {case.participants[1]}; windows afterwards: "
            f"{', '.join(case.windows) or 'none'}"
            + "".join(f" ({note})" for note in case.notes)
            + f". Screenshots: {', '.join(case.screenshots)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Exits 0 when the test ran; the table is the result.")
    parser.add_argument("--out", type=Path,
                        default=Path(tempfile.gettempdir()) / "scanner-field-test",
                        help="folder for the screenshots, the report, the app's log and a copy "
                             "of the event file (default: %(default)s)")
    parser.add_argument("--layouts", default=",".join(LAYOUTS),
                        help="host layouts to try, comma-separated (default: %(default)s)")
    parser.add_argument("--per-layout", type=int, default=6,
                        help="badges scanned per layout and Caps Lock state (default: 6)")
    parser.add_argument("--lang", choices=("en", "es"), default="en",
                        help="the app's language (default: en)")
    parser.add_argument("--size", default="1280x800", help="screen size (default: 1280x800)")
    parser.add_argument("--wm", choices=("openbox", "none"), default="openbox",
                        help="window manager on the test display (default: openbox)")
    parser.add_argument("--wait", type=float, default=4.0,
                        help="seconds to wait for a scan to be recorded (default: 4)")
    args = parser.parse_args(argv[1:])
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    ensure_tools(args.wm)

    with tempfile.TemporaryDirectory(prefix="scanner-field-") as tmp:
        env = {"ENCOUNTER_DESK_HOME": str(Path(tmp) / "home"),
               "ENCOUNTER_DESK_ACTOR": "scanner-field-test"}
        db_path = Path(tmp) / "event.sqlite"
        subprocess.run([*console_script(), "--lang", "en", "--db", str(db_path), "demo"],
                       env={**os.environ, **env}, check=True, stdout=subprocess.DEVNULL)
        event = EventFile(db_path)
        pool = BadgePool(event.badge_codes({**os.environ, **env}))
        display = Display(args.size, args.wm, args.out)
        app: App | None = None
        try:
            scanner = UsScanner(display)
            app = App(display, db_path, args.lang, env, args.out / "app.log")
            runs, cases = FieldTest(app, scanner, event, pool, args).run(
                args.layouts.split(","), args.per_layout)
        finally:
            if app is not None:
                app.stop()
            display.close()
        source, target = sqlite3.connect(db_path), sqlite3.connect(args.out / "event.sqlite")
        with target:
            source.backup(target)
        source.close()
        target.close()
    header = (
        f"Scanner field test, {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}: Xvfb "
        f"{display.name} {args.size}, window manager {args.wm}, app `encounter-desk --lang "
        f"{args.lang} --db event.sqlite`; {args.per_layout} fresh demo badges per row, each "
        f"character as its US keycode with `xdotool key --delay {KEY_DELAY_MS}`, then Return. "
        f"Read right = verdict admitted, admitted_attention or already_checked_in. "
        f"Screenshots in {args.out}.")
    text = report(runs, cases, header)
    (args.out / "report.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
