"""gui.common.plotting.Series: a bounded history keeps its size and its spikes."""
import numpy as np

from gui.common.plotting import Series


def test_unbounded_series_keeps_everything():
    s = Series(capacity=4)
    for i in range(10):
        s.extend([i], [i * i])
    x, y = s.data()
    assert x.tolist() == list(range(10)) and y.tolist() == [i * i for i in range(10)]


def test_bounded_series_stays_bounded_and_keeps_the_peaks():
    s = Series(max_points=1000)
    rng = np.random.default_rng(0)
    spikes = {123_457: 50.0, 777_777: -40.0}
    for start in range(0, 1_000_000, 1000):  # a million steps, in batches as the page gets them
        xs = np.arange(start, start + 1000)
        ys = rng.normal(1.0, 0.01, 1000)
        for at, value in spikes.items():
            if start <= at < start + 1000:
                ys[at - start] = value
        s.extend(xs, ys)
        assert s.n <= 1000 and len(s.x) <= 2001
    x, y = s.data()
    assert 500 <= len(x) <= 1000
    assert np.all(np.diff(x) > 0)  # still in order
    assert x[0] <= 123_457 and x[-1] >= 999_000  # spans the run (the first block's low or high comes first)
    for at, value in spikes.items():  # a spike survives every halving, at its own step
        assert value in y and x[y.tolist().index(value)] == at


def test_halving_keeps_each_blocks_low_and_high_in_order_and_skips_nan():
    s = Series(max_points=8)
    s.extend(np.arange(9), [1, np.nan, 3, 2, 5, 4, 6, 7, 9])
    x, y = s.data()
    # blocks [1 nan 3 2] -> (1 @0, 3 @2); [5 4 6 7] -> (4 @5, 7 @7); the tail 9 stays
    assert x.tolist() == [0, 2, 5, 7, 8] and y.tolist() == [1, 3, 4, 7, 9]


def test_a_flat_block_keeps_its_first_and_last_point_not_one_point_twice():
    s = Series(max_points=8)
    s.extend(np.arange(9), [2, 2, 2, 2, 1, 3, 3, 3, 0])
    x, y = s.data()
    # [2 2 2 2] -> (2 @0, 2 @3), not (2 @0, 2 @0); [1 3 3 3] -> (1 @4, 3 @5); the tail 0 stays
    assert x.tolist() == [0, 3, 4, 5, 8] and y.tolist() == [2, 2, 1, 3, 0]


def test_one_extend_many_times_the_bound_is_halved_until_it_fits():
    s = Series(max_points=100)
    rng = np.random.default_rng(1)
    s.extend(np.arange(20), rng.normal(1.0, 0.01, 20))
    ys = rng.normal(1.0, 0.01, 1000)
    ys[480] = 9.0
    s.extend(np.arange(20, 1020), ys)      # ten times the bound in one message
    x, y = s.data()
    assert 50 <= s.n <= 100 and len(s.x) >= s.n  # was: the buffer shrank below n (ValueError next time)
    assert x[0] < 100 and x[-1] >= 1000 and np.all(np.diff(x) > 0)
    assert x[y.tolist().index(9.0)] == 500   # the spike kept, at its own step
    s.extend([1020], [1.0])
    assert s.data()[0][-1] == 1020
