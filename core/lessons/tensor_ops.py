"""The tensor lab's operations: each tensor operation of the notes as a function that returns a result record.

Every operation takes the learner's field texts (``dict[str, str]``), reads them with the safe
literal reader, runs the real PyTorch call and returns a :class:`TensorResult`: the values as a
numpy grid, rank, shape, dtype, device and the one line of PyTorch that produced it. A request
PyTorch refuses (``view(4, 2)`` of 6 elements) becomes a result with PyTorch's own message and a
plain explanation, never an exception. ``tensor_lab`` lists them with their fields and examples.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch

from core.errors import first_line
from core.i18n import L
from core.lessons.literals import (LiteralError, count_elements, format_literal, parse_int,
                                   parse_nested, parse_number, parse_shape)
from core.lessons.torch_errors import explain_torch_error
from core.training.devices import devices

MAX_ELEMENTS = 10_000  # keeps the grid readable and the lab instant

DTYPES = {
    "float32": torch.float32, "float64": torch.float64, "float16": torch.float16,
    "int64": torch.int64, "int32": torch.int32, "bool": torch.bool,
}


@dataclass(frozen=True)
class Step:
    """One line of a multi-step demonstration (the shared-memory demos): code and what it shows."""
    code: str
    caption: str
    name: str = ""
    values: np.ndarray | None = None


@dataclass(frozen=True)
class TensorResult:
    op: str
    code: str                          # the PyTorch line(s) that produced the result
    values: np.ndarray | None = None   # the resulting tensor as numpy (on CPU)
    shape: tuple[int, ...] = ()
    dtype: str = ""
    device: str = ""
    printed: str = ""                  # what print() would show for non-tensor results (x.size())
    error: str = ""                    # PyTorch's message, or the argument problem
    explanation: str = ""              # the error in plain words
    bad_arg: str = ""                  # the argument field at fault, if any
    bad_pos: int = -1                  # character position inside that field
    steps: tuple[Step, ...] = ()
    note: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def rank(self) -> int:
        return len(self.shape)


class _BadArg(Exception):
    def __init__(self, arg: str, message: str, pos: int = -1):
        super().__init__(message)
        self.arg, self.message, self.pos = arg, message, pos


def _too_many(arg: str) -> _BadArg:
    """Field ``arg`` asks for more than ``MAX_ELEMENTS`` elements."""
    return _BadArg(arg, L(f"At most {MAX_ELEMENTS} elements in this lab.", f"このラボでは要素は{MAX_ELEMENTS}個までです。"))


def _nothing_to_change() -> _BadArg:
    """The shared-memory demos change element 0: a scalar has none."""
    return _BadArg("data", L("Use a list such as [1, 2, 3] so there is an element to change.",
                             "変更する要素があるよう、[1, 2, 3] のようなリストにしてください。"))


# ---------------------------------------------------------------------------------------------
# Helpers


def _dtype_name(dtype: torch.dtype) -> str:
    return str(dtype).removeprefix("torch.")


def _arg(args: dict[str, str], name: str, default: str = "") -> str:
    return str(args.get(name, default))


def _read(arg: str, fn, *a, **kw):
    try:
        return fn(*a, **kw)
    except LiteralError as e:
        raise _BadArg(arg, e.message, e.pos) from None


def _data(args, name="data"):
    value = _read(name, parse_nested, _arg(args, name))
    if count_elements(value) > MAX_ELEMENTS:
        raise _too_many(name)
    return value


def _shape(args, name="shape", allow_minus_one=False):
    shape = _read(name, parse_shape, _arg(args, name), allow_minus_one=allow_minus_one)
    if int(np.prod([d for d in shape if d >= 0])) > MAX_ELEMENTS:
        raise _too_many(name)
    return shape


def _dtype(args, name="dtype"):
    key = _arg(args, name, "float32")
    if key in ("", "auto"):
        return None
    if key not in DTYPES:
        raise _BadArg(name, L(f"Unknown dtype '{key}'.", f"不明なデータ型「{key}」です。"))
    return DTYPES[key]


def _tensor_code(value, dtype) -> str:
    extra = f", dtype=torch.{_dtype_name(dtype)}" if dtype is not None else ""
    return f"torch.tensor({format_literal(value)}{extra})"


def _record(op: str, code: str, t: torch.Tensor, **kw) -> TensorResult:
    return TensorResult(op=op, code=code, values=t.detach().cpu().numpy().copy(), shape=tuple(t.shape),
                        dtype=_dtype_name(t.dtype), device=str(t.device), **kw)


def _shape_text(shape) -> str:
    return ", ".join(str(d) for d in shape)


def _guard(op: str, body: Callable[[], TensorResult], code_hint: Callable[[], str] = lambda: "") -> TensorResult:
    """Run one operation; turn bad arguments and PyTorch errors into result records."""
    try:
        return body()
    except _BadArg as e:
        return TensorResult(op=op, code="", error=e.message, bad_arg=e.arg, bad_pos=e.pos,
                            explanation=L("Fix the highlighted field and run it again.",
                                          "印の付いた欄を直して、もう一度実行してください。"))
    except (RuntimeError, ValueError, TypeError, AssertionError, IndexError, OverflowError) as e:
        msg = first_line(e, None)
        code = ""
        try:
            code = code_hint()
        except Exception:  # the hint is best effort; the error itself is what matters
            code = ""
        return TensorResult(op=op, code=code, error=f"{type(e).__name__}: {msg}",
                            explanation=explain_torch_error(str(e)) or
                            L("PyTorch refused this request; read its message above.",
                              "PyTorchがこの要求を受け付けませんでした。上のメッセージを読んでください。"))


# ---------------------------------------------------------------------------------------------
# Operations


def op_tensor(args: dict[str, str]) -> TensorResult:
    def body():
        value, dtype = _data(args), _dtype(args)
        code = f"x = {_tensor_code(value, dtype)}"
        t = torch.tensor(value, dtype=dtype)
        if dtype is None:
            note = L(f"No dtype given: PyTorch chose {_dtype_name(t.dtype)} from the values "
                     "(whole numbers → int64, decimals → float32).",
                     f"dtype の指定なし：PyTorchが値から {_dtype_name(t.dtype)} を選びました"
                     "（整数 → int64、小数 → float32）。")
        else:
            bits = torch.finfo(t.dtype).bits if t.dtype.is_floating_point else (
                torch.iinfo(t.dtype).bits if t.dtype != torch.bool else 8)
            note = L(f"dtype={_dtype_name(t.dtype)}: every element is stored in {bits} bits, "
                     f"{t.element_size()} bytes; {t.numel()} elements take {t.numel() * t.element_size()} bytes.",
                     f"dtype={_dtype_name(t.dtype)}：各要素を{bits}ビット（{t.element_size()}バイト）で保存します。"
                     f"{t.numel()}個の要素で{t.numel() * t.element_size()}バイトです。")
        return _record("tensor", code, t, note=note)
    return _guard("tensor", body)


def op_size(args: dict[str, str]) -> TensorResult:
    def body():
        value = _data(args)
        t = torch.tensor(value)
        code = f"x = {_tensor_code(value, None)}\nx.size()"
        return _record("size", code, t, printed=repr(t.size()),
                       note=L(f"Rank {t.dim()}: {t.dim()} number(s) in the size, one per dimension.",
                              f"{t.dim()}階のテンソル：size には次元ごとに1つ、合計{t.dim()}個の数が並びます。"))
    return _guard("size", body)


def op_arange(args: dict[str, str]) -> TensorResult:
    def body():
        start = _read("start", parse_number, _arg(args, "start"))
        end = _read("end", parse_number, _arg(args, "end"))
        step = _read("step", parse_number, _arg(args, "step", "1"))
        if step == 0:
            raise _BadArg("step", L("The step cannot be 0.", "刻み（step）に0は使えません。"))
        if (end - start) / step > MAX_ELEMENTS:
            raise _too_many("end")
        code = f"x = torch.arange({start}, {end})" if step == 1 else f"x = torch.arange({start}, {end}, {step})"
        t = torch.arange(start, end, step)
        return _record("arange", code, t, note=L(
            f"The end {end} is not included, like Python's range(). (The function is arange, one 'r'.)",
            f"終わりの {end} は含まれません（Pythonの range() と同じ）。関数名は arange（rは1つ）です。"))
    return _guard("arange", body)


def op_linspace(args: dict[str, str]) -> TensorResult:
    def body():
        start = _read("start", parse_number, _arg(args, "start"))
        end = _read("end", parse_number, _arg(args, "end"))
        steps = _read("steps", parse_int, _arg(args, "steps"), minimum=0)
        if steps > MAX_ELEMENTS:
            raise _too_many("steps")
        t = torch.linspace(start, end, steps)
        return _record("linspace", f"x = torch.linspace({start}, {end}, {steps})", t, note=L(
            f"{steps} evenly spaced values; both ends {start} and {end} are included.",
            f"等間隔の{steps}個の値。両端の {start} と {end} も含みます。"))
    return _guard("linspace", body)


def op_rand(args: dict[str, str]) -> TensorResult:
    def body():
        shape = _shape(args)
        seed = _read("seed", parse_int, _arg(args, "seed", "0"), minimum=0)
        gen = torch.Generator().manual_seed(seed)  # the lab never disturbs the global RNG
        t = torch.rand(*shape, generator=gen)
        return _record("rand", f"torch.manual_seed({seed}); x = torch.rand({_shape_text(shape)})", t, note=L(
            "Uniform random numbers in [0, 1). The same seed gives the same numbers every time.",
            "0以上1未満の一様乱数。同じシードならいつも同じ数が出ます。"))
    return _guard("rand", body)


def _filled(name: str, fn):
    def run(args: dict[str, str]) -> TensorResult:
        def body():
            shape, dtype = _shape(args), _dtype(args)
            extra = f", dtype=torch.{_dtype_name(dtype)}" if dtype is not None else ""
            t = fn(*shape, dtype=dtype)
            return _record(name, f"x = torch.{name}({_shape_text(shape)}{extra})", t)
        return _guard(name, body)
    return run


op_zeros = _filled("zeros", torch.zeros)
op_ones = _filled("ones", torch.ones)


def _reshaper(name: str):
    def run(args: dict[str, str]) -> TensorResult:
        def code():
            return (f"x = {_tensor_code(parse_nested(_arg(args, 'data')), None)}\n"
                    f"x_reshape = x.{name}({_shape_text(parse_shape(_arg(args, 'shape'), allow_minus_one=True))})")

        def body():
            value = _data(args)
            shape = _shape(args, allow_minus_one=True)
            x = torch.tensor(value)
            y = getattr(x, name)(*shape)
            shares = y.data_ptr() == x.data_ptr()
            note = L(f"{x.numel()} elements before and after: {tuple(x.shape)} → {tuple(y.shape)}. ",
                     f"要素数は前後とも{x.numel()}個：{tuple(x.shape)} → {tuple(y.shape)}。")
            note += (L("The result shares memory with x (no copy).", "結果は x とメモリを共有しています（コピーなし）。")
                     if shares else L("The result is a copy.", "結果はコピーです。"))
            return _record(name, code(), y, note=note)
        return _guard(name, body, code)
    return run


op_view = _reshaper("view")
op_reshape = _reshaper("reshape")

ARITH = ("+", "-", "*", "/", "@")


def op_arith(args: dict[str, str]) -> TensorResult:
    def code():
        return (f"a = {_tensor_code(parse_nested(_arg(args, 'a')), None)}\n"
                f"b = {_tensor_code(parse_nested(_arg(args, 'b')), None)}\n"
                f"a {_arg(args, 'op')} b")

    def body():
        a, b = torch.tensor(_data(args, "a")), torch.tensor(_data(args, "b"))
        op = _arg(args, "op", "*")
        if op not in ARITH:
            raise _BadArg("op", L(f"Unknown operation '{op}'.", f"不明な演算「{op}」です。"))
        result = {"+": torch.add, "-": torch.sub, "*": torch.mul, "/": torch.div, "@": torch.matmul}[op](a, b)
        if op == "@":
            note = L("@ is the matrix product: each result element is a row of a times a column of b, summed.",
                     "@ は行列積：結果の各要素は a の行と b の列を掛けて足し合わせたものです。")
        else:
            note = L(f"{op} works element by element: result[i, j] = a[i, j] {op} b[i, j] "
                     "(unlike the matrix product @).",
                     f"{op} は要素ごとの演算：result[i, j] = a[i, j] {op} b[i, j]（行列積 @ とは違います）。")
        return _record("arith", code(), result, note=note)
    return _guard("arith", body, code)


def op_from_numpy(args: dict[str, str]) -> TensorResult:
    """ndarray → Tensor. ``from_numpy`` shares memory with the array; ``torch.tensor`` copies."""
    def body():
        value = _data(args)
        new = _read("new_value", parse_number, _arg(args, "new_value", "100"))
        how = _arg(args, "how", "from_numpy")
        if how not in ("from_numpy", "tensor"):
            raise _BadArg("how", L(f"Unknown conversion '{how}'.", f"不明な変換「{how}」です。"))
        array = np.array(value)
        if array.ndim == 0:
            raise _nothing_to_change()
        tensor = torch.from_numpy(array) if how == "from_numpy" else torch.tensor(array)
        first = (0,) * array.ndim
        idx = "[" + ", ".join("0" for _ in first) + "]"
        steps = [Step(f"array = np.array({format_literal(value)})", L("a NumPy array", "NumPy配列"), "array",
                      array.copy()),
                 Step(f"tensor = torch.{how}(array)", L("converted to a Tensor", "Tensorに変換"), "tensor",
                      tensor.numpy().copy())]
        array[first] = new  # change the array only...
        steps.append(Step(f"array{idx} = {new}", L("change the array only", "配列だけを変更"), "array", array.copy()))
        shared = bool(tensor[first].item() == array[first]) and tensor.data_ptr() == array.ctypes.data
        steps.append(Step("print(tensor)", L("…and look at the tensor", "…テンソルを見ると"), "tensor",
                          tensor.numpy().copy()))
        note = (L("The tensor changed too: torch.from_numpy() shares memory with the array.",
                  "テンソルも変わりました：torch.from_numpy() は配列とメモリを共有します。") if shared else
                L("The tensor did not change: torch.tensor() copies the data.",
                  "テンソルは変わりません：torch.tensor() はデータをコピーします。"))
        code = "\n".join(s.code for s in steps)
        return TensorResult(op="from_numpy", code=code, values=tensor.numpy().copy(), shape=tuple(tensor.shape),
                            dtype=_dtype_name(tensor.dtype), device=str(tensor.device), steps=tuple(steps),
                            note=note)
    return _guard("from_numpy", body)


def op_numpy(args: dict[str, str]) -> TensorResult:
    """Tensor → ndarray with ``.numpy()``: on the CPU both views share one block of memory."""
    def body():
        value = _data(args)
        new = _read("new_value", parse_number, _arg(args, "new_value", "100"))
        tensor = torch.tensor(value)
        if tensor.dim() == 0:
            raise _nothing_to_change()
        array = tensor.numpy()
        first = (0,) * tensor.dim()
        idx = "[" + ", ".join("0" for _ in first) + "]"
        steps = [Step(f"tensor = {_tensor_code(value, None)}", L("a Tensor", "Tensor"), "tensor", array.copy()),
                 Step("tensor2array = tensor.numpy()", L("converted to a NumPy array", "NumPy配列に変換"),
                      "tensor2array", array.copy())]
        tensor[first] = new  # change the tensor only...
        steps.append(Step(f"tensor{idx} = {new}", L("change the tensor only", "テンソルだけを変更"), "tensor",
                          tensor.numpy().copy()))
        steps.append(Step("print(tensor2array)", L("…and look at the array", "…配列を見ると"), "tensor2array",
                          array.copy()))
        shared = bool(array[first] == tensor[first].item())
        note = (L("The array changed too: .numpy() shares memory with a CPU tensor (use .numpy().copy() for "
                  "an independent array).",
                  "配列も変わりました：CPU上のテンソルの .numpy() はメモリを共有します"
                  "（独立した配列がほしいときは .numpy().copy()）。") if shared else "")
        return TensorResult(op="numpy", code="\n".join(s.code for s in steps), values=array.copy(),
                            shape=array.shape, dtype=str(array.dtype), device="cpu", steps=tuple(steps), note=note)
    return _guard("numpy", body)


def op_to(args: dict[str, str]) -> TensorResult:
    device = _arg(args, "device", "cpu")

    def code():
        return f"x = {_tensor_code(parse_nested(_arg(args, 'data')), None)}.to('{device}')"

    def body():
        if device not in ("cpu", "cuda", "mps"):
            raise _BadArg("device", L(f"Unknown device '{device}'.", f"不明なデバイス「{device}」です。"))
        t = torch.tensor(_data(args))
        info = {d.name: d for d in devices()}[device]
        if not info.available:
            # Let PyTorch speak for itself, then explain it (a learner will meet this message).
            try:
                t.to(device)
            except (RuntimeError, AssertionError, TypeError) as e:
                msg = first_line(e, None)
                return TensorResult(op="to", code=code(), error=f"{type(e).__name__}: {msg}",
                                    explanation=explain_torch_error(msg) or info.detail)
        y = t.to(device)
        return _record("to", code(), y, note=L(f"The tensor now lives on '{y.device}'. Tensors must be on the "
                                               "same device to be combined.",
                                               f"テンソルは '{y.device}' 上にあります。演算するテンソルは同じデバイス上に"
                                               "ある必要があります。"))
    return _guard("to", body, code)
