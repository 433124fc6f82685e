"""Contact sheet of training samples: photo | sketch | colour strokes | mask | masked input.

Shows training faces, so write it outside git (the default goes to models/training/runs/,
which is git-ignored). Usage: python3 models/training/contact_sheet.py -n 8 -o sheet.png
"""

from __future__ import annotations

import argparse
import os
import time

import cv2
import numpy as np
import torch

import data


def to_u8(t: torch.Tensor) -> np.ndarray:
    """[C,H,W] in [0,1] -> HxWx3 uint8 RGB."""
    a = (t.clamp(0, 1) * 255).round().byte().permute(1, 2, 0).numpy()
    return np.repeat(a, 3, axis=2) if a.shape[2] == 1 else a[:, :, :3]


def sample_row(b: data.Batch, i: int) -> np.ndarray:
    img = b.image[i]
    sketch = 1 - b.sketch[i]
    col = b.color[i]
    checker = torch.full_like(img, 0.85)
    color_vis = col[:3] * col[3:] + checker * (1 - col[3:])
    masked = img * (1 - b.mask[i]) + 0.5 * b.mask[i]
    masked = masked * (1 - b.sketch[i] * b.mask[i])
    a = col[3:] * b.mask[i]
    masked = masked * (1 - a) + col[:3] * a
    tiles = [to_u8(img), to_u8(sketch), to_u8(color_vis), to_u8(b.mask[i]), to_u8(masked)]
    return np.concatenate(tiles, axis=1)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("-n", type=int, default=8)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--split", choices=("train", "val"), default="val")
    p.add_argument("--clean", action="store_true", help="no ambiguity: the app's sketch")
    p.add_argument("-o", "--output", default=os.path.join(os.path.dirname(__file__), "runs", "contact_sheet.png"))
    args = p.parse_args()
    torch.set_num_threads(2)
    train, val = data.load_faces()
    faces = val if args.split == "val" else train
    maker = data.BatchMaker(faces, args.seed)
    t0 = time.time()
    batch = maker.make(args.n, augment=not args.clean)
    print(f"{args.n} samples in {time.time() - t0:.2f}s; kinds {batch.kinds}")
    print(f"stroke density {batch.sketch.mean():.4f}")
    sheet = np.concatenate([sample_row(batch, i) for i in range(args.n)], axis=0)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    cv2.imwrite(args.output, cv2.cvtColor(sheet, cv2.COLOR_RGB2BGR))
    print("wrote", args.output)


if __name__ == "__main__":
    main()
