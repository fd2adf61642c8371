"""numpy's BLAS on one thread is a speed-up, never a reason for a command or the window to fail."""

from __future__ import annotations

import logging

import threadpoolctl

from fashion_desktop.blas_threads import use_one_blas_thread


def test_a_library_threadpoolctl_cannot_drive_is_logged_not_raised(monkeypatch, caplog):
    def broken(*_args, **_kwargs):
        raise OSError("cannot read the loaded libraries")

    monkeypatch.setattr(threadpoolctl, "threadpool_limits", broken)
    with caplog.at_level(logging.WARNING, logger="fashion_desktop.blas_threads"):
        use_one_blas_thread()
    assert "Could not limit numpy's BLAS" in caplog.text
