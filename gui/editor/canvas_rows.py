"""The network canvas's layout: the column of rows (input, layers, block headers, merges, output)
with their heights, what flows into each and where a drop above each goes.

Pure geometry over ``document.view()`` and its analysis, no Qt: the tree is laid out once per change
as a list of rows (O(n)); painting and hit-testing (``gui.editor.canvas``) look up only the rows in
view (bisect), so a network of 10,000 layers draws as fast as one of ten.
"""
from __future__ import annotations

from dataclasses import dataclass

from core.spec import CONCAT, ROOT, LayerSpec, Place

INPUT = "input"  # hit-test result for the input block
OUTPUT = "output"

MARGIN = 14  # around the column
IO_H = 42  # input and output blocks
BLOCK_H = 52  # layer blocks
HEAD_H = 40  # a block's header
MERGE_H = 34  # a block's merge (⊕)
PATH_H = 22  # "path A" / "path B" labels of a concatenate block
EMPTY_H = 34  # the drop zone of an empty branch
GAP = 34  # between rows: the arrow and the shape label
INDENT = 22  # each nesting level narrows the column by this much on both sides
MAX_W = 420
MIN_W = 170
NO_ARROW = object()  # shape_above of a row no arrow leads into (path B starts from the skip line)


@dataclass
class Row:
    kind: str  # "input", "output", "layer", "head", "path", "empty", "merge", "placeholder"
    node_id: str
    depth: int
    top: float
    height: float
    above: Place  # where a drop in the gap above this row goes
    above_depth: int  # the nesting of that list (for the drop indicator's width)
    shape_above: object  # the shape flowing into this row from above (None: unknown; NO_ARROW)
    parent: int = -1  # row index of the enclosing block's header
    end: int = -1  # header rows: index of their merge row (their own index when collapsed)
    branch: int = 0  # path and empty rows

    @property
    def bottom(self) -> float:
        return self.top + self.height


def layout_rows(spec, analysis, collapsed: set[str]) -> tuple[list[Row], dict[str, int]]:
    """The rows of the column, top to bottom, with their heights and what flows into each.

    Recursion follows the nesting of blocks only (at most ``core.spec.MAX_DEPTH`` in a file), never
    the number of layers."""
    rows: list[Row] = []
    row_of: dict[str, int] = {}
    infos = analysis.nodes
    y = float(MARGIN)

    def add(kind, node_id, depth, height, above, above_depth, shape_above, parent=-1, branch=0) -> int:
        nonlocal y
        if rows:
            y += GAP
        rows.append(Row(kind, node_id, depth, y, height, above, above_depth, shape_above, parent, branch=branch))
        y += height
        return len(rows) - 1

    def nodes_of(nodes, parent_id, branch, depth, parent_row, shape):
        for i, node in enumerate(nodes):
            info = infos.get(node.id)
            place = Place(parent_id, branch, i)
            if isinstance(node, LayerSpec):
                row_of[node.id] = add("layer", node.id, depth, BLOCK_H, place, depth, shape, parent_row)
            else:
                row_of[node.id] = block_of(node, place, depth, parent_row, shape)
            shape = info.out_shape if info else None

    def block_of(block, place, depth, parent_row, shape) -> int:
        head = add("head", block.id, depth, HEAD_H, place, depth, shape, parent_row)
        if block.id in collapsed:
            rows[head].end = head
            return head
        info = infos.get(block.id)
        x_shape = info.in_shape if info else None
        for b, nodes in enumerate(block.branches):
            first_arrow = x_shape
            if block.kind == CONCAT:
                above = Place(block.id, 0, 0) if b == 0 else Place(block.id, b - 1, len(block.branches[b - 1]))
                add("path", block.id, depth + 1, PATH_H, above, depth + 1, x_shape if b == 0 else NO_ARROW, head, b)
            if nodes:
                nodes_of(nodes, block.id, b, depth + 1, head, first_arrow)
            else:
                add("empty", block.id, depth + 1, EMPTY_H, Place(block.id, b, 0), depth + 1, first_arrow, head, b)
        shapes = info.branch_shapes if info else ()
        last = block.branches[-1]
        merge = add("merge", block.id, depth, MERGE_H, Place(block.id, len(block.branches) - 1, len(last)),
                    depth + 1, shapes[-1] if shapes else None, head)
        rows[head].end = merge
        return head

    add("input", "", 0, IO_H, Place(ROOT, 0, 0), 0, NO_ARROW)
    if spec.layers:
        nodes_of(spec.layers, ROOT, 0, 0, -1, tuple(spec.input_shape))
    else:
        add("placeholder", "", 0, BLOCK_H, Place(ROOT, 0, 0), 0, tuple(spec.input_shape))
    add("output", "", 0, IO_H, Place(ROOT, 0, len(spec.layers)), 0,
        analysis.output_shape if spec.layers else NO_ARROW)
    return rows, row_of
