import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CocoEvaluator } from '../../../../core/eval/cocoEval.js';
import type { IouType } from '../../../../core/eval/params.js';
import type { Detection } from '../../../../core/eval/types.js';
import { parseCocoGroundTruth, parseCocoResults, type CocoGroundTruth } from '../../../../core/formats/cocoJson.js';
import { readCocoResultsBytes } from '../../../../core/formats/cocoResultsBytes.js';
import { EncodedRle } from '../../../../core/masks/encodedRle.js';
import { countsToString } from '../../../../core/masks/rleString.js';
import { describeShared, hasShared, readSharedJson, sharedPath } from '../../../helpers/shared.js';

const bytes = (text: string) => new TextEncoder().encode(text);

const gt = parseCocoGroundTruth({
  images: [{ id: 1, width: 10, height: 10 }, { id: 2 }],
  categories: [{ id: 1 }, { id: 2 }],
  annotations: [],
});

/** What the evaluation reads of a detection, masks decoded. */
function plain(d: Detection) {
  const seg = d.segmentation;
  const segmentation = seg === undefined ? undefined : seg.kind === 'rle' ? { h: seg.rle.h, w: seg.rle.w, counts: [...seg.rle.counts] } : seg;
  return { id: d.id, imageId: d.imageId, categoryId: d.categoryId, score: d.score, bbox: [...d.bbox], area: d.area, segmentation };
}

function expectSameAsParsed(text: string, segmentations: boolean, truth: CocoGroundTruth = gt): Detection[] {
  const direct = readCocoResultsBytes(bytes(text), truth, { segmentations });
  expect(direct, text).not.toBeNull();
  const parsed = parseCocoResults(JSON.parse(text), truth, { segmentations });
  if (segmentations) expect(direct!.map(plain)).toEqual(parsed.map(plain));
  else expect(direct!.map(plain)).toEqual(parsed.map((d) => ({ ...plain(d), segmentation: undefined })));
  return direct!;
}

// 44 is written "\1": a JSON string holds it as "\\1".
const COUNTS = countsToString([44, 20, 36]);

describe('readCocoResultsBytes', () => {
  it('reads results as parseCocoResults does, whatever the spacing, field order and extra fields', () => {
    expect(COUNTS).toContain('\\');
    const mask = JSON.stringify({ counts: COUNTS, size: [10, 10] });
    const text = `[ {"image_id":1,"category_id":2,"bbox":[1,2,3,4],"score":0.5,"segmentation":${mask}},
      {"extra": {"a": [1, true, null, "x\\u00e9\\n"]}, "score": 1e-3, "bbox": [ -0, 2.5E1, 1.00000000000000011, 7 ],
       "category_id": 1.0, "image_id": 1, "segmentation": {"size": [10, 10], "note": "é", "counts": "${COUNTS.replace(/\\/g, '\\\\')}"}},
      {"image_id":1,"category_id":1,"bbox":[0.1,0.2,0.30000000000000004,123456789.123456789],"score":0.9999999999999999} ]`;
    const direct = expectSameAsParsed(text, true);
    expect(direct[0].segmentation!.kind === 'rle' && direct[0].segmentation!.rle).toBeInstanceOf(EncodedRle);
    expect(direct[2].segmentation?.kind).toBe('polygons');
    expectSameAsParsed(text, false);
    expect(readCocoResultsBytes(bytes(' [ ] '), gt)).toEqual([]);
    // Mask results: the first has no box, so each gets its mask's area, and its box unless it has one.
    const masks = `[{"image_id":1,"category_id":1,"score":0.5,"segmentation":${mask}},{"image_id":1,"category_id":1,"score":0.5,"bbox":[0,0,2,2],"segmentation":${mask}}]`;
    expect(expectSameAsParsed(masks, true).map((d) => [d.area, d.bbox])).toEqual([
      [20, [4, 0, 3, 10]],
      [20, [0, 0, 2, 2]],
    ]);
    expect(readCocoResultsBytes(bytes(masks), gt, { segmentations: false })).toBeNull();
  });

  it('gives a mask its area and box without decoding it, and decodes it on reading counts', () => {
    const [d] = expectSameAsParsed(
      `[{"image_id":1,"category_id":1,"bbox":[0,0,1,1],"score":1,"segmentation":{"size":[10,10],"counts":${JSON.stringify(COUNTS)}}}]`,
      true,
    );
    const rle = (d.segmentation as { rle: unknown }).rle as EncodedRle;
    expect([rle.area, rle.bbox]).toEqual([20, [4, 0, 3, 10]]);
    expect([...rle.counts]).toEqual([44, 20, 36]);
  });

  it('leaves to parseCocoResults every file it does not read the plain way, valid or not', () => {
    const ok = '{"image_id":1,"category_id":1,"bbox":[1,2,3,4],"score":0.5}';
    const withMask = (m: string) => `[{"image_id":1,"category_id":1,"bbox":[1,2,3,4],"score":0.5,"segmentation":${m}}]`;
    const cases: [string, boolean][] = [
      ['', false],
      [`\ufeff[${ok}]`, false],
      [`[${ok},]`, false],
      [`[${ok}] x`, false],
      [`[${ok}`, false],
      ['{}', false],
      ['[1]', false],
      [`[${ok.replace('"image_id":1', '"image_id":"1"')}]`, false],
      [`[${ok.replace('"image_id":1', '"image_id":3')}]`, false],
      [`[${ok.replace('"image_id":1', '"image_id":1.5')}]`, false],
      [`[${ok.replace('"image_id"', '"image\\u005fid"')}]`, false],
      [`[${ok.replace('"score":0.5', '"score":0.5,"score":0.7')}]`, false],
      [`[${ok.replace('"score":0.5', '"score":1e999')}]`, false],
      [`[${ok.replace('"score":0.5', '"score":01')}]`, false],
      [`[${ok.replace('"score":0.5', '"score":.5')}]`, false],
      [`[${ok.replace('"score":0.5', '"score":null')}]`, false],
      [`[${ok.replace(',"score":0.5', '')}]`, false],
      [`[${ok.replace('[1,2,3,4]', '[1,2,-3,4]')}]`, false],
      [`[${ok.replace('[1,2,3,4]', '[1,2,3]')}]`, false],
      [`[${ok.replace('[1,2,3,4]', '[]')}]`, false],
      [`[${ok.replace('"bbox":[1,2,3,4],', '')}]`, false],
      [`[${ok.replace('}', ',"x":"a\tb"}')}]`, false],
      [`[${ok.replace('}', ',"x":"\\q"}')}]`, false],
      [`[${ok.replace('}', `,"x":${'['.repeat(100)}${']'.repeat(100)}}`)}]`, false],
      [withMask('[[1,2,3,4,5,6]]'), true],
      [withMask('{"size":[10,10],"counts":[44,20,36]}'), true],
      [withMask(`{"size":[10,9],"counts":"${countsToString([90])}"}`), true],
      [withMask(`{"size":[10,10],"counts":"${countsToString([99])}"}`), true],
      [withMask('{"size":[10,10],"counts":"d"}'), true],
      [withMask('{"size":[10,10],"counts":"\\"1"}'), true],
      [withMask('{"size":[10,10],"counts":"PPPPPPPP0"}'), true],
      [withMask('{"size":[10,10]}'), true],
      [withMask('null'), true],
    ];
    for (const [text, segmentations] of cases) expect(readCocoResultsBytes(bytes(text), gt, { segmentations }), text).toBeNull();
    // Without segmentations, a box result's segmentation is not read at all.
    expect(readCocoResultsBytes(bytes(withMask('[[1,2,3,4,5,6]]')), gt, { segmentations: false })).toHaveLength(1);
  });
});

function stats(truth: CocoGroundTruth, detections: readonly Detection[], iouType: IouType): readonly number[] {
  return new CocoEvaluator({ images: truth.images, categories: truth.categories, groundTruth: truth.annotations, detections }, { iouType }).stats();
}

describeShared('readCocoResultsBytes on the pycocotools reference cases', () => {
  const generated = hasShared
    ? readdirSync(sharedPath('data', 'coco_cases', 'generated'))
        .filter((d) => d.startsWith('case_'))
        .sort()
    : [];
  const files: [string[], string[], IouType][] = [
    [['cocoapi_fake100', 'instances_val2014_100.json'], ['cocoapi_fake100', 'instances_val2014_fakebbox100_results.json'], 'bbox'],
    [['cocoapi_fake100', 'instances_val2014_100.json'], ['cocoapi_fake100', 'instances_val2014_fakesegm100_results.json'], 'segm'],
    ...generated.flatMap((name): [string[], string[], IouType][] => [
      [['generated', name, 'gt.json'], ['generated', name, 'dt_bbox.json'], 'bbox'],
      [['generated', name, 'gt.json'], ['generated', name, 'dt_segm.json'], 'segm'],
    ]),
  ];

  it('gives the evaluation the same stats as the parsed files, bit for bit', () => {
    let direct = 0;
    for (const [gtPath, dtPath, iouType] of files) {
      const segmentations = iouType === 'segm';
      const truth = parseCocoGroundTruth(readSharedJson('data', 'coco_cases', ...gtPath), { segmentations });
      const text = readFileSync(sharedPath('data', 'coco_cases', ...dtPath));
      const read = readCocoResultsBytes(text, truth, { segmentations });
      if (read === null) continue;
      direct++;
      const parsed = parseCocoResults(JSON.parse(text.toString('utf8')), truth, { segmentations });
      expect(stats(truth, read, iouType), dtPath.join('/')).toEqual(stats(truth, parsed, iouType));
    }
    // Every reference file is laid out the plain way.
    expect(direct).toBe(files.length);
  });
});
