"""Shared code for Pedlab's Mask R-CNN models: data, targets, model builders,
checkpoint helpers, COCO-style RLE and a small COCO-style AP evaluator.

Works with torch 1.13 / torchvision 0.14 and torch 2.x / torchvision 0.2x.
"""
import io
import json
import os
from functools import partial

import numpy as np
import torch
from torch import nn
from PIL import Image

import torchvision
from torchvision.models.detection import MaskRCNN
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.backbone_utils import BackboneWithFPN
from torchvision.models.detection.faster_rcnn import FastRCNNConvFCHead, FastRCNNPredictor, TwoMLPHead
from torchvision.models.detection.mask_rcnn import MaskRCNNHeads, MaskRCNNPredictor
from torchvision.models.detection.rpn import RPNHead
from torchvision.models.detection.transform import GeneralizedRCNNTransform
from torchvision.ops import MultiScaleRoIAlign, masks_to_boxes
from torchvision.ops.feature_pyramid_network import LastLevelMaxPool

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "data", "PennFudanPed"))
CLASS_NAMES = ["background", "pedestrian"]


# ----------------------------------------------------------------------------- data

def load_split(data_dir):
    with open(os.path.join(data_dir, "split.json")) as f:
        return json.load(f)


def mask_name(img_name):
    return os.path.splitext(img_name)[0] + "_mask.png"


def load_records(data, split):
    """Return a list of dicts {name, image (HxWx3 uint8), mask (HxW uint8 instance ids)}.

    `data` is either the PennFudanPed directory (with split.json) or a pack
    (.npz) written by models/pack_data.py.
    """
    if data.endswith(".npz"):
        z = np.load(data, allow_pickle=False)
        names = [str(n) for n in z["names"]]
        splits = [str(s) for s in z["splits"]]
        io_, mo = z["img_off"], z["mask_off"]
        ib, mb = z["img_blob"], z["mask_blob"]
        recs = []
        for i, (n, s) in enumerate(zip(names, splits)):
            if s != split:
                continue
            img = np.array(Image.open(io.BytesIO(ib[io_[i]:io_[i + 1]].tobytes())).convert("RGB"))
            msk = np.array(Image.open(io.BytesIO(mb[mo[i]:mo[i + 1]].tobytes())))
            recs.append({"name": n, "image": img, "mask": msk})
        return recs
    names = load_split(data)[split]
    recs = []
    for n in names:
        img = np.array(Image.open(os.path.join(data, "PNGImages", n)).convert("RGB"))
        msk = np.array(Image.open(os.path.join(data, "PedMasks", mask_name(n))))
        recs.append({"name": n, "image": img, "mask": msk})
    return recs


def instance_masks(mask):
    """Tutorial convention: every id k>0 present in PedMasks is one pedestrian."""
    m = torch.as_tensor(np.asarray(mask))
    ids = torch.unique(m)
    ids = ids[ids > 0]
    return (m[None] == ids[:, None, None]).to(torch.uint8)


def make_target(masks):
    """masks: [K,H,W] uint8 -> torchvision target dict (boxes via masks_to_boxes)."""
    k = masks.shape[0]
    boxes = masks_to_boxes(masks) if k else torch.zeros((0, 4), device=masks.device)
    return {
        "boxes": boxes.float(),
        "labels": torch.ones((k,), dtype=torch.int64, device=masks.device),
        "masks": masks,
        "iscrowd": torch.zeros((k,), dtype=torch.int64, device=masks.device),
    }


# ----------------------------------------------------------------------------- models

def _bn(eps=1e-5, momentum=0.1):
    return partial(nn.BatchNorm2d, eps=eps, momentum=momentum)


def build_model(arch):
    """Build a from-scratch Mask R-CNN (no pretrained weights) from an arch config dict."""
    norm = _bn()
    backbone_name = arch["backbone"]
    ch = int(arch.get("fpn_channels", 256))
    if backbone_name == "resnet18":
        body = torchvision.models.resnet18(weights=None, norm_layer=nn.BatchNorm2d)
        return_layers = {"layer1": "0", "layer2": "1", "layer3": "2", "layer4": "3"}
        in_list = [64, 128, 256, 512]
    elif backbone_name == "resnet50":
        body = torchvision.models.resnet50(weights=None, norm_layer=nn.BatchNorm2d)
        return_layers = {"layer1": "0", "layer2": "1", "layer3": "2", "layer4": "3"}
        in_list = [256, 512, 1024, 2048]
    elif backbone_name == "mobilenet_v3_large":
        body = torchvision.models.mobilenet_v3_large(weights=None).features  # BatchNorm2d, trainable
        # last block of the stride-8, stride-16 and stride-32 stages
        return_layers = {"6": "0", "12": "1", "16": "2"}
        in_list = [40, 112, 960]
    else:
        raise ValueError("unknown backbone " + backbone_name)
    fpn_norm = norm if arch.get("fpn_norm", True) else None
    backbone = BackboneWithFPN(body, return_layers, in_list, ch, extra_blocks=LastLevelMaxPool(), norm_layer=fpn_norm)
    n_levels = len(in_list) + 1
    feat_names = [str(i) for i in range(len(in_list))]

    sizes = tuple(tuple(s) for s in arch["anchor_sizes"])
    ratios = (tuple(arch.get("aspect_ratios", [0.5, 1.0, 2.0])),) * n_levels
    assert len(sizes) == n_levels, (len(sizes), n_levels)
    anchor_gen = AnchorGenerator(sizes, ratios)
    rpn_head = RPNHead(ch, anchor_gen.num_anchors_per_location()[0], conv_depth=int(arch.get("rpn_conv_depth", 1)))

    box_pool = MultiScaleRoIAlign(feat_names, 7, 2)
    bh = arch["box_head"]
    if bh.get("conv_layers"):
        box_head = FastRCNNConvFCHead((ch, 7, 7), bh["conv_layers"], [bh["fc"]], norm_layer=norm)
    else:
        box_head = TwoMLPHead(ch * 7 * 7, bh["fc"])
    box_pred = FastRCNNPredictor(bh["fc"], 2)

    mask_pool = MultiScaleRoIAlign(feat_names, 14, 2)
    mlayers = arch["mask_head_layers"]
    mask_head = MaskRCNNHeads(ch, mlayers, 1, norm_layer=norm)
    mask_pred = MaskRCNNPredictor(mlayers[-1], mlayers[-1], 2)

    model = MaskRCNN(
        backbone,
        num_classes=None,
        min_size=tuple(arch["min_size_train"]) + (int(arch["min_size_test"]),),
        max_size=int(arch["max_size"]),
        rpn_anchor_generator=anchor_gen,
        rpn_head=rpn_head,
        rpn_batch_size_per_image=int(arch.get("rpn_batch_size_per_image", 256)),
        box_roi_pool=box_pool,
        box_head=box_head,
        box_predictor=box_pred,
        box_batch_size_per_image=int(arch.get("box_batch_size_per_image", 256)),
        box_score_thresh=float(arch.get("box_score_thresh", 0.05)),
        box_detections_per_img=int(arch.get("box_detections_per_img", 100)),
        mask_roi_pool=mask_pool,
        mask_head=mask_head,
        mask_predictor=mask_pred,
    )
    model.transform.__class__ = PedlabTransform
    return model


class PedlabTransform(GeneralizedRCNNTransform):
    """GeneralizedRCNNTransform whose eager inference resize computes the output size exactly as
    the exported ONNX graph does (float32 multiply, floor).

    torchvision's eager path multiplies the float32 scale by the input size in double precision,
    the ONNX graph in float32; for the side scaled to min_size the product is 511.99997 in one
    and 512.0 in the other for about half of all image sizes, so the two resized images (and
    all detections) differ by one pixel row. Training and tracing use torchvision's code."""

    def resize(self, image, target=None):
        if self.training or target is not None or torchvision._is_tracing():
            return super().resize(image, target)
        im_shape = torch.tensor(image.shape[-2:])
        shape_f = im_shape.to(torch.float32)
        scale = torch.min(float(self.min_size[-1]) / torch.min(shape_f), float(self.max_size) / torch.max(shape_f))
        out = torch.floor(shape_f * scale.to(torch.float32)).to(torch.int64)
        image = torch.nn.functional.interpolate(image[None], size=(int(out[0]), int(out[1])), mode="bilinear",
                                                align_corners=False)[0]
        return image, target


def set_test_size(model, size):
    model.transform.min_size = (int(size),)


def count_params(model):
    return sum(p.numel() for p in model.parameters())


def torch_load(path, map_location="cpu"):
    try:
        return torch.load(path, map_location=map_location, weights_only=False)
    except TypeError:  # very old torch without weights_only
        return torch.load(path, map_location=map_location)


def compact_state_dict(model):
    """Model-only state dict with conv/linear weights (ndim >= 2) stored as fp16.

    Norm parameters, running stats and biases stay fp32 (they are small and
    BatchNorm variances can be tiny)."""
    out = {}
    for k, v in model.state_dict().items():
        v = v.detach().cpu()
        if v.is_floating_point() and v.dim() >= 2:
            v = v.half()
        out[k] = v.clone()
    return out


def round_weights_fp16_(model):
    """Round every conv/linear weight to fp16 precision in place (what compact_state_dict keeps)."""
    with torch.no_grad():
        for _, v in model.state_dict().items():
            if v.is_floating_point() and v.dim() >= 2:
                v.copy_(v.half().float())


def save_split(obj, path, part_bytes=15 * 1024 * 1024):
    """torch.save obj to path; if larger than part_bytes, split into path.partNN and remove path."""
    torch.save(obj, path)
    size = os.path.getsize(path)
    d = os.path.dirname(path) or "."
    base = os.path.basename(path)
    for f in os.listdir(d):
        if f.startswith(base + ".part"):
            os.remove(os.path.join(d, f))
    if size <= part_bytes:
        return [path]
    parts = []
    with open(path, "rb") as f:
        i = 0
        while True:
            chunk = f.read(part_bytes)
            if not chunk:
                break
            p = "%s.part%02d" % (path, i)
            with open(p, "wb") as g:
                g.write(chunk)
            parts.append(p)
            i += 1
    os.remove(path)
    return parts


def load_maybe_split(path):
    """Load a checkpoint written by save_split (whole file, or path.part00, path.part01, ...)."""
    if os.path.exists(path):
        return torch_load(path)
    d = os.path.dirname(path) or "."
    base = os.path.basename(path)
    parts = sorted(f for f in os.listdir(d) if f.startswith(base + ".part"))
    if not parts:
        raise FileNotFoundError(path)
    buf = io.BytesIO()
    for p in parts:
        with open(os.path.join(d, p), "rb") as f:
            buf.write(f.read())
    buf.seek(0)
    try:
        return torch.load(buf, map_location="cpu", weights_only=False)
    except TypeError:
        return torch.load(buf, map_location="cpu")


def load_model_from_checkpoint(path, arch=None):
    ck = load_maybe_split(path)
    arch = arch or ck["arch"]
    model = build_model(arch)
    sd = {k: (v.float() if v.is_floating_point() else v) for k, v in ck["model"].items()}
    model.load_state_dict(sd)
    return model, ck


# ----------------------------------------------------------------------------- COCO RLE

def rle_encode(mask):
    """Binary HxW mask -> COCO compressed RLE dict {size:[h,w], counts:str} (column-major)."""
    m = np.asarray(mask, dtype=np.uint8)
    h, w = m.shape
    flat = m.reshape(-1, order="F")
    counts = _runs(flat)
    return {"size": [int(h), int(w)], "counts": _counts_to_string(counts)}


def _runs(flat):
    if flat.size == 0:
        return [0]
    change = np.flatnonzero(flat[1:] != flat[:-1]) + 1
    bounds = np.concatenate([[0], change, [flat.size]])
    lens = np.diff(bounds).tolist()
    if flat[0] == 1:
        lens = [0] + lens
    return [int(x) for x in lens]


def _counts_to_string(cnts):
    # port of pycocotools' rleToString (LEB128-like, 5 bits per char, delta after 2)
    out = []
    for i, x in enumerate(cnts):
        if i > 2:
            x -= cnts[i - 2]
        more = True
        while more:
            c = x & 0x1F
            x >>= 5
            more = (x != -1) if (c & 0x10) else (x != 0)
            if more:
                c |= 0x20
            out.append(chr(c + 48))
    return "".join(out)


def _string_to_counts(s):
    cnts = []
    p = 0
    while p < len(s):
        x = 0
        k = 0
        more = True
        while more:
            c = ord(s[p]) - 48
            x |= (c & 0x1F) << (5 * k)
            more = bool(c & 0x20)
            p += 1
            k += 1
            if not more and (c & 0x10):
                x |= -1 << (5 * k)
        if len(cnts) > 2:
            x += cnts[-2]
        cnts.append(x)
    return cnts


def rle_decode(rle):
    h, w = rle["size"]
    cnts = rle["counts"]
    if isinstance(cnts, str):
        cnts = _string_to_counts(cnts)
    flat = np.zeros(h * w, dtype=np.uint8)
    pos = 0
    val = 0
    for c in cnts:
        if val:
            flat[pos:pos + c] = 1
        pos += c
        val ^= 1
    return flat.reshape((h, w), order="F")


# ----------------------------------------------------------------------------- small COCO-style AP

def _box_iou_xywh(d, g):
    if len(d) == 0 or len(g) == 0:
        return np.zeros((len(d), len(g)))
    d = np.asarray(d, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    dx2, dy2 = d[:, 0] + d[:, 2], d[:, 1] + d[:, 3]
    gx2, gy2 = g[:, 0] + g[:, 2], g[:, 1] + g[:, 3]
    iw = np.clip(np.minimum(dx2[:, None], gx2[None]) - np.maximum(d[:, None, 0], g[None, :, 0]), 0, None)
    ih = np.clip(np.minimum(dy2[:, None], gy2[None]) - np.maximum(d[:, None, 1], g[None, :, 1]), 0, None)
    inter = iw * ih
    union = (d[:, 2] * d[:, 3])[:, None] + (g[:, 2] * g[:, 3])[None] - inter
    return inter / np.maximum(union, 1e-12)


def _mask_iou(d, g):
    if len(d) == 0 or len(g) == 0:
        return np.zeros((len(d), len(g)))
    d = np.stack([x.reshape(-1) for x in d]).astype(np.float64)
    g = np.stack([x.reshape(-1) for x in g]).astype(np.float64)
    inter = d @ g.T
    union = d.sum(1)[:, None] + g.sum(1)[None] - inter
    return inter / np.maximum(union, 1e-12)


def coco_ap(per_image, kind="bbox", max_dets=100):
    """per_image: list of (gt_items, det_items, det_scores). bbox items: xywh; segm items: binary masks.

    Single category, area 'all', no crowd. Follows pycocotools' matching and
    101-point interpolation. Returns dict AP, AP50, AP75, AR100."""
    thrs = np.linspace(0.5, 0.95, 10)
    rec_pts = np.linspace(0, 1, 101)
    npos = 0
    all_scores = []
    all_tp = [[] for _ in thrs]
    n_gt_matched = np.zeros(len(thrs))
    for gts, dts, scores in per_image:
        npos += len(gts)
        order = np.argsort(-np.asarray(scores, dtype=np.float64), kind="mergesort")[:max_dets]
        dts = [dts[i] for i in order]
        sc = [float(scores[i]) for i in order]
        ious = _box_iou_xywh(dts, gts) if kind == "bbox" else _mask_iou(dts, gts)
        all_scores.extend(sc)
        for ti, t in enumerate(thrs):
            matched = np.zeros(len(gts), dtype=bool)
            for di in range(len(dts)):
                best = min(t, 1 - 1e-10)
                m = -1
                for gi in range(len(gts)):
                    if matched[gi]:
                        continue
                    if ious[di, gi] < best:
                        continue
                    best = ious[di, gi]
                    m = gi
                if m >= 0:
                    matched[m] = True
                all_tp[ti].append(m >= 0)
            n_gt_matched[ti] += matched.sum()
    scores = np.asarray(all_scores)
    order = np.argsort(-scores, kind="mergesort")
    aps = []
    for ti in range(len(thrs)):
        tp = np.asarray(all_tp[ti], dtype=np.float64)[order]
        fp = 1 - tp
        ctp, cfp = np.cumsum(tp), np.cumsum(fp)
        if npos == 0:
            aps.append(-1.0)
            continue
        rc = ctp / npos
        pr = ctp / np.maximum(ctp + cfp, np.spacing(1))
        pr = pr.tolist()
        for i in range(len(pr) - 1, 0, -1):
            if pr[i] > pr[i - 1]:
                pr[i - 1] = pr[i]
        inds = np.searchsorted(rc, rec_pts, side="left")
        q = [pr[i] if i < len(pr) else 0.0 for i in inds]
        aps.append(float(np.mean(q)))
    aps = np.asarray(aps)
    return {"AP": float(aps.mean()), "AP50": float(aps[0]), "AP75": float(aps[5]),
            "AR100": float((n_gt_matched / max(npos, 1)).mean())}


@torch.no_grad()
def evaluate_model(model, records, device, log=print):
    """Run the model on records (eval mode, fp32) and return bbox / segm AP estimates."""
    model.eval()
    per_b, per_s = [], []
    for r in records:
        img = torch.from_numpy(r["image"]).to(device).permute(2, 0, 1).float().div_(255)
        out = model([img])[0]
        gm = instance_masks(r["mask"])
        gt_boxes = masks_to_boxes(gm).numpy() if len(gm) else np.zeros((0, 4))
        gb = [[b[0], b[1], b[2] - b[0], b[3] - b[1]] for b in gt_boxes]
        db = out["boxes"].cpu().numpy()
        dbx = [[b[0], b[1], b[2] - b[0], b[3] - b[1]] for b in db]
        sc = out["scores"].cpu().numpy()
        dm = (out["masks"][:, 0] > 0.5).cpu().numpy().astype(np.uint8)
        per_b.append((gb, dbx, sc))
        per_s.append((list(gm.numpy()), list(dm), sc))
    return {"bbox": coco_ap(per_b, "bbox"), "segm": coco_ap(per_s, "segm")}
