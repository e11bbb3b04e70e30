"""One training engine for every task: tabular data, images, text, addition.

    task = SomeTask(...)                                  # supplies model, batches, loss, metrics, pictures
    engine = Engine(task, OptimConfig(lr=3e-3), Limits(max_epochs=10), callbacks=[cb], control=control)
    engine.run()                                          # blocks; control.pause()/stop()/set_lr() from elsewhere

- ``task.py``: the ``Task`` base class, the one thing a new kind of training adds (plus its view).
- ``config.py``: one dataclass per concern: ``OptimConfig`` (how to step), ``Limits`` (when to
  stop), ``Cadence`` (how often to measure and report).
- ``control.py``: pause / resume / single step / stop / learning rate, applied *before* the next
  batch, for a thread (``RunControl``) or another process (``SharedControl``).
- ``engine.py``: the loop, Lightning-style callbacks, NaN stop, continue with the optimiser's
  state and the task's shuffle order intact (``state_dict`` / ``load_state_dict``).
- ``process.py``: the loop in a child process (the GUI's GIL would slow it ~10×), reporting
  coalesced ``Progress`` at most ~30 times a second.

Nothing here imports Qt; events are small dataclasses of floats and numpy arrays.
"""
