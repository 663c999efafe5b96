// Times whole evaluation processes on COCO-val-sized files (see cocoValFiles.ts): `pedlab eval`, pycocotools and
// faster-coco-eval, in this one run, on the same files, for bbox and segm. Prints the median wall time and peak
// RSS (from /usr/bin/time -v) of each and the ratios of pedlab to each peer; asserts nothing. Prints how far each
// peer's 12 stats are from pedlab's. Settings (environment):
//   PEDLAB_BENCH_RUNS   runs per pedlab process (default 3)
//   PEDLAB_BENCH_PEER_RUNS  runs per peer process (default: PEDLAB_BENCH_RUNS)
//   PEDLAB_BENCH_DIR    where the files are written, or reused when there (default: a folder in the temp dir)
//   PEDLAB_PEERS        the peers built by shared/peers/build.sh (default /tmp/pedlab-peers)
//   PEDLAB_BENCH_ALSO   another pedlab entry point (bin/pedlab.js of an older build) to time beside this one
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from '../median.js';
import { RESULTS_PER_IMAGE, VAL_GROUND_TRUTHS, VAL_IMAGES, writeCocoValFiles, type CocoValFiles } from './cocoValFiles.js';

const SEED = 2017;
const RUNS = Number(process.env.PEDLAB_BENCH_RUNS ?? 3);
const PEER_RUNS = Number(process.env.PEDLAB_BENCH_PEER_RUNS ?? RUNS);
const DIR = process.env.PEDLAB_BENCH_DIR ?? join(tmpdir(), `pedlab-eval-files-${SEED}`);
const PEERS = process.env.PEDLAB_PEERS ?? '/tmp/pedlab-peers';
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';
const IOU_TYPES = ['bbox', 'segm'] as const;

interface Evaluator {
  readonly name: string;
  readonly runs: number;
  readonly command: (files: CocoValFiles, iouType: string) => { argv: string[]; env?: NodeJS.ProcessEnv };
}

interface Timing {
  readonly seconds: number;
  readonly peakMb: number | null;
  readonly stats: readonly number[];
}

const PRINT_STATS = "import json; print('STATS ' + json.dumps([float(s) for s in e.stats[:12]]))";

const PYCOCOTOOLS_SCRIPT = `import sys
import numpy as np
np.float = float
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval
gt = COCO(sys.argv[1])
e = COCOeval(gt, gt.loadRes(sys.argv[2]), sys.argv[3])
e.evaluate(); e.accumulate(); e.summarize()
${PRINT_STATS}`;

const FASTER_SCRIPT = `import sys
from faster_coco_eval import COCO, COCOeval_faster
gt = COCO(sys.argv[1])
e = COCOeval_faster(gt, gt.loadRes(sys.argv[2]), sys.argv[3])
e.evaluate(); e.accumulate(); e.summarize()
${PRINT_STATS}`;

function pedlab(name: string, entry: string): Evaluator {
  return {
    name,
    runs: RUNS,
    command: (f, iouType) => ({ argv: [process.execPath, entry, 'eval', '--gt', f.groundTruth, '--dt', f.results, '--iou-type', iouType, '--json'] }),
  };
}

function python(name: string, script: string, path: string): Evaluator {
  return {
    name,
    runs: PEER_RUNS,
    command: (f, iouType) => ({ argv: [PYTHON, '-c', script, f.groundTruth, f.results, iouType], env: { ...process.env, PYTHONPATH: path } }),
  };
}

/** A peer when its build is there, else the reason it is skipped. */
function peer(name: string, script: string, folder: string, built: RegExp): Evaluator | string {
  const path = join(PEERS, folder);
  const pkg = join(path, folder);
  if (!existsSync(pkg)) return `${name}: skipped, no build at ${path} (bash shared/peers/build.sh ${PEERS})`;
  const found = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? found(join(dir, e.name)) : built.test(e.name)));
  if (!found(pkg)) return `${name}: skipped, ${path} holds no compiled extension (bash shared/peers/build.sh ${PEERS})`;
  return python(name, script, path);
}

/** The 12 stats a run prints: pedlab as JSON, the peers on a line of their own. */
function printedStats(stdout: string): number[] {
  const line = /^STATS (.*)$/m.exec(stdout);
  if (line) return JSON.parse(line[1]) as number[];
  return Object.values((JSON.parse(stdout) as { stats: Record<string, number> }).stats);
}

function runOnce(evaluator: Evaluator, files: CocoValFiles, iouType: string): Timing {
  const { argv, env } = evaluator.command(files, iouType);
  const timed = existsSync(TIME);
  const start = performance.now();
  const run = spawnSync(timed ? TIME : argv[0], timed ? ['-v', ...argv] : argv.slice(1), { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`${evaluator.name} ${iouType} failed (${run.status ?? run.signal}):\n${run.stderr.slice(-2000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  return { seconds, peakMb: rss ? Number(rss[1]) / 1024 : null, stats: printedStats(run.stdout) };
}

function files(): CocoValFiles {
  const paths = { groundTruth: join(DIR, 'gt.json'), results: join(DIR, 'results.json') };
  if (existsSync(paths.groundTruth) && existsSync(paths.results)) return paths;
  mkdirSync(DIR, { recursive: true });
  const start = performance.now();
  const written = writeCocoValFiles(DIR, SEED);
  console.log(`wrote ${DIR} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return written;
}

const evaluators: Evaluator[] = [pedlab('pedlab', resolve('bin/pedlab.js'))];
if (process.env.PEDLAB_BENCH_ALSO) evaluators.push(pedlab('pedlab (other build)', resolve(process.env.PEDLAB_BENCH_ALSO)));
const peers = [peer('pycocotools', PYCOCOTOOLS_SCRIPT, 'pycocotools', /^_mask.*\.so$/), peer('faster-coco-eval', FASTER_SCRIPT, 'faster_coco_eval', /\.so$/)];
for (const p of peers) if (typeof p === 'string') console.log(p);
const peerEvaluators = peers.filter((p): p is Evaluator => typeof p !== 'string');
evaluators.push(...peerEvaluators);

const f = files();
console.log(
  `${VAL_IMAGES} images, ${VAL_GROUND_TRUTHS} ground truths, ${VAL_IMAGES * RESULTS_PER_IMAGE} results; ` +
    `whole processes, wall time and peak RSS, median of ${RUNS} run(s) of pedlab, ${PEER_RUNS} of each peer${existsSync(TIME) ? '' : ' (no /usr/bin/time: peak RSS not measured)'}`,
);
for (const iouType of IOU_TYPES) {
  const medians = new Map<string, { seconds: number; peakMb: number | null }>();
  let reference: readonly number[] | null = null;
  for (const e of evaluators) {
    const timings: Timing[] = [];
    for (let r = 0; r < e.runs; r++) timings.push(runOnce(e, f, iouType));
    const seconds = median(timings.map((t) => t.seconds));
    const peaks = timings.map((t) => t.peakMb).filter((m): m is number => m !== null);
    const peakMb = peaks.length ? median(peaks) : null;
    medians.set(e.name, { seconds, peakMb });
    const ref = (reference ??= timings[0].stats);
    const off = Math.max(...timings[0].stats.map((v, i) => Math.abs(v - ref[i])));
    const rss = peakMb === null ? '-' : `${peakMb.toFixed(0)} MB`.padStart(8);
    console.log(
      `${iouType.padEnd(5)} ${e.name.padEnd(22)} ${seconds.toFixed(2).padStart(7)} s  ${rss} peak RSS  stats within ${off.toExponential(1)} of pedlab's`,
    );
  }
  const own = medians.get('pedlab')!;
  for (const [name, m] of medians) {
    if (name === 'pedlab') continue;
    const rss = own.peakMb !== null && m.peakMb !== null ? `, peak RSS ${(own.peakMb / m.peakMb).toFixed(2)}× theirs` : '';
    console.log(`${iouType.padEnd(5)} pedlab is ${(m.seconds / own.seconds).toFixed(1)}× as fast as ${name}${rss}`);
  }
}
