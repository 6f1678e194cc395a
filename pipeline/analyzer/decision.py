"""The learned decision over accusation candidates: an L2 logistic regression in numpy.

Deterministic (Newton's method from zeros, no sampling), with class weights. The model file
config/models/accusations.json holds the feature names, weights, threshold and how it was
trained; its version is the SHA-256 of the file, part of the analyzer version.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).resolve().parents[2] / "config" / "models" / "accusations.json"


def fit(rows: list[dict[str, float]], labels: list[int], l2: float = 1.0, positive_weight: float | None = None,
        iterations: int = 50, row_weights: list[float] | None = None) -> tuple[list[str], np.ndarray]:
    """Feature names (sorted) and weights of a class-weighted L2 logistic regression ("bias" is not penalised).
    row_weights (default all 1) multiply each example's weight; the classes are balanced on the weighted counts."""
    names = sorted({name for row in rows for name in row})
    x = vectorise(rows, names)
    y = np.asarray(labels, dtype=float)
    rw = np.ones(len(y)) if row_weights is None else np.asarray(row_weights, dtype=float)
    positives = max(float((rw * y).sum()), 1.0)
    negatives = max(float((rw * (1 - y)).sum()), 1.0)
    if positive_weight is None:
        positive_weight = negatives / positives  # balanced classes
    sample = np.where(y > 0, positive_weight, 1.0) * rw
    sample = sample * len(y) / sample.sum()
    penalty = np.full(len(names), l2)
    if "bias" in names:
        penalty[names.index("bias")] = 1e-6
    w = np.zeros(len(names))
    for _ in range(iterations):
        p = _sigmoid(x @ w)
        gradient = x.T @ (sample * (p - y)) + penalty * w
        hessian = (x * (sample * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return names, w


def vectorise(rows: list[dict[str, float]], names: list[str]) -> np.ndarray:
    position = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, row in enumerate(rows):
        for name, value in row.items():
            i = position.get(name)
            if i is not None:
                x[r, i] = value
    return x


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


@dataclass(frozen=True)
class Model:
    names: tuple[str, ...]
    weights: np.ndarray
    threshold: float

    def probabilities(self, rows: list[dict[str, float]]) -> np.ndarray:
        if not rows:
            return np.zeros(0)
        return _sigmoid(vectorise(rows, list(self.names)) @ self.weights)

    def weight_of(self) -> dict[str, float]:
        return dict(zip(self.names, self.weights.tolist()))


def to_json(names: list[str], weights: np.ndarray, threshold: float, meta: dict) -> str:
    """The model file's text: stable order and rounding, so that a rebuild from the same labels is identical."""
    payload = {"format": 1, "threshold": round(float(threshold), 4),
               "weights": {name: round(float(w), 6) for name, w in zip(names, weights)}, **meta}
    return json.dumps(payload, indent=1, sort_keys=True) + "\n"


@lru_cache(maxsize=4)
def load(path: Path = MODEL_FILE) -> Model | None:
    """The committed model, or None when there is none."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    names = tuple(data["weights"])
    return Model(names, np.array([data["weights"][n] for n in names]), float(data["threshold"]))


def model_version(path: Path = MODEL_FILE) -> str:
    """First 12 hex digits of the model file's SHA-256 ("none" without a file)."""
    if not path.is_file():
        return "none"
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
