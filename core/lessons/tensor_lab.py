"""Tensor lab: the tensor operations of the notes, each with its fields, and examples worth trying.

The operations themselves (``tensor_ops``) run the real PyTorch call on the learner's field texts
and return a :class:`TensorResult` (values, rank, shape, dtype, device, code, or PyTorch's message
and a plain explanation); this module lists them (``OPERATIONS``), runs one by id (``run``) and
holds the ready-made ``EXAMPLES``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from core.i18n import L
# the one device list of the app (with why a device is missing) is core/training/devices.py
from core.training.devices import DeviceInfo, devices  # noqa: F401 - the lab lists them from here
from core.lessons.tensor_ops import (ARITH, DTYPES, TensorResult, op_arange, op_arith, op_from_numpy, op_linspace,
                                     op_numpy, op_ones, op_rand, op_reshape, op_size, op_tensor, op_to, op_view,
                                     op_zeros)


@dataclass(frozen=True)
class Param:
    name: str
    label_en: str
    label_ja: str
    kind: str                  # "data" | "shape" | "number" | "int" | "choice"
    default: str
    choices: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return L(self.label_en, self.label_ja)


@dataclass(frozen=True)
class Operation:
    id: str
    title_en: str
    title_ja: str
    params: tuple[Param, ...]
    run: Callable[[dict[str, str]], TensorResult] = field(repr=False)
    group: str = "tensor"      # "tensor" | "numpy": which lesson shows it first

    @property
    def title(self) -> str:
        return L(self.title_en, self.title_ja)

    def defaults(self) -> dict[str, str]:
        return {p.name: p.default for p in self.params}


_DTYPE_CHOICES = tuple(DTYPES)
OPERATIONS: tuple[Operation, ...] = (
    Operation("tensor", "torch.tensor(data, dtype)", "torch.tensor(データ, dtype)", (
        Param("data", "data", "データ", "data", "[[1, 2, 3], [4, 5, 6]]"),
        Param("dtype", "dtype", "データ型", "choice", "float64", ("auto",) + _DTYPE_CHOICES)), op_tensor),
    Operation("size", "x.size()", "x.size()", (
        Param("data", "x", "x", "data", "[[1, 2, 3], [4, 5, 6]]"),), op_size),
    Operation("arange", "torch.arange(start, end)", "torch.arange(start, end)", (
        Param("start", "start", "開始", "number", "0"), Param("end", "end", "終了", "number", "10"),
        Param("step", "step", "刻み", "number", "1")), op_arange),
    Operation("linspace", "torch.linspace(start, end, steps)", "torch.linspace(start, end, steps)", (
        Param("start", "start", "開始", "number", "0"), Param("end", "end", "終了", "number", "10"),
        Param("steps", "steps", "個数", "int", "5")), op_linspace),
    Operation("rand", "torch.rand(shape)", "torch.rand(形状)", (
        Param("shape", "shape", "形状", "shape", "2, 3"), Param("seed", "seed", "シード", "int", "0")), op_rand),
    Operation("zeros", "torch.zeros(shape)", "torch.zeros(形状)", (
        Param("shape", "shape", "形状", "shape", "2, 3"),
        Param("dtype", "dtype", "データ型", "choice", "float32", _DTYPE_CHOICES)), op_zeros),
    Operation("ones", "torch.ones(shape)", "torch.ones(形状)", (
        Param("shape", "shape", "形状", "shape", "2, 3"),
        Param("dtype", "dtype", "データ型", "choice", "float32", _DTYPE_CHOICES)), op_ones),
    Operation("view", "x.view(shape)", "x.view(形状)", (
        Param("data", "x", "x", "data", "[[1, 2, 3], [4, 5, 6]]"),
        Param("shape", "new shape", "新しい形状", "shape", "3, 2")), op_view),
    Operation("reshape", "x.reshape(shape)", "x.reshape(形状)", (
        Param("data", "x", "x", "data", "[[1, 2, 3], [4, 5, 6]]"),
        Param("shape", "new shape", "新しい形状", "shape", "3, -1")), op_reshape),
    Operation("arith", "a (+ − * / @) b", "a (+ − * / @) b", (
        Param("a", "a", "a", "data", "[[1, 2], [3, 4]]"),
        Param("op", "operation", "演算", "choice", "*", ARITH),
        Param("b", "b", "b", "data", "[[10, 20], [30, 40]]")), op_arith),
    Operation("from_numpy", "torch.from_numpy(array)", "torch.from_numpy(array)", (
        Param("data", "array", "配列", "data", "[1, 2, 3]"),
        Param("how", "conversion", "変換方法", "choice", "from_numpy", ("from_numpy", "tensor")),
        Param("new_value", "then set array[0] to", "その後 array[0] を", "number", "100")),
        op_from_numpy, group="numpy"),
    Operation("numpy", "tensor.numpy()", "tensor.numpy()", (
        Param("data", "tensor", "テンソル", "data", "[1, 2, 3]"),
        Param("new_value", "then set tensor[0] to", "その後 tensor[0] を", "number", "100")),
        op_numpy, group="numpy"),
    Operation("to", "x.to(device)", "x.to(デバイス)", (
        Param("data", "x", "x", "data", "[1, 2, 3]"),
        Param("device", "device", "デバイス", "choice", "cpu", ("cpu", "cuda", "mps"))), op_to),
)
_BY_ID = {op.id: op for op in OPERATIONS}


def operation(op_id: str) -> Operation:
    return _BY_ID[op_id]


def run(op_id: str, args: dict[str, str] | None = None) -> TensorResult:
    """Run one operation with the given field texts (missing fields take their defaults)."""
    op = _BY_ID.get(op_id)
    if op is None:
        return TensorResult(op=op_id, code="", error=L(f"Unknown operation '{op_id}'.", f"不明な操作「{op_id}」です。"))
    merged = op.defaults()
    merged.update(args or {})
    return op.run(merged)


@dataclass(frozen=True)
class Example:
    """A ready-made request worth trying (often one PyTorch refuses, to read its error)."""
    label_en: str
    label_ja: str
    op: str
    args: tuple[tuple[str, str], ...]
    group: str = "tensor"

    @property
    def label(self) -> str:
        return L(self.label_en, self.label_ja)


EXAMPLES: tuple[Example, ...] = (
    Example("rank 0: a scalar", "0階：スカラー", "tensor", (("data", "3.5"), ("dtype", "auto"))),
    Example("rank 3: stacked matrices", "3階：行列を並べたもの", "tensor",
            (("data", "[[[1, 2], [3, 4]], [[5, 6], [7, 8]]]"), ("dtype", "auto"))),
    Example("view(4, 2) of 6 elements", "6要素を view(4, 2)", "view", (("shape", "4, 2"),)),
    Example("view(-1): flatten", "view(-1)：1次元に", "view", (("shape", "-1"),)),
    Example("a * b (element-wise)", "a * b（要素ごと）", "arith", (("op", "*"),)),
    Example("a @ b (matrix product)", "a @ b（行列積）", "arith", (("op", "@"),)),
    Example("2×3 @ 2×3: refused", "2×3 @ 2×3：エラー", "arith",
            (("a", "[[1, 2, 3], [4, 5, 6]]"), ("op", "@"), ("b", "[[1, 2, 3], [4, 5, 6]]"))),
    Example("shapes that don't match", "形状が合わない", "arith",
            (("a", "[1, 2]"), ("op", "+"), ("b", "[1, 2, 3]"))),
    Example("int / int → float", "整数 / 整数 → 小数", "arith", (("a", "[1, 2, 3]"), ("op", "/"), ("b", "[2, 2, 2]"))),
    Example(".to('cuda')", ".to('cuda')", "to", (("device", "cuda"),)),
    Example("from_numpy shares memory", "from_numpy はメモリ共有", "from_numpy", (("how", "from_numpy"),), "numpy"),
    Example("torch.tensor copies", "torch.tensor はコピー", "from_numpy", (("how", "tensor"),), "numpy"),
    Example(".numpy() shares memory", ".numpy() もメモリ共有", "numpy", (), "numpy"),
    Example("a 2×2 array", "2×2の配列", "from_numpy", (("data", "[[1.5, 2.5], [3.5, 4.5]]"),), "numpy"),
)
