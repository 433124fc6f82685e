"""The full-resolution refiner: a small fully convolutional network that puts back the structure
(edges of lids, lips, nostrils) that the 256-px base network's output loses when it is
upsampled into a work area 1.5-8x larger.

Input (float32, NCHW, any H and W that are multiples of 4, run in tiles by the app):
  image  [1,3,H,W]  the edit as pasted so far: the upsampled base output inside the mask, the
                    photo's own sharp pixels outside it, RGB 0-1
  mask   [1,1,H,W]  1 = synthesized (refine here), 0 = the photo (kept)
  sketch [1,1,H,W]  the person's lines at full resolution, 1 = line (may be all zero)
Output `output` [1,3,H,W]: RGB 0-1, equal to `image` where mask is 0 (the graph composites).

Trained on the studio portraits (../shared/datasets/portraits), never on the 20 held out by name
in tests/bench/detail-eval.ts (nor those people's smiling photos): random crops, and inside a
random mask the real photo degraded the way the app's pipeline degrades it — area-downsampled by
a factor of 1.5-8, softened further at that scale (the base network is softer than a clean
downsample), given small colour and position errors like the base network's, and upsampled
back. The target is the real photo. Losses inside the mask: L1, L1 of image gradients, and a
detail-energy term (the local mean |high-pass| and of its horizontal and vertical differences,
matched to the real photo's; see DETAIL_WEIGHT).

  /usr/bin/python3 models/training/refiner.py train [--hours H]   # resumes refiner-resume.pt
  /usr/bin/python3 models/training/refiner.py export              # writes models/refiner.onnx + .json
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import math
import os
import random
import sys
import time

import cv2
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PORTRAITS = os.path.join(REPO, "..", "shared", "datasets", "portraits")
RESUME = os.path.join(HERE, "refiner-resume.pt")
LOG = os.path.join(HERE, "refiner-log.jsonl")

from portraits import HELD_OUT, is_held_out  # noqa: E402  (one list for every use)


def _act() -> nn.Module:
    return nn.LeakyReLU(0.2, inplace=True)


class ResBlock(nn.Module):
    def __init__(self, ch: int, dilation: int) -> None:
        super().__init__()
        self.a = nn.Conv2d(ch, ch, 3, 1, dilation, dilation=dilation)
        self.b = nn.Conv2d(ch, ch, 3, 1, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.b(F.leaky_relu(self.a(x), 0.2))


class Refiner(nn.Module):
    """Full-resolution head (24 ch), a half- and a quarter-resolution body with dilated residual
    blocks (reach ~70 px), nearest upsampling with skips; predicts a residual on the image."""

    def __init__(self, w0: int = 24, w1: int = 48, w2: int = 64) -> None:
        super().__init__()
        self.head = nn.Sequential(nn.Conv2d(5, w0, 3, 1, 1), _act(), nn.Conv2d(w0, w0, 3, 1, 1), _act())
        self.down1 = nn.Sequential(nn.Conv2d(w0, w1, 3, 2, 1), _act())
        self.down2 = nn.Sequential(nn.Conv2d(w1, w2, 3, 2, 1), _act())
        self.body = nn.Sequential(ResBlock(w2, 1), ResBlock(w2, 2), ResBlock(w2, 4), ResBlock(w2, 1))
        self.up2 = nn.Sequential(nn.Conv2d(w2 + w1, w1, 3, 1, 1), _act())
        self.up1 = nn.Sequential(nn.Conv2d(w1 + w0, w0, 3, 1, 1), _act())
        self.tail = nn.Conv2d(w0, 3, 3, 1, 1)

    def forward(self, image: torch.Tensor, mask: torch.Tensor, sketch: torch.Tensor) -> torch.Tensor:
        x0 = self.head(torch.cat([image * 2 - 1, mask, sketch * mask], 1))
        x1 = self.down1(x0)
        x2 = self.body(self.down2(x1))
        y1 = self.up2(torch.cat([F.interpolate(x2, scale_factor=2.0, mode="nearest"), x1], 1))
        y0 = self.up1(torch.cat([F.interpolate(y1, scale_factor=2.0, mode="nearest"), x0], 1))
        refined = (image + 0.25 * self.tail(y0)).clamp(0, 1)
        return image * (1 - mask) + refined * mask


# ---------------------------------------------------------------- data


def list_photos() -> list[str]:
    names = []
    for path in sorted(glob.glob(os.path.join(PORTRAITS, "*", "*.jpg"))):
        name = os.path.relpath(path, PORTRAITS)[:-4]
        if not is_held_out(name):
            names.append(name)
    return names


def face_box(name: str) -> tuple[float, float, float, float] | None:
    """The face's box from the landmark template (a smiling photo uses its neutral one's)."""
    tem = os.path.join(PORTRAITS, name.replace("_08", "_03") + ".tem")
    if not os.path.exists(tem):
        return None
    lines = open(tem).read().split("\n")
    pts = np.array([[float(v) for v in l.split()[:2]] for l in lines[1 : 1 + int(lines[0])]])
    x0, y0 = pts.min(0)
    x1, y1 = pts.max(0)
    return float(x0), float(y0), float(x1), float(y1)


def load_photos(names: list[str]) -> list[tuple[np.ndarray, tuple[float, float, float, float] | None]]:
    photos = []
    for n in names:
        img = cv2.cvtColor(cv2.imread(os.path.join(PORTRAITS, n + ".jpg")), cv2.COLOR_BGR2RGB)
        photos.append((img, face_box(n)))
    return photos


def random_mask(rng: random.Random, size: int) -> np.ndarray:
    m = np.zeros((size, size), np.uint8)
    for _ in range(rng.randint(1, 3)):
        cx, cy = rng.uniform(0.25, 0.75) * size, rng.uniform(0.25, 0.75) * size
        ax, ay = rng.uniform(0.12, 0.4) * size, rng.uniform(0.08, 0.3) * size
        cv2.ellipse(m, (int(cx), int(cy)), (int(ax), int(ay)), rng.uniform(0, 180), 0, 360, 1, -1)
    return m


def make_sample(item, rng: random.Random, crop: int) -> tuple[np.ndarray, ...]:
    """(image, mask, sketch, target), float32 HWC/HW in 0-1."""
    photo, box = item
    h, w = photo.shape[:2]
    s = math.exp(rng.uniform(math.log(1.5), math.log(8.0)))
    pad = int(math.ceil(3 * s)) + 4
    big = crop + 2 * pad
    # Crops centred on the face (its template's box) nine times in ten.
    if box is not None and rng.random() < 0.9:
        cx, cy = rng.uniform(box[0], box[2]), rng.uniform(box[1], box[3])
    else:
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    x = int(np.clip(cx - big / 2, 0, w - big))
    y = int(np.clip(cy - big / 2, 0, h - big))
    real = photo[y : y + big, x : x + big].astype(np.float32) / 255
    if rng.random() < 0.5:
        real = real[:, ::-1].copy()
    small = max(8, int(round(big / s)))
    low = cv2.resize(real, (small, small), interpolation=cv2.INTER_AREA)
    sigma = rng.uniform(0.2, 1.2)
    low = cv2.GaussianBlur(low, (0, 0), sigma)
    # The base network's position and colour errors: a sub-pixel shift and a smooth tint.
    shift = np.float32([[1, 0, rng.uniform(-0.6, 0.6)], [0, 1, rng.uniform(-0.6, 0.6)]])
    low = cv2.warpAffine(low, shift, (small, small), borderMode=cv2.BORDER_REFLECT)
    low = low * rng.uniform(0.94, 1.06) + np.float32([rng.uniform(-0.03, 0.03) for _ in range(3)])
    soft = cv2.resize(low, (big, big), interpolation=cv2.INTER_CUBIC)
    mask = random_mask(rng, big).astype(np.float32)
    # Lines where the real photo has edges at the network's scale, half of the time.
    sketch = np.zeros((big, big), np.float32)
    if rng.random() < 0.5:
        grey = cv2.cvtColor((cv2.resize(real, (small, small), interpolation=cv2.INTER_AREA) * 255).astype(np.uint8), cv2.COLOR_RGB2GRAY)
        edges = cv2.Canny(grey, 40, 100)
        sketch = (cv2.resize(edges, (big, big), interpolation=cv2.INTER_LINEAR) > 64).astype(np.float32)
    image = real * (1 - mask[..., None]) + np.clip(soft, 0, 1) * mask[..., None]
    c = slice(pad, pad + crop)
    return image[c, c], mask[c, c], sketch[c, c], real[c, c]


def load_pairs(folder: str | None) -> list[tuple[np.ndarray, ...]]:
    """The base network's real output on training portraits (tests/bench/detail-eval.ts with
    FACESHOP_EVAL_SET=train): (image as the refiner gets it, mask, sketch, the real photo)."""
    if not folder:
        return []
    cases = json.load(open(os.path.join(folder, "cases.json")))
    pairs, photos = [], {}
    for c in cases:
        name = os.path.relpath(c["photo"], PORTRAITS)[:-4]
        if is_held_out(name):
            raise SystemExit(f"refiner: {name} is held out and must not be in the pairs")
        if c["photo"] not in photos:
            photos = {c["photo"]: cv2.cvtColor(cv2.imread(c["photo"]), cv2.COLOR_BGR2RGB)}
        r = c["region"]
        real = photos[c["photo"]][r["top"] : r["top"] + r["height"], r["left"] : r["left"] + r["width"]]
        read = lambda suffix, flag=cv2.IMREAD_GRAYSCALE: cv2.imread(os.path.join(folder, f"{c['id']}-{suffix}.png"), flag)
        base = cv2.cvtColor(read("base", cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
        pairs.append((base, read("mask") > 127, read("sketch") > 64, real.copy()))
    return pairs


def make_pair_sample(pair, rng: random.Random, crop: int) -> tuple[np.ndarray, ...]:
    """A crop of a real base-network edit, centred near a random mask pixel."""
    base, mask, sketch, real = pair
    h, w = mask.shape
    ys, xs = np.nonzero(mask)
    k = rng.randrange(len(ys))
    cy = int(ys[k] + rng.uniform(-crop / 3, crop / 3))
    cx = int(xs[k] + rng.uniform(-crop / 3, crop / 3))
    y = int(np.clip(cy - crop // 2, 0, max(0, h - crop)))
    x = int(np.clip(cx - crop // 2, 0, max(0, w - crop)))
    sl = (slice(y, y + crop), slice(x, x + crop))
    out = [base[sl].astype(np.float32) / 255, mask[sl].astype(np.float32), sketch[sl].astype(np.float32), real[sl].astype(np.float32) / 255]
    if out[1].shape != (crop, crop):  # a window smaller than the crop: pad by reflection
        ph, pw = crop - out[1].shape[0], crop - out[1].shape[1]
        out = [np.pad(a, ((0, ph), (0, pw)) + ((0, 0),) * (a.ndim - 2), mode="reflect") for a in out]
    if rng.random() < 0.5:
        out = [a[:, ::-1].copy() for a in out]
    return tuple(out)


def batch(photos: list[np.ndarray], rng: random.Random, n: int, crop: int, pairs=(), pair_share: float = 0.0) -> list[torch.Tensor]:
    items = [
        make_pair_sample(pairs[rng.randrange(len(pairs))], rng, crop)
        if pairs and rng.random() < pair_share
        else make_sample(photos[rng.randrange(len(photos))], rng, crop)
        for _ in range(n)
    ]
    out = []
    for k in range(4):
        arr = np.stack([it[k] for it in items])
        t = torch.from_numpy(arr)
        t = t.permute(0, 3, 1, 2) if t.dim() == 4 else t[:, None]
        out.append(t.contiguous())
    return out


def gradients(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    return x[..., :, 1:] - x[..., :, :-1], x[..., 1:, :] - x[..., :-1, :]


def loss_of(out: torch.Tensor, target: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    area = mask.sum().clamp(min=1)
    l1 = ((out - target).abs() * mask).sum() / (3 * area)
    gx, gy = gradients(out)
    tx, ty = gradients(target)
    mx, my = mask[..., :, 1:] * mask[..., :, :-1], mask[..., 1:, :] * mask[..., :-1, :]
    lg = (((gx - tx).abs() * mx).sum() + ((gy - ty).abs() * my).sum()) / (3 * area)
    return l1 + 2.0 * lg + DETAIL_WEIGHT * detail_energy_loss(out, target, mask)


# The detail-energy term: L1 and gradient losses reward the average of the plausible fine
# structures, which is soft (a blurred lash line, a smooth lip edge). This term asks instead that
# the local amount of fine detail (mean |high-pass| of luminance over ~9 px, the high-pass at the
# sigma the detail ratio is measured with) match the real photo's, without asking for its phase.
DETAIL_WEIGHT = 3.0
DETAIL_SIGMA = 1.5


def _gauss_kernel(sigma: float) -> torch.Tensor:
    r = int(math.ceil(3 * sigma))
    x = torch.arange(-r, r + 1, dtype=torch.float32)
    k = torch.exp(-(x**2) / (2 * sigma**2))
    return k / k.sum()


_KERNEL = _gauss_kernel(DETAIL_SIGMA)


def high_pass(x: torch.Tensor) -> torch.Tensor:
    """Luminance minus its Gaussian low-pass (sigma DETAIL_SIGMA), [N,1,H,W]."""
    y = 0.299 * x[:, 0:1] + 0.587 * x[:, 1:2] + 0.114 * x[:, 2:3]
    k = _KERNEL.to(x.dtype)
    r = k.numel() // 2
    low = F.conv2d(F.pad(y, (r, r, 0, 0), mode="reflect"), k.view(1, 1, 1, -1))
    low = F.conv2d(F.pad(low, (0, 0, r, r), mode="reflect"), k.view(1, 1, -1, 1))
    return y - low


def _energies(x: torch.Tensor) -> torch.Tensor:
    """Local mean of |high-pass| and of its horizontal and vertical differences, [N,3,H,W]:
    matching the two directions separately keeps the term from being met by stripes (a first
    version, matched on |high-pass| alone, drew horizontal scanlines into lips and skin)."""
    hp = high_pass(x)
    dx, dy = gradients(hp)
    dx, dy = F.pad(dx, (0, 1, 0, 0)), F.pad(dy, (0, 0, 0, 1))
    e = torch.cat([hp.abs(), dx.abs(), dy.abs()], 1)
    return F.avg_pool2d(e, 9, stride=1, padding=4, count_include_pad=False)


def detail_energy_loss(out: torch.Tensor, target: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    diff = (_energies(out) - _energies(target)).abs().sum(1, keepdim=True)
    return (diff * mask).sum() / mask.sum().clamp(min=1)


def detail_ratio(out: torch.Tensor, target: torch.Tensor, mask: torch.Tensor) -> float:
    """Mean |high-pass| inside the mask, output / real photo (the eval's detail ratio)."""
    return float((high_pass(out).abs() * mask).sum() / (high_pass(target).abs() * mask).sum().clamp(min=1e-6))


# ---------------------------------------------------------------- train / export


def train(args: argparse.Namespace) -> None:
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    names = list_photos()
    photos = load_photos(names)
    pairs = load_pairs(args.pairs)
    print(f"refiner: {len(photos)} training portraits (held out: {len(HELD_OUT)} by name), {len(pairs)} base-network pairs", flush=True)
    net = Refiner().to(memory_format=torch.channels_last)
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    step, images, hours = 0, 0, 0.0
    if os.path.exists(RESUME) and not args.fresh:
        state = torch.load(RESUME)
        net.load_state_dict({k: v.float() for k, v in state["net"].items()})
        opt.load_state_dict(state["opt"])
        step, images, hours = state["step"], state["images"], state["hours"]
        print(f"refiner: resumed at {images} images", flush=True)
    rng = random.Random(step + 1)
    val_rng = random.Random(12345)
    val = [batch(photos, val_rng, 16, args.crop) for _ in range(2)]
    val_pairs = [batch(photos, val_rng, 16, args.crop, pairs, 1.0) for _ in range(2)] if pairs else []
    started = time.time()
    last_save = time.time()
    running = []
    import signal

    stop = {"now": False}
    signal.signal(signal.SIGTERM, lambda *_: stop.update(now=True))  # save, then stop
    while time.time() - started < args.hours * 3600:
        image, mask, sketch, target = batch(photos, rng, args.batch, args.crop, pairs, args.pair_share)
        image = image.to(memory_format=torch.channels_last)
        out = net(image, mask, sketch)
        loss = loss_of(out, target, mask)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        step += 1
        images += args.batch
        running.append(float(loss))
        if time.time() - last_save > args.save_minutes * 60 or stop["now"]:
            hours += (time.time() - last_save) / 3600
            last_save = time.time()
            def scores(sets):
                v_in, v_ref, v_detail = [], [], []
                for vi, vm, vs, vt in sets:
                    vo = net(vi, vm, vs)
                    v_in.append(float(((vi - vt).abs() * vm).sum() / (3 * vm.sum())))
                    v_ref.append(float(((vo - vt).abs() * vm).sum() / (3 * vm.sum())))
                    v_detail.append(detail_ratio(vo, vt, vm))
                return v_in, v_ref, v_detail

            with torch.no_grad():
                v_in, v_ref, v_detail = scores(val)
                p_in, p_ref, p_detail = scores(val_pairs) if val_pairs else ([0.0], [0.0], [0.0])
            entry = {
                "time": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "step": step,
                "images": images,
                "hours": round(hours, 4),
                "loss": round(float(np.mean(running)), 5),
                "val_l1_input": round(float(np.mean(v_in)), 5),
                "val_l1_refined": round(float(np.mean(v_ref)), 5),
                "val_detail": round(float(np.mean(v_detail)), 4),
                "detail_weight": DETAIL_WEIGHT,
                **({"pairs_l1_input": round(float(np.mean(p_in)), 5), "pairs_l1_refined": round(float(np.mean(p_ref)), 5), "pairs_detail": round(float(np.mean(p_detail)), 4), "pair_share": args.pair_share} if val_pairs else {}),
            }
            running = []
            with open(LOG, "a") as f:
                f.write(json.dumps(entry) + "\n")
            print(json.dumps(entry), flush=True)
            torch.save(
                {
                    "net": {k: v.half() for k, v in net.state_dict().items()},
                    "opt": opt.state_dict(),
                    "step": step,
                    "images": images,
                    "hours": hours,
                },
                RESUME + ".tmp",
            )
            os.replace(RESUME + ".tmp", RESUME)
            if stop["now"]:
                print("refiner: stopped on request (saved)", flush=True)
                return


def export(args: argparse.Namespace) -> None:
    import onnx

    if args.tiny:
        # A test fixture: the same graph, a few channels wide, seeded random weights (no data),
        # scaled up so that its output reaches tens of pixels (tiling seams would show).
        torch.manual_seed(0)
        net = Refiner(4, 8, 8)
        with torch.no_grad():
            for m in net.modules():
                if isinstance(m, nn.Conv2d):
                    m.weight.mul_(2.5)
        state = {"images": 0, "hours": 0.0}
    else:
        state = torch.load(RESUME)
        net = Refiner()
        net.load_state_dict({k: v.float() for k, v in state["net"].items()})
    net.eval()
    folder = args.out or os.path.join(REPO, "models")
    os.makedirs(folder, exist_ok=True)
    out = os.path.join(folder, "refiner.onnx")
    x = torch.rand(1, 3, 64, 64)
    m = torch.ones(1, 1, 64, 64)
    s = torch.zeros(1, 1, 64, 64)
    dyn = {k: {2: "h", 3: "w"} for k in ("image", "mask", "sketch", "output")}
    torch.onnx.export(net, (x, m, s), out, input_names=["image", "mask", "sketch"], output_names=["output"], dynamic_axes=dyn, opset_version=13)
    onnx.checker.check_model(onnx.load(out))
    digest = hashlib.sha256(open(out, "rb").read()).hexdigest()
    params = sum(p.numel() for p in net.parameters())
    manifest = {
        "name": "faceshop-refiner",
        "version": f"0.{state['images'] // 1000}.0",
        "role": "refiner",
        "file": "refiner.onnx",
        "sha256": digest,
        "tileMultiple": 4,
        "inputs": {"image": [1, 3, "H", "W"], "mask": [1, 1, "H", "W"], "sketch": [1, 1, "H", "W"]},
        "output": {"output": [1, 3, "H", "W"]},
        "trainingData": "none (untrained test fixture)" if args.tiny else "Face Research Lab London Set and Young Adult White Faces (DeBruine & Jones 2017, CC-BY 4.0), 20 portraits held out by name",
        "trainedImages": state["images"],
        "trainedHours": round(state["hours"], 2),
        "parameters": params,
    }
    with open(os.path.join(folder, "refiner.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    if args.tiny:
        manifest["name"] = "refiner-test-fixture"
        with open(os.path.join(folder, "refiner.json"), "w") as f:
            json.dump(manifest, f, indent=2)
            f.write("\n")
    print(f"refiner: wrote {out} ({params} parameters, {state['images']} images)")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("command", choices=["train", "export"])
    p.add_argument("--hours", type=float, default=2.0)
    p.add_argument("--batch", type=int, default=12)
    p.add_argument("--crop", type=int, default=96)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--save-minutes", type=float, default=4.0)
    p.add_argument("--fresh", action="store_true")
    p.add_argument("--pairs", default=None, help="train: a folder of base-network pairs (eval:detail with FACESHOP_EVAL_SET=train)")
    p.add_argument("--pair-share", type=float, default=0.5)
    p.add_argument("--out", default=None, help="export: the folder (default: models/)")
    p.add_argument("--tiny", action="store_true", help="export: an untrained few-channel fixture")
    args = p.parse_args()
    {"train": train, "export": export}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
