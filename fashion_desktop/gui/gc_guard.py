"""Python's cyclic garbage collection, run only in the GUI thread.

The collector runs in whichever thread happens to allocate when a threshold is crossed. If that
is the inference worker, the trainer or a download thread, and the garbage holds a Qt object
(pyqtgraph keeps its context menus and plot items in reference cycles), Qt destroys a widget
outside the GUI thread. That is undefined behaviour; we saw it deadlock, a QMenu's destructor
in the download thread waiting on a mutex the GUI thread held. So automatic collection is
switched off and a GUI-thread timer collects the generation whose threshold was crossed.
pyqtgraph's `GarbageCollector` does the same, but importing pyqtgraph before the first paint
would cost half a second of start-up.

Pauses: the timer checks ten times a second, so a young generation holds a tenth of a second's
objects when it is collected (checked once a second it held ~50,000 during a stroke, a 33 ms
pause). Once the model is loaded the window calls `freeze_long_lived()`: what start-up made
(torch, Qt, the network: hundreds of thousands of objects) goes to the permanent generation, so
no later collection traverses it; the first collection of the older generation after start-up
paused the GUI thread 188 ms mid-stroke before (measured with the bench's stroke).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot


class GuiThreadCollector(QObject):
    """Checks the collector's counts every `interval_ms` and collects in this (the GUI) thread."""

    def __init__(self, parent: QObject, interval_ms: int = 100) -> None:
        super().__init__(parent)
        self.collections = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)
        gc.disable()

    @Slot()
    def check(self) -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = next((g for g in (2, 1, 0) if counts[g] > thresholds[g]), None)
        if generation is not None:
            gc.collect(generation)
            self.collections += 1


_frozen = False


def freeze_long_lived() -> None:
    """Move every object alive now to the permanent generation (`gc.freeze`): collections skip it.

    Once per process (later calls do nothing): garbage cycles among these objects are never
    collected, so only start-up's objects, which the app keeps, should be frozen. No collection
    first: it would pause the GUI thread as long as the pauses this avoids.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def install(app: QObject) -> GuiThreadCollector:
    """Once per application; returns the existing collector if there is one."""
    existing = app.findChild(GuiThreadCollector)
    return existing if existing is not None else GuiThreadCollector(app)
