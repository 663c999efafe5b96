"""Writes test/fixtures/tide/cases.json: small COCO cases and what tidecv computes for each.

Each case holds a ground-truth file, one model's results and tidecv's numbers at its defaults
(TIDE(), pos_threshold 0.5, background_threshold 0.1): the run's AP, the main errors (Cls, Loc, Both,
Dupe, Bkg, Miss) and special errors (FalsePos, FalseNeg) as tidecv prints them (x100), the error
counts, each detection's part (matched, unmatched or ignored, and its error type) and the ground truth
missed outright, plus the AP at each COCO threshold from evaluate_range.

Run it from the repository root against tidecv built by the peers' script:

    bash ../shared/peers/build.sh /tmp/pedlab-peers
    PYTHONPATH=/tmp/pedlab-peers/tidecv:/tmp/pedlab-peers/pycocotools MPLBACKEND=Agg \
      TIDE_PATH=/tmp/pedlab-peers/tide-data /usr/bin/python3 scripts/oracles/tideCases.py

test/unit/core/eval/tide.test.ts reads the fixture; it needs neither Python nor tidecv.
"""

import json
import os
import random
import sys
import tempfile

import numpy as np

np.float = float  # tidecv still uses the alias numpy removed

from pycocotools import mask as mask_utils  # noqa: E402
from tidecv import TIDE, datasets  # noqa: E402

OUT = os.path.join("test", "fixtures", "tide", "cases.json")
SHORT = {"Cls": "cls", "Loc": "loc", "Both": "both", "Dupe": "dupe", "Bkg": "bkg", "Miss": "miss"}


def box_poly(b):
    x, y, w, h = b
    return [[x, y, x, y + h, x + w, y + h, x + w, y]]


class Case:
    """Builds one case's ground truth and results."""

    def __init__(self, name, mode="bbox", categories=(1,)):
        self.name = name
        self.mode = mode
        self.images = []
        self.anns = []
        self.results = []
        self.categories = [{"id": c, "name": "c%d" % c} for c in categories]

    def image(self, iid, w=100, h=100):
        self.images.append({"id": iid, "file_name": "%s.jpg" % iid, "width": w, "height": h})
        return iid

    def gt(self, iid, box, cat=1, crowd=0, seg=None):
        seg = seg if seg is not None else box_poly(box)
        area = float(box[2] * box[3])
        self.anns.append({"id": len(self.anns) + 1, "image_id": iid, "category_id": cat, "bbox": list(box),
                          "area": area, "iscrowd": crowd, "segmentation": seg})

    def det(self, iid, box, score, cat=1, seg=None):
        r = {"image_id": iid, "category_id": cat, "bbox": list(box), "score": score}
        if seg is not None:
            r["segmentation"] = seg
        self.results.append(r)

    def gt_json(self):
        return {"images": self.images, "annotations": self.anns, "categories": self.categories}


def size_of(case, iid):
    img = next(i for i in case.images if i["id"] == iid)
    return img["height"], img["width"]


def rle_of_polys(polys, h, w):
    rle = mask_utils.merge(mask_utils.frPyObjects(polys, h, w))
    return {"size": [h, w], "counts": rle["counts"].decode("ascii")}


def uncompressed_rle(mask):
    """A plain-count RLE (column-major runs, zeros first) of a 0/1 array."""
    flat = np.asarray(mask, dtype=np.uint8).flatten(order="F")
    counts, value, run = [], 0, 0
    for v in flat:
        if v != value:
            counts.append(run)
            run, value = 0, v
        run += 1
    counts.append(run)
    return {"size": list(mask.shape), "counts": counts}


def run_tidecv(case):
    with tempfile.TemporaryDirectory() as d:
        gt_path, dt_path = os.path.join(d, "gt.json"), os.path.join(d, "results.json")
        with open(gt_path, "w") as f:
            json.dump(case.gt_json(), f)
        with open(dt_path, "w") as f:
            json.dump(case.results, f)
        mode = TIDE.BOX if case.mode == "bbox" else TIDE.MASK

        tide = TIDE()
        gt, preds = datasets.COCO(gt_path), datasets.COCOResult(dt_path)
        run = tide.evaluate(gt, preds, mode=mode)
        main = tide.get_main_errors()[preds.name]
        special = tide.get_special_errors()[preds.name]
        counts = run.count_errors()

        detections = []
        for pred in preds.annotations:
            info = pred.get("info")
            status = "unevaluated" if info is None else {True: "truePositive", False: "falsePositive", None: "ignored"}[info["used"]]
            detections.append({"detectionId": pred["_id"] + 1, "status": status, "error": None,
                               "groundTruthId": None, "duplicateOf": None})
        missed = []
        for err in run.errors:
            if not hasattr(err, "pred"):
                missed.append(case.anns[err.gt["_id"]]["id"])
                continue
            out = detections[err.pred["_id"]]
            out["error"] = SHORT[err.short_name]
            if hasattr(err, "gt"):
                out["groundTruthId"] = case.anns[err.gt["_id"]]["id"]
            if hasattr(err, "suppressor"):
                out["duplicateOf"] = err.suppressor["_id"] + 1
                out["groundTruthId"] = case.anns[gt.annotations[err.suppressor["matched_with"]]["_id"]]["id"]
        for pred, out in zip(preds.annotations, detections):
            if out["status"] == "truePositive":
                out["groundTruthId"] = case.anns[pred["matched_with"]]["id"]

        tide_range = TIDE()
        tide_range.evaluate_range(datasets.COCO(gt_path), datasets.COCOResult(dt_path), mode=mode)
        range_aps = [r.ap for r in tide_range.run_thresholds[preds.name]]

    return {
        "ap": run.ap,
        "mainErrors": {SHORT[k]: v for k, v in main.items()},
        "specialErrors": {"falsePos": special["FalsePos"], "falseNeg": special["FalseNeg"]},
        "errorCounts": {SHORT[e.short_name]: n for e, n in counts.items()},
        "detections": detections,
        "missedGroundTruthIds": missed,
        "apByThreshold": range_aps,
    }


# ---- hand-made cases ----

def hand_cases():
    cases = []

    c = Case("hand: one TP, one loc error, one background")
    i = c.image(1)
    c.gt(i, [0, 0, 10, 10]); c.gt(i, [50, 50, 10, 10])
    c.det(i, [0, 0, 10, 10], 0.9); c.det(i, [50, 50, 10, 4], 0.8); c.det(i, [80, 80, 5, 5], 0.7)
    cases.append(c)

    c = Case("class with only false positives counts as AP 0", categories=(1, 2))
    i = c.image(1)
    c.gt(i, [0, 0, 10, 10])
    c.det(i, [0, 0, 10, 10], 0.9); c.det(i, [60, 60, 10, 10], 0.5, cat=2)
    cases.append(c)

    c = Case("thresholds: IoU exactly 0.5 matches, exactly 0.1 is loc")
    i = c.image(1)
    c.gt(i, [0, 0, 10, 10]); c.gt(i, [40, 0, 10, 10]); c.gt(i, [0, 40, 10, 10]); c.gt(i, [40, 40, 20, 20])
    c.det(i, [0, 0, 10, 5], 0.9)      # 0.5: TP
    c.det(i, [40, 0, 10, 1], 0.8)     # 0.1: loc
    c.det(i, [0, 40, 10, 0.9], 0.7)   # 0.09: background
    c.det(i, [40, 40, 20, 10], 0.6)   # 0.5: TP
    c.det(i, [40, 40, 20, 10], 0.55)  # 0.5 with a used GT: loc (not dupe), suppressed
    cases.append(c)

    c = Case("equal IoU with two ground truths: the first listed is taken")
    i = c.image(1)
    c.gt(i, [0, 0, 10, 10]); c.gt(i, [2, 0, 10, 10]); c.gt(i, [50, 0, 10, 10]); c.gt(i, [54, 0, 10, 10])
    c.det(i, [1, 0, 10, 10], 0.9)     # 0.818 with both: takes the first
    c.det(i, [4, 0, 10, 10], 0.8)     # 0.667 with the second: TP only if the first was taken
    c.det(i, [57, 0, 4, 10], 0.7)     # 0.4 with both: loc, blamed on the first
    cases.append(c)

    c = Case("duplicates and a lower-scored true positive", categories=(1,))
    i = c.image(1)
    c.gt(i, [10, 10, 20, 20]); c.gt(i, [60, 10, 20, 20])
    c.det(i, [10, 10, 20, 20], 0.95); c.det(i, [11, 10, 20, 20], 0.9); c.det(i, [10, 11, 20, 20], 0.9)
    c.det(i, [60, 10, 20, 20], 0.3); c.det(i, [61, 11, 20, 20], 0.85)
    cases.append(c)

    c = Case("wrong class, both, and cls vs loc claiming one GT", categories=(1, 2, 3))
    i = c.image(1)
    c.gt(i, [0, 0, 20, 20], cat=1); c.gt(i, [50, 0, 20, 20], cat=2); c.gt(i, [0, 50, 20, 20], cat=3)
    c.det(i, [0, 0, 20, 20], 0.9, cat=2)    # cls error on GT 1
    c.det(i, [0, 0, 20, 9], 0.8, cat=1)     # loc error on GT 1, lower score: the cls error holds the GT
    c.det(i, [50, 0, 20, 20], 0.7, cat=2)   # TP
    c.det(i, [0, 50, 20, 8], 0.6, cat=1)    # other class, low IoU: both
    c.det(i, [0, 50, 20, 5], 0.65, cat=3)   # loc on GT 3
    c.det(i, [2, 50, 20, 6], 0.75, cat=3)   # loc on GT 3 with higher score: holds GT 3
    j = c.image(2)
    c.gt(j, [0, 0, 30, 30], cat=1)
    c.det(j, [0, 0, 30, 30], 0.6, cat=3)    # cls on GT of category 1, the only error on it
    cases.append(c)

    c = Case("crowd regions: ignored detections still get error types", categories=(1, 2))
    i = c.image(1)
    c.gt(i, [0, 0, 50, 50], crowd=1)
    c.gt(i, [60, 60, 20, 20])
    c.det(i, [5, 5, 10, 10], 0.9)           # inside the crowd: ignored (bkg)
    c.det(i, [40, 40, 20, 20], 0.8)         # a quarter inside: false positive
    c.det(i, [60, 60, 20, 20], 0.7)         # TP
    c.det(i, [5, 5, 10, 10], 0.6, cat=2)    # crowd of another class: not ignored
    c.det(i, [62, 60, 20, 20], 0.5)         # dupe
    c.det(i, [60, 60, 20, 14], 0.95)        # 0.7 IoU, highest score: TP; the 0.7 one then is a dupe
    c.det(i, [10, 10, 10, 10], 0.4)         # ignored
    c.det(i, [25, 0, 50, 10], 0.45)         # exactly half inside the crowd: not ignored
    j = c.image(2)
    c.gt(j, [0, 0, 40, 40], crowd=1)
    c.gt(j, [0, 0, 40, 20])
    c.det(j, [0, 0, 40, 8], 0.9)            # loc (0.4) but inside the crowd: ignored, and it claims the GT
    k = c.image(3)
    c.gt(k, [0, 0, 40, 40], crowd=1)
    c.det(k, [0, 0, 20, 20], 0.8); c.det(k, [30, 30, 20, 20], 0.7)
    cases.append(c)

    c = Case("empty images: no GT, no detections, both, crowd only", categories=(1, 2))
    i = c.image(1); c.gt(i, [0, 0, 10, 10]); c.det(i, [0, 0, 10, 10], 0.9)
    i = c.image(2); c.det(i, [0, 0, 10, 10], 0.8); c.det(i, [20, 0, 10, 10], 0.85, cat=2)
    i = c.image(3); c.gt(i, [0, 0, 10, 10]); c.gt(i, [30, 30, 10, 10], cat=2)
    c.image(4)
    i = c.image(5); c.gt(i, [0, 0, 10, 10], crowd=1)
    i = c.image(6); c.gt(i, [0, 0, 30, 30], crowd=1); c.det(i, [0, 0, 10, 10], 0.7)
    cases.append(c)

    c = Case("score ties across images and between TP and FP")
    for n in range(4):
        i = c.image(n + 1)
        c.gt(i, [0, 0, 10, 10]); c.gt(i, [30, 0, 10, 10])
        c.det(i, [0, 0, 10, 10], 0.5); c.det(i, [60, 60, 10, 10], 0.5)
        if n % 2:
            c.det(i, [30, 0, 10, 10], 0.5)
        else:
            c.det(i, [30, 0, 10, 3], 0.5)
    cases.append(c)

    c = Case("more than 100 detections in one image")
    i = c.image(1, 400, 400)
    for n in range(20):
        c.gt(i, [(n % 5) * 60, (n // 5) * 60, 30, 30])
    for n in range(130):
        g = n % 25
        box = [(g % 5) * 60 + (n % 3), (g // 5) * 60 + (n % 4), 30, 30]
        c.det(i, box, round(1 - n / 200, 3))
    cases.append(c)

    c = Case("segm: polygon GT, RLE results, uncompressed crowd", mode="segm", categories=(1, 2))
    i = c.image(1, 60, 40)
    tri = [[5, 5, 30, 5, 5, 30]]
    c.gt(i, [5, 5, 25, 25], seg=tri)
    c.gt(i, [35, 5, 20, 20], cat=2, seg=[[35, 5, 55, 5, 55, 25, 35, 25], [40, 30, 50, 30, 45, 38]])
    crowd = np.zeros((40, 60), dtype=np.uint8); crowd[28:40, 0:30] = 1
    c.gt(i, [0, 28, 30, 12], crowd=1, seg=uncompressed_rle(crowd))
    h, w = 40, 60
    c.det(i, [5, 5, 25, 25], 0.9, seg=rle_of_polys([[5, 5, 30, 5, 5, 30]], h, w))          # TP
    c.det(i, [5, 5, 25, 25], 0.8, seg=rle_of_polys([[5, 5, 30, 5, 30, 30, 5, 30]], h, w))  # square on triangle
    c.det(i, [35, 5, 20, 20], 0.85, seg=rle_of_polys(box_poly([35, 5, 20, 20]), h, w))     # TP on two parts
    c.det(i, [35, 5, 20, 20], 0.7, cat=1, seg=rle_of_polys(box_poly([35, 5, 20, 20]), h, w))  # cls
    c.det(i, [2, 30, 10, 8], 0.75, seg=rle_of_polys(box_poly([2, 30, 10, 8]), h, w))         # in crowd
    c.det(i, [50, 30, 8, 8], 0.6, seg=rle_of_polys(box_poly([50, 30, 8, 8]), h, w))          # bkg
    j = c.image(2, 60, 40)
    c.gt(j, [10, 10, 20, 20], seg=box_poly([10, 10, 20, 20]))
    c.det(j, [10, 10, 20, 20], 0.5, seg=rle_of_polys([[10, 10, 30, 10, 10, 30]], h, w))     # IoU ~0.5
    cases.append(c)
    return cases


# ---- random cases ----

def jitter(rng, b, s):
    x, y, w, h = b
    return [round(x + rng.uniform(-s, s) * w, 2), round(y + rng.uniform(-s, s) * h, 2),
            round(max(1.0, w * (1 + rng.uniform(-s, s))), 2), round(max(1.0, h * (1 + rng.uniform(-s, s))), 2)]


def random_case(seed, mode):
    rng = random.Random(seed)
    cats = (1, 2, 3)
    c = Case("random %s seed %d" % (mode, seed), mode=mode, categories=cats)
    W, H = 80, 60
    for n in range(rng.randint(5, 9)):
        i = c.image(n + 1, W, H)
        boxes = []
        for _ in range(rng.choice([0, 1, 2, 3, 4, 5])):
            w, h = rng.randint(6, 30), rng.randint(6, 30)
            box = [rng.randint(0, W - w), rng.randint(0, H - h), w, h]
            crowd = 1 if rng.random() < 0.12 else 0
            cat = rng.choice(cats)
            if mode == "segm":
                seg = octagon(box) if not crowd else uncompressed_rle(box_mask(box, H, W))
            else:
                seg = box_poly(box)
            c.gt(i, box, cat=cat, crowd=crowd, seg=seg)
            boxes.append((box, cat))
        for box, cat in boxes:
            for _ in range(rng.choice([0, 1, 1, 1, 2, 3])):
                b = jitter(rng, box, rng.choice([0.05, 0.15, 0.35]))
                dcat = cat if rng.random() < 0.8 else rng.choice(cats)
                add_det(c, rng, i, b, dcat, mode, H, W)
        for _ in range(rng.choice([0, 0, 1, 2])):
            w, h = rng.randint(4, 20), rng.randint(4, 20)
            add_det(c, rng, i, [rng.randint(0, W - w), rng.randint(0, H - h), w, h], rng.choice(cats), mode, H, W)
    return c


def add_det(c, rng, iid, b, cat, mode, H, W):
    x, y, w, h = b
    x, y = max(0.0, min(x, W - 2)), max(0.0, min(y, H - 2))
    w, h = round(min(w, W - x), 2), round(min(h, H - y), 2)
    score = rng.choice([0.9, 0.8, 0.5]) if rng.random() < 0.3 else round(rng.random(), 3)
    seg = rle_of_polys(octagon([x, y, w, h]), H, W) if mode == "segm" else None
    c.det(iid, [x, y, w, h], score, cat=cat, seg=seg)


def octagon(b):
    x, y, w, h = b
    q, r = w / 4, h / 4
    return [[x + q, y, x + w - q, y, x + w, y + r, x + w, y + h - r, x + w - q, y + h, x + q, y + h, x, y + h - r, x, y + r]]


def box_mask(b, H, W):
    m = np.zeros((H, W), dtype=np.uint8)
    x, y, w, h = b
    m[y:y + h, x:x + w] = 1
    return m


def main():
    cases = hand_cases()
    cases += [random_case(s, "bbox") for s in range(1, 7)]
    cases += [random_case(s, "segm") for s in range(101, 105)]
    out = []
    for c in cases:
        out.append({"name": c.name, "mode": c.mode, "gt": c.gt_json(), "results": c.results, "tidecv": run_tidecv(c)})
        print("%-60s AP %.4f" % (c.name, out[-1]["tidecv"]["ap"]), file=sys.stderr)
    with open(OUT, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print("wrote %s (%d bytes)" % (OUT, os.path.getsize(OUT)), file=sys.stderr)


if __name__ == "__main__":
    main()
