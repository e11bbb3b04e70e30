"""Views of a text task's pictures: live samples (``SamplesView``) and attention maps (``AttentionView``).

Both are plain widgets with ``update_pictures(pictures, step)`` and ``clear()``, fed with the
``PicturesEvent.pictures`` of ``core.tasks.text.TextTask``; a learner's change of the prompt,
temperature, top-k or attention text is emitted as ``options_changed(dict)`` for the run to pass
to ``TextTask.set_options``.
"""
