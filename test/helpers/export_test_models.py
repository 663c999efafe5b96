#!/usr/bin/env python3
"""Exports small random-weight ONNX models for Pedlab's tests (torch 1.13+, torchvision, onnx).

    /usr/bin/python3 test/helpers/export_test_models.py OUT_DIR

Writes, in OUT_DIR:
  maskrcnn.onnx          torchvision Mask R-CNN, input image [3,H,W], outputs boxes/labels/scores/masks
  fasterrcnn.onnx        torchvision Faster R-CNN, outputs boxes/labels/scores
  maskrcnn_batched.onnx  the Mask R-CNN with input [1,3,H,W]
  renamed_outputs.onnx   the Mask R-CNN with outputs named dets/classes/conf/segm
  classifier.onnx        an image classifier: input [1,3,64,64], output logits [1,10]
"""
import os
import sys

import torch
from torch import nn
from torchvision.models.detection import FasterRCNN, MaskRCNN
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor, TwoMLPHead
from torchvision.models.detection.mask_rcnn import MaskRCNNHeads, MaskRCNNPredictor
from torchvision.ops import MultiScaleRoIAlign


def backbone():
    layers, c = [], 3
    for out in (16, 32, 48, 64):
        layers += [nn.Conv2d(c, out, 3, stride=2, padding=1), nn.ReLU(inplace=True)]
        c = out
    net = nn.Sequential(*layers)
    net.out_channels = c
    return net


def detector(with_masks):
    common = dict(
        rpn_anchor_generator=AnchorGenerator(sizes=((32, 64, 128, 256),), aspect_ratios=((0.5, 1.0, 2.0),)),
        box_roi_pool=MultiScaleRoIAlign(["0"], 7, 2),
        box_head=TwoMLPHead(64 * 7 * 7, 128),
        box_predictor=FastRCNNPredictor(128, 2),
        min_size=256, max_size=448, box_detections_per_img=20,
        rpn_pre_nms_top_n_test=200, rpn_post_nms_top_n_test=100,
    )
    if not with_masks:
        return FasterRCNN(backbone(), **common)
    return MaskRCNN(backbone(), mask_roi_pool=MultiScaleRoIAlign(["0"], 14, 2),
                    mask_head=MaskRCNNHeads(64, (32, 32), 1), mask_predictor=MaskRCNNPredictor(32, 32, 2), **common)


class Batched(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, images):
        out = self.model([images[0]])[0]
        return out["boxes"], out["labels"], out["scores"], out["masks"]


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = backbone()
        self.fc = nn.Linear(64, 10)

    def forward(self, x):
        return self.fc(self.features(x).mean(dim=(2, 3)))


def export(model, sample, path, inputs, outputs, dynamic):
    model.eval()
    with torch.no_grad():
        torch.onnx.export(model, sample, path, opset_version=11, do_constant_folding=True,
                          input_names=inputs, output_names=outputs, dynamic_axes=dynamic)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    image = torch.rand(3, 240, 320)
    names = ["boxes", "labels", "scores", "masks"]
    n = {0: "N"}
    dyn = {"image": {1: "height", 2: "width"}, "boxes": n, "labels": n, "scores": n, "masks": {0: "N", 2: "height", 3: "width"}}
    mask = detector(True)
    export(mask, ([image],), os.path.join(out, "maskrcnn.onnx"), ["image"], names, dyn)
    export(detector(False), ([image],), os.path.join(out, "fasterrcnn.onnx"), ["image"], names[:3],
           {k: v for k, v in dyn.items() if k != "masks"})
    export(Batched(mask), (image[None],), os.path.join(out, "maskrcnn_batched.onnx"), ["images"], names,
           {**{k: v for k, v in dyn.items() if k != "image"}, "images": {2: "height", 3: "width"}})
    renamed = ["dets", "classes", "conf", "segm"]
    export(mask, ([image],), os.path.join(out, "renamed_outputs.onnx"), ["image"], renamed,
           {"image": dyn["image"], "dets": n, "classes": n, "conf": n, "segm": dyn["masks"]})
    export(Classifier(), torch.rand(1, 3, 64, 64), os.path.join(out, "classifier.onnx"), ["input"], ["logits"], None)


if __name__ == "__main__":
    main()
