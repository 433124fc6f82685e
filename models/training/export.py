"""Export the trained generator to ONNX with its manifest (DESIGN.md contract 1).

    /usr/bin/python3 models/training/export.py [--metrics models/training/eval.json]

Writes models/faceshop-256.onnx and models/faceshop-256.json. The manifest carries what the
app checks before loading (sha256, input names, native resolution, stride) and what a person
wants to know (training data and its terms, images seen, metrics).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import time

import torch

from network import Generator, count_parameters

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.dirname(HERE)
NATIVE = 256
DATA_CREDIT = "UTKFace aligned & cropped faces (19,099 after selection; 500 held out), non-commercial research use only"
#: The studio portraits joined the training faces at this many images (train.py --portraits).
PORTRAITS_FROM = 117_280
PORTRAIT_CREDIT = (
    "116 studio portraits of the Face Research Lab London Set and Young Adult White Faces "
    "(L. M. DeBruine & B. C. Jones, 2017, figshare, CC-BY 4.0; 20 held out by name)"
)


def load_generator(path: str) -> tuple[Generator, dict]:
    state = torch.load(path, map_location="cpu")
    g = Generator(tuple(state.get("widths", Generator().widths)))
    g.load_state_dict({k: v.float() for k, v in state["g"].items()})
    return g.eval(), state


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--checkpoint", default=os.path.join(HERE, "resume.pt"))
    p.add_argument("--metrics", default=os.path.join(HERE, "eval.json"))
    p.add_argument("--name", default="faceshop-256")
    p.add_argument("--version", default=None, help="defaults to 0.<images seen in thousands>")
    args = p.parse_args()

    g, state = load_generator(args.checkpoint)
    s = NATIVE
    example = (
        torch.rand(1, 3, s, s),
        torch.zeros(1, 1, s, s),
        torch.zeros(1, 1, s, s),
        torch.zeros(1, 4, s, s),
        torch.randn(1, 1, s, s),
    )
    names = ["image", "mask", "sketch", "color", "noise"]
    onnx_path = os.path.join(MODELS, f"{args.name}.onnx")
    dyn = {n: {2: "h", 3: "w"} for n in names + ["output"]}
    torch.onnx.export(g, example, onnx_path, input_names=names, output_names=["output"], dynamic_axes=dyn, opset_version=17)
    with open(onnx_path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    metrics = {}
    if os.path.exists(args.metrics):
        with open(args.metrics) as f:
            metrics = json.load(f)
    images = int(state["images_seen"])
    manifest = {
        "name": args.name,
        "version": args.version or f"0.{images // 1000}.0",
        "file": os.path.basename(onnx_path),
        "sha256": digest,
        "nativeResolution": NATIVE,
        "stride": g.stride,
        "inputs": {
            "image": [1, 3, "H", "W"],
            "mask": [1, 1, "H", "W"],
            "sketch": [1, 1, "H", "W"],
            "color": [1, 4, "H", "W"],
            "noise": [1, 1, "H", "W"],
        },
        "output": {"output": [1, 3, "H", "W"]},
        "parameters": count_parameters(g),
        "training": {
            "data": DATA_CREDIT if images < PORTRAITS_FROM else DATA_CREDIT + "; " + PORTRAIT_CREDIT,
            "imagesSeen": images,
            "hours": round(float(state["seconds"]) / 3600, 2),
            "exported": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        },
        "metrics": metrics,
        "license": "Model weights derived from UTKFace: non-commercial research use only"
        + ("" if images < PORTRAITS_FROM else "; and from the Face Research Lab London Set and Young Adult White Faces (DeBruine & Jones 2017, CC-BY 4.0: credit required)"),
    }
    with open(os.path.join(MODELS, f"{args.name}.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    print(f"exported {onnx_path} ({os.path.getsize(onnx_path) / 1e6:.1f} MB, sha256 {digest[:12]}…), {images} images seen")


if __name__ == "__main__":
    main()
