"""The clock of ``acumat session`` and ``acumat care``: a live progress bar, the cues said
as their time comes (the mat's halfway note, each stretching move), and the ways a timer
stops early (``s`` and Enter, Ctrl+C, a closed terminal).

The bar is redrawn by the loop itself (no drawing thread), so a terminal that closes
mid-session cannot leave a thread writing to it. The arithmetic is
:class:`acumat.plan.guided.Timing`'s; this module only reads the monotonic clock and the
keyboard.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from acumat.plan.guided import Timing
    from acumat.plan.steps import SessionSteps

CHECK = "acumat check"
HOW_TO_STOP = "To stop early: type s and press Enter, or press Ctrl+C."
STOP_WORDS = frozenset({"s", "stop"})
TICK = 0.25  # seconds between redraws of the bar and looks for a typed line
FINISHED, STOPPED, CTRL_C, CLOSED = "finished", "stopped", "ctrl_c", "closed"
ON_THE_MAT = "On the mat"
BEFORE_START = -1.0
"""The ``since`` of a timer's first look for cues: before its start, so a cue at 0 seconds
is said at once."""

Cues = Callable[[float, float], Sequence[str]]
"""What to say between two moments of a timer (``since`` and ``now``, seconds since its
start): each cue whose moment falls after ``since`` and by ``now``."""


class TerminalClosed(Exception):
    """The terminal went away (SIGHUP) or acumat was asked to end (SIGTERM)."""


@dataclass
class Line:
    """The terminal as the timer sees it: lines typed, and whether it has closed."""

    closed: bool = False

    def typed(self, timeout: float) -> str | None:
        """A line typed within ``timeout`` seconds, else ``None`` (the terminal hands over
        a line when Enter is pressed)."""
        import select

        ready, _, _ = select.select([sys.stdin], [], [], timeout)
        return sys.stdin.readline() if ready else None


@contextmanager
def hangup_raises() -> Iterator[Line]:
    """While inside, a hang-up or a request to end raises :class:`TerminalClosed`."""
    line = Line()

    def closing(signum: int, frame: FrameType | None) -> None:
        line.closed = True
        raise TerminalClosed

    previous = {sig: signal.signal(sig, closing) for sig in (signal.SIGHUP, signal.SIGTERM)}
    try:
        yield line
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@dataclass(frozen=True)
class Ended:
    """How the timer ended (``finished``, ``stopped``, or a Ctrl+C or closed terminal) and
    after how many seconds."""

    how: str
    seconds: float

    @property
    def early(self) -> bool:
        return self.how != FINISHED


def run_timer(minutes: float, line: Line, out: Console, steps: SessionSteps) -> Ended:
    """Time ``minutes`` on the mat with a progress bar and the halfway note, until it is up
    or the person stops."""
    from acumat.plan.guided import Timing

    return run_clock(minutes, line, out, halfway_note(Timing(minutes), steps), ON_THE_MAT)


def halfway_note(timing: Timing, steps: SessionSteps) -> Cues:
    """The mat session's one cue: the halfway note, once half the time has passed."""
    from acumat.plan.guided import HALFWAY

    def due(since: float, now: float) -> list[str]:
        return [steps.at("halfway").say(CHECK)] if HALFWAY in timing.cues(since, now) else []

    return due


def run_clock(minutes: float, line: Line, out: Console, cues: Cues, label: str) -> Ended:
    """Time ``minutes`` with a progress bar named ``label``, saying ``cues`` as they fall
    due, until the time is up or the person stops."""
    import time

    from acumat.plan.guided import Timing

    timing, start = Timing(minutes), time.monotonic()
    try:
        with live_bar(out, timing.total, label) as bar:
            return tick_until_done(timing, start, line, bar, cues)
    except KeyboardInterrupt:
        return Ended(CTRL_C, time.monotonic() - start)
    except (TerminalClosed, OSError):
        if not line.closed:  # an OSError of its own, not a write to a closed terminal
            raise
        return Ended(CLOSED, time.monotonic() - start)


@dataclass(frozen=True)
class Bar:
    """A progress bar and its one task."""

    progress: Progress
    task: TaskID


@contextmanager
def live_bar(out: Console, total: float, label: str = ON_THE_MAT) -> Iterator[Bar]:
    """A progress bar with the time left, redrawn by the caller (no drawing thread)."""
    from rich.progress import BarColumn, Progress, TextColumn

    progress = Progress(
        TextColumn(label, markup=False),
        BarColumn(),
        TextColumn("{task.fields[left]} left"),
        console=out,
        auto_refresh=False,
    )
    with progress:
        yield Bar(progress, progress.add_task("mat", total=total, left=clock_face(total)))


def tick_until_done(timing: Timing, start: float, line: Line, bar: Bar, cues: Cues) -> Ended:
    """Redraw the bar, say each cue as it falls due, and watch for a stop, until time is up.

    A line ``s`` (or ``stop``) stops; so does the end of input (Ctrl+D), which an empty
    line (Enter alone) is not.
    """
    import time

    progress, last = bar.progress, BEFORE_START
    while True:
        now = time.monotonic() - start
        for cue in cues(last, now):
            progress.console.print(cue)
        last = now
        left = clock_face(timing.left(now))
        progress.update(bar.task, completed=timing.elapsed(now), left=left, refresh=True)
        if timing.is_over(now):
            return Ended(FINISHED, now)
        typed = line.typed(min(TICK, timing.left(now)))
        if typed is not None and (typed == "" or typed.strip().lower() in STOP_WORDS):
            return Ended(STOPPED, time.monotonic() - start)
        if typed is not None:
            progress.console.print(HOW_TO_STOP)


def clock_face(seconds: float) -> str:
    """``4:05``: minutes and seconds, rounded up so the last second shows ``0:01``."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60}:{whole % 60:02d}"
