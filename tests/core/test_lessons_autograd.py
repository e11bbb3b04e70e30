"""Autograd lab: gradients against hand-computed values, the graph, and a parser that refuses the rest."""
import math

import pytest

from core import i18n
from core.lessons import autograd_expr as A
from core.lessons.autograd_expr import Variable as V


def _grads(expr, variables):
    r = A.run(expr, variables)
    assert r.ok, r.error
    return {k: (None if v is None else v.tolist()) for k, v in r.grads.items()}, float(r.output)


def test_notes_example():
    expr, variables = A.NOTES_EXAMPLE
    assert expr == "a*x + b" and [(v.name, v.value) for v in variables] == [("a", "3"), ("b", "4"), ("x", "5")]
    grads, y = _grads(expr, variables)
    assert y == 19.0
    assert grads == {"a": 5.0, "b": 1.0, "x": 3.0}  # dy/da = x, dy/db = 1, dy/dx = a


def test_notes_example_graph():
    r = A.run(*A.NOTES_EXAMPLE)
    kinds = [(n.kind, n.label, n.grad_fn) for n in r.nodes]
    assert kinds == [("input", "a", "AccumulateGrad"), ("input", "x", "AccumulateGrad"), ("op", "*", "MulBackward0"),
                     ("input", "b", "AccumulateGrad"), ("op", "+", "AddBackward0"), ("output", "y", "AddBackward0")]
    assert r.edges == ((0, 2), (1, 2), (2, 4), (3, 4), (4, 5))
    assert [float(n.value) for n in r.nodes] == [3, 5, 15, 4, 19, 19]
    assert float(r.nodes[0].grad) == 5 and float(r.nodes[2].grad) == 1  # dy/d(a*x) = 1
    assert r.code.splitlines()[:5] == ["a = torch.tensor(3.0, requires_grad=True)",
                                      "b = torch.tensor(4.0, requires_grad=True)",
                                      "x = torch.tensor(5.0, requires_grad=True)",
                                      "y = a * x + b", "y.backward()"]


@pytest.mark.parametrize("expr,values,expected", [
    ("x^2 + 3*x", {"x": 2}, {"x": 7.0}),                                   # 2x + 3
    ("x**3", {"x": 2}, {"x": 12.0}),                                        # 3x²
    ("a/b", {"a": 1, "b": 2}, {"a": 0.5, "b": -0.25}),                    # 1/b, −a/b²
    ("a - b*a", {"a": 3, "b": 2}, {"a": -1.0, "b": -3.0}),
    ("-x + 1", {"x": 4}, {"x": -1.0}),
    ("exp(x)", {"x": 0}, {"x": 1.0}),
    ("log(x)", {"x": 4}, {"x": 0.25}),
    ("sin(x)", {"x": 0}, {"x": 1.0}),
    ("tanh(x)", {"x": 0}, {"x": 1.0}),
    ("relu(x)", {"x": -2}, {"x": 0.0}),
    ("relu(x)", {"x": 2}, {"x": 1.0}),
    ("sigmoid(x)", {"x": 0}, {"x": 0.25}),                                 # the notes' maximum
    ("x × y ÷ 2 − y", {"x": 3, "y": 4}, {"x": 2.0, "y": 0.5}),           # unicode operators
])
def test_gradients_match_hand_computation(expr, values, expected):
    grads, _ = _grads(expr, [V(k, str(v)) for k, v in values.items()])
    for name, g in expected.items():
        assert grads[name] == pytest.approx(g, abs=1e-6), name


def test_chain_rule_through_sigmoid():
    # y = σ(w x + b), w=2, x=0.5, b=-1: u = 0, σ'(0) = 0.25 → dy/dw = 0.25·x, dy/db = 0.25, dy/dx = 0.25·w
    grads, y = _grads("sigmoid(w*x + b)", [V("w", "2"), V("x", "0.5"), V("b", "-1")])
    assert y == pytest.approx(0.5)
    assert grads == pytest.approx({"w": 0.125, "x": 0.5, "b": 0.25})


def test_vector_variables_and_sum():
    grads, y = _grads("sum(w*x)", [V("w", "[1, 2, 3]"), V("x", "[4, 5, 6]", requires_grad=False)])
    assert y == 32 and grads == {"w": [4.0, 5.0, 6.0], "x": None}


def test_variable_used_twice_is_one_node_and_gets_summed_gradient():
    r = A.run("x*x", [V("x", "3")])
    assert [n.kind for n in r.nodes].count("input") == 1 and float(r.grads["x"]) == 6.0


def test_backward_without_requires_grad_gives_pytorchs_error_explained():
    r = A.run("a*x + b", [V("a", "3", False), V("b", "4", False), V("x", "5", False)])
    assert "element 0 of tensors does not require grad" in r.error
    assert "requires_grad=False by default" in r.explanation
    assert float(r.output) == 19 and r.grads == {"a": None, "b": None, "x": None}
    assert all(n.grad_fn == "" for n in r.nodes)  # nothing was recorded
    assert "a = torch.tensor(3.0)" in r.code
    i18n.set_language("ja")
    r = A.run("a*x", [V("a", "3", False), V("x", "5", False)])
    assert "デフォルトで requires_grad=False" in r.explanation


def test_only_some_leaves_require_grad():
    grads, _ = _grads("a*x + b", [V("a", "3"), V("b", "4", False), V("x", "5", False)])
    assert grads == {"a": 5.0, "b": None, "x": None}


def test_non_scalar_output_is_explained():
    r = A.run("w*x", [V("w", "[1, 2]"), V("x", "[3, 4]")])
    assert "only for scalar outputs" in r.error and "sum(" in r.explanation


def test_forward_only():
    r = A.run("a*x + b", list(A.NOTES_EXAMPLE[1]), backward=False)
    assert r.ok and not r.backward_done and r.grads == {"a": None, "b": None, "x": None}


@pytest.mark.parametrize("expr,pos", [
    ("x.__class__", 1),                 # attribute access
    ("__import__('os')", 0),
    ("lambda q: q", 0),
    ("a if x else b", 2),
    ("open(x)", 0),                     # unknown function
    ("eval(x)", 0),
    ("a + zz", 4),                      # unknown name
    ("a[0]", 1),                        # indexing
    ("a + 'b'", 4),                     # strings
    ("a, b", 1),
    ("a x", 2),                         # missing operator
    ("(a + b", 6),                      # unclosed
    ("a +", 3),
    ("", 0),
    ("sigmoid", 0),                     # function without call
    ("a; b", 1),
    ("3.real", 1),
])
def test_parser_refuses_with_position(expr, pos):
    r = A.run(expr, list(A.NOTES_EXAMPLE[1]))
    assert not r.ok and r.nodes == ()
    assert r.error_pos == pos, (expr, r.error)


def test_unknown_name_suggests_multiplication():
    r = A.run("ax + b", list(A.NOTES_EXAMPLE[1]))
    assert "a*x" in r.error and r.error_pos == 0


def test_parser_precedence_and_associativity():
    vs = [V("a", "2"), V("b", "3"), V("x", "1")]
    assert float(A.run("a + b*x^2", vs).output) == 5
    assert float(A.run("2^3^2", [V("x", "1")], backward=False).output) == 512  # right-associative
    assert float(A.run("-a^2", vs).output) == -4                               # as in Python
    assert float(A.run("a - b - x", vs).output) == -2
    assert float(A.run("(a - b) * 2", vs).output) == -2
    assert A.run("a - (b - x)", vs).code.splitlines()[3] == "y = a - (b - x)"


def test_limits():
    assert A.run("x" + "+x" * 200, [V("x", "1")]).error_pos == A.MAX_LENGTH
    assert not A.run("(" * 60 + "x" + ")" * 60, [V("x", "1")]).ok
    assert A.run("x", [V("x", "[" + ", ".join(["1"] * 100) + "]")]).bad_variable == "x"


def test_bad_variables():
    assert A.run("x", [V("x", "[1, 2")]).bad_variable == "x"
    assert A.run("x", [V("exp", "1")]).bad_variable == "exp"
    assert A.run("x", [V("__x", "1")]).bad_variable == "__x"
    assert A.run("x", [V("x", "1"), V("x", "2")]).bad_variable == "x"


def test_log_of_negative_gives_nan_not_crash():
    r = A.run("log(x)", [V("x", "-1")])
    assert r.ok and math.isnan(float(r.output))


def test_a_value_with_thousands_of_digits_is_a_message_not_an_exception():
    # Python's int() refuses more than 4300 digits with a ValueError; run() must not raise it
    r = A.run("x*2", [V("x", "[1, " + "9" * 5000 + "]")])
    assert r.bad_variable == "x" and "too many digits" in r.error and "character 5" in r.error


@pytest.mark.parametrize("name", ["class", "None", "True", "lambda"])
def test_keyword_variable_names_are_refused_where_they_are_defined(name):
    # the expression box refuses keywords, so accepting the name would make the variable unusable
    r = A.run("1", [V(name, "1")])
    assert r.bad_variable == name and "keyword" in r.error
