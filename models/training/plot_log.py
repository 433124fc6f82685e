"""Plot training losses and validation metrics from log.jsonl to models/training-curves.png.

    /usr/bin/python3 models/training/plot_log.py
"""

from __future__ import annotations

import json
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> None:
    with open(os.path.join(HERE, "log.jsonl")) as f:
        rows = [json.loads(line) for line in f if line.strip()]
    images = [r["images"] / 1000 for r in rows]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
    for key, label in (("l1", "train masked L1"), ("val_l1", "validation masked L1"), ("edge", "edge loss (weighted)")):
        ax1.plot(images, [r.get(key) for r in rows], label=label)
    ax1.set_xlabel("images seen (thousands)")
    ax1.set_title("losses")
    ax1.legend()
    ax2.plot(images, [r["val_psnr"] for r in rows], color="tab:green")
    ax2.set_xlabel("images seen (thousands)")
    ax2.set_title("validation masked PSNR (dB), 16 fixed faces")
    for ax in (ax1, ax2):
        ax.grid(alpha=0.3)
    fig.tight_layout()
    out = os.path.join(os.path.dirname(HERE), "training-curves.png")
    fig.savefig(out, dpi=90)
    print("wrote", out)


if __name__ == "__main__":
    main()
