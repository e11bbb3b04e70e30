"""The training process protocol: jobs in, coalesced progress and final state out."""
import multiprocessing as mp
import time

import numpy as np
import torch

from core.addition.model import ModelConfig
from core.addition.train import recipe
from core.data.datasets import make_dataset
from core.engine.control import RunControl, SharedControl
from core.engine.process import Job, JobResult, Progress, TrainingServer, run_job
from core.templates import TEMPLATES
from core.training.config import TrainConfig

torch.set_num_threads(1)
SPEC = TEMPLATES["classifier_2d"].make().to_dict()


def run(label="A", epochs=3, state=None, **cfg):
    data = make_dataset("moons", 100, seed=0)                        # 80 train: 5 batches of 16
    return TrainConfig(epochs=epochs, batch_size=16, **cfg).run_spec(SPEC, data, label, state)


def run_in_process(j, control=None):
    sent = []
    result = run_job(j, control or RunControl(), sent.append)
    return [m[1] for m in sent if m[0] == "progress"], result


def test_a_job_reports_every_step_once_and_returns_the_state():
    progress, result = run_in_process(Job([run(epochs=3)], threads=1))
    assert all(isinstance(p, Progress) for p in progress) and progress[-1].final
    steps = np.concatenate([p.runs[0].steps for p in progress if 0 in p.runs])
    assert steps.tolist() == list(range(1, 16))                      # nothing lost or repeated
    epochs = [e.epoch for p in progress if 0 in p.runs for e in p.runs[0].evals]
    assert epochs[-1] == 3 and epochs == sorted(set(epochs))       # at most 20/s, always the last
    ends = [p.runs[0].end for p in progress if 0 in p.runs and p.runs[0].end]
    assert [e.reason for e in ends] == ["done"]
    assert isinstance(result, JobResult) and result.states[0]["step"] == 15
    weights = result.states[0]["model"]
    assert set(weights) == {"0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"}
    assert weights["0.weight"].shape == (16, 2)


def test_continuing_from_the_state_keeps_counting():
    _, first = run_in_process(Job([run(epochs=2)]))
    progress, result = run_in_process(Job([run(epochs=1, state=first.states[0])]))
    assert progress[0].runs[0].steps[0] == 11 and result.states[0]["step"] == 15
    assert result.ends[0].epoch == 3


def test_compare_job_trains_both_networks_from_the_same_seed_in_lock_step():
    progress, result = run_in_process(Job([run("A", epochs=1), run("B", epochs=1)], lockstep=True))
    a = np.concatenate([p.runs[0].losses for p in progress if 0 in p.runs])
    b = np.concatenate([p.runs[1].losses for p in progress if 1 in p.runs])
    np.testing.assert_array_equal(a, b)                              # same network, data and seed
    assert [s["step"] for s in result.states] == [5, 5]


def test_runs_of_a_sequential_job_train_one_after_another():
    tiny = dict(model=ModelConfig(digits=1, hidden=16, embed_dim=4), test_size=0, batch_size=16,
                max_steps=5, eval_every=5)
    progress, result = run_in_process(Job([recipe(**tiny, label="a"), recipe(**tiny, label="b")]))
    order = [i for p in progress for i in p.runs]
    assert order == sorted(order) and set(order) == {0, 1}           # run 0's news all come first
    assert [s["step"] for s in result.states] == [5, 5]
    assert all(e.reason == "done" for e in result.ends)


def test_shared_control_pause_step_stop():
    c = SharedControl(mp.get_context("spawn"))
    assert c.checkpoint()
    c.pause()
    c.step_once()
    assert c.checkpoint() and c.paused                                # the granted single step
    c.stop()
    assert not c.checkpoint()
    c.reset()
    assert c.checkpoint() and not c.stopped
    c.set_lr(0.5)
    seq, lr = c.lr_request()
    assert seq == 1 and lr == 0.5
    assert c.lr_request() == (1, 0.5)                                 # read again: unchanged
    c.set_lr(0.25)
    c.set_lr(0.125)
    assert c.lr_request() == (3, 0.125)                               # the latest rate, a new number


def test_the_training_process_runs_a_job_and_stops_on_request():
    server = TrainingServer()
    try:
        server.control.reset()
        server.send_job(Job([run(epochs=1)], threads=1))
        kinds = []
        while True:
            assert server.poll(30)
            msg = server.recv()
            kinds.append(msg[0])
            if msg[0] != "progress":
                break
        assert kinds[-1] == "end" and msg[1].states[0]["step"] == 5
        server.control.reset()                       # a long job, stopped from here through the shared flags
        server.send_job(Job([run(epochs=100_000)], threads=1))
        assert server.poll(30) and server.recv()[0] == "progress"
        server.control.stop()
        while True:
            assert server.poll(30)
            msg = server.recv()
            if msg[0] != "progress":
                break
        assert msg[0] == "end" and msg[1].ends[0].reason == "stopped"
    finally:
        server.close()
    assert not server.alive()


def test_the_process_speaks_the_apps_language():
    progress, _ = run_in_process(Job([run(epochs=1)], language="ja"))
    ends = [p.runs[0].end for p in progress if 0 in p.runs and p.runs[0].end]
    assert "エポック" in ends[-1].message


def test_closing_while_a_big_job_is_being_sent_does_not_corrupt_the_pipe():
    """The window closing (GUI thread) while the relay thread sends a large job (a text corpus):
    the "quit" must not land in the middle of the job's bytes, which the process read as a
    corrupt message and died with an UnpicklingError traceback."""
    import threading

    server = TrainingServer()
    server.start()                            # the process warms up (~1-3 s) before it reads: the send blocks
    big = run(label="x" * 4_000_000)          # a 4 MB job: the pipe holds ~64 KB, so the send takes a while
    server.control.reset()
    sender = threading.Thread(target=server.send_job, args=(Job([big], threads=1),))
    sender.start()
    time.sleep(0.2)                           # the job is half-written when the window closes
    proc = server._proc
    server.close(timeout=60)
    sender.join(60)
    assert proc.exitcode == 0                 # it read the job, then "quit": a clean exit, no traceback
