"""Views of a text task's pictures: live samples (``SamplesView``) and attention maps (``AttentionView``).

Both draw the ``PicturesEvent.pictures`` of ``core.tasks.text.TextTask`` (``update_pictures(pictures,
step)``, ``clear()``) and are plots of the training board (gui/training/board.py's interface:
``dirty``, ``set_runs``, ``add``, ``redraw``; see gui/training/board_plot.py). A learner's change of the
prompt, temperature, top-k or attention text is emitted as ``options_changed(dict)`` for the run to
pass to ``TextTask.set_options``.
"""
