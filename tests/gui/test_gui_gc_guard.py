"""Garbage holding Qt objects is collected in the GUI thread, never in a worker thread."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QMenu

from fashion_desktop.gui import gc_guard


def test_cycles_with_qt_objects_are_freed_by_the_gui_thread_only(qapp, qtbot):
    collector = gc_guard.install(qapp)
    assert gc_guard.install(qapp) is collector  # one per application
    assert not gc.isenabled()
    destroyed_in: list[str] = []

    class Holder:
        pass

    def make_garbage() -> None:
        for _ in range(50):
            holder = Holder()
            holder.me = holder  # a cycle: only the cyclic collector frees it
            holder.menu = QMenu()
            holder.menu.destroyed.connect(lambda: destroyed_in.append(threading.current_thread().name))
            del holder

    make_garbage()
    kept: list[list] = []
    worker = threading.Thread(target=lambda: kept.extend([] for _ in range(100_000)), name="allocating-worker")
    worker.start()  # allocates (and keeps) far past the collector's thresholds
    worker.join()
    assert destroyed_in == []  # nothing was collected in the worker
    assert gc.get_count()[0] > gc.get_threshold()[0]
    collector.check()  # what the GUI thread's timer does every second
    qtbot.waitUntil(lambda: len(destroyed_in) == 50, timeout=5000)
    assert set(destroyed_in) == {threading.main_thread().name}
