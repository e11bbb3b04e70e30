"""The open document: the network spec, its undo stack, its file, its training settings and weights.

Views never own network state: they call the edit methods here, which push a ``QUndoCommand``
on the one ``QUndoStack``, and they redraw from the snake_case signals.

The network is a tree (``core.spec``): a node (layer or block) sits at a ``Place`` — a list (the
network's own, or one branch of a block) and an index in it. Every edit names nodes by id and
places by (parent block id, branch, index), so commands stay valid whatever else moved.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from core.analysis import Analysis, analyse
from core.layers import LAYERS
from core.project import Project, load_project, save_project, too_many_layers_text, weights_fit
from core.spec import (BLOCKS, MAX_DEPTH, MAX_LAYERS, ROOT, BlockSpec, LayerSpec, NetworkSpec, Node, Place, SpecError,
                        fits_depth, nesting)
from core.templates import TEMPLATES


class NetworkDocument(QObject):
    node_added = Signal(str)  # id
    node_removed = Signal(str)  # id it had
    node_moved = Signal(str)  # id
    node_changed = Signal(str)  # id whose params changed
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
        self._count: int | None = None
        self._nodes: dict[str, Node] | None = None
        self._flat: bool | None = None
        self._path: str = ""
        self._training: dict[str, Any] | None = None
        self._weights: dict | None = None
        self._extra_dirty = False  # changes outside the undo stack (settings, weights)
        self.undo_stack.cleanChanged.connect(self._emit_modified)

    # --- reading ------------------------------------------------------------------------------
    def spec(self) -> NetworkSpec:
        """A copy: callers may keep or change it without touching the document."""
        return self._spec.copy()

    def view(self) -> NetworkSpec:
        """The live spec, without copying (views that read it on every paint): never change it."""
        return self._spec

    def layer(self, index: int) -> Node:
        """The node at ``index`` of the network's own (top-level) list."""
        return self._spec.layers[index]

    def layer_count(self) -> int:
        """Nodes in the network's own (top-level) list."""
        return len(self._spec.layers)

    def node(self, node_id: str) -> Node:
        """The layer or block with this id anywhere in the tree (live: do not change it); KeyError if none."""
        if self._nodes is None:  # an index, rebuilt after each change: views look nodes up on every paint
            self._nodes = {n.id: n for n in self._spec.all_nodes()}
        return self._nodes[node_id]

    def node_count(self) -> int:
        """Layers and blocks in the whole tree (what MAX_LAYERS caps)."""
        if self._count is None:
            self._count = self._spec.node_count()
        return self._count

    def is_flat(self) -> bool:
        """No blocks (cached): a plain stack."""
        if self._flat is None:
            self._flat = self._spec.is_flat()
        return self._flat

    def place_of(self, node_id: str) -> Place:
        return self._spec.place_of(node_id)

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
    def insert_layer(self, index: int, kind: str, params: dict | None = None) -> Node:
        """Insert a new layer (or block) into the network's own list; see ``insert_node``."""
        return self.insert_node(Place(ROOT, 0, index), kind, params)

    def insert_node(self, place: Place, kind: str, params: dict | None = None) -> Node:
        """Insert a new layer or empty block of ``kind`` at ``place``. At MAX_LAYERS nothing is added,
        ``edit_refused`` says why and the last top-level node is returned (callers select what they get)."""
        if self.node_count() >= MAX_LAYERS:
            self.edit_refused.emit(too_many_layers_text())
            return self._spec.layers[-1]
        node = BlockSpec.make(kind, **(params or {})) if kind in BLOCKS else LayerSpec.make(kind, **(params or {}))
        if not fits_depth(self._spec.depth_in(place.parent), node):
            self.edit_refused.emit(self._too_deep_text())
            return self._spec.layers[-1]
        target = self._spec.branch(place.parent, place.branch)
        place = Place(place.parent, place.branch, max(0, min(place.index, len(target))))
        self.undo_stack.push(_Insert(self, place, node))
        return node

    def remove_layer(self, node_id: str) -> None:
        """Remove a layer, or a block with everything inside it (one undo step)."""
        self.undo_stack.push(_Remove(self, node_id))

    remove_node = remove_layer

    def move_layer(self, node_id: str, new_index: int) -> None:
        """Move a node to ``new_index`` of the list it is in (the index it will have afterwards)."""
        old = self._spec.place_of(node_id)
        n = len(self._spec.branch(old.parent, old.branch))
        new_index = max(0, min(new_index, n - 1))
        if new_index != old.index:  # as an insertion gap before the node is taken out
            gap = new_index + 1 if new_index > old.index else new_index
            self.undo_stack.push(_Move(self, node_id, Place(old.parent, old.branch, gap)))

    def move_node(self, node_id: str, gap: Place) -> bool:
        """Move a node into the gap ``gap`` (an index of the target list as it is *before* the move:
        what a drop indicator shows). False, and nothing changes, for a block dropped into itself or
        onto its own place."""
        if gap.parent != ROOT and self._spec.contains(node_id, gap.parent):
            return False
        old = self._spec.place_of(node_id)
        if (gap.parent, gap.branch) == (old.parent, old.branch) and gap.index in (old.index, old.index + 1):
            return False
        if not fits_depth(self._spec.depth_in(gap.parent), self._spec.find(node_id)):
            self.edit_refused.emit(self._too_deep_text())
            return False
        self.undo_stack.push(_Move(self, node_id, gap))
        return True

    def wrap(self, node_ids: list[str], kind: str) -> BlockSpec | None:
        """Put neighbouring nodes of one list into a new block of ``kind`` (its first branch), in one undo step."""
        if not node_ids or self.node_count() >= MAX_LAYERS:
            if node_ids:
                self.edit_refused.emit(too_many_layers_text())
            return None
        places = sorted((self._spec.place_of(i) for i in node_ids), key=lambda p: p.index)
        first = places[0]
        if any((p.parent, p.branch) != (first.parent, first.branch) for p in places) or \
                [p.index for p in places] != list(range(first.index, first.index + len(places))):
            return None
        siblings = self._spec.branch(first.parent, first.branch)
        ordered = [siblings[p.index].id for p in places]
        inner = max(nesting(siblings[p.index]) for p in places)
        if self._spec.depth_in(first.parent) + 1 + inner > MAX_DEPTH:
            self.edit_refused.emit(self._too_deep_text())
            return None
        block = BlockSpec.make(kind)
        self.undo_stack.beginMacro(QCoreApplication.translate("NetworkDocument", "Wrap in {0}").format(kind))
        self.undo_stack.push(_Insert(self, first, block))
        for i, node_id in enumerate(ordered):
            self.undo_stack.push(_Move(self, node_id, Place(block.id, 0, i)))
        self.undo_stack.endMacro()
        return block

    def unwrap(self, block_id: str) -> None:
        """Replace a block by its contents (all branches, in order), in one undo step."""
        block = self._spec.find(block_id)
        if not isinstance(block, BlockSpec):
            return
        place = self._spec.place_of(block_id)
        children = [n.id for branch in block.branches for n in branch]
        self.undo_stack.beginMacro(QCoreApplication.translate("NetworkDocument", "Unwrap {0}").format(block.kind))
        for i, node_id in enumerate(children):
            self.undo_stack.push(_Move(self, node_id, Place(place.parent, place.branch, place.index + 1 + i)))
        self.undo_stack.push(_Remove(self, block_id))
        self.undo_stack.endMacro()

    def _too_deep_text(self) -> str:
        return self.tr("Blocks can be nested at most {0} deep: this one would go deeper.").format(MAX_DEPTH)

    def set_param(self, node_id: str, name: str, value: Any) -> str | None:
        """Change one parameter of a layer or block. Returns why the value is refused (nothing changes), or None."""
        node = self._spec.find(node_id)
        kind = BLOCKS[node.kind] if isinstance(node, BlockSpec) else LAYERS[node.kind]
        param = kind.param(name)
        problem = param.check(value)
        if problem:
            return problem
        if node.params[name] != value:
            self.undo_stack.push(_SetParam(self, node_id, name, node.params[name], value))
        return None

    def set_input_shape(self, shape: tuple[int, ...]) -> str | None:
        """Change the input shape. Returns why it is refused, or None."""
        try:
            NetworkSpec.from_dict({"input_shape": list(shape), "layers": []})  # the shape's own rules
        except SpecError as e:
            return str(e)
        if tuple(shape) != tuple(self._spec.input_shape):
            candidate = self._spec.copy()
            candidate.input_shape = tuple(shape)
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
    def _insert(self, place: Place, node: Node) -> None:
        self._spec.branch(place.parent, place.branch).insert(place.index, node)
        self._touched()
        self.node_added.emit(node.id)
        self.changed.emit()

    def _remove(self, place: Place) -> Node:
        node = self._spec.branch(place.parent, place.branch).pop(place.index)
        self._touched()
        self.node_removed.emit(node.id)
        self.changed.emit()
        return node

    def _move(self, old: Place, new: Place) -> None:
        """Take the node at ``old`` out, then insert it at ``new`` (an index of the list after removal)."""
        node = self._spec.branch(old.parent, old.branch).pop(old.index)
        self._spec.branch(new.parent, new.branch).insert(new.index, node)
        self._touched()
        self.node_moved.emit(node.id)
        self.changed.emit()

    def _set_param(self, node_id: str, name: str, value: Any) -> None:
        self._spec.find(node_id).params[name] = value
        self._touched()
        self.node_changed.emit(node_id)
        self.changed.emit()

    def _replace_spec(self, spec: NetworkSpec) -> NetworkSpec:
        old, self._spec = self._spec, spec
        self._touched()
        self.spec_reset.emit()
        self.changed.emit()
        return old

    def _touched(self) -> None:
        self._analysis = None
        self._count = None
        self._nodes = None
        self._flat = None

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
    def __init__(self, doc: NetworkDocument, place: Place, node: Node):
        super().__init__(QCoreApplication.translate("NetworkDocument", "Add {0}").format(node.kind))
        self.doc, self.place, self.node = doc, place, node

    def redo(self):
        self.doc._insert(self.place, self.node.copy())  # the stack keeps its own pristine copy

    def undo(self):
        self.doc._remove(self.place)


class _Remove(QUndoCommand):
    def __init__(self, doc: NetworkDocument, node_id: str):
        super().__init__(QCoreApplication.translate("NetworkDocument", "Delete {0}").format(doc.node(node_id).kind))
        self.doc, self.place, self.node = doc, doc.place_of(node_id), None

    def redo(self):
        self.node = self.doc._remove(self.place)

    def undo(self):
        self.doc._insert(self.place, self.node)


class _Move(QUndoCommand):
    """Move a node into a gap of a list (the gap's index counts the list before the node is taken out)."""

    def __init__(self, doc: NetworkDocument, node_id: str, gap: Place):
        super().__init__(QCoreApplication.translate("NetworkDocument", "Move {0}").format(doc.node(node_id).kind))
        self.doc, self.old = doc, doc.place_of(node_id)
        index = gap.index
        if (gap.parent, gap.branch) == (self.old.parent, self.old.branch) and gap.index > self.old.index:
            index -= 1  # the node's own removal shifts the gap up by one
        self.new = Place(gap.parent, gap.branch, index)

    def redo(self):
        self.doc._move(self.old, self.new)

    def undo(self):
        self.doc._move(self.new, self.old)


class _SetParam(QUndoCommand):
    MERGE_ID = 0x5E7

    def __init__(self, doc: NetworkDocument, node_id: str, name: str, old: Any, new: Any):
        super().__init__(QCoreApplication.translate("NetworkDocument", "Change {0} of {1}")
                         .format(name, doc.node(node_id).kind))
        self.doc, self.node_id, self.name, self.old, self.new = doc, node_id, name, old, new

    def id(self):
        return self.MERGE_ID

    def mergeWith(self, other):
        # Typing 1, 12, 128 into a spin box is one undo step, not three.
        if other.node_id != self.node_id or other.name != self.name:
            return False
        self.new = other.new
        return True

    def redo(self):
        self.doc._set_param(self.node_id, self.name, self.new)

    def undo(self):
        self.doc._set_param(self.node_id, self.name, self.old)


class _Replace(QUndoCommand):
    def __init__(self, doc: NetworkDocument, spec: NetworkSpec, text: str):
        super().__init__(text)
        self.doc, self.spec = doc, spec

    def redo(self):
        self.spec = self.doc._replace_spec(self.spec)

    def undo(self):
        self.spec = self.doc._replace_spec(self.spec)
