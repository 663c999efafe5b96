#!/usr/bin/env bash
# Train both variants concurrently on one GPU (used for the shipped models).
# Needs the data pack: /usr/bin/python3 models/pack_data.py  (writes .train/pennfudan_pack.npz, git-ignored)
# Usage: OUT=/some/dir BUDGET=420 bash models/run_device.sh
set -u
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/pedlab-out}; BUDGET=${BUDGET:-420}; PY=${PY:-python3}
mkdir -p "$OUT"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
$PY -c "import torch,torchvision;print('torch',torch.__version__,'torchvision',torchvision.__version__,'cuda',torch.cuda.is_available())"
pids=()
for v in r18fpn mnv3fpn; do
  $PY models/train.py --config models/configs/$v.json --data .train/pennfudan_pack.npz --device cuda \
    --time-budget "$BUDGET" --eval --threads 4 --ckpt-dir /tmp/pedlab-ckpt/$v --log "$OUT/$v.log" \
    --export-dir "$OUT" --export-every 120 > /tmp/pedlab-$v.stdout 2>&1 &
  pids+=($!)
done
for p in "${pids[@]}"; do wait $p; echo "pid $p exit $?"; done
for v in r18fpn mnv3fpn; do echo "== $v"; grep -v "^20..-..-.. ..:..:.. it " /tmp/pedlab-$v.stdout | grep -v "config\|args" | tail -25; done
ls -la "$OUT"
