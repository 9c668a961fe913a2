"""Linting many files on every core: batches of files go to worker
processes, each of which loads the spaCy pipeline once, and the results
come back in input order, each as soon as its batch is done.

The command's process lints the first batch itself, which loads what the
rules need (spaCy, dictionaries, models); the workers are forked after
it, so they inherit the rules and all that was loaded instead of each
loading it again. Where fork is not available the files are linted in
this process.
"""

from __future__ import annotations

import contextlib
import gc
import io
import math
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
# A function that lints a batch of inputs: it returns each linted input
# with its result and appends the inputs it could not lint to ``errors``.
LintBatch = Callable[[list, list], list[tuple[Any, Any]]]

# Drafts read, parsed and linted together in this process: spaCy batches
# across them (16 BBC articles are ~130 prose blocks, two spaCy batches),
# and a batch's parses and models are most of a run's peak memory, which
# the heaviest batch sets: with 64 files 327 MiB on 100 BBC articles and
# 423 on 300, with 16 files 368 and 395.
BATCH_FILES = 16
# Files per worker batch: small enough to spread the work evenly and to
# print results early, large enough for spaCy to batch across files.
MAX_WORKER_BATCH = 32
MIN_WORKER_BATCH = 4

# Set in the parent before the workers fork; read by _work in the workers.
_shared: dict[str, Any] = {}


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    import multiprocessing  # here: a check of a file or two never needs it

    return "fork" in multiprocessing.get_all_start_methods()


def run(items: Sequence[Item], lint_batch: LintBatch, errors: list, jobs: int, progress: bool = False):
    """Lint ``items``; yield ``(item, result)`` in input order. Inputs that
    cannot be linted are reported by ``lint_batch`` into ``errors``.
    ``jobs`` workers are used when there is enough work for them."""
    with progress_bar(len(items), progress) as bar:
        batch = _worker_batch(len(items), jobs)
        if jobs > 1 and len(items) > batch and can_fork():
            results = _in_workers(items, lint_batch, errors, jobs, batch)
        else:
            results = _in_process(items, lint_batch, errors)
        for done, linted in results:
            yield from linted
            if bar is not None:
                bar.update(done)


@contextlib.contextmanager
def progress_bar(total: int, enabled: bool):
    """A progress bar of ``total`` files on stderr (tqdm), or None when not enabled."""
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: workers may fork from this process
    bar = tqdm(total=total, unit="file", file=sys.stderr, leave=False, dynamic_ncols=True)
    try:
        yield bar
    finally:
        bar.close()


def printing_above_progress():
    """A context in which to print while a progress bar may be showing."""
    if "tqdm" not in sys.modules:
        return contextlib.nullcontext()
    from tqdm import tqdm

    return tqdm.external_write_mode()


def _worker_batch(count: int, jobs: int) -> int:
    # About four batches per worker, so that one slow batch does not leave
    # the other workers idle at the end.
    return max(MIN_WORKER_BATCH, min(MAX_WORKER_BATCH, math.ceil(count / (4 * max(jobs, 1)))))


def _in_process(items, lint_batch: LintBatch, errors: list) -> Iterator[tuple[int, list]]:
    for start in range(0, len(items), BATCH_FILES):
        batch = list(items[start : start + BATCH_FILES])
        yield len(batch), lint_batch(batch, errors)


def _tapering_batches(start: int, count: int, jobs: int, size: int) -> list[list[int]]:
    """Indexes from ``start`` to ``count`` in batches of at most ``size``,
    each at most a quarter of what is left per worker: the last ones are
    small, so that the workers finish together instead of one idling
    while another lints a whole batch."""
    batches = []
    while start < count:
        end = min(count, start + max(MIN_WORKER_BATCH, min(size, math.ceil((count - start) / (4 * jobs)))))
        batches.append(list(range(start, end)))
        start = end
    return batches


def _in_workers(items, lint_batch: LintBatch, errors: list, jobs: int, size: int) -> Iterator[tuple[int, list]]:
    import multiprocessing

    # A first few files are linted here: that loads what the rules need
    # (spaCy, dictionaries, models) once, and the workers forked after it
    # inherit all of it instead of each loading it again.
    first = list(items[:MIN_WORKER_BATCH])
    yield len(first), lint_batch(first, errors)
    batches = _tapering_batches(len(first), len(items), jobs, size)
    _shared.update(items=items, lint_batch=lint_batch)
    # What is loaded by now stays: the workers' collectors need not walk it
    # (nor, by touching it, copy pages they share with this process).
    gc.freeze()
    try:
        # Forked before any thread starts (the progress bar's monitor is off).
        with multiprocessing.get_context("fork").Pool(min(jobs, len(batches)), initializer=_in_worker) as pool:
            for indices, outcome in zip(batches, pool.imap(_work, batches)):
                exit_code, linted, batch_errors, messages = outcome
                sys.stderr.write(messages)
                errors.extend(batch_errors)
                if exit_code is not None:
                    pool.terminate()
                    sys.exit(exit_code)
                yield len(indices), [(items[index], result) for index, result in linted]
    finally:
        _shared.clear()
        gc.unfreeze()


def _in_worker() -> None:
    """A worker leaves signals to the parent: Ctrl-C reaches the whole
    process group, and the parent's SIGTERM handler (which exits, as a
    SystemExit that _work would hand back as a result) would keep a worker
    from ending when the parent terminates the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _work(indices: list[int]) -> tuple[int | None, list[tuple[int, Any]], list, str]:
    """In a worker: lint the inputs at ``indices``. What the batch prints
    on stderr (unreadable files) comes back to be printed by the parent,
    in input order. A worker must not exit (the pool would wait for its
    batch forever), so a run-ending error comes back as an exit code."""
    items = [_shared["items"][index] for index in indices]
    position = {id(item): index for item, index in zip(items, indices)}
    errors: list = []
    messages = io.StringIO()
    try:
        with contextlib.redirect_stderr(messages):
            linted = _shared["lint_batch"](items, errors)
    except SystemExit as stop:
        return (stop.code if isinstance(stop.code, int) else 2), [], errors, messages.getvalue()
    return None, [(position[id(item)], result) for item, result in linted], errors, messages.getvalue()
