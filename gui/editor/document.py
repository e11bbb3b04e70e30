"""The open document: the network spec, its undo stack, its file, its training settings and weights.

Views never own network state: they call the edit methods here, which push a ``QUndoCommand``
on the one ``QUndoStack``, and they redraw from the snake_case signals.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from core.analysis import Analysis, analyse
from core.layers import LAYERS
from core.project import Project, load_project, save_project, too_many_layers_text, weights_fit
from core.spec import MAX_LAYERS, LayerSpec, NetworkSpec, SpecError
from core.templates import TEMPLATES


class NetworkDocument(QObject):
    layer_added = Signal(int)  # index
    layer_removed = Signal(int)  # index it had
    layer_moved = Signal(int, int)  # from, to
    layer_changed = Signal(int)  # index whose params changed
    spec_reset = Signal()  # the whole spec was replaced
    changed = Signal()  # after any of the above
    modified_changed = Signal(bool)
    path_changed = Signal(str)
    training_settings_changed = Signal()
    weights_changed = Signal()
    edit_refused = Signal(str)  # why an edit was not made (e.g. the layer cap), for the status bar

    def __init__(self, spec: NetworkSpec | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._spec = spec.copy() if spec else TEMPLATES["classifier_2d"].make()
        self._analysis: Analysis | None = None
        self._path: str = ""
        self._training: dict[str, Any] | None = None
        self._weights: dict | None = None
        self._extra_dirty = False  # changes outside the undo stack (settings, weights)
        self.undo_stack.cleanChanged.connect(self._emit_modified)

    # --- reading ------------------------------------------------------------------------------
    def spec(self) -> NetworkSpec:
        """A copy: callers may keep or change it without touching the document."""
        return self._spec.copy()

    def layer(self, index: int) -> LayerSpec:
        return self._spec.layers[index]

    def layer_count(self) -> int:
        return len(self._spec.layers)

    def analysis(self) -> Analysis:
        if self._analysis is None:
            self._analysis = analyse(self._spec)
        return self._analysis

    def path(self) -> str:
        return self._path

    def is_modified(self) -> bool:
        return self._extra_dirty or not self.undo_stack.isClean()

    def training_settings(self) -> dict[str, Any] | None:
        return None if self._training is None else dict(self._training)

    def weights(self) -> dict | None:
        """Saved or trained weights, only while they still fit the current network."""
        if self._weights is not None and weights_fit(self._spec, self._weights):
            return self._weights
        return None

    # --- edits (each one undoable) ------------------------------------------------------------
    def insert_layer(self, index: int, kind: str, params: dict | None = None) -> LayerSpec:
        """Insert a new layer; at MAX_LAYERS nothing is added, ``edit_refused`` says why and the
        last layer is returned (callers select what they get)."""
        if self._spec.node_count() >= MAX_LAYERS:
            self.edit_refused.emit(too_many_layers_text())
            return self._spec.layers[-1]
        layer = LayerSpec.make(kind, **(params or {}))
        index = max(0, min(index, len(self._spec.layers)))
        self.undo_stack.push(_Insert(self, index, layer))
        return layer

    def remove_layer(self, layer_id: str) -> None:
        self.undo_stack.push(_Remove(self, self._spec.index_of(layer_id)))

    def move_layer(self, layer_id: str, new_index: int) -> None:
        old = self._spec.index_of(layer_id)
        new_index = max(0, min(new_index, len(self._spec.layers) - 1))
        if new_index != old:
            self.undo_stack.push(_Move(self, old, new_index))

    def set_param(self, layer_id: str, name: str, value: Any) -> str | None:
        """Change one parameter. Returns why the value is refused (nothing changes), or None."""
        index = self._spec.index_of(layer_id)
        layer = self._spec.layers[index]
        param = LAYERS[layer.kind].param(name)
        problem = param.check(value)
        if problem:
            return problem
        if layer.params[name] != value:
            self.undo_stack.push(_SetParam(self, index, name, layer.params[name], value))
        return None

    def set_input_shape(self, shape: tuple[int, ...]) -> str | None:
        """Change the input shape. Returns why it is refused, or None."""
        candidate = self._spec.copy()
        candidate.input_shape = tuple(shape)
        try:
            NetworkSpec.from_dict(candidate.to_dict())
        except SpecError as e:
            return str(e)
        if tuple(shape) != tuple(self._spec.input_shape):
            self.set_spec(candidate, self.tr("Change input shape"))
        return None

    def set_spec(self, spec: NetworkSpec, text: str) -> None:
        """Replace the whole network as one undoable step (templates, one-click fixes)."""
        self.undo_stack.push(_Replace(self, spec.copy(), text))

    # --- document lifecycle -------------------------------------------------------------------
    def reset(self, spec: NetworkSpec, path: str = "", training: dict | None = None,
              weights: dict | None = None) -> None:
        """Start over on ``spec`` (New/Open): clears the undo history and the modified flag."""
        self._replace_spec(spec.copy())
        self.undo_stack.clear()
        self._training = training
        self._weights = weights
        self._set_path(path)
        self.mark_saved()
        self.training_settings_changed.emit()
        self.weights_changed.emit()

    def open(self, path: str) -> list[str]:
        """Load ``path``; raises ``core.project.ProjectError`` leaving this document untouched.

        Returns the loader's warnings (e.g. weights that no longer fit)."""
        project = load_project(path)
        self.reset(project.network, str(path), project.training, project.weights)
        return project.warnings

    def save(self, path: str) -> None:
        """Write the project atomically to ``path``; raises OSError on failure (document unchanged)."""
        save_project(path, Project(self._spec, self._training, self.weights()))
        self._set_path(str(path))
        self.mark_saved()

    def snapshot(self) -> Project:
        """The document's state as a project (for autosaves): spec and settings copied."""
        return Project(self._spec.copy(), self.training_settings(), self.weights())

    def restore(self, project: Project, path: str = "") -> None:
        """Bring back recovered work: ``project`` as the content of ``path``, not saved yet."""
        self.reset(project.network, path, project.training, project.weights)
        self._extra_dirty = True
        self._emit_modified()

    def mark_saved(self) -> None:
        self._extra_dirty = False
        self.undo_stack.setClean()
        self._emit_modified()

    def set_training_settings(self, settings: dict[str, Any]) -> None:
        if settings != self._training:
            self._training = dict(settings)
            self._extra_dirty = True
            self.training_settings_changed.emit()
            self._emit_modified()

    def set_weights(self, state_dict: dict | None) -> None:
        self._weights = None if state_dict is None else {k: v.detach().cpu().clone() for k, v in state_dict.items()}
        self._extra_dirty = True
        self.weights_changed.emit()
        self._emit_modified()

    # --- primitive changes, called by the undo commands only ----------------------------------
    def _insert(self, index: int, layer: LayerSpec) -> None:
        self._spec.layers.insert(index, layer)
        self._touched()
        self.layer_added.emit(index)
        self.changed.emit()

    def _remove(self, index: int) -> LayerSpec:
        layer = self._spec.layers.pop(index)
        self._touched()
        self.layer_removed.emit(index)
        self.changed.emit()
        return layer

    def _move(self, old: int, new: int) -> None:
        self._spec.layers.insert(new, self._spec.layers.pop(old))
        self._touched()
        self.layer_moved.emit(old, new)
        self.changed.emit()

    def _set_param(self, index: int, name: str, value: Any) -> None:
        self._spec.layers[index].params[name] = value
        self._touched()
        self.layer_changed.emit(index)
        self.changed.emit()

    def _replace_spec(self, spec: NetworkSpec) -> NetworkSpec:
        old, self._spec = self._spec, spec
        self._touched()
        self.spec_reset.emit()
        self.changed.emit()
        return old

    def _touched(self) -> None:
        self._analysis = None

    def _set_path(self, path: str) -> None:
        if path != self._path:
            self._path = path
            self.path_changed.emit(path)

    def _emit_modified(self, *_: Any) -> None:
        self.modified_changed.emit(self.is_modified())

    def display_name(self) -> str:
        return Path(self._path).name if self._path else self.tr("Untitled")


# Undo command texts use the document's translation context, spelled out so that lupdate finds them.


class _Insert(QUndoCommand):
    def __init__(self, doc: NetworkDocument, index: int, layer: LayerSpec):
        super().__init__(QCoreApplication.translate("NetworkDocument", "Add {0}").format(layer.kind))
        self.doc, self.index, self.layer = doc, index, layer

    def redo(self):
        self.doc._insert(self.index, self.layer.__class__(self.layer.kind, dict(self.layer.params), self.layer.id))

    def undo(self):
        self.doc._remove(self.index)


class _Remove(QUndoCommand):
    def __init__(self, doc: NetworkDocument, index: int):
        super().__init__(QCoreApplication.translate("NetworkDocument", "Delete {0}").format(doc.layer(index).kind))
        self.doc, self.index, self.layer = doc, index, None

    def redo(self):
        self.layer = self.doc._remove(self.index)

    def undo(self):
        self.doc._insert(self.index, self.layer)


class _Move(QUndoCommand):
    def __init__(self, doc: NetworkDocument, old: int, new: int):
        super().__init__(QCoreApplication.translate("NetworkDocument", "Move {0}").format(doc.layer(old).kind))
        self.doc, self.old, self.new = doc, old, new

    def redo(self):
        self.doc._move(self.old, self.new)

    def undo(self):
        self.doc._move(self.new, self.old)


class _SetParam(QUndoCommand):
    MERGE_ID = 0x5E7

    def __init__(self, doc: NetworkDocument, index: int, name: str, old: Any, new: Any):
        super().__init__(QCoreApplication.translate("NetworkDocument", "Change {0} of {1}")
                         .format(name, doc.layer(index).kind))
        self.doc, self.index, self.name, self.old, self.new = doc, index, name, old, new

    def id(self):
        return self.MERGE_ID

    def mergeWith(self, other):
        # Typing 1, 12, 128 into a spin box is one undo step, not three.
        if other.index != self.index or other.name != self.name:
            return False
        self.new = other.new
        return True

    def redo(self):
        self.doc._set_param(self.index, self.name, self.new)

    def undo(self):
        self.doc._set_param(self.index, self.name, self.old)


class _Replace(QUndoCommand):
    def __init__(self, doc: NetworkDocument, spec: NetworkSpec, text: str):
        super().__init__(text)
        self.doc, self.spec = doc, spec

    def redo(self):
        self.spec = self.doc._replace_spec(self.spec)

    def undo(self):
        self.spec = self.doc._replace_spec(self.spec)
