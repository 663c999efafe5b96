#!/usr/bin/env python3
"""Times a detector in PyTorch eager mode on the same images Pedlab's benchmark feeds ONNX Runtime.

    /usr/bin/python3 bench/inference/torch_eager.py (--test-model maskrcnn|fasterrcnn | --variant r18fpn)
                     --threads N --repeat N IMAGE...

--test-model rebuilds the random-weight model of test/helpers/export_test_models.py (same seed, same weights);
--variant loads ~/.cache/pedlab/checkpoints/VARIANT/final_fp16.pt through models/common.py.
Prints one line of JSON: {"median_ms": ..., "runs": ...}.
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch
from torchvision.io import ImageReadMode, read_image

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")


def test_model(name):
    sys.path.insert(0, os.path.join(ROOT, "test", "helpers"))
    import export_test_models as m

    torch.manual_seed(0)
    torch.rand(3, 240, 320)
    mask = m.detector(True)
    faster = m.detector(False)
    return mask if name == "maskrcnn" else faster


def checkpoint_model(variant):
    sys.path.insert(0, os.path.join(ROOT, "models"))
    import common

    path = os.path.join(os.path.expanduser("~"), ".cache", "pedlab", "checkpoints", variant, "final_fp16.pt")
    model, ck = common.load_model_from_checkpoint(path)
    common.set_test_size(model, ck["arch"]["min_size_test"])
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--test-model")
    ap.add_argument("--variant")
    ap.add_argument("--threads", type=int, required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("images", nargs="+")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    model = test_model(a.test_model) if a.test_model else checkpoint_model(a.variant)
    model.eval()
    times = []
    with torch.no_grad():
        for path in a.images:
            x = read_image(path, ImageReadMode.RGB).float().div(255)
            model([x])
            for _ in range(a.repeat):
                t = time.perf_counter()
                model([x])
                times.append((time.perf_counter() - t) * 1000)
    print(json.dumps({"median_ms": statistics.median(times), "runs": len(times)}))


if __name__ == "__main__":
    main()
