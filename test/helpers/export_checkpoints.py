#!/usr/bin/env python3
"""Writes random-weight checkpoints for the tests of models/export.py (torch 1.13+, torchvision).

    /usr/bin/python3 test/helpers/export_checkpoints.py OUT_DIR

Writes, in OUT_DIR:
  tutorial.pt      the torchvision tutorial's Mask R-CNN with 3 classes, as torch.save(model.state_dict()) writes
                   it, built the way maskrcnn_resnet50_fpn(weights="DEFAULT") builds it (FrozenBatchNorm2d in the
                   ResNet-50)
  mobilenet_v2.pt  the tutorial's Faster R-CNN on MobileNetV2 features, 2 classes, as {"model": state dict}
  mnv3fpn.pt       a Pedlab checkpoint of models/configs/mnv3fpn.json, as train.py writes it

The BatchNorm statistics of the last two are taken from one smooth random image (with fresh statistics the
features vanish and every detection gets the same score), with variances of at least 0.01 (smaller ones blow up
rounding differences, and ONNX Runtime's detections would no longer match PyTorch's).
"""
import json
import os
import sys

import torch
from torch import nn
from torchvision.models.detection import MaskRCNN
from torchvision.models.detection.backbone_utils import resnet_fpn_backbone
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor
from torchvision.models.detection.mask_rcnn import MaskRCNNPredictor

MODELS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "models")
sys.path.insert(0, MODELS)
import common  # noqa: E402
import export  # noqa: E402


def calibrate(model):
    image = nn.functional.interpolate(torch.rand(1, 3, 12, 16), size=(480, 640), mode="bilinear", align_corners=False)[0]
    model.eval()
    images, _ = model.transform([image])
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.momentum = 1.0
    model.backbone.train()
    with torch.no_grad():
        model.backbone(images.tensors)
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.running_var.clamp_(min=0.01)
    model.eval()


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)

    tutorial = MaskRCNN(resnet_fpn_backbone(backbone_name="resnet50", weights=None), num_classes=91)
    tutorial.roi_heads.box_predictor = FastRCNNPredictor(1024, 3)
    tutorial.roi_heads.mask_predictor = MaskRCNNPredictor(256, 256, 3)
    torch.save(tutorial.state_dict(), os.path.join(out, "tutorial.pt"))

    mobilenet = export.build_tutorial_model("mobilenet_v2", 2)
    calibrate(mobilenet)
    torch.save({"model": mobilenet.state_dict()}, os.path.join(out, "mobilenet_v2.pt"))

    with open(os.path.join(MODELS, "configs", "mnv3fpn.json")) as f:
        cfg = json.load(f)
    pedlab = common.build_model(cfg["arch"])
    calibrate(pedlab)
    torch.save({"model": common.compact_state_dict(pedlab), "arch": cfg["arch"], "train": cfg["train"],
                "variant": cfg["variant"], "iteration": 0, "total": 0}, os.path.join(out, "mnv3fpn.pt"))


if __name__ == "__main__":
    main()
