"""numpy's BLAS on one thread, for the whole process.

Why: the app's numpy products are small (every picture's resize to 28 pixels and the familiarity
score at each stroke, `predict`'s batches of 32), far too small to gain from a second thread,
and OpenBLAS's threads busy-wait after every call. On two cores that spinning takes the core
the work beside it needs: `predict` on 1,000 photo-like files took 2.8 s wall and 5.2 s of CPU
with numpy's default threads, 1.6 s and 2.9 s with one
(`python -m fashion_desktop predict --json files/*`); two processes preprocessing files side by
side each ran 2.7× slower. Every command (`cli.main`) and the window's worker call this; torch
keeps its own threads (`network.device.configure_cpu_threads`). threadpoolctl limits the BLAS
libraries loaded so far, so numpy is imported first.
"""

from __future__ import annotations

import logging

import numpy  # noqa: F401  (loaded first: threadpoolctl limits the libraries already loaded)

_log = logging.getLogger(__name__)


def use_one_blas_thread() -> None:
    """Limit numpy's BLAS (OpenBLAS, MKL or BLIS, whichever it links) to one thread, for good.

    A speed-up, never a reason to fail: if threadpoolctl cannot find or drive the library (an
    unusual build, a frozen app on another platform), numpy keeps its threads and it is logged."""
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
    except Exception:  # noqa: BLE001 - see the docstring
        _log.warning("Could not limit numpy's BLAS to one thread", exc_info=True)
