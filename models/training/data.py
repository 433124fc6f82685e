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
SKETCH_MARGIN = 24


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


def with_portraits(train: Faces, repeat: int) -> Faces:
    """The training faces plus each training studio portrait's face frame `repeat` times
    (portraits.py: the held-out ones never); unchanged, with a note, when the portraits are absent."""
    import portraits

    if not os.path.isdir(portraits.ROOT):
        print(f"portraits: none at {portraits.ROOT}; training on the faces alone", flush=True)
        return train
    frames = portraits.face_frames(FRAME)
    names = list(train.names)
    blobs = list(train.blobs)
    for k in range(repeat):
        for name, png in frames:
            names.append(f"portrait:{name}#{k}")
            blobs.append(png)
    print(f"portraits: {len(frames)} face frames x {repeat} join {len(train.names)} faces", flush=True)
    return Faces(names, blobs)


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
        # Crop first, then run the sketch domain on the crop plus a margin (its filters reach
        # ~20 px): on 128-px crops that is half the work of sketching the whole 256-px frame.
        boxes = [self._crop_box(m, crop) for m in masks] if crop < FRAME else [(0, 0)] * len(indices)
        region = min(FRAME, crop + 2 * SKETCH_MARGIN)
        origins = [
            (int(np.clip(y0 - SKETCH_MARGIN, 0, FRAME - region)), int(np.clip(x0 - SKETCH_MARGIN, 0, FRAME - region)))
            for y0, x0 in boxes
        ]

        def cut(arrays: list[np.ndarray], at: list[tuple[int, int]], size: int) -> np.ndarray:
            return np.stack([a[y : y + size, x : x + size] for a, (y, x) in zip(arrays, at)])

        def to_t(a: np.ndarray) -> torch.Tensor:
            t = torch.from_numpy(np.ascontiguousarray(a)).float()
            return t.unsqueeze(1) if t.dim() == 3 else t.permute(0, 3, 1, 2) / 255.0

        image = to_t(cut(images, boxes, crop))
        mask_t = to_t(cut(masks, boxes, crop))
        color_t = to_t(cut(colors, boxes, crop))
        with torch.no_grad():
            if augment:
                thresholds = ambiguity.random_thresholds(self.gen, len(indices))
            else:
                thresholds = torch.tensor([DEFAULT_THRESHOLDS] * len(indices))
            sketch = self.sketcher(to_t(cut(images, origins, region)), thresholds)
            if augment:
                sketch = ambiguity.perturb(sketch, self.gen)
                sketch = torch.maximum(sketch, to_t(cut(strays, origins, region)))
                # Sometimes no sketch at all (pure completion).
                no_sketch = (torch.rand(len(indices), 1, 1, 1, generator=self.gen) < 0.12).float()
                sketch = sketch * (1 - no_sketch)
            sketch = torch.cat(
                [sketch[i : i + 1, :, y0 - oy : y0 - oy + crop, x0 - ox : x0 - ox + crop] for i, ((y0, x0), (oy, ox)) in enumerate(zip(boxes, origins))]
            )
        noise = torch.randn(len(indices), 1, crop, crop, generator=self.gen)
        return Batch(image, mask_t, sketch, color_t, noise, kinds)

    def _crop_box(self, mask: np.ndarray, crop: int) -> tuple[int, int]:
        """Top-left of a `crop` square containing the centre of the mask, jittered."""
        ys, xs = np.nonzero(mask)
        cy = int(ys.mean()) if len(ys) else FRAME // 2
        cx = int(xs.mean()) if len(xs) else FRAME // 2
        jy, jx = self.rng.integers(-crop // 4, crop // 4 + 1, 2)
        return int(np.clip(cy - crop // 2 + jy, 0, FRAME - crop)), int(np.clip(cx - crop // 2 + jx, 0, FRAME - crop))
