"""The exported run is a standalone script whose losses match the app's engine step for step."""
import importlib.util
import os
import subprocess
import sys

import numpy as np
import pytest
import torch

from core.data.csv_import import load_csv
from core.data.datasets import make_dataset
from core.engine.config import Cadence
from core.engine.engine import Callback
from core.export_run import ExportError, run_script
from core.templates import TEMPLATES
from core.training.config import TrainConfig
from core.training.netfit import fit_to_data


def engine_losses(spec, cfg, data):
    """What the app's training process computes: the engine's tabular task, per step."""
    losses = []

    class Steps(Callback):
        def on_batch_end(self, engine, event):
            losses.append(event.loss)

    run = cfg.run_spec(spec.to_dict(), data, cadence=Cadence())
    run.engine([Steps()]).run()
    return losses


def load_script(path):
    spec = importlib.util.spec_from_file_location("exported_run", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("cfg,template", [
    (TrainConfig(dataset="moons", n_samples=200, epochs=3, batch_size=16, optimizer="adam", lr=0.01, seed=3),
     "classifier_2d"),
    (TrainConfig(dataset="spiral", n_samples=150, epochs=2, batch_size=32, optimizer="momentum", lr=0.05,
                 init="he", seed=1), "deep_relu"),
    (TrainConfig(dataset="sine", n_samples=100, epochs=2, batch_size=10, optimizer="sgd", lr=0.05,
                 init="xavier"), "classifier_2d"),
])
def test_the_exported_script_matches_the_apps_run(tmp_path, cfg, template):
    data = make_dataset(cfg.dataset, cfg.n_samples, cfg.noise, cfg.val_fraction, cfg.seed)
    spec = fit_to_data(TEMPLATES[template].make(), data)
    path = tmp_path / "run.py"
    path.write_text(run_script(spec, cfg, data), encoding="utf-8")
    app = engine_losses(spec, cfg, data)
    script = load_script(path).train(cfg.epochs, verbose=False)
    steps_per_epoch = -(-len(data.x_train) // cfg.batch_size)
    assert len(script) == len(app) == cfg.epochs * steps_per_epoch
    assert np.max(np.abs(np.array(script) - np.array(app))) < 1e-4


def test_the_script_runs_on_its_own_and_reports_each_epoch(tmp_path):
    cfg = TrainConfig(dataset="xor", n_samples=120, epochs=2, batch_size=32)
    data = make_dataset("xor", 120, cfg.noise, cfg.val_fraction, cfg.seed)
    path = tmp_path / "run.py"
    text = run_script(TEMPLATES["classifier_2d"].make(), cfg, data)
    path.write_text(text, encoding="utf-8")
    assert "from core" not in text and "import core" not in text        # nothing of the app needed
    assert "def _xor(" in text and "torch.manual_seed(SEED)" in text and "loss.backward()" in text
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    res = subprocess.run([sys.executable, str(path), "--epochs", "2"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    lines = res.stdout.strip().splitlines()
    assert [ln.split(":")[0] for ln in lines] == ["epoch 1", "epoch 2"] and "validation accuracy" in lines[-1]


def test_a_csv_run_exports_with_its_path_and_matches(tmp_path):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 3)) * [1, 5, 100]
    y = np.where(x[:, 0] + x[:, 1] / 5 > 0, "yes", "no")
    csv = tmp_path / "table.csv"
    csv.write_text("a,b,c,label\n" + "".join(f"{r[0]},{r[1]},{r[2]},{t}\n" for r, t in zip(x, y)),
                   encoding="utf-8")
    cfg = TrainConfig(dataset="csv", csv_path=str(csv), csv_target="label", epochs=2, batch_size=8)
    data = load_csv(csv, "label", cfg.val_fraction, cfg.seed)
    spec = fit_to_data(TEMPLATES["classifier_2d"].make(), data)
    path = tmp_path / "run.py"
    path.write_text(run_script(spec, cfg, data), encoding="utf-8")
    module = load_script(path)
    xt, yt, xv, yv = module.make_data()
    assert np.allclose(xt, data.x_train) and np.array_equal(yt, data.y_train) and np.allclose(xv, data.x_val)
    assert np.max(np.abs(np.array(module.train(2, verbose=False)) - np.array(engine_losses(spec, cfg, data)))) < 1e-4


def test_data_without_a_generator_is_refused_with_a_reason():
    data = make_dataset("iris", val_fraction=0.2)
    with pytest.raises(ExportError, match="generated data sets and CSV"):
        run_script(fit_to_data(TEMPLATES["classifier_2d"].make(), data), TrainConfig(dataset="iris"), data)
