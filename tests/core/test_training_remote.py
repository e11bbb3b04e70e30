"""The training process protocol: jobs in, coalesced progress and final weights out."""
import multiprocessing as mp

import numpy as np
import torch

from core.data.datasets import make_dataset
from core.templates import TEMPLATES
from core.training.config import TrainConfig
from core.training.remote import Job, JobResult, Progress, RunJob, SharedControl, TrainingServer, run_job
from core.training.trainer import RunControl

torch.set_num_threads(1)


def job(epochs=3, runs=None, **cfg):
    data = make_dataset("moons", 100, seed=0)                        # 80 train: 5 batches of 16
    runs = runs or [RunJob(TEMPLATES["classifier_2d"].make().to_dict(), "A")]
    return Job(runs, data, TrainConfig(epochs=epochs, batch_size=16, **cfg).to_dict(), threads=1)


def run_in_process(j, control=None):
    sent = []
    result = run_job(j, control or RunControl(), sent.append)
    return [m[1] for m in sent if m[0] == "progress"], result


def test_run_job_reports_every_step_once_and_returns_the_weights():
    progress, result = run_in_process(job(epochs=3))
    assert all(isinstance(p, Progress) for p in progress) and progress[-1].final
    steps = np.concatenate([p.runs[0].steps for p in progress])
    assert steps.tolist() == list(range(1, 16))                      # nothing lost or repeated
    epochs = [e.epoch for p in progress for e in p.runs[0].epochs]
    assert epochs[-1] == 3 and epochs == sorted(set(epochs))       # at most 20/s, always the last
    assert progress[-1].runs[0].end.reason == "done"
    assert isinstance(result, JobResult) and result.steps == [15] and result.epochs == [3]
    assert set(result.weights[0]) == {"0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"}
    assert result.weights[0]["0.weight"].shape == (16, 2)


def test_continuing_from_weights_keeps_counting():
    _, first = run_in_process(job(epochs=2))
    spec = TEMPLATES["classifier_2d"].make().to_dict()
    more = RunJob(spec, "A", first.weights[0], start_step=first.steps[0], start_epoch=first.epochs[0])
    progress, result = run_in_process(job(epochs=1, runs=[more]))
    assert progress[0].runs[0].steps[0] == 11 and result.steps == [15] and result.epochs == [3]


def test_compare_job_trains_both_networks_from_the_same_seed():
    spec = TEMPLATES["classifier_2d"].make().to_dict()
    progress, result = run_in_process(job(epochs=1, runs=[RunJob(spec, "A"), RunJob(spec, "B")]))
    a = np.concatenate([p.runs[0].losses for p in progress])
    b = np.concatenate([p.runs[1].losses for p in progress])
    np.testing.assert_array_equal(a, b)                              # same network, data and seed
    assert result.steps == [5, 5]


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


def test_the_training_process_runs_a_job_and_stops_on_request():
    server = TrainingServer()
    try:
        server.control.reset()
        server.send_job(job(epochs=1))
        kinds = []
        while True:
            assert server.poll(30)
            msg = server.recv()
            kinds.append(msg[0])
            if msg[0] != "progress":
                break
        assert kinds[-1] == "end" and msg[1].steps == [5]
        # a long job, stopped from here through the shared flags
        server.control.reset()
        server.send_job(job(epochs=100_000))
        assert server.poll(30) and server.recv()[0] == "progress"
        server.control.stop()
        while True:
            assert server.poll(30)
            msg = server.recv()
            if msg[0] != "progress":
                break
        assert msg[0] == "end" and msg[1].steps[0] < 100_000 * 5
    finally:
        server.close()
    assert not server.alive()


def test_the_process_speaks_the_apps_language():
    j = job(epochs=1)
    j.language = "ja"
    progress, _ = run_in_process(j)
    assert "エポック" in progress[-1].runs[0].end.message
