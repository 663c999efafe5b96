#!/usr/bin/env node
// Run a Pedlab ONNX detector with onnxruntime-node on image tensors stored as .npy (float32 [3,H,W], 0..1)
// or raw .bin (float32, shape given as H,W in the name: <name>.<H>x<W>.bin).
//
//   node models/check_onnx.mjs <model.onnx> <out_dir> <img1.npy> [img2.npy ...]
//
// For each input <name>.npy it writes <out_dir>/<name>.json
//   {boxes: [[x1,y1,x2,y2],...], labels: [...], scores: [...], masks_shape: [N,1,H,W], ms: <run time>}
// and, for a model with a `masks` output, <out_dir>/<name>_masks.bin (float32 mask probabilities, row-major
// [N,1,H,W]); masks_shape is null for a model without one.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ort = require('onnxruntime-node');

function readNpy(file) {
  const buf = fs.readFileSync(file);
  if (buf.readUInt8(0) !== 0x93 || buf.toString('latin1', 1, 6) !== 'NUMPY') throw new Error(`${file}: not .npy`);
  const major = buf.readUInt8(6);
  const hlen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const hstart = major === 1 ? 10 : 12;
  const header = buf.toString('latin1', hstart, hstart + hlen);
  if (!/'descr':\s*'<f4'/.test(header)) throw new Error(`${file}: need little-endian float32, header ${header}`);
  if (/'fortran_order':\s*True/.test(header)) throw new Error(`${file}: fortran order not supported`);
  const shape = header
    .match(/'shape':\s*\(([^)]*)\)/)[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  const off = hstart + hlen;
  const data = new Float32Array(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + buf.length));
  return { data, shape };
}

function readInput(file) {
  if (file.endsWith('.npy')) return readNpy(file);
  const m = path.basename(file).match(/\.(\d+)x(\d+)\.bin$/);
  if (!m) throw new Error(`${file}: raw .bin inputs must be named <name>.<H>x<W>.bin`);
  const buf = fs.readFileSync(file);
  return { data: new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length)), shape: [3, Number(m[1]), Number(m[2])] };
}

async function main() {
  const [modelPath, outDir, ...inputs] = process.argv.slice(2);
  if (!modelPath || !outDir || inputs.length === 0) {
    console.error('usage: node models/check_onnx.mjs <model.onnx> <out_dir> <img.npy> [...]');
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const t0 = Date.now();
  const session = await ort.InferenceSession.create(modelPath);
  const loadMs = Date.now() - t0;
  const inName = session.inputNames[0];
  const summary = { model: modelPath, inputs: session.inputNames, outputs: session.outputNames, load_ms: loadMs, runs: [] };
  for (const file of inputs) {
    const { data, shape } = readInput(file);
    const feeds = { [inName]: new ort.Tensor('float32', data, shape) };
    const t = Date.now();
    const out = await session.run(feeds);
    const ms = Date.now() - t;
    const boxes = out.boxes;
    const n = boxes.dims[0];
    const b = [];
    for (let i = 0; i < n; i++) b.push(Array.from(boxes.data.slice(4 * i, 4 * i + 4)));
    const name = path.basename(file).replace(/(\.\d+x\d+)?\.(npy|bin)$/, '');
    const res = {
      boxes: b,
      labels: Array.from(out.labels.data, (x) => Number(x)),
      scores: Array.from(out.scores.data),
      masks_shape: out.masks ? out.masks.dims : null,
      ms,
    };
    fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(res));
    if (out.masks) {
      const m = out.masks.data;
      fs.writeFileSync(path.join(outDir, `${name}_masks.bin`), Buffer.from(m.buffer, m.byteOffset, m.byteLength));
    }
    summary.runs.push({ input: file, shape, detections: n, ms });
  }
  fs.writeFileSync(path.join(outDir, 'summary.json'), JSON.stringify(summary, null, 1));
  console.log(JSON.stringify({ load_ms: loadMs, runs: summary.runs.map((r) => [path.basename(r.input), r.detections, r.ms]) }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
