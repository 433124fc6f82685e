"""Convert the 68-point face landmark network shipped in the npm package @vladmandic/face-api to ONNX.

FaceShop needs to know where the eyes, brows, nose, mouth and jaw of a face are (part presets,
paste placement, the iris tool, the roll of a tilted head). The landmark network's weights come
from the npm tarball of @vladmandic/face-api 1.7.15 (MIT licence, `model/` folder:
face_landmark_68_model.bin + its weights manifest, 357 KB, uint8-quantized), the same package
the face detector comes from (convert_face_detector.py). As with the detector, the network is
rebuilt below in PyTorch from the weight shapes (our code; the weights and the mean colour are
the package's) and exported to ONNX, so the app runs it in onnxruntime-node without TensorFlow.js.
The weights stay the package's uint8 codes in the graph (dequantized by it: code * scale + min),
so the file is 0.39 MB instead of 1.5 MB and the values are exactly the package's.

    npm pack @vladmandic/face-api@1.7.15 && tar xzf vladmandic-face-api-1.7.15.tgz
    node models/tools/face-api-reference.mjs package /tmp/ref assets/samples/astronaut.png ...
    /usr/bin/python3 models/tools/convert_face_landmarks.py package/model \
        --reference /tmp/ref/landmarks-raw.json --reference-input /tmp/ref/crops-112.f32

The graph takes a face crop (the detector's box padded to a square with black, resized to 112²)
as RGB in 0..255, float32 [N, 3, 112, 112], and returns `landmarks` [N, 136]: the 68 iBUG points
as (x0, y0, x1, y1, ...) fractions of the 112² crop (0..1 inside it; the caller undoes the
padding and the crop). The points are the standard iBUG 300-W order: jaw 0-16, brows 17-26,
nose 27-35, eyes 36-47, mouth 48-67, with "left"/"right" as seen in the picture.

Architecture (face-api's FaceLandmark68Net, written here from its layer shapes): four dense
blocks of four convolutions each, the first of each block with stride 2 (a plain 3 x 3
convolution in the first block, depthwise-separable elsewhere), each later convolution fed the
ReLU of the sum of the earlier outputs of its block; 32-64-128-256 channels over 56-28-14-7
pixels; a 7 x 7 average pool; one fully connected layer 256 -> 136. TensorFlow's 'same' padding
with stride 2 on an even side pads only at the end (right/bottom), which is reproduced here.

--reference checks the rebuilt network against face-api's own TensorFlow.js output on the same
112² inputs (JSON {"shape": [N, 136], "data": [...]}, raw network output before face-api's
post-processing; the inputs as float32 N x 112 x 112 x 3, both written by face-api-reference.mjs,
which runs the package's own code) and prints the largest difference.
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

INPUT_SIZE = 112
# Channel means subtracted before scaling by 1/255: the network's training constant.
MEAN_RGB = (122.782, 117.001, 104.298)
VERSION = "1.7.15"


def pad_same_stride2(x: torch.Tensor) -> torch.Tensor:
    """TensorFlow 'same' padding for a 3 x 3 kernel at stride 2 on an even side (112, 56, 28, 14):
    one pixel at the end (right and bottom), none at the start."""
    return F.pad(x, (0, 1, 0, 1))


def read_raw_weights(model_dir: str, name: str) -> dict[str, tuple[np.ndarray, float, float]]:
    """tfjs weight files: tensors packed in manifest order, each uint8 with (scale, min)."""
    with open(os.path.join(model_dir, f"{name}-weights_manifest.json"), encoding="utf8") as f:
        manifest = json.load(f)
    weights: dict[str, tuple[np.ndarray, float, float]] = {}
    for group in manifest:
        blob = b"".join(open(os.path.join(model_dir, p), "rb").read() for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            count = int(np.prod(spec["shape"]))
            q = spec.get("quantization")
            if q is None or q["dtype"] != "uint8":
                raise ValueError(f"{spec['name']}: expected uint8-quantized weights")
            raw = np.frombuffer(blob, np.uint8, count, offset).reshape(spec["shape"])
            weights[spec["name"]] = (raw, float(q["scale"]), float(q["min"]))
            offset += count
        if offset != len(blob):
            raise ValueError(f"weights file has {len(blob) - offset} unexpected bytes")
    return weights


class Quantized(torch.nn.Module):
    """A weight kept as the package's uint8 codes: value = code * scale + min, computed in the graph.

    This keeps the ONNX file at the size of the package's weights (float32 would be 1.5 MB) and
    the values exactly the package's dequantized ones.
    """

    def __init__(self, raw: np.ndarray, scale: float, minimum: float) -> None:
        super().__init__()
        self.register_buffer("codes", torch.from_numpy(np.array(raw, np.uint8)))
        self.register_buffer("scale", torch.tensor(scale, dtype=torch.float32))
        self.register_buffer("minimum", torch.tensor(minimum, dtype=torch.float32))

    def forward(self) -> torch.Tensor:
        return self.codes.float() * self.scale + self.minimum


class FaceLandmarks68(torch.nn.Module):
    def __init__(self, w: dict[str, tuple[np.ndarray, float, float]]) -> None:
        super().__init__()

        def q(name: str, *axes: int) -> Quantized:
            raw, scale, minimum = w[name]
            return Quantized(raw.transpose(*axes) if axes else raw, scale, minimum)

        # tfjs layouts: conv [kh, kw, in, out] -> [out, in, kh, kw]; depthwise [kh, kw, C, 1] -> [C, 1, kh, kw].
        self.first_w = q("dense0/conv0/filters", 3, 2, 0, 1)
        self.first_b = q("dense0/conv0/bias")
        self.sep = torch.nn.ModuleList()
        for block in range(4):
            for conv in range(4):
                if block == 0 and conv == 0:
                    continue
                key = f"dense{block}/conv{conv}"
                self.sep.append(q(f"{key}/depthwise_filter", 2, 3, 0, 1))
                self.sep.append(q(f"{key}/pointwise_filter", 3, 2, 0, 1))
                self.sep.append(q(f"{key}/bias"))
        self.fc_w = q("fc/weights", 1, 0)  # [136, 256]
        self.fc_b = q("fc/bias")
        self.register_buffer("mean", torch.tensor(MEAN_RGB).view(1, 3, 1, 1))

    def separable(self, x: torch.Tensor, index: int, stride: int) -> torch.Tensor:
        dw, pw, b = self.sep[3 * index](), self.sep[3 * index + 1](), self.sep[3 * index + 2]()
        if stride == 2:
            x = F.conv2d(pad_same_stride2(x), dw, stride=2, groups=dw.shape[0])
        else:
            x = F.conv2d(x, dw, padding=1, groups=dw.shape[0])
        return F.conv2d(x, pw, b)

    def forward(self, rgb: torch.Tensor) -> torch.Tensor:
        x = (rgb - self.mean) / 255.0
        index = 0
        for block in range(4):
            if block == 0:
                out1 = F.relu(F.conv2d(pad_same_stride2(x), self.first_w(), self.first_b(), stride=2))
            else:
                out1 = F.relu(self.separable(x, index, 2))
                index += 1
            out2 = self.separable(out1, index, 1)
            index += 1
            out3 = self.separable(F.relu(out1 + out2), index, 1)
            index += 1
            out4 = self.separable(F.relu(out1 + out2 + out3), index, 1)
            index += 1
            x = F.relu(out1 + out2 + out3 + out4)
        x = F.avg_pool2d(x, 7, stride=2)  # [N, 256, 1, 1]
        return F.linear(x.flatten(1), self.fc_w(), self.fc_b())


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model_dir", help="the model/ folder of the @vladmandic/face-api npm package")
    p.add_argument("--out", default=os.path.join(MODELS, "face-landmarks.onnx"))
    p.add_argument("--reference", help="optional JSON {shape, data} of face-api's raw network output on --reference-input")
    p.add_argument("--reference-input", help="face-api's network inputs, float32 N x 112 x 112 x 3 (RGB 0..255), for --reference")
    args = p.parse_args()

    net = FaceLandmarks68(read_raw_weights(args.model_dir, "face_landmark_68_model")).eval()
    if args.reference:
        with open(args.reference, encoding="utf8") as f:
            ref = json.load(f)
        expected = np.array(ref["data"], np.float32).reshape(ref["shape"])
        pixels = np.fromfile(args.reference_input, np.float32).reshape(-1, INPUT_SIZE, INPUT_SIZE, 3)
        x = torch.from_numpy(np.ascontiguousarray(pixels.transpose(0, 3, 1, 2)))
        with torch.no_grad():
            got = net(x).numpy()
        diff = np.abs(got - expected)
        print(
            f"{len(got)} faces: max |difference| to face-api's output {diff.max():.3g} "
            f"(of the 112-px crop: {diff.max() * INPUT_SIZE:.3g} px; output range {expected.min():.3f}..{expected.max():.3f})"
        )

    dummy = torch.zeros(1, 3, INPUT_SIZE, INPUT_SIZE)
    torch.onnx.export(
        net,
        dummy,
        args.out,
        input_names=["rgb"],
        output_names=["landmarks"],
        dynamic_axes={"rgb": {0: "batch"}, "landmarks": {0: "batch"}},
        opset_version=13,
        do_constant_folding=False,  # keep the uint8 codes; onnxruntime dequantizes them once at load
    )
    with open(args.out, "rb") as f:
        blob = f.read()
    manifest = {
        "name": "face-landmarks",
        "version": VERSION,
        "licence": "MIT",
        "file": os.path.basename(args.out),
        "sha256": hashlib.sha256(blob).hexdigest(),
        "bytes": len(blob),
        "inputSize": INPUT_SIZE,
        "input": {"name": "rgb", "shape": [1, 3, INPUT_SIZE, INPUT_SIZE], "range": [0, 255]},
        "outputs": {"landmarks": [1, 136]},
        "points": 68,
        "layout": "iBUG 300-W 68 points as (x, y) fractions of the square-padded face crop",
        "source": f"face_landmark_68_model from the npm package @vladmandic/face-api {VERSION} (MIT, (c) Vladimir Mandic), converted by models/tools/convert_face_landmarks.py",
    }
    with open(os.path.splitext(args.out)[0] + ".json", "w", encoding="utf8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    print(f"wrote {args.out} ({len(blob)} bytes)")


if __name__ == "__main__":
    main()
