"""The training faces and the batches made from them (DESIGN.md contract 1 inputs).

The 19,099 aligned 200-px faces live in four tar shards (../shared/datasets/faces); their JPEG
bytes (about 110 MB) are read into memory once and decoded per sample. A fixed validation split
of 500 faces is chosen by a hash of the file name, so it never depends on shard order or on
which shards exist, and training never sees it.

A batch is built in two halves: per-sample numpy/OpenCV work (decode, resize to the model's
working frame, flip, mask, colour strokes, stray strokes), then batched torch work (the sketch
domain with random thresholds, the ambiguity perturbations, cropping).
"""

from __future__ import annotations

import hashlib
import math
import os
import tarfile
from dataclasses import dataclass

import cv2
import numpy as np
import torch

import ambiguity
import guidance
from sketch_domain import DEFAULT_THRESHOLDS, SketchDomain

DEFAULT_DATA = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "datasets", "faces")
FRAME = 256  # the model's working frame: 200-px faces are upsampled to it, as at inference
VALIDATION_SIZE = 500


def _split_key(name: str) -> str:
    return hashlib.sha1(name.encode()).hexdigest()


@dataclass(frozen=True)
class Faces:
    names: list[str]
    blobs: list[bytes]

    def decode(self, i: int) -> np.ndarray:
        """RGB uint8 at FRAME x FRAME."""
        bgr = cv2.imdecode(np.frombuffer(self.blobs[i], np.uint8), cv2.IMREAD_COLOR)
        if bgr is None:
            raise ValueError(f"cannot decode {self.names[i]}")
        rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
        return cv2.resize(rgb, (FRAME, FRAME), interpolation=cv2.INTER_CUBIC)


def load_faces(root: str = DEFAULT_DATA) -> tuple[Faces, Faces]:
    """(train, validation) from the tar shards under root."""
    root = os.path.abspath(root)
    shards = sorted(f for f in os.listdir(root) if f.endswith(".tar"))
    if not shards:
        raise FileNotFoundError(f"no face shards (*.tar) in {root}")
    items: list[tuple[str, bytes]] = []
    for shard in shards:
        with tarfile.open(os.path.join(root, shard)) as tar:
            for member in tar:
                if member.isfile() and member.name.lower().endswith(".jpg"):
                    f = tar.extractfile(member)
                    assert f is not None
                    items.append((os.path.basename(member.name), f.read()))
    items.sort(key=lambda it: _split_key(it[0]))
    val, train = items[:VALIDATION_SIZE], items[VALIDATION_SIZE:]
    train.sort()
    val.sort()
    return (
        Faces([n for n, _ in train], [b for _, b in train]),
        Faces([n for n, _ in val], [b for _, b in val]),
    )


def stray_strokes(rng: np.random.Generator, size: int, count_max: int = 3) -> np.ndarray:
    """A few short curved strokes that are not in the photo: users' lines are not all edges."""
    out = np.zeros((size, size), np.uint8)
    for _ in range(rng.integers(0, count_max + 1)):
        x, y = rng.uniform(0.1, 0.9, 2) * size
        angle = rng.uniform(0, 2 * math.pi)
        pts = [(x, y)]
        for _ in range(rng.integers(2, 6)):
            angle += rng.normal(0, 0.4)
            x += math.cos(angle) * size * 0.03
            y += math.sin(angle) * size * 0.03
            pts.append((x, y))
        cv2.polylines(out, [np.int32(pts).reshape(-1, 1, 2)], False, 1, 1)
    return out


@dataclass
class Batch:
    image: torch.Tensor  # [N,3,S,S] in [0,1]
    mask: torch.Tensor  # [N,1,S,S]
    sketch: torch.Tensor  # [N,1,S,S]
    color: torch.Tensor  # [N,4,S,S]
    noise: torch.Tensor  # [N,1,S,S]
    kinds: list[str]


class BatchMaker:
    """Builds batches from Faces; a seed makes the whole stream reproducible."""

    def __init__(self, faces: Faces, seed: int) -> None:
        self.faces = faces
        self.rng = np.random.default_rng(seed)
        self.gen = torch.Generator().manual_seed(seed)
        self.sketcher = SketchDomain().eval()

    def make(
        self,
        n: int,
        crop: int = FRAME,
        indices: list[int] | None = None,
        kind: str | None = None,
        augment: bool = True,
    ) -> Batch:
        rng = self.rng
        if indices is None:
            indices = [int(i) for i in rng.integers(len(self.faces.names), size=n)]
        images, masks, colors, strays, kinds = [], [], [], [], []
        for i in indices:
            img = self.faces.decode(i)
            if augment and rng.random() < 0.5:
                img = np.ascontiguousarray(img[:, ::-1])
            mask, k = guidance.random_mask(rng, FRAME, kind)
            filtered = guidance.filtered_colors(img)
            color = np.zeros((FRAME, FRAME, 4), np.uint8)
            if rng.random() < 0.85:
                color = guidance.color_strokes(rng, filtered, mask)
            if rng.random() < 0.3:
                guidance.iris_marks(rng, filtered, color)
            images.append(img)
            masks.append(mask)
            colors.append(color)
            strays.append(stray_strokes(rng, FRAME) if augment else np.zeros((FRAME, FRAME), np.uint8))
            kinds.append(k)
        image = torch.from_numpy(np.stack(images)).permute(0, 3, 1, 2).float() / 255.0
        mask_t = torch.from_numpy(np.stack(masks)).unsqueeze(1).float()
        color_t = torch.from_numpy(np.stack(colors)).permute(0, 3, 1, 2).float() / 255.0
        with torch.no_grad():
            if augment:
                thresholds = ambiguity.random_thresholds(self.gen, len(indices))
            else:
                thresholds = torch.tensor([DEFAULT_THRESHOLDS] * len(indices))
            sketch = self.sketcher(image, thresholds)
            if augment:
                sketch = ambiguity.perturb(sketch, self.gen)
                sketch = torch.maximum(sketch, torch.from_numpy(np.stack(strays)).unsqueeze(1).float())
                # Sometimes no sketch at all (pure completion), sometimes no colour.
                no_sketch = (torch.rand(len(indices), 1, 1, 1, generator=self.gen) < 0.12).float()
                sketch = sketch * (1 - no_sketch)
        noise = torch.randn(len(indices), 1, FRAME, FRAME, generator=self.gen)
        batch = Batch(image, mask_t, sketch, color_t, noise, kinds)
        return batch if crop == FRAME else self._crop(batch, crop)

    def _crop(self, b: Batch, crop: int) -> Batch:
        """Crops of side `crop` that contain the centre of each sample's mask."""
        parts: dict[str, list[torch.Tensor]] = {k: [] for k in ("image", "mask", "sketch", "color", "noise")}
        for i in range(b.image.shape[0]):
            ys, xs = torch.nonzero(b.mask[i, 0] > 0.5, as_tuple=True)
            cy = int(ys.float().mean()) if len(ys) else FRAME // 2
            cx = int(xs.float().mean()) if len(xs) else FRAME // 2
            jy, jx = self.rng.integers(-crop // 4, crop // 4 + 1, 2)
            y0 = int(np.clip(cy - crop // 2 + jy, 0, FRAME - crop))
            x0 = int(np.clip(cx - crop // 2 + jx, 0, FRAME - crop))
            for k in parts:
                parts[k].append(getattr(b, k)[i : i + 1, :, y0 : y0 + crop, x0 : x0 + crop])
        return Batch(*(torch.cat(parts[k]) for k in parts), kinds=b.kinds)  # type: ignore[arg-type]

