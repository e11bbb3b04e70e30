"""Tensor lab: every operation's values, shape and dtype; shared memory; refused requests explained."""
import numpy as np
import pytest

from core import i18n
from core.lessons import tensor_lab as T


def test_tensor_float64_from_the_notes():
    r = T.run("tensor", {"data": "[[1, 2, 3], [4, 5, 6]]", "dtype": "float64"})
    assert r.ok and r.shape == (2, 3) and r.rank == 2 and r.dtype == "float64" and r.device == "cpu"
    assert r.values.tolist() == [[1, 2, 3], [4, 5, 6]]
    assert r.code == "x = torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=torch.float64)"


@pytest.mark.parametrize("data,rank,shape", [("7", 0, ()), ("[1, 2]", 1, (2,)),
                                             ("[[[1], [2]], [[3], [4]]]", 3, (2, 2, 1))])
def test_rank_is_the_number_of_dimensions(data, rank, shape):
    r = T.run("tensor", {"data": data, "dtype": "int64"})
    assert r.rank == rank and r.shape == shape and r.dtype == "int64"


def test_size_prints_torch_size():
    r = T.run("size", {"data": "[[1, 2, 3], [4, 5, 6]]"})
    assert r.printed == "torch.Size([2, 3])" and r.code.endswith("x.size()")


def test_arange_linspace():
    r = T.run("arange", {"start": "0", "end": "10", "step": "1"})
    assert r.values.tolist() == list(range(10)) and r.dtype == "int64" and r.code == "x = torch.arange(0, 10)"
    r = T.run("arange", {"start": "0", "end": "1", "step": "0.25"})
    assert r.values.tolist() == [0, 0.25, 0.5, 0.75] and r.dtype == "float32"
    r = T.run("linspace", {"start": "0", "end": "10", "steps": "5"})
    assert r.values.tolist() == [0, 2.5, 5, 7.5, 10] and r.shape == (5,)


def test_rand_is_seeded_and_in_unit_interval():
    a = T.run("rand", {"shape": "2, 3", "seed": "0"})
    b = T.run("rand", {"shape": "(2, 3)", "seed": "0"})
    c = T.run("rand", {"shape": "2, 3", "seed": "1"})
    assert a.shape == (2, 3) and a.dtype == "float32"
    assert np.array_equal(a.values, b.values) and not np.array_equal(a.values, c.values)
    assert ((a.values >= 0) & (a.values < 1)).all()
    assert a.code == "torch.manual_seed(0); x = torch.rand(2, 3)"


def test_zeros_ones():
    z = T.run("zeros", {"shape": "2, 3", "dtype": "float32"})
    o = T.run("ones", {"shape": "2, 3", "dtype": "int64"})
    assert z.values.sum() == 0 and z.shape == (2, 3)
    assert o.values.sum() == 6 and o.dtype == "int64" and o.code == "x = torch.ones(2, 3, dtype=torch.int64)"


def test_view_and_reshape():
    r = T.run("view", {"data": "[[1, 2, 3], [4, 5, 6]]", "shape": "3, 2"})
    assert r.shape == (3, 2) and r.values.tolist() == [[1, 2], [3, 4], [5, 6]]
    assert r.code.endswith("x_reshape = x.view(3, 2)") and "shares memory" in r.note
    r = T.run("reshape", {"data": "[[1, 2, 3], [4, 5, 6]]", "shape": "-1"})
    assert r.shape == (6,)


def test_impossible_view_is_explained_not_raised():
    r = T.run("view", {"data": "[[1, 2, 3], [4, 5, 6]]", "shape": "4, 2"})
    assert not r.ok
    assert "shape '[4, 2]' is invalid for input of size 6" in r.error
    assert "6 elements" in r.explanation and "needs 8" in r.explanation
    i18n.set_language("ja")
    r = T.run("view", {"data": "[[1, 2, 3], [4, 5, 6]]", "shape": "4, 2"})
    assert "要素は6個" in r.explanation


def test_elementwise_versus_matrix_product():
    a, b = "[[1, 2], [3, 4]]", "[[10, 20], [30, 40]]"
    assert T.run("arith", {"a": a, "b": b, "op": "*"}).values.tolist() == [[10, 40], [90, 160]]
    assert T.run("arith", {"a": a, "b": b, "op": "@"}).values.tolist() == [[70, 100], [150, 220]]
    assert T.run("arith", {"a": a, "b": b, "op": "+"}).values.tolist() == [[11, 22], [33, 44]]
    assert T.run("arith", {"a": a, "b": b, "op": "-"}).values.tolist() == [[-9, -18], [-27, -36]]
    d = T.run("arith", {"a": a, "b": b, "op": "/"})
    assert d.dtype == "float32" and d.values[0, 0] == pytest.approx(0.1)
    bad = T.run("arith", {"a": "[[1, 2, 3], [4, 5, 6]]", "b": "[[1, 2, 3], [4, 5, 6]]", "op": "@"})
    assert "(2x3 and 2x3)" in bad.error and "3 ≠ 2" in bad.explanation
    bad = T.run("arith", {"a": "[1, 2]", "b": "[1, 2, 3]", "op": "*"})
    assert "must match" in bad.error and "broadcast" in bad.explanation


def test_from_numpy_shares_memory_but_torch_tensor_copies():
    r = T.run("from_numpy", {"data": "[1, 2, 3]", "how": "from_numpy", "new_value": "100"})
    assert r.values.tolist() == [100, 2, 3] and "shares memory" in r.note
    assert [s.values.tolist() for s in r.steps] == [[1, 2, 3], [1, 2, 3], [100, 2, 3], [100, 2, 3]]
    assert "tensor = torch.from_numpy(array)" in r.code
    r = T.run("from_numpy", {"data": "[1, 2, 3]", "how": "tensor", "new_value": "100"})
    assert r.values.tolist() == [1, 2, 3] and "copies" in r.note


def test_numpy_shares_memory():
    r = T.run("numpy", {"data": "[[1, 2], [3, 4]]", "new_value": "-7"})
    assert r.values.tolist() == [[-7, 2], [3, 4]] and r.steps[-1].name == "tensor2array"
    assert "tensor2array = tensor.numpy()" in r.code


def test_to_device():
    assert T.devices()[0].name == "cpu" and T.devices()[0].available
    r = T.run("to", {"data": "[1, 2, 3]", "device": "cpu"})
    assert r.ok and r.device == "cpu" and r.code == "x = torch.tensor([1, 2, 3]).to('cpu')"
    absent = [d for d in T.devices() if not d.available]
    for d in absent:  # on a machine without a GPU: PyTorch's own error, explained
        r = T.run("to", {"data": "[1, 2, 3]", "device": d.name})
        assert not r.ok and r.explanation and d.detail


@pytest.mark.parametrize("op,args,field", [
    ("tensor", {"data": "[1, 2"}, "data"),
    ("tensor", {"data": "[1, os]"}, "data"),
    ("tensor", {"data": "[1, 2]", "dtype": "complex256"}, "dtype"),
    ("view", {"shape": "3, x"}, "shape"),
    ("zeros", {"shape": "-2, 3"}, "shape"),
    ("zeros", {"shape": "1000, 1000"}, "shape"),
    ("linspace", {"steps": "2.5"}, "steps"),
    ("arange", {"step": "0"}, "step"),
    ("rand", {"seed": "abc"}, "seed"),
    ("from_numpy", {"data": "5"}, "data"),
])
def test_bad_arguments_get_messages(op, args, field):
    r = T.run(op, args)
    assert not r.ok and r.bad_arg == field and r.error


def test_bad_argument_points_at_character():
    r = T.run("tensor", {"data": "[1, 2, x]"})
    assert r.bad_pos == 7 and "character 8" in r.error


def test_ragged_list_is_explained():
    r = T.run("tensor", {"data": "[[1, 2], [3]]"})
    assert "same length" in r.explanation


def test_every_operation_runs_with_its_defaults():
    for op in T.OPERATIONS:
        r = T.run(op.id)
        assert r.ok, (op.id, r.error)
        assert r.code and r.values is not None and r.rank == len(r.shape)


def test_examples_run_as_described():
    results = {e.label_en: T.run(e.op, dict(e.args)) for e in T.EXAMPLES}
    assert results["rank 0: a scalar"].rank == 0 and results["rank 3: stacked matrices"].rank == 3
    assert not results["view(4, 2) of 6 elements"].ok and not results["2×3 @ 2×3: refused"].ok
    assert not results["shapes that don't match"].ok
    assert results["view(-1): flatten"].shape == (6,)
    assert results["int / int → float"].dtype == "float32"
    assert "shares memory" in results["from_numpy shares memory"].note
    assert "copies" in results["torch.tensor copies"].note
    assert all(e.label_ja and e.op in {op.id for op in T.OPERATIONS} for e in T.EXAMPLES)


def test_device_list_follows_what_torch_reports(monkeypatch):
    import torch
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda i=0: "NVIDIA H200")
    cuda = {d.name: d for d in T.devices()}["cuda"]
    assert cuda.available and cuda.detail == "NVIDIA H200"       # what it is, when it is there
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr(torch.version, "cuda", "12.4")  # a CUDA build on a machine without a GPU
    cuda = {d.name: d for d in T.devices()}["cuda"]
    assert not cuda.available and "GPU" in cuda.detail


def test_arange_in_the_wrong_direction_is_explained():
    r = T.run("arange", {"start": "10", "end": "0", "step": "1"})
    assert not r.ok and "positive step" in r.explanation
    assert T.run("arange", {"start": "10", "end": "0", "step": "-2"}).values.tolist() == [10, 8, 6, 4, 2]


@pytest.mark.parametrize("op,args", [
    ("arange", {"start": "9" * 30}),             # OverflowError inside torch.arange
    ("linspace", {"end": "9" * 30}),
    ("from_numpy", {"new_value": "1e400"}),       # inf into an int64 array
    ("from_numpy", {"new_value": "9" * 30}),
    ("tensor", {"data": "9" * 5000}),             # more digits than int() reads
])
def test_overflowing_numbers_are_results_not_exceptions(op, args):
    r = T.run(op, args)
    assert not r.ok and r.error


def test_a_shape_with_thousands_of_digits_points_at_the_field():
    r = T.run("zeros", {"shape": "2, " + "9" * 5000})
    assert r.bad_arg == "shape" and r.bad_pos == 3 and "too many digits" in r.error
