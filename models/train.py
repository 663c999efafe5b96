#!/usr/bin/env python3
"""Train one of Pedlab's from-scratch Mask R-CNN variants on the Penn-Fudan train split.

    /usr/bin/python3 models/train.py --config models/configs/r18fpn.json
    /usr/bin/python3 models/train.py --config models/configs/mnv3fpn.json --resume

CPU by default, CUDA when available (--device to force). No pretrained weights
are used (weights=None everywhere). Trains on split.json's `train` list only.
Every run appends losses to a log file (default: <ckpt-dir>/train.log) and
writes resumable checkpoints to --ckpt-dir (default
~/.cache/pedlab/checkpoints/<variant>/): last.pt (full state, fp32) and
final_fp16.pt (model only, conv/linear weights in fp16; what export.py reads).

--time-budget S trains for about S seconds of wall clock: after a short
warm-up the total iteration count is set from the measured speed (and logged,
so a rerun with --iterations N reproduces the schedule).
"""
import argparse
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", required=True, help="models/configs/<variant>.json")
    ap.add_argument("--data", default=common.DEFAULT_DATA,
                    help="PennFudanPed directory or a pack from pack_data.py (default ../shared/data/PennFudanPed)")
    ap.add_argument("--device", default=None, help="cpu | cuda (default: cuda if available)")
    ap.add_argument("--ckpt-dir", default=None, help="default ~/.cache/pedlab/checkpoints/<variant>/")
    ap.add_argument("--log", default=None, help="log file (default <ckpt-dir>/train.log)")
    ap.add_argument("--resume", nargs="?", const="auto", default=None,
                    help="resume from <ckpt-dir>/last.pt (or the given path)")
    ap.add_argument("--iterations", type=int, default=None, help="override config total iterations")
    ap.add_argument("--time-budget", type=float, default=None, help="seconds of training (sets iterations)")
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--lr", type=float, default=None)
    ap.add_argument("--min-size-train", default=None, help="comma list, overrides config (smoke tests)")
    ap.add_argument("--min-size-test", type=int, default=None)
    ap.add_argument("--max-size", type=int, default=None)
    ap.add_argument("--limit-train", type=int, default=None, help="use only the first N train images (smoke)")
    ap.add_argument("--eval", action="store_true", help="evaluate on the test split at the end (AP estimate)")
    ap.add_argument("--limit-test", type=int, default=None)
    ap.add_argument("--export-dir", default=None,
                    help="also write <variant>_final_fp16.pt here (split in <=15 MiB parts), periodically and at the end")
    ap.add_argument("--export-every", type=float, default=150.0, help="seconds between periodic exports")
    ap.add_argument("--save-every", type=int, default=500, help="iterations between last.pt saves")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--amp", default=None, choices=["none", "bf16"], help="override config amp")
    ap.add_argument("--log-every", type=int, default=20)
    return ap.parse_args()


class Logger:
    def __init__(self, path):
        self.path = path
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        self.f = open(path, "a")

    def __call__(self, *msg):
        s = " ".join(str(m) for m in msg)
        line = time.strftime("%Y-%m-%d %H:%M:%S ") + s
        print(line, flush=True)
        self.f.write(line + "\n")
        self.f.flush()


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)


def lr_at(it, total, cfg):
    base = cfg["lr"]
    warm = cfg.get("warmup_iters", 0)
    if it < warm:
        a = it / max(1, warm)
        return base * (cfg.get("warmup_factor", 0.001) * (1 - a) + a)
    p = min(1.0, (it - warm) / max(1, total - warm))
    lo = base * cfg.get("min_lr_ratio", 0.01)
    return lo + 0.5 * (base - lo) * (1 + math.cos(math.pi * p))


class GpuData:
    """All train images and instance masks as uint8 tensors on the training device, with
    augmentation done there: random crop (instances either kept >= keep_frac or fully out),
    horizontal flip, brightness/contrast/saturation jitter. Boxes come from the masks."""

    def __init__(self, records, device, aug, rng):
        self.items = []
        for r in records:
            img = torch.from_numpy(r["image"]).permute(2, 0, 1).contiguous().to(device)
            masks = common.instance_masks(r["mask"]).to(device)
            self.items.append((img, masks))
        self.aug = aug
        self.rng = rng
        self.device = device
        self.order = []

    def next_indices(self, n):
        out = []
        while len(out) < n:
            if not self.order:
                self.order = list(range(len(self.items)))
                self.rng.shuffle(self.order)
            out.append(self.order.pop())
        return out

    def _crop(self, img, masks):
        a = self.aug
        if self.rng.random() >= a.get("crop_prob", 0.0):
            return img, masks
        _, h, w = img.shape
        area0 = masks.flatten(1).sum(1).float()
        for _ in range(5):
            fh = self.rng.uniform(a.get("crop_min", 0.6), 1.0)
            fw = self.rng.uniform(a.get("crop_min", 0.6), 1.0)
            ch, cw = max(32, int(h * fh)), max(32, int(w * fw))
            y0 = self.rng.randint(0, h - ch)
            x0 = self.rng.randint(0, w - cw)
            m = masks[:, y0:y0 + ch, x0:x0 + cw]
            frac = m.flatten(1).sum(1).float() / area0.clamp(min=1)
            keep = frac >= a.get("keep_frac", 0.5)
            gone = frac == 0
            if bool((keep | gone).all()) and bool(keep.any()):
                return img[:, y0:y0 + ch, x0:x0 + cw], m[keep]
        return img, masks

    def batch(self, n):
        imgs, targets = [], []
        a = self.aug
        for i in self.next_indices(n):
            img, masks = self.items[i]
            img, masks = self._crop(img, masks)
            if self.rng.random() < a.get("hflip", 0.5):
                img = img.flip(-1)
                masks = masks.flip(-1)
            x = img.float().div_(255)
            c = a.get("color", 0.0)
            if c > 0:
                b = self.rng.uniform(1 - c, 1 + c)
                ct = self.rng.uniform(1 - c, 1 + c)
                s = self.rng.uniform(1 - c, 1 + c)
                x = x * b
                mean = x.mean()
                x = (x - mean) * ct + mean
                gray = (0.299 * x[0] + 0.587 * x[1] + 0.114 * x[2])[None]
                x = (x - gray) * s + gray
                x = x.clamp_(0, 1)
            t = common.make_target(masks.contiguous())
            wh = t["boxes"][:, 2:] - t["boxes"][:, :2]
            ok = (wh > 1).all(1)
            if not bool(ok.all()):
                t = {k: v[ok] for k, v in t.items()}
            imgs.append(x)
            targets.append(t)
        return imgs, targets


def main():
    a = parse_args()
    with open(a.config) as f:
        cfg = json.load(f)
    variant = cfg["variant"]
    arch, tcfg = dict(cfg["arch"]), dict(cfg["train"])
    if a.min_size_train:
        arch["min_size_train"] = [int(s) for s in a.min_size_train.split(",")]
    if a.min_size_test:
        arch["min_size_test"] = a.min_size_test
    if a.max_size:
        arch["max_size"] = a.max_size
    if a.batch_size:
        tcfg["batch_size"] = a.batch_size
    if a.lr:
        tcfg["lr"] = a.lr
    if a.amp:
        tcfg["amp"] = a.amp

    ckpt_dir = a.ckpt_dir or os.path.join(os.path.expanduser("~"), ".cache", "pedlab", "checkpoints", variant)
    os.makedirs(ckpt_dir, exist_ok=True)
    log = Logger(a.log or os.path.join(ckpt_dir, "train.log"))
    device = torch.device(a.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    if a.threads:
        torch.set_num_threads(a.threads)
    if device.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
        torch.backends.cudnn.benchmark = False
    t_start = time.time()

    seed = int(tcfg.get("seed", 0))
    seed_all(seed)
    rng = random.Random(seed)
    model = common.build_model(arch).to(device)
    log("variant=%s torch=%s torchvision=%s device=%s%s params=%d" % (
        variant, torch.__version__, __import__("torchvision").__version__, device,
        (" (" + torch.cuda.get_device_name(device) + ")") if device.type == "cuda" else "", common.count_params(model)))
    log("config", json.dumps({"arch": arch, "train": tcfg}, sort_keys=True))
    log("args", json.dumps(vars(a), sort_keys=True))

    recs = common.load_records(a.data, "train")
    if a.limit_train:
        recs = recs[: a.limit_train]
    data = GpuData(recs, device, tcfg.get("aug", {}), rng)
    log("train images: %d (instances %d)" % (len(recs), sum(int(m.shape[0]) for _, m in data.items)))

    decay, no_decay = [], []
    for n, p in model.named_parameters():
        if not p.requires_grad:
            continue
        (no_decay if (p.dim() <= 1) else decay).append(p)
    opt = torch.optim.SGD([{"params": decay, "weight_decay": tcfg["weight_decay"]},
                           {"params": no_decay, "weight_decay": 0.0}],
                          lr=tcfg["lr"], momentum=tcfg["momentum"])
    total = int(a.iterations or tcfg["iterations"])
    it = 0
    if a.resume:
        path = os.path.join(ckpt_dir, "last.pt") if a.resume == "auto" else a.resume
        if os.path.exists(path):
            ck = common.torch_load(path)
            model.load_state_dict(ck["model"])
            opt.load_state_dict(ck["optimizer"])
            it = int(ck["iteration"])
            if not a.iterations:
                total = int(ck["total"])
            rng.setstate(ck["py_rng"])
            data.order = list(ck["data_order"])
            torch.set_rng_state(ck["torch_rng"])
            log("resumed from %s at iteration %d/%d" % (path, it, total))
        else:
            log("no checkpoint at %s, starting fresh" % path)

    amp = tcfg.get("amp", "none") == "bf16"

    def save_last():
        torch.save({"model": model.state_dict(), "optimizer": opt.state_dict(), "iteration": it, "total": total,
                    "py_rng": rng.getstate(), "data_order": data.order, "torch_rng": torch.get_rng_state(),
                    "arch": arch, "train": tcfg, "variant": variant}, os.path.join(ckpt_dir, "last.pt"))

    def save_compact(path_dir):
        os.makedirs(path_dir, exist_ok=True)
        obj = {"model": common.compact_state_dict(model), "arch": arch, "train": tcfg, "variant": variant,
               "iteration": it, "total": total, "params": common.count_params(model)}
        name = "final_fp16.pt" if path_dir == ckpt_dir else variant + "_final_fp16.pt"
        return common.save_split(obj, os.path.join(path_dir, name))

    model.train()
    bs = int(tcfg["batch_size"])
    t_train0 = time.time()
    t_mark, it_mark = None, None
    last_export = time.time()
    skipped = 0
    sums, nsum = {}, 0
    budget = a.time_budget
    frozen = False
    while it < total:
        if budget is not None and time.time() - t_train0 > budget:
            log("time budget reached at iteration %d/%d" % (it, total))
            break
        lr = lr_at(it, total, tcfg)
        for g in opt.param_groups:
            g["lr"] = lr
        imgs, targets = data.batch(bs)
        if amp:
            with torch.autocast(device_type=device.type, dtype=torch.bfloat16):
                losses = model(imgs, targets)
        else:
            losses = model(imgs, targets)
        loss = sum(losses.values())
        if not torch.isfinite(loss):
            skipped += 1
            log("non-finite loss at iteration %d, step skipped (%d so far)" % (it, skipped))
            opt.zero_grad(set_to_none=True)
            it += 1
            if skipped > 50:
                log("too many non-finite losses, stopping")
                break
            continue
        opt.zero_grad(set_to_none=True)
        loss.backward()
        gn = torch.nn.utils.clip_grad_norm_(model.parameters(), tcfg.get("grad_clip", 1e9))
        opt.step()
        it += 1
        for k, v in losses.items():
            sums[k] = sums.get(k, 0.0) + float(v.detach())
        sums["loss"] = sums.get("loss", 0.0) + float(loss.detach())
        sums["grad_norm"] = sums.get("grad_norm", 0.0) + float(gn)
        nsum += 1
        now = time.time()
        if it == 10:
            t_mark, it_mark = now, it
        if budget is not None and t_mark is not None and not frozen and it in (40, 100, 200, 400, 700, 1000, 1500):
            el = now - t_train0
            if el < 0.7 * budget:
                rate = (it - it_mark) / max(1e-6, now - t_mark)
                new_total = it + int(0.95 * rate * (budget - el))
                if a.iterations:
                    new_total = min(new_total, a.iterations)
                log("speed %.2f it/s (%.1f img/s): total iterations %d -> %d" % (rate, rate * bs, total, new_total))
                total = max(it + 1, new_total)
            else:
                frozen = True
        if it % a.log_every == 0 or it == total:
            el = now - t_train0
            msg = " ".join("%s=%.4f" % (k, v / nsum) for k, v in sums.items())
            extra = ""
            if device.type == "cuda":
                extra = " mem=%.1fG" % (torch.cuda.max_memory_allocated(device) / 2 ** 30)
            log("it %d/%d lr=%.5f %s | %.2f it/s overall, %.0fs%s" % (
                it, total, lr, msg, it / max(el, 1e-6) if not a.resume else 0.0, el, extra))
            sums, nsum = {}, 0
        if it % a.save_every == 0:
            save_last()
        if a.export_dir and now - last_export > a.export_every:
            save_compact(a.export_dir)
            last_export = time.time()
    train_s = time.time() - t_train0
    log("training done: %d iterations in %.1fs (%.2f it/s, batch %d), skipped %d" % (
        it, train_s, it / max(train_s, 1e-6), bs, skipped))
    save_last()
    # the shipped weights are the fp16-rounded ones: round, then save and evaluate those
    common.round_weights_fp16_(model)
    files = save_compact(ckpt_dir)
    if a.export_dir:
        files += save_compact(a.export_dir)
    log("saved", " ".join(files))
    if a.eval:
        te = common.load_records(a.data, "test")
        if a.limit_test:
            te = te[: a.limit_test]
        common.set_test_size(model, arch["min_size_test"])
        t0 = time.time()
        res = common.evaluate_model(model, te, device)
        log("test eval (%d images, %.1fs, min_size %d): bbox AP=%.3f AP50=%.3f AP75=%.3f AR100=%.3f | "
            "segm AP=%.3f AP50=%.3f AP75=%.3f" % (
                len(te), time.time() - t0, arch["min_size_test"], res["bbox"]["AP"], res["bbox"]["AP50"],
                res["bbox"]["AP75"], res["bbox"]["AR100"], res["segm"]["AP"], res["segm"]["AP50"],
                res["segm"]["AP75"]))
        log("eval_json", json.dumps(res))
    log("total wall %.1fs" % (time.time() - t_start))


if __name__ == "__main__":
    main()
