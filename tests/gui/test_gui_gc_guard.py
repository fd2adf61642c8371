"""Garbage holding Qt objects is collected in the GUI thread, never in a worker thread."""

from __future__ import annotations

import gc
import threading
import weakref

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
    collector.check()  # what the GUI thread's timer does ten times a second
    qtbot.waitUntil(lambda: len(destroyed_in) == 50, timeout=5000)
    assert set(destroyed_in) == {threading.main_thread().name}


def test_start_ups_objects_are_frozen_once_so_collections_skip_them(make_window, wait_idle):
    """After the model is loaded, start-up's objects sit in the permanent generation (no collection
    pauses a stroke to traverse torch's and Qt's objects), and garbage made later is still freed."""
    window = make_window(weights=None)
    wait_idle(window)
    frozen = gc.get_freeze_count()
    assert frozen > 10_000
    gc_guard.freeze_long_lived()
    assert gc.get_freeze_count() == frozen  # once per process

    class Holder:
        pass

    holder = Holder()
    holder.me = holder
    alive = weakref.ref(holder)
    del holder
    gc.collect()
    assert alive() is None
