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
# Changes to the recipe, in images seen (see train.py and the model card).
EVENTS = (
    (15_000, "GAN on"),
    (47_952, "GAN weight 0.01"),
    (91_328, "seam correction + weight average"),
    (95_608, "balanced L1 (train L1 redefined)"),
    (98_000, "full frames"),
    (117_280, "studio portraits 13 %"),
)


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
        for at, label in EVENTS:
            if images and at / 1000 <= images[-1]:
                ax.axvline(at / 1000, color="grey", lw=0.8, ls="--")
                ax.text(at / 1000, 1.0, " " + label, rotation=90, va="top", fontsize=7, color="grey", transform=ax.get_xaxis_transform())
    fig.tight_layout()
    out = os.path.join(os.path.dirname(HERE), "training-curves.png")
    fig.savefig(out, dpi=90)
    print("wrote", out)


if __name__ == "__main__":
    main()
