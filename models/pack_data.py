#!/usr/bin/env python3
"""Pack the Penn-Fudan train/test split into one compact .npz (JPEG images + PNG masks).

Used to carry the data to a remote GPU machine. The pack holds Penn-Fudan
images: write it ONLY to a git-ignored place (default: <repo>/.train/), never
into a tracked path -- the dataset licence forbids reposting.

    /usr/bin/python3 models/pack_data.py [--data ../shared/data/PennFudanPed] [--out .train/pennfudan_pack.npz]
"""
import argparse
import io
import os
import sys

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import DEFAULT_DATA, REPO_ROOT, load_split, mask_name  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--out", default=os.path.join(REPO_ROOT, ".train", "pennfudan_pack.npz"))
    ap.add_argument("--quality", type=int, default=95)
    ap.add_argument("--splits", default="train,test")
    a = ap.parse_args()
    split = load_split(a.data)
    names, splits, ib, mb = [], [], [], []
    for s in a.splits.split(","):
        for n in split[s]:
            img = Image.open(os.path.join(a.data, "PNGImages", n)).convert("RGB")
            b = io.BytesIO()
            img.save(b, "JPEG", quality=a.quality, subsampling=0)
            ib.append(np.frombuffer(b.getvalue(), np.uint8))
            with open(os.path.join(a.data, "PedMasks", mask_name(n)), "rb") as f:
                mb.append(np.frombuffer(f.read(), np.uint8))
            names.append(n)
            splits.append(s)
    off = lambda xs: np.concatenate([[0], np.cumsum([len(x) for x in xs])]).astype(np.int64)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    np.savez(a.out, names=np.array(names), splits=np.array(splits),
             img_blob=np.concatenate(ib), img_off=off(ib), mask_blob=np.concatenate(mb), mask_off=off(mb))
    print("wrote %s: %d images, %.1f MB" % (a.out, len(names), os.path.getsize(a.out) / 1e6))


if __name__ == "__main__":
    main()
