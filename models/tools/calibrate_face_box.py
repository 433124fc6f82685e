"""Where the face detector's box sits in the training frame.

The generator was trained on dlib-aligned face crops; at inference the work area should frame
a face the same way. This runs the converted detector (models/tools/convert_face_detector.py)
on the 500 held-out training faces, each centred on a neutral grey canvas twice its size (the
detector needs some context around a face), and prints the median box relative to the face
frame. Those numbers are the constants of electron/core/faces/face-work-area.ts. Only the
aggregate numbers leave this script; the faces stay in ../shared.

    /usr/bin/python3 models/tools/calibrate_face_box.py /path/to/face-api/model
"""

from __future__ import annotations

import os
import sys

import cv2
import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "training"))
sys.path.insert(0, HERE)

import data  # noqa: E402
from convert_face_detector import INPUT_SIZE, TinyFaceDetector, read_quantized_weights  # noqa: E402


def main() -> None:
    torch.set_num_threads(1)
    net = TinyFaceDetector(read_quantized_weights(sys.argv[1], "tiny_face_detector_model")).eval()
    _, val = data.load_faces()
    rel = []
    missed = 0
    for i in range(len(val.names)):
        face = val.decode(i)  # 256 x 256
        canvas = np.full((512, 512, 3), 128, np.uint8)
        canvas[128:384, 128:384] = face
        x = cv2.resize(canvas, (INPUT_SIZE, INPUT_SIZE), interpolation=cv2.INTER_AREA)
        with torch.no_grad():
            boxes, scores = net(torch.from_numpy(x.astype(np.float32).transpose(2, 0, 1)[None]))
        k = int(scores[0].argmax())
        if float(scores[0, k]) < 0.5:
            missed += 1
            continue
        x0, y0, x1, y1 = (boxes[0, k].numpy() * 512 - 128) / 256  # in face-frame units
        rel.append((x0, y0, x1, y1, float(scores[0, k])))
    r = np.array(rel)
    cx, cy = (r[:, 0] + r[:, 2]) / 2, (r[:, 1] + r[:, 3]) / 2
    w, h = r[:, 2] - r[:, 0], r[:, 3] - r[:, 1]
    print(f"faces {len(r)} of {len(val.names)} (missed {missed}); score median {np.median(r[:, 4]):.3f}")
    for name, v in [("centre x", cx), ("centre y", cy), ("width", w), ("height", h)]:
        print(f"{name:9s} median {np.median(v):.4f}  p10 {np.percentile(v, 10):.4f}  p90 {np.percentile(v, 90):.4f}")


if __name__ == "__main__":
    main()
