"""Convert the tiny face detector shipped in the npm package @vladmandic/face-api to ONNX.

FaceShop places the work area on the face it finds in a photo. The detector's weights come
from the npm tarball of @vladmandic/face-api 1.7.15 (MIT licence, `model/` folder:
tiny_face_detector_model.bin + its weights manifest, 190 KB, uint8-quantized). Rather than
shipping TensorFlow.js (286 MB of packages, 1.5 s per detection on its pure-JS CPU backend
here), the network is rebuilt below in PyTorch from the weight shapes and exported to ONNX,
so the app runs it in the onnxruntime-node session it already has.

    npm pack @vladmandic/face-api@1.7.15 && tar xzf vladmandic-face-api-1.7.15.tgz
    /usr/bin/python3 models/tools/convert_face_detector.py package/model

The graph (a Tiny-YOLOv2 with depthwise-separable convolutions, checked to be bit-exact
against face-api's own TensorFlow.js output on a 416 px picture) takes an RGB picture in
0..255, float32 [1, 3, 416, 416], and returns for each of the 13 x 13 cells and 5 anchor
boxes the box corners (x0, y0, x1, y1 as fractions of the input) and the face score:
`boxes` [1, 845, 4] and `scores` [1, 845]. Non-maximum suppression happens in the caller.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.dirname(HERE)
INPUT_SIZE = 416
# Channel means subtracted before scaling by 1/255, and the anchor sizes in grid cells: the
# detector's training constants, part of the model like its weights.
MEAN_RGB = (117.001, 114.697, 97.404)
ANCHORS = ((1.603231, 2.094468), (6.041143, 7.080126), (2.882459, 3.518061), (4.266906, 5.178857), (9.041765, 10.66308))


def read_quantized_weights(model_dir: str, name: str) -> dict[str, np.ndarray]:
    """tfjs weight files: tensors packed in manifest order, each uint8 with (scale, min)."""
    with open(os.path.join(model_dir, f"{name}-weights_manifest.json"), encoding="utf8") as f:
        manifest = json.load(f)
    weights: dict[str, np.ndarray] = {}
    for group in manifest:
        blob = b"".join(open(os.path.join(model_dir, p), "rb").read() for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            count = int(np.prod(spec["shape"]))
            q = spec.get("quantization")
            if q is None:
                values = np.frombuffer(blob, np.float32, count, offset)
                offset += count * 4
            else:
                if q["dtype"] != "uint8":
                    raise ValueError(f"unsupported quantization {q['dtype']}")
                raw = np.frombuffer(blob, np.uint8, count, offset).astype(np.float32)
                values = raw * np.float32(q["scale"]) + np.float32(q["min"])
                offset += count
            weights[spec["name"]] = values.reshape(spec["shape"]).astype(np.float32)
        if offset != len(blob):
            raise ValueError(f"weights file has {len(blob) - offset} unexpected bytes")
    return weights


def pool_same(x: torch.Tensor, stride: int = 2) -> torch.Tensor:
    """2 x 2 max pooling with TensorFlow's 'same' padding (extra row/column at the end)."""
    h, w = x.shape[-2:]
    if stride == 2:
        pad_h, pad_w = h % 2, w % 2
    else:
        pad_h = pad_w = 1
    if pad_h or pad_w:
        x = F.pad(x, (0, pad_w, 0, pad_h), value=-1e4)
    return F.max_pool2d(x, 2, stride=stride)


class TinyFaceDetector(torch.nn.Module):
    def __init__(self, w: dict[str, np.ndarray]) -> None:
        super().__init__()

        def param(a: np.ndarray) -> torch.nn.Parameter:
            return torch.nn.Parameter(torch.from_numpy(np.ascontiguousarray(a)), requires_grad=False)

        # tfjs layouts: conv [kh, kw, in, out] -> [out, in, kh, kw]; depthwise [kh, kw, C, 1] -> [C, 1, kh, kw].
        self.conv0_w = param(w["conv0/filters"].transpose(3, 2, 0, 1))
        self.conv0_b = param(w["conv0/bias"])
        self.sep = torch.nn.ParameterList()
        for i in range(1, 6):
            self.sep.append(param(w[f"conv{i}/depthwise_filter"].transpose(2, 3, 0, 1)))
            self.sep.append(param(w[f"conv{i}/pointwise_filter"].transpose(3, 2, 0, 1)))
            self.sep.append(param(w[f"conv{i}/bias"]))
        self.head_w = param(w["conv8/filters"].transpose(3, 2, 0, 1))
        self.head_b = param(w["conv8/bias"])
        self.register_buffer("mean", torch.tensor(MEAN_RGB).view(1, 3, 1, 1))
        self.register_buffer("anchors", torch.tensor(ANCHORS))

    def features(self, rgb: torch.Tensor) -> torch.Tensor:
        x = (rgb - self.mean) / 255.0
        x = F.leaky_relu(F.conv2d(x, self.conv0_w, self.conv0_b), 0.1)  # 'valid' padding
        x = pool_same(x)
        for i in range(5):
            dw, pw, b = self.sep[3 * i], self.sep[3 * i + 1], self.sep[3 * i + 2]
            x = F.conv2d(x, dw, padding=1, groups=dw.shape[0])
            x = F.leaky_relu(F.conv2d(x, pw, b), 0.1)
            x = pool_same(x, stride=2 if i < 4 else 1)
        return F.conv2d(x, self.head_w, self.head_b)  # [1, 25, 13, 13]

    def forward(self, rgb: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        raw = self.features(rgb)
        n, _, gh, gw = raw.shape
        t = raw.view(n, 5, 5, gh, gw)  # anchor, (tx, ty, tw, th, score), row, col
        cols = torch.arange(gw, dtype=raw.dtype).view(1, 1, 1, gw)
        rows = torch.arange(gh, dtype=raw.dtype).view(1, 1, gh, 1)
        cx = (cols + torch.sigmoid(t[:, :, 0])) / gw
        cy = (rows + torch.sigmoid(t[:, :, 1])) / gh
        bw = torch.exp(t[:, :, 2]) * self.anchors[:, 0].view(1, 5, 1, 1) / gw
        bh = torch.exp(t[:, :, 3]) * self.anchors[:, 1].view(1, 5, 1, 1) / gh
        boxes = torch.stack([cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2], dim=-1)
        # Order candidates as (row, col, anchor), like the raw head output.
        boxes = boxes.permute(0, 2, 3, 1, 4).reshape(n, -1, 4)
        scores = torch.sigmoid(t[:, :, 4]).permute(0, 2, 3, 1).reshape(n, -1)
        return boxes, scores


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model_dir", help="the model/ folder of the @vladmandic/face-api npm package")
    p.add_argument("--out", default=os.path.join(MODELS, "face-detector.onnx"))
    p.add_argument("--reference", help="optional JSON {shape, data} of face-api's raw head output on --reference-input")
    p.add_argument("--reference-input", help="raw RGB bytes, 416 x 416 x 3, for --reference")
    args = p.parse_args()

    net = TinyFaceDetector(read_quantized_weights(args.model_dir, "tiny_face_detector_model")).eval()
    if args.reference:
        with open(args.reference, encoding="utf8") as f:
            ref = json.load(f)
        expected = np.array(ref["data"], np.float32).reshape(ref["shape"])  # NHWC
        pixels = np.fromfile(args.reference_input, np.uint8).reshape(INPUT_SIZE, INPUT_SIZE, 3)
        x = torch.from_numpy(pixels.astype(np.float32).transpose(2, 0, 1)[None])
        with torch.no_grad():
            got = net.features(x).numpy().transpose(0, 2, 3, 1)
        print(f"max |difference| to face-api's output: {np.abs(got - expected).max():.3g}")

    dummy = torch.zeros(1, 3, INPUT_SIZE, INPUT_SIZE)
    torch.onnx.export(net, dummy, args.out, input_names=["rgb"], output_names=["boxes", "scores"], opset_version=13)
    with open(args.out, "rb") as f:
        blob = f.read()
    manifest = {
        "name": "face-detector",
        "version": "1.7.15",
        "file": os.path.basename(args.out),
        "sha256": hashlib.sha256(blob).hexdigest(),
        "bytes": len(blob),
        "inputSize": INPUT_SIZE,
        "input": {"name": "rgb", "shape": [1, 3, INPUT_SIZE, INPUT_SIZE], "range": [0, 255]},
        "outputs": {"boxes": [1, 845, 4], "scores": [1, 845]},
        "source": "tiny_face_detector_model from the npm package @vladmandic/face-api 1.7.15 (MIT), converted by models/tools/convert_face_detector.py",
    }
    with open(os.path.splitext(args.out)[0] + ".json", "w", encoding="utf8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    print(f"wrote {args.out} ({len(blob)} bytes)")


if __name__ == "__main__":
    main()
