#!/usr/bin/env python3
"""Write COCO-format ground truth and detections for the Penn-Fudan test split.

    /usr/bin/python3 models/evaluate.py --gt-out /root/pedlab-train/eval/test_gt.json
    /usr/bin/python3 models/evaluate.py --onnx models/pedlab_r18fpn.onnx --dt-out /root/pedlab-train/eval/r18fpn_dt.json
    /usr/bin/python3 models/evaluate.py --ckpt ~/.cache/pedlab/checkpoints/r18fpn/final_fp16.pt --dt-out ...

Ground truth follows the torchvision tutorial: one instance per id k>0 in
PedMasks, box = masks_to_boxes (x2, y2 = last column/row index), COCO bbox
[x1, y1, x2-x1, y2-y1], area = (x2-x1)*(y2-y1), iscrowd 0, segmentation =
compressed COCO RLE of the mask. Image ids are 1..N in split.json order.

Detections: COCO results list (image_id, category_id 1, bbox xywh, score,
segmentation = RLE of mask probability > --mask-thresh). --onnx runs the ONNX
model with onnxruntime-node (models/check_onnx.mjs); --ckpt runs PyTorch.
Also prints a COCO-style AP estimate (common.coco_ap, not pycocotools).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch
from torchvision.ops import masks_to_boxes

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def gt_coco(recs):
    images, anns = [], []
    aid = 1
    for i, r in enumerate(recs):
        h, w = r["mask"].shape
        images.append({"id": i + 1, "file_name": r["name"], "width": int(w), "height": int(h)})
        m = common.instance_masks(r["mask"])
        boxes = masks_to_boxes(m).numpy() if len(m) else np.zeros((0, 4))
        for k in range(len(m)):
            x1, y1, x2, y2 = [float(v) for v in boxes[k]]
            anns.append({"id": aid, "image_id": i + 1, "category_id": 1, "bbox": [x1, y1, x2 - x1, y2 - y1],
                         "area": (x2 - x1) * (y2 - y1), "iscrowd": 0,
                         "segmentation": common.rle_encode(m[k].numpy())})
            aid += 1
    return {"info": {"description": "Penn-Fudan test split (Pedlab split.json), torchvision tutorial targets"},
            "images": images, "annotations": anns,
            "categories": [{"id": 1, "name": "pedestrian", "supercategory": "person"}]}


def run_onnx(onnx_path, recs, node="node"):
    outs = []
    with tempfile.TemporaryDirectory() as td:
        files = []
        for r in recs:
            x = (r["image"].astype(np.float32) / 255.0).transpose(2, 0, 1)
            f = os.path.join(td, os.path.splitext(r["name"])[0] + ".npy")
            np.save(f, np.ascontiguousarray(x))
            files.append(f)
        res = subprocess.run([node, os.path.join(HERE, "check_onnx.mjs"), onnx_path, os.path.join(td, "out")] + files,
                             capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit("onnxruntime-node failed:\n" + res.stdout + res.stderr)
        for f in files:
            name = os.path.splitext(os.path.basename(f))[0]
            with open(os.path.join(td, "out", name + ".json")) as g:
                o = json.load(g)
            masks = np.fromfile(os.path.join(td, "out", name + "_masks.bin"), dtype=np.float32)
            masks = masks.reshape(o["masks_shape"])
            outs.append({"boxes": np.array(o["boxes"], dtype=np.float32).reshape(-1, 4), "scores": np.array(o["scores"]),
                         "labels": np.array(o["labels"]), "masks": masks, "ms": o["ms"]})
    return outs


@torch.no_grad()
def run_torch(ckpt, recs):
    model, ck = common.load_model_from_checkpoint(ckpt)
    model.eval()
    common.set_test_size(model, ck["arch"]["min_size_test"])
    outs = []
    for r in recs:
        x = torch.from_numpy(r["image"]).permute(2, 0, 1).float().div(255)
        t = time.time()
        o = model([x])[0]
        outs.append({k: v.numpy() for k, v in o.items()})
        outs[-1]["ms"] = (time.time() - t) * 1000
    return outs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=common.DEFAULT_DATA)
    ap.add_argument("--split", default="test")
    ap.add_argument("--gt-out", default=None)
    ap.add_argument("--onnx", default=None)
    ap.add_argument("--ckpt", default=None)
    ap.add_argument("--dt-out", default=None)
    ap.add_argument("--mask-thresh", type=float, default=0.5)
    ap.add_argument("--node", default="node")
    a = ap.parse_args()
    recs = common.load_records(a.data, a.split)
    if a.gt_out:
        gt = gt_coco(recs)
        os.makedirs(os.path.dirname(os.path.abspath(a.gt_out)), exist_ok=True)
        with open(a.gt_out, "w") as f:
            json.dump(gt, f)
        print("wrote %s: %d images, %d annotations" % (a.gt_out, len(gt["images"]), len(gt["annotations"])))
    if not (a.onnx or a.ckpt):
        return
    outs = run_onnx(a.onnx, recs, a.node) if a.onnx else run_torch(a.ckpt, recs)
    dts, per_b, per_s = [], [], []
    for i, (r, o) in enumerate(zip(recs, outs)):
        gm = common.instance_masks(r["mask"])
        gb = masks_to_boxes(gm).numpy() if len(gm) else np.zeros((0, 4))
        bin_masks = (o["masks"][:, 0] > a.mask_thresh).astype(np.uint8)
        xywh = []
        for k in range(len(o["boxes"])):
            x1, y1, x2, y2 = [float(v) for v in o["boxes"][k]]
            xywh.append([x1, y1, x2 - x1, y2 - y1])
            dts.append({"image_id": i + 1, "category_id": int(o["labels"][k]), "bbox": [round(v, 3) for v in xywh[-1]],
                        "score": round(float(o["scores"][k]), 5), "segmentation": common.rle_encode(bin_masks[k])})
        per_b.append(([[b[0], b[1], b[2] - b[0], b[3] - b[1]] for b in gb], xywh, o["scores"]))
        per_s.append((list(gm.numpy()), list(bin_masks), o["scores"]))
    if a.dt_out:
        os.makedirs(os.path.dirname(os.path.abspath(a.dt_out)), exist_ok=True)
        with open(a.dt_out, "w") as f:
            json.dump(dts, f)
        print("wrote %s: %d detections" % (a.dt_out, len(dts)))
    ms = np.array([o["ms"] for o in outs], dtype=np.float64)
    b, s = common.coco_ap(per_b, "bbox"), common.coco_ap(per_s, "segm")
    print("%s on %d %s images: bbox AP=%.3f AP50=%.3f AP75=%.3f AR100=%.3f | segm AP=%.3f AP50=%.3f AP75=%.3f AR100=%.3f"
          % (a.onnx or a.ckpt, len(recs), a.split, b["AP"], b["AP50"], b["AP75"], b["AR100"],
             s["AP"], s["AP50"], s["AP75"], s["AR100"]))
    print("inference ms/image: median %.0f, mean %.0f, max %.0f" % (np.median(ms), ms.mean(), ms.max()))


if __name__ == "__main__":
    main()
