"""Sketch-density statistics over the validation split and batch-maker throughput.

    /usr/bin/python3 models/training/data_stats.py

Density: share of line pixels of the app's clean sketch (default thresholds, no ambiguity) at
the 256-px working frame, over all 500 held-out faces. Throughput: training batches of 8 at
128-px crops, with every augmentation, timed on this machine.
"""

from __future__ import annotations

import time

import numpy as np
import torch

import data
from sketch_domain import DEFAULT_THRESHOLDS, SketchDomain


def main() -> None:
    torch.set_num_threads(2)
    train, val = data.load_faces()
    sketcher = SketchDomain().eval()
    shares = []
    with torch.no_grad():
        for start in range(0, len(val.names), 50):
            imgs = np.stack([val.decode(i) for i in range(start, min(start + 50, len(val.names)))])
            x = torch.from_numpy(imgs).permute(0, 3, 1, 2).float() / 255
            s = sketcher(x, torch.tensor([DEFAULT_THRESHOLDS] * len(imgs)))
            shares += s.mean(dim=(1, 2, 3)).tolist()
    a = np.array(shares)
    print(f"clean sketch density over {len(a)} validation faces: mean {a.mean():.4f}, median {np.median(a):.4f}, "
          f"p5 {np.percentile(a, 5):.4f}, p95 {np.percentile(a, 95):.4f}, empty {int((a == 0).sum())}")
    maker = data.BatchMaker(train, seed=5)
    maker.make(8, crop=128)
    t0 = time.time()
    n = 0
    dens = []
    while time.time() - t0 < 20:
        b = maker.make(8, crop=128)
        dens.append(float(b.sketch.mean()))
        n += 8
    dt = time.time() - t0
    print(f"batch maker: {n / dt:.1f} samples/s ({n} samples in {dt:.1f}s), augmented crop sketch density {np.mean(dens):.4f}")


if __name__ == "__main__":
    main()
