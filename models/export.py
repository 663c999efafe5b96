#!/usr/bin/env python3
"""Export a trained Pedlab Mask R-CNN checkpoint, or a torchvision tutorial model, to ONNX and check it.

    /usr/bin/python3 models/export.py --variant r18fpn
    /usr/bin/python3 models/export.py --ckpt /path/r18fpn_final_fp16.pt --out models/pedlab_r18fpn.onnx
    /usr/bin/python3 models/export.py --arch tutorial --ckpt model.pt --out model.onnx
    /usr/bin/python3 models/export.py --arch mobilenet_v2 --ckpt model.pt --num-classes 2

--arch reads a state dict (torch.save(model.state_dict(), path), or a dict
with a `model` key) of one of the models of torchvision's detection tutorial:
`tutorial` is its get_model_instance_segmentation(num_classes) (Mask R-CNN,
ResNet-50 + FPN), `mobilenet_v2` its Faster R-CNN on MobileNetV2 features.

Signature (torchvision's): input `image` float32 [3,H,W], RGB, 0..1, any H and W;
outputs `boxes` [N,4] xyxy in input pixels, `labels` [N] int64 (1 = pedestrian),
`scores` [N] float32, and for Mask R-CNN `masks` [N,1,H,W] float32
probabilities. The resize to the model's test size and the mask pasting happen
inside the graph.

Conv/linear weights are rounded to fp16 and stored as fp16 initializers
followed by Cast-to-float nodes (Pedlab's checkpoints are already fp16-rounded,
so for them this is lossless; --no-fp16 keeps fp32).
BatchNorm is kept as BatchNormalization nodes (not folded before the fp16
step) so the ONNX model computes the same function as the PyTorch model.

Check: onnx.checker, then the model is run with onnxruntime-node
(models/check_onnx.mjs) on a few test images (or --images) and compared with
PyTorch.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch
import torchvision
from PIL import Image
from torchvision.models.detection import FasterRCNN
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor
from torchvision.models.detection.mask_rcnn import MaskRCNNPredictor
from torchvision.ops import MultiScaleRoIAlign

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TUTORIAL_ARCHS = ("tutorial", "mobilenet_v2")


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variant", default=None, help="read ~/.cache/pedlab/checkpoints/<variant>/final_fp16.pt")
    ap.add_argument("--ckpt", default=None, help="checkpoint written by train.py (final_fp16.pt, may be split in .partNN), "
                                                 "or with --arch a torchvision tutorial state dict")
    ap.add_argument("--arch", choices=TUTORIAL_ARCHS, default=None,
                    help="the checkpoint is a torchvision tutorial model's state dict")
    ap.add_argument("--num-classes", type=int, default=2, help="with --arch: classes including background")
    ap.add_argument("--classes", default=None,
                    help="comma-separated class names for labels 0..N-1, or 1..N-1 (background is then added); "
                         "default background,pedestrian")
    ap.add_argument("--out", default=None,
                    help="default models/pedlab_<variant>.onnx; with --arch the checkpoint's path with .onnx")
    ap.add_argument("--data", default=common.DEFAULT_DATA)
    ap.add_argument("--images", nargs="+", default=None,
                    help="image files to trace on (the first) and compare on, instead of --data's test images")
    ap.add_argument("--opset", type=int, default=11)
    ap.add_argument("--no-fp16", action="store_true", help="keep fp32 initializers")
    ap.add_argument("--check-images", type=int, default=3, help="test images to compare on (0: skip)")
    ap.add_argument("--node", default="node")
    return ap.parse_args()


def build_tutorial_model(arch, num_classes):
    """The models of torchvision's TorchVision Object Detection Finetuning Tutorial, without pretrained weights."""
    if arch == "tutorial":
        model = torchvision.models.detection.maskrcnn_resnet50_fpn(weights=None, weights_backbone=None)
        model.roi_heads.box_predictor = FastRCNNPredictor(1024, num_classes)
        model.roi_heads.mask_predictor = MaskRCNNPredictor(256, 256, num_classes)
    else:
        backbone = torchvision.models.mobilenet_v2(weights=None).features
        backbone.out_channels = 1280
        anchor_generator = AnchorGenerator(sizes=((32, 64, 128, 256, 512),), aspect_ratios=((0.5, 1.0, 2.0),))
        roi_pooler = MultiScaleRoIAlign(featmap_names=["0"], output_size=7, sampling_ratio=2)
        model = FasterRCNN(backbone, num_classes=num_classes, rpn_anchor_generator=anchor_generator,
                           box_roi_pool=roi_pooler)
    model.transform.__class__ = common.PedlabTransform
    return model


def load_tutorial_model(path, arch, num_classes):
    """Build the tutorial model and load a state dict into it (strictly, apart from BatchNorm counters).

    The tutorial fine-tunes COCO weights whose ResNet uses FrozenBatchNorm2d, which has no
    num_batches_tracked buffer; those counters do not affect inference and start at 0 here."""
    sd = common.torch_load(path)
    if "model" in sd and isinstance(sd["model"], dict):
        sd = sd["model"]
    model = build_tutorial_model(arch, num_classes)
    sd = {k: (v.float() if v.is_floating_point() else v) for k, v in sd.items()}
    for k, v in model.state_dict().items():
        if k.endswith(".num_batches_tracked"):
            sd.setdefault(k, v)
    try:
        model.load_state_dict(sd)
    except RuntimeError as e:
        sys.exit("%s does not fit --arch %s --num-classes %d: %s" % (path, arch, num_classes, e))
    return model


def class_names(arg, num_classes):
    if not arg:
        names = list(common.CLASS_NAMES)
    else:
        names = [c.strip() for c in arg.split(",")]
        if len(names) == num_classes - 1:
            names = ["background"] + names
    if len(names) != num_classes or not all(names):
        sys.exit("--classes needs %d names (or %d without background), got %r" % (num_classes, num_classes - 1, arg))
    return names


def image_records(paths):
    return [{"name": os.path.basename(p), "image": np.array(Image.open(p).convert("RGB"))} for p in paths]


def tie_order(rb, rs, ob, os_, tol=1e-4):
    """For each ONNX detection, the index of the PyTorch detection with a score within tol and the closest box
    (detections whose scores tie may come in either order)."""
    free = np.ones(len(rb), dtype=bool)
    order = []
    for b, s in zip(ob, os_):
        cand = np.flatnonzero(free & (np.abs(rs - s) <= tol))
        if len(cand) == 0:
            cand = np.flatnonzero(free)
        j = cand[np.abs(rb[cand] - b).max(axis=1).argmin()]
        free[j] = False
        order.append(j)
    return np.array(order)


def to_fp16_initializers(model_proto, names, min_elems=1024):
    """Store the large float initializers whose name is in `names` as fp16 + Cast(to=FLOAT).

    Returns (n converted, n lossy, bytes saved)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    g = model_proto.graph
    new_inits, casts = [], []
    n_conv = n_lossy = saved = 0
    for init in g.initializer:
        if init.name in names and init.data_type == TensorProto.FLOAT and int(np.prod(init.dims)) >= min_elems:
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

    names = class_names(a.classes, a.num_classes if a.arch else len(common.CLASS_NAMES))
    if a.arch:
        if not a.ckpt:
            sys.exit("--arch needs --ckpt")
        model = load_tutorial_model(a.ckpt, a.arch, a.num_classes)
        variant = a.arch
        out = a.out or os.path.splitext(a.ckpt)[0] + ".onnx"
        print("arch %s: %d params, %d classes, test min_size %d" % (
            a.arch, common.count_params(model), a.num_classes, model.transform.min_size[-1]))
    else:
        if not a.ckpt:
            if not a.variant:
                sys.exit("give --variant, --ckpt, or --arch and --ckpt")
            a.ckpt = os.path.join(os.path.expanduser("~"), ".cache", "pedlab", "checkpoints", a.variant, "final_fp16.pt")
        model, ck = common.load_model_from_checkpoint(a.ckpt)
        variant = ck["variant"]
        out = a.out or os.path.join(HERE, "pedlab_%s.onnx" % variant)
        common.set_test_size(model, ck["arch"]["min_size_test"])
        print("variant %s: %d params, iteration %s/%s, test min_size %d" % (
            variant, common.count_params(model), ck.get("iteration"), ck.get("total"), ck["arch"]["min_size_test"]))
    model.eval()
    sd = model.state_dict()
    weights = {k for k, v in sd.items() if v.is_floating_point() and v.dim() >= 2}
    if not a.no_fp16:
        changed = sum(not torch.equal(sd[k], sd[k].half().float()) for k in weights)
        common.round_weights_fp16_(model)
        print("conv/linear weights rounded to fp16: %d of %d tensors changed (--no-fp16 keeps fp32)" % (
            changed, len(weights)))
    with_masks = model.roi_heads.has_mask()
    outputs = ["boxes", "labels", "scores"] + (["masks"] if with_masks else [])

    recs = image_records(a.images) if a.images else common.load_records(a.data, "test")
    sample = torch.from_numpy(recs[0]["image"]).permute(2, 0, 1).float().div(255)
    print("trace image %s %s" % (recs[0]["name"], tuple(sample.shape)))

    dynamic = {"image": {1: "height", 2: "width"}, "boxes": {0: "N"}, "labels": {0: "N"}, "scores": {0: "N"}}
    if with_masks:
        dynamic["masks"] = {0: "N", 2: "height", 3: "width"}
    tmp = out + ".tmp"
    with torch.no_grad():
        torch.onnx.export(
            model, ([sample],), tmp, opset_version=a.opset, do_constant_folding=True,
            training=torch.onnx.TrainingMode.PRESERVE,
            input_names=["image"], output_names=outputs, dynamic_axes=dynamic)
    mp = onnx.load(tmp)
    os.remove(tmp)
    ops = {}
    for n in mp.graph.node:
        ops[n.op_type] = ops.get(n.op_type, 0) + 1
    print("ops:", json.dumps(dict(sorted(ops.items()))))
    if not a.no_fp16:
        n, lossy, saved = to_fp16_initializers(mp, weights)
        print("fp16 initializers: %d converted (%d not exactly representable), %.1f MB saved" % (n, lossy, saved / 1e6))
    mp.producer_name = "pedlab models/export.py"
    meta = {"pedlab_variant": variant, "class_names": json.dumps(names),
            "input": "image float32 [3,H,W] RGB 0..1", "min_size_test": str(model.transform.min_size[-1]),
            "max_size": str(model.transform.max_size)}
    for k, v in meta.items():
        p = mp.metadata_props.add()
        p.key, p.value = k, v
    onnx.save(mp, out)
    onnx.checker.check_model(out)
    size = os.path.getsize(out)
    print("wrote %s (%.2f MB); onnx.checker OK" % (out, size / 1e6))
    if size > 50 * 1000 * 1000 and not a.arch:
        print("WARNING: larger than 50 MB")

    if a.check_images <= 0:
        return
    idx = np.linspace(0, len(recs) - 1, min(a.check_images, len(recs))).round().astype(int).tolist()
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
            rb, rs, rl = ref["boxes"].numpy(), ref["scores"].numpy(), ref["labels"].numpy()
            ob, os_, ol = np.array(o["boxes"], dtype=np.float32).reshape(-1, 4), np.array(o["scores"]), np.array(o["labels"])
            same_n = len(ob) == len(rb)
            line = "%s: torch %d dets, onnx %d dets (%d ms)" % (name, len(rb), len(ob), o["ms"])
            if same_n and len(rb):
                order = tie_order(rb, rs, ob, os_)
                rb, rs, rl = rb[order], rs[order], rl[order]
                db = float(np.abs(ob - rb).max())
                ds = float(np.abs(os_ - rs).max())
                labels_eq = bool((ol == rl).all())
                line += "; max |dbox| %.2e px, max |dscore| %.2e" % (db, ds)
                if with_masks:
                    mb = np.fromfile(os.path.join(td, "out", name + "_masks.bin"), dtype=np.float32).reshape(o["masks_shape"])
                    rm = ref["masks"].numpy()[order]
                    dm = float(np.abs(mb - rm).max())
                    bin_diff = float(((mb > 0.5) != (rm > 0.5)).mean())
                    line += ", max |dmask| %.2e, mask>0.5 differ %.2e" % (dm, bin_diff)
                line += ", labels %s" % ("equal" if labels_eq else "DIFFER")
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
