"""The sketch domain: photo -> clean line drawing, as ONE fixed-weight graph.

FaceShop turns photos into line drawings so that a network trained on (drawing, photo) pairs
follows hand-drawn strokes. This module is the single definition of that transform. Training
calls it directly in PyTorch (batched, on the fly, with random thresholds); the app runs the
very same graph exported to ONNX (`models/sketch-domain.onnx`) in onnxruntime-node, for
`faceshop sketch` and smart copy-paste. A test checks that the two agree pixel for pixel, so
they cannot drift.

How it works, every step a convolution, pooling or elementwise op so that it exports cleanly:
1. Opponent colour space (luma plus two weaker chroma channels): lips and skin differ more in
   chroma than in luma.
2. Self-guided filter (He et al. 2010) with box filters, twice: flattens skin texture and
   pores while keeping the strong edges of eyes, brows, mouth and the face outline. The paper
   used HED; with no pretrained weights here, edge-preserving smoothing does the same job of
   ignoring texture.
3. Gaussian-derivative gradients at two scales, multiplied (scale multiplication, Bao et al.
   2005): real edges respond at both scales, texture and noise at only the fine one.
4. Non-maximum suppression along the quantized gradient direction -> one-pixel ridges.
5. Normalization by the image's mean response with an absolute floor, so density is stable
   across exposures and a flat image stays empty.
6. Hysteresis thresholding by iterated 3x3 dilation inside the weak mask: weak edges survive
   only when connected to strong ones, which removes most isolated texture fragments.
7. Zhang-Suen thinning via a 3x3 neighbourhood code and a 256-entry look-up table.
8. Removal of tiny fragments: pixels with too few line pixels in their 7x7 window.

Inputs: `image` [N,3,H,W] RGB in [0,1]; `thresholds` [N,2] (low, high) on the normalized
response. Output `sketch` [N,1,H,W], 1 = line. Parameters are tuned for faces about 256 px
wide (the model's working scale); callers resize other images to that scale first.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

DEFAULT_THRESHOLDS = (0.9, 2.4)
"""(low, high) used by the app; training samples around these (see ambiguity.py)."""

HYSTERESIS_STEPS = 24
THINNING_ROUNDS = 2
MIN_FRAGMENT_PIXELS = 6


def _gaussian_kernel(sigma: float) -> torch.Tensor:
    radius = max(1, int(math.ceil(3 * sigma)))
    x = torch.arange(-radius, radius + 1, dtype=torch.float32)
    k = torch.exp(-(x**2) / (2 * sigma**2))
    return k / k.sum()


def _zhang_suen_luts() -> tuple[torch.Tensor, torch.Tensor]:
    """Delete-tables for the two Zhang-Suen sub-iterations, indexed by the 8-neighbour code.

    Neighbour bit order (clockwise from north): P2=N, P3=NE, P4=E, P5=SE, P6=S, P7=SW, P8=W, P9=NW.
    """
    lut1 = torch.zeros(256)
    lut2 = torch.zeros(256)
    for code in range(256):
        p = [(code >> i) & 1 for i in range(8)]  # p[0]=P2 ... p[7]=P9
        b = sum(p)
        seq = p + [p[0]]
        a = sum(1 for i in range(8) if seq[i] == 0 and seq[i + 1] == 1)
        if not (2 <= b <= 6 and a == 1):
            continue
        p2, p4, p6, p8 = p[0], p[2], p[4], p[6]
        if p2 * p4 * p6 == 0 and p4 * p6 * p8 == 0:
            lut1[code] = 1
        if p2 * p4 * p8 == 0 and p2 * p6 * p8 == 0:
            lut2[code] = 1
    return lut1, lut2


class SketchDomain(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.scales = (1.0, 2.2)
        self.gauss_taps = [_gaussian_kernel(s).tolist() for s in self.scales]
        lut1, lut2 = _zhang_suen_luts()
        self.register_buffer("lut1", lut1)
        self.register_buffer("lut2", lut2)

    # -- building blocks -------------------------------------------------------------------

    # Depthwise convolutions are slow in CPU backends (PyTorch's and onnxruntime's alike) for
    # these few channels, so the small fixed filters are written as sums of shifted slices.

    @staticmethod
    def _separable(x: torch.Tensor, taps: list[float]) -> torch.Tensor:
        r = (len(taps) - 1) // 2
        h, w = x.shape[-2:]
        p = F.pad(x, (r, r, 0, 0), mode="replicate")
        x = sum(t * p[..., :, i : i + w] for i, t in enumerate(taps))
        p = F.pad(x, (0, 0, r, r), mode="replicate")
        return sum(t * p[..., i : i + h, :] for i, t in enumerate(taps))

    def _box(self, x: torch.Tensor, r: int) -> torch.Tensor:
        return self._separable(x, [1.0 / (2 * r + 1)] * (2 * r + 1))

    def _guided(self, x: torch.Tensor, r: int, eps: float) -> torch.Tensor:
        mean = self._box(x, r)
        var = self._box(x * x, r) - mean * mean
        a = var / (var + eps)
        b = mean - a * mean
        return self._box(a, r) * x + self._box(b, r)

    def _blur(self, x: torch.Tensor, idx: int) -> torch.Tensor:
        return self._separable(x, self.gauss_taps[idx])

    @staticmethod
    def _gradients(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h, w = x.shape[-2:]
        p = F.pad(x, (1, 1, 1, 1), mode="replicate")
        dx = p[..., :, 2:] - p[..., :, :-2]  # [.., h+2, w]
        dy = p[..., 2:, :] - p[..., :-2, :]  # [.., h, w+2]
        gx = (dx[..., :h, :] + 2 * dx[..., 1 : h + 1, :] + dx[..., 2:, :]) / 8.0
        gy = (dy[..., :w] + 2 * dy[..., 1 : w + 1] + dy[..., 2:]) / 8.0
        return gx, gy

    def edge_response(self, image: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Scale-multiplied gradient magnitude and the coarse-scale direction (differentiable)."""
        r, g, b = image[:, 0:1], image[:, 1:2], image[:, 2:3]
        opp = torch.cat([0.299 * r + 0.587 * g + 0.114 * b, 0.35 * (r - g), 0.125 * (r + g) - 0.25 * b], dim=1)
        smooth = self._guided(self._guided(opp, 3, 4e-3), 2, 2e-3)
        mags = []
        gxs = gys = None
        for i in range(len(self.scales)):
            gx, gy = self._gradients(self._blur(smooth, i))
            # Strongest channel's structure dominates: sum of squares over channels (Di Zenzo trace).
            mag = torch.sqrt((gx * gx + gy * gy).sum(1, keepdim=True) + 1e-10)
            mags.append(mag)
            # Direction from the luma channel at the coarse scale, where it is least noisy.
            gxs, gys = gx[:, :1], gy[:, :1]
        response = torch.sqrt(mags[0] * mags[1] + 1e-12)
        return response, gxs, gys

    def _nms(self, mag: torch.Tensor, gx: torch.Tensor, gy: torch.Tensor) -> torch.Tensor:
        h, w = mag.shape[-2:]
        p = F.pad(mag, (1, 1, 1, 1))

        def shifted(dy: int, dx: int) -> torch.Tensor:
            return p[:, :, 1 + dy : 1 + dy + h, 1 + dx : 1 + dx + w]

        ax, ay = gx.abs(), gy.abs()
        tan22 = 0.41421356
        horiz = (ay <= ax * tan22).float()  # gradient ~ along x: compare left/right
        vert = (ax <= ay * tan22).float()
        diag = 1.0 - horiz - vert
        same_sign = ((gx * gy) >= 0).float()
        keep_h = (mag >= shifted(0, -1)).float() * (mag >= shifted(0, 1)).float()
        keep_v = (mag >= shifted(-1, 0)).float() * (mag >= shifted(1, 0)).float()
        keep_d1 = (mag >= shifted(-1, -1)).float() * (mag >= shifted(1, 1)).float()
        keep_d2 = (mag >= shifted(-1, 1)).float() * (mag >= shifted(1, -1)).float()
        keep_d = same_sign * keep_d1 + (1.0 - same_sign) * keep_d2
        keep = horiz * keep_h + vert * keep_v + diag * keep_d
        return mag * keep

    @staticmethod
    def _neighbour_code(x: torch.Tensor) -> torch.Tensor:
        """8-neighbour code, bit i for P(i+2) clockwise from north (see _zhang_suen_luts)."""
        h, w = x.shape[-2:]
        p = F.pad(x, (1, 1, 1, 1))
        offsets = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))
        return sum((2**i) * p[..., 1 + dy : 1 + dy + h, 1 + dx : 1 + dx + w] for i, (dy, dx) in enumerate(offsets))

    def _thin(self, x: torch.Tensor) -> torch.Tensor:
        for _ in range(THINNING_ROUNDS):
            for lut in (self.lut1, self.lut2):
                code = self._neighbour_code(x)
                delete = lut[code.round().long()]  # gather on the 8-neighbour code
                x = x * (1.0 - delete)
        return x

    # -- the transform ---------------------------------------------------------------------

    def forward(self, image: torch.Tensor, thresholds: torch.Tensor) -> torch.Tensor:
        mag, gx, gy = self.edge_response(image)
        # Normalize by the mean response, with a floor so a flat or noisy-flat image stays empty.
        scale = torch.clamp(mag.mean(dim=(2, 3), keepdim=True), min=0.012)
        ridge = self._nms(mag / scale, gx, gy)
        low = thresholds[:, 0].view(-1, 1, 1, 1)
        high = thresholds[:, 1].view(-1, 1, 1, 1)
        weak = (ridge > low).float()
        lines = (ridge > high).float()
        for _ in range(HYSTERESIS_STEPS):
            lines = F.max_pool2d(lines, 3, stride=1, padding=1) * weak
        lines = self._thin(lines)
        count = self._separable(lines, [1.0] * 7)
        return lines * (count >= MIN_FRAGMENT_PIXELS - 0.5).float()


def export_onnx(path: str) -> None:
    model = SketchDomain().eval()
    image = torch.rand(1, 3, 96, 96)
    thresholds = torch.tensor([DEFAULT_THRESHOLDS])
    torch.onnx.export(
        model,
        (image, thresholds),
        path,
        input_names=["image", "thresholds"],
        output_names=["sketch"],
        dynamic_axes={"image": {0: "n", 2: "h", 3: "w"}, "thresholds": {0: "n"}, "sketch": {0: "n", 2: "h", 3: "w"}},
        opset_version=17,
    )
    # Its manifest: the app verifies the file's sha256 before opening it, as for every model.
    import hashlib
    import json
    import os

    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    manifest = {"name": "faceshop-sketch-domain", "role": "sketch-domain", "file": os.path.basename(path), "sha256": digest}
    with open(os.path.splitext(path)[0] + ".json", "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Export the sketch-domain graph to ONNX.")
    parser.add_argument("-o", "--output", default="models/sketch-domain.onnx")
    export_onnx(parser.parse_args().output)
