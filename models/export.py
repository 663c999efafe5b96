#!/usr/bin/env python3
"""Export a trained Pedlab Mask R-CNN checkpoint to ONNX and check it.

    /usr/bin/python3 models/export.py --variant r18fpn
    /usr/bin/python3 models/export.py --ckpt /path/r18fpn_final_fp16.pt --out models/pedlab_r18fpn.onnx

Signature (torchvision's): input `image` float32 [3,H,W], RGB, 0..1, any H and W;
outputs `boxes` [N,4] xyxy in input pixels, `labels` [N] int64 (1 = pedestrian),
`scores` [N] float32, `masks` [N,1,H,W] float32 probabilities. The resize to
the model's test size and the mask pasting happen inside the graph.

Conv/linear weights are stored as fp16 initializers followed by Cast-to-float
nodes (the checkpoint's weights are already fp16-rounded, so this is lossless).
BatchNorm is kept as BatchNormalization nodes (not folded before the fp16
step) so the ONNX model computes the same function as the PyTorch model.

Check: onnx.checker, then the model is run with onnxruntime-node
(models/check_onnx.mjs) on a few test images and compared with PyTorch.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variant", default=None, help="read ~/.cache/pedlab/checkpoints/<variant>/final_fp16.pt")
    ap.add_argument("--ckpt", default=None, help="checkpoint written by train.py (final_fp16.pt, may be split in .partNN)")
    ap.add_argument("--out", default=None, help="default models/pedlab_<variant>.onnx")
    ap.add_argument("--data", default=common.DEFAULT_DATA)
    ap.add_argument("--opset", type=int, default=11)
    ap.add_argument("--no-fp16", action="store_true", help="keep fp32 initializers")
    ap.add_argument("--check-images", type=int, default=3, help="test images to compare on (0: skip)")
    ap.add_argument("--node", default="node")
    return ap.parse_args()


def to_fp16_initializers(model_proto, min_elems=1024):
    """Store large float initializers as fp16 + Cast(to=FLOAT). Returns (n converted, n lossy, bytes saved)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    g = model_proto.graph
    new_inits, casts = [], []
    n_conv = n_lossy = saved = 0
    for init in g.initializer:
        if init.data_type == TensorProto.FLOAT and int(np.prod(init.dims)) >= min_elems:
            arr = numpy_helper.to_array(init)
            a16 = arr.astype(np.float16)
            if not np.array_equal(a16.astype(np.float32), arr):
                n_lossy += 1
            t = numpy_helper.from_array(a16, init.name + "__fp16")
            new_inits.append(t)
            casts.append(helper.make_node("Cast", [init.name + "__fp16"], [init.name], to=TensorProto.FLOAT,
                                          name=init.name + "__cast"))
            n_conv += 1
            saved += arr.nbytes - a16.nbytes
        else:
            new_inits.append(init)
    del g.initializer[:]
    g.initializer.extend(new_inits)
    nodes = list(g.node)
    del g.node[:]
    g.node.extend(casts + nodes)
    return n_conv, n_lossy, saved


def main():
    a = parse_args()
    import onnx

    if not a.ckpt:
        if not a.variant:
            sys.exit("give --variant or --ckpt")
        a.ckpt = os.path.join(os.path.expanduser("~"), ".cache", "pedlab", "checkpoints", a.variant, "final_fp16.pt")
    model, ck = common.load_model_from_checkpoint(a.ckpt)
    variant = ck["variant"]
    arch = ck["arch"]
    out = a.out or os.path.join(HERE, "pedlab_%s.onnx" % variant)
    model.eval()
    common.set_test_size(model, arch["min_size_test"])
    print("variant %s: %d params, iteration %s/%s, test min_size %d" % (
        variant, common.count_params(model), ck.get("iteration"), ck.get("total"), arch["min_size_test"]))

    recs = common.load_records(a.data, "test")
    sample = torch.from_numpy(recs[0]["image"]).permute(2, 0, 1).float().div(255)
    with torch.no_grad():
        ref0 = model([sample])[0]
    print("trace image %s %s: %d detections" % (recs[0]["name"], tuple(sample.shape), len(ref0["boxes"])))

    tmp = out + ".tmp"
    with torch.no_grad():
        torch.onnx.export(
            model, ([sample],), tmp, opset_version=a.opset, do_constant_folding=True,
            training=torch.onnx.TrainingMode.PRESERVE,
            input_names=["image"], output_names=["boxes", "labels", "scores", "masks"],
            dynamic_axes={"image": {1: "height", 2: "width"}, "boxes": {0: "N"}, "labels": {0: "N"},
                          "scores": {0: "N"}, "masks": {0: "N", 2: "height", 3: "width"}})
    mp = onnx.load(tmp)
    os.remove(tmp)
    ops = {}
    for n in mp.graph.node:
        ops[n.op_type] = ops.get(n.op_type, 0) + 1
    print("ops:", json.dumps(dict(sorted(ops.items()))))
    if not a.no_fp16:
        n, lossy, saved = to_fp16_initializers(mp)
        print("fp16 initializers: %d converted (%d not exactly representable), %.1f MB saved" % (n, lossy, saved / 1e6))
    mp.producer_name = "pedlab models/export.py"
    meta = {"pedlab_variant": variant, "class_names": json.dumps(common.CLASS_NAMES),
            "input": "image float32 [3,H,W] RGB 0..1", "min_size_test": str(arch["min_size_test"]),
            "max_size": str(arch["max_size"])}
    for k, v in meta.items():
        p = mp.metadata_props.add()
        p.key, p.value = k, v
    onnx.save(mp, out)
    onnx.checker.check_model(out)
    size = os.path.getsize(out)
    print("wrote %s (%.2f MB); onnx.checker OK" % (out, size / 1e6))
    if size > 50 * 1000 * 1000:
        print("WARNING: larger than 50 MB")

    if a.check_images <= 0:
        return
    idx = np.linspace(0, len(recs) - 1, a.check_images).round().astype(int).tolist()
    ok = True
    with tempfile.TemporaryDirectory() as td:
        files, refs = [], []
        for i in idx:
            r = recs[i]
            x = torch.from_numpy(r["image"]).permute(2, 0, 1).float().div(255).contiguous()
            f = os.path.join(td, os.path.splitext(r["name"])[0] + ".npy")
            np.save(f, x.numpy().astype(np.float32))
            files.append(f)
            with torch.no_grad():
                refs.append(model([x])[0])
        res = subprocess.run([a.node, os.path.join(HERE, "check_onnx.mjs"), out, os.path.join(td, "out")] + files,
                             capture_output=True, text=True)
        if res.returncode != 0:
            print(res.stdout, res.stderr)
            sys.exit("onnxruntime-node run failed")
        for f, ref in zip(files, refs):
            name = os.path.splitext(os.path.basename(f))[0]
            with open(os.path.join(td, "out", name + ".json")) as g:
                o = json.load(g)
            mb = np.fromfile(os.path.join(td, "out", name + "_masks.bin"), dtype=np.float32).reshape(o["masks_shape"])
            rb, rs, rl = ref["boxes"].numpy(), ref["scores"].numpy(), ref["labels"].numpy()
            rm = ref["masks"].numpy()
            ob, os_, ol = np.array(o["boxes"], dtype=np.float32).reshape(-1, 4), np.array(o["scores"]), np.array(o["labels"])
            same_n = len(ob) == len(rb)
            line = "%s: torch %d dets, onnx %d dets (%d ms)" % (name, len(rb), len(ob), o["ms"])
            if same_n and len(rb):
                db = float(np.abs(ob - rb).max())
                ds = float(np.abs(os_ - rs).max())
                dm = float(np.abs(mb - rm).max())
                bin_diff = float(((mb > 0.5) != (rm > 0.5)).mean())
                labels_eq = bool((ol == rl).all())
                line += "; max |dbox| %.2e px, max |dscore| %.2e, max |dmask| %.2e, mask>0.5 differ %.2e, labels %s" % (
                    db, ds, dm, bin_diff, "equal" if labels_eq else "DIFFER")
                hi = rs >= 0.5
                db_hi = float(np.abs(ob[hi] - rb[hi]).max()) if hi.any() else 0.0
                line += "; score>=0.5: %d dets, max |dbox| %.2e" % (int(hi.sum()), db_hi)
                if db > 1e-3 or not labels_eq:
                    ok = False
            elif not same_n:
                ok = False
                # compare the confident detections only
                hi_r, hi_o = rb[rs >= 0.5], ob[os_ >= 0.5]
                line += "; score>=0.5: torch %d onnx %d" % (len(hi_r), len(hi_o))
                if len(hi_r) == len(hi_o) and len(hi_r):
                    line += ", max |dbox| %.2e" % float(np.abs(hi_r - hi_o).max())
            print(line)
    print("EXPORT CHECK:", "PASS (same detections, boxes within 1e-3 px)" if ok else "FAIL")
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
