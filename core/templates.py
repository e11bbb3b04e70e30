"""Networks to start from. The deep sigmoid and deep ReLU pair drives the vanishing-gradient lesson."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from core.i18n import L
from core.spec import LayerSpec, NetworkSpec


def _mlp(hidden: list[int], activation: str, n_in: int = 2, n_out: int = 2) -> NetworkSpec:
    layers = []
    for width in hidden:
        layers += [LayerSpec.make("Linear", out_features=width), LayerSpec.make(activation)]
    layers.append(LayerSpec.make("Linear", out_features=n_out))
    return NetworkSpec((n_in,), layers)


@dataclass(frozen=True)
class Template:
    name: str
    title_en: str
    title_ja: str
    doc_en: str
    doc_ja: str
    make: Callable[[], NetworkSpec]

    @property
    def title(self) -> str:
        return L(self.title_en, self.title_ja)

    @property
    def doc(self) -> str:
        return L(self.doc_en, self.doc_ja)


DEEP_DEPTH = 8
DEEP_WIDTH = 32

TEMPLATES: dict[str, Template] = {t.name: t for t in [
    Template("classifier_2d", "Small classifier for 2-D points", "2次元の点の小さな分類器",
             "2 inputs → 16 → ReLU → 16 → ReLU → 2 classes.",
             "入力 2 → 16 → ReLU → 16 → ReLU → 2 クラス。",
             lambda: _mlp([16, 16], "ReLU")),
    Template("deep_sigmoid", "Deep sigmoid MLP", "深いシグモイド MLP",
             f"{DEEP_DEPTH} hidden Linear+Sigmoid layers: watch the first layers' gradients vanish.",
             f"Linear+Sigmoid の隠れ層が {DEEP_DEPTH} 層。最初の層の勾配が消えていく様子を見ます。",
             lambda: _mlp([DEEP_WIDTH] * DEEP_DEPTH, "Sigmoid")),
    Template("deep_relu", "Deep ReLU MLP", "深い ReLU MLP",
             f"The same {DEEP_DEPTH} hidden layers with ReLU: the gradient reaches the first layer.",
             f"同じ {DEEP_DEPTH} 層を ReLU にしたもの。勾配が最初の層まで届きます。",
             lambda: _mlp([DEEP_WIDTH] * DEEP_DEPTH, "ReLU")),
]}
