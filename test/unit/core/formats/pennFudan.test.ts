import { describe, expect, it } from 'vitest';
import {
  crossCheckPennFudan,
  indexMaskFromInstances,
  instancesFromIndexMask,
  parsePennFudanAnnotation,
  writePennFudanAnnotation,
} from '../../../../core/formats/pennFudan.js';
import { rleDecode } from '../../../../core/masks/rle.js';

// 4 rows × 6 columns, row-major: instance 1 spans columns 1..2, rows 0..2; instance 2 is one pixel at (4, 3).
const H = 4;
const W = 6;
const VALUES = Uint8Array.from([0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0]);

describe('instances of an index mask', () => {
  it('derives boxes and areas as the torchvision tutorial does (x2, y2 = last pixel)', () => {
    const [a, b] = instancesFromIndexMask(VALUES, H, W, 'tutorial');
    expect(a).toMatchObject({ value: 1, corners: [1, 0, 2, 2], bbox: [1, 0, 1, 2], area: 2 });
    expect(b).toMatchObject({ value: 2, corners: [4, 3, 4, 3], bbox: [4, 3, 0, 0], area: 0 });
  });

  it('derives boxes and areas as COCO does (+1 extents, pixel count)', () => {
    const [a, b] = instancesFromIndexMask(VALUES, H, W, 'coco');
    expect(a).toMatchObject({ bbox: [1, 0, 2, 3], area: 4 });
    expect(b).toMatchObject({ bbox: [4, 3, 1, 1], area: 1 });
  });

  it('encodes each instance as a column-major mask that decodes to its pixels', () => {
    for (const inst of instancesFromIndexMask(VALUES, H, W, 'tutorial')) {
      const columns = rleDecode(inst.mask);
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) expect(columns[x * H + y]).toBe(VALUES[y * W + x] === inst.value ? 1 : 0);
    }
  });

  it('paints instances back into an index mask, reporting those that lose pixels to later ones', () => {
    const masks = instancesFromIndexMask(VALUES, H, W, 'tutorial').map((i) => i.mask);
    expect(indexMaskFromInstances(masks, H, W)).toEqual({ values: VALUES, hidden: [] });
    const { values, hidden } = indexMaskFromInstances([masks[0], masks[0]], H, W);
    expect(hidden).toEqual([0]);
    expect([...values].filter((v) => v === 2)).toHaveLength(4);
  });
});

const TEXT = `# Compatible with PASCAL Annotation Version 1.00
Image filename : "PennFudanPed/PNGImages/X.png"
Image size (X x Y x C) : 6 x 4 x 3
Bounding box for object 1 "PASpersonWalking" (Xmin, Ymin) - (Xmax, Ymax) : (2, 1) - (3, 3)
Bounding box for object 2 "PASpersonStanding" (Xmin, Ymin) - (Xmax, Ymax) : (5, 4) - (6, 4)
`;

describe('Penn-Fudan annotation text', () => {
  it('reads the size and the 1-based boxes with their labels', () => {
    expect(parsePennFudanAnnotation(TEXT, 'X.txt')).toEqual({
      width: 6,
      height: 4,
      objects: [
        { index: 1, label: 'PASpersonWalking', corners: [2, 1, 3, 3] },
        { index: 2, label: 'PASpersonStanding', corners: [5, 4, 6, 4] },
      ],
    });
  });

  it("reports each box that disagrees with the mask, in the text's coordinates", () => {
    const text = parsePennFudanAnnotation(TEXT, 'X.txt');
    const problems = crossCheckPennFudan(text, instancesFromIndexMask(VALUES, H, W, 'tutorial'), H, W);
    expect(problems).toEqual(["object 2: the text box is (5, 4) - (6, 4), the mask's is (5, 4) - (5, 4)"]);
    const more = crossCheckPennFudan({ width: 7, height: 4, objects: text.objects.slice(0, 1) }, [], H, W);
    expect(more).toEqual([
      'the text gives the image size 7 x 4, the mask is 6 x 4',
      'object 1 ("PASpersonWalking") has a box in the text but no pixels in the mask',
    ]);
  });

  it('names the file and line of a malformed box or size', () => {
    const broken = TEXT.replace('(5, 4) - (6, 4)', '(5, 4) - (6)');
    expect(() => parsePennFudanAnnotation(broken, 'Annotation/X.txt')).toThrow(/^Annotation\/X\.txt: line 5: cannot read the bounding box/);
    expect(() => parsePennFudanAnnotation(TEXT.replace('6 x 4 x 3', '6 x four'), 'X.txt')).toThrow(/X\.txt: line 3: cannot read the image size/);
    expect(() => parsePennFudanAnnotation(TEXT.replace('(2, 1) - (3, 3)', '(3, 3) - (2, 1)'), 'X.txt')).toThrow(/line 4: object 1/);
    expect(() => parsePennFudanAnnotation(TEXT.replace('object 2', 'object 1'), 'X.txt')).toThrow(/line 5: object 1 has a second bounding box/);
  });

  it('writes a text that reads back to the same boxes', () => {
    const written = writePennFudanAnnotation({
      folder: 'Out',
      database: 'Pedlab export',
      imageFile: 'X.png',
      maskFile: 'X_mask.png',
      width: 6,
      height: 4,
      channels: 3,
      objects: [{ index: 1, label: 'PASpersonWalking', corners: [1, 0, 2, 2] }],
    });
    expect(written).toContain('Pixel mask for object 1 "PASpersonWalking" : "Out/PedMasks/X_mask.png"');
    expect(parsePennFudanAnnotation(written, 'X.txt').objects).toEqual([{ index: 1, label: 'PASpersonWalking', corners: [2, 1, 3, 3] }]);
  });
});
