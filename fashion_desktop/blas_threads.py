"""numpy's BLAS on one thread, for the whole process.

Why: `predict` evaluates the network in numpy on batches of 32, far too small to gain from a
second thread, and OpenBLAS's threads busy-wait after every call. On two cores that spinning took
the core a decoding process needed: `predict` on 1,000 photo-like files took 2.8 s wall and 5.2 s
of CPU with numpy's default threads, 1.6 s and 2.9 s with one
(`python -m fashion_desktop predict --json files/*`). (The window showed no difference: its
worker's products come one stroke at a time.) torch keeps its own threads
(`network.device.configure_cpu_threads`); threadpoolctl limits the BLAS libraries loaded so far,
so numpy is imported first.
"""

from __future__ import annotations

import numpy  # noqa: F401  (loaded first: threadpoolctl limits the libraries already loaded)
from threadpoolctl import threadpool_limits


def use_one_blas_thread() -> None:
    """Limit numpy's BLAS (OpenBLAS, MKL or BLIS, whichever it links) to one thread, for good."""
    threadpool_limits(limits=1, user_api="blas")
