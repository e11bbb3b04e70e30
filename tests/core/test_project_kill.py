"""SIGKILL a saving process at random moments: the project always opens as the previous save or
the new one, never the JSON of one with the weights of the other, and no old weights are lost.

The saving processes are forked from this one (torch already imported), so each trial costs a
fork and a save, not a new interpreter."""
import os
import random
import signal
import struct
import time

import pytest
import torch

from core.build import build
from core.project import Project, load_project, save_project
from core.spec import LayerSpec, NetworkSpec

TRIALS = 100


def _version(k: int) -> Project:
    """Save k: the network's width changes every save (old weights never fit the new network),
    every weight holds the value k and the settings say k."""
    spec = NetworkSpec((8,), [LayerSpec.make("Linear", out_features=256 + k % 2), LayerSpec.make("ReLU"),
                              LayerSpec.make("Linear", out_features=128)])
    state = {name: torch.full_like(t, float(k)) for name, t in build(spec).state_dict().items()}
    return Project(spec, training={"save": k}, weights=state)


def _save_in_child(path, project, ready_w, done_w=None) -> int:
    pid = os.fork()
    if pid == 0:  # the child: say "starting", save, leave without running any cleanup of the parent's
        try:
            # a SIGKILL keeps the page cache, so fsync (power-loss durability) cannot change what a
            # kill leaves behind; skipping it in the child only makes each save, and the test, shorter
            os.fsync = lambda fd: None
            os.write(ready_w, b"s")
            start = time.perf_counter()
            save_project(path, project)
            if done_w is not None:
                os.write(done_w, struct.pack("d", time.perf_counter() - start))
        finally:
            os._exit(0)
    return pid


def _child_save_time(folder, projects, ready_r, ready_w) -> float:
    """How long a forked child takes to save (slower than the parent: copy-on-write faults)."""
    done_r, done_w = os.pipe()
    times = []
    for k in (1, 2, 3, 4, 5):
        pid = _save_in_child(folder / "timing.json", projects[k], ready_w, done_w)
        os.read(ready_r, 1)
        times.append(struct.unpack("d", os.read(done_r, 8))[0])
        os.waitpid(pid, 0)
    os.close(done_r)
    os.close(done_w)
    for name in os.listdir(folder):
        if name.startswith("timing"):
            os.unlink(folder / name)
    return sorted(times)[2]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_at_any_moment_of_a_save_leaves_the_old_or_the_new_project(tmp_path):
    path = tmp_path / "net.json"
    save_project(path, _version(0))
    projects = [_version(k) for k in range(TRIALS + 1)]
    rng = random.Random(12)
    committed, outcomes, recent = 0, {"old": 0, "new": 0}, []
    ready_r, ready_w = os.pipe()
    try:
        # how long one save takes in a child: kill moments are spread over 0 .. 1.3 x that, a window
        # that widens or narrows when ten trials in a row end the same way (a busy machine)
        window = 1.3 * _child_save_time(tmp_path, projects, ready_r, ready_w)
        for k in range(1, TRIALS + 1):
            pid = _save_in_child(path, projects[k], ready_w)
            assert os.read(ready_r, 1) == b"s"
            time.sleep(rng.uniform(0, window))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)

            project = load_project(path)
            seen = project.training["save"]
            assert seen in (committed, k), f"trial {k}: opened save {seen}, expected {committed} or {k}"
            assert project.warnings == [], f"trial {k}: {project.warnings}"
            expected = projects[seen]
            assert project.network.to_dict()["layers"][0]["params"] == expected.network.to_dict()["layers"][0]["params"]
            assert set(project.weights) == set(expected.weights)
            assert all(torch.equal(project.weights[n], expected.weights[n]) for n in expected.weights), \
                f"trial {k}: the JSON of save {seen} with other weights"
            outcome = "new" if seen == k else "old"
            outcomes[outcome] += 1
            committed = seen
            recent = (recent + [outcome])[-10:]
            if recent == ["old"] * 10:
                window, recent = window * 1.5, []
            elif recent == ["new"] * 10:
                window, recent = window / 1.5, []
    finally:
        os.close(ready_r)
        os.close(ready_w)
    # the kill moments really spanned the save: both outcomes happened many times
    assert outcomes["old"] >= 10 and outcomes["new"] >= 10, outcomes
    # a clean save afterwards leaves exactly the project and its one weights file: no temp files
    save_project(path, projects[0])
    names = sorted(os.listdir(tmp_path))
    assert names in (["net.json", "net.weights.pt"], ["net.json", "net.weights.2.pt"]), names
