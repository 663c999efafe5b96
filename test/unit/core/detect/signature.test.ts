import { describe, expect, it } from 'vitest';
import { readSignature, type ValueInfo } from '../../../../core/detect/signature.js';

const v = (name: string, type: string, shape: (number | string)[]): ValueInfo => ({ name, type, shape });
const torchvisionOutputs = [v('boxes', 'float32', ['N', 4]), v('labels', 'int64', ['N']), v('scores', 'float32', ['N'])];
const masks = v('masks', 'float32', ['N', 1, 'H', 'W']);

describe('readSignature', () => {
  it('recognises torchvision Mask R-CNN, Faster R-CNN and the batched variant', () => {
    expect(readSignature([v('image', 'float32', [3, 'H', 'W'])], [...torchvisionOutputs, masks])).toEqual({
      ok: true,
      signature: {
        kind: 'maskrcnn',
        input: 'image',
        batched: false,
        fixedSize: null,
        outputs: { boxes: 'boxes', labels: 'labels', scores: 'scores', masks: 'masks' },
      },
    });
    expect(readSignature([v('image', 'float32', [3, 'H', 'W'])], torchvisionOutputs)).toMatchObject({ ok: true, signature: { kind: 'fasterrcnn' } });
    expect(readSignature([v('x', 'float32', [1, 3, 512, 640])], [masks, ...torchvisionOutputs])).toMatchObject({
      ok: true,
      signature: { kind: 'maskrcnn', batched: true, fixedSize: { width: 640, height: 512 } },
    });
  });

  it('recognises a YOLOX head and checks its row count', () => {
    expect(readSignature([v('images', 'float32', [1, 3, 416, 416])], [v('output', 'float32', [1, 3549, 85])])).toEqual({
      ok: true,
      signature: { kind: 'yolox', input: 'images', output: 'output', inputWidth: 416, inputHeight: 416, classCount: 80 },
    });
    const wrong = readSignature([v('images', 'float32', [1, 3, 416, 416])], [v('output', 'float32', [1, 3000, 85])]);
    expect(wrong).toEqual({ ok: false, reason: 'a YOLOX head for 416×416 has 3549 rows (strides 8, 16, 32), but output has 3000' });
    const open = readSignature([v('images', 'float32', [1, 3, 'H', 'W'])], [v('output', 'float32', [1, 'N', 6])]);
    expect(open).toMatchObject({ ok: false, reason: expect.stringContaining('needs a fixed size') });
  });

  it('refuses classifiers, several inputs and wrongly named or typed outputs', () => {
    expect(readSignature([v('input', 'float32', [1, 3, 224, 224])], [v('logits', 'float32', [1, 1000])])).toEqual({
      ok: false,
      reason: 'its outputs match no detector Pedlab knows',
    });
    expect(readSignature([v('a', 'float32', [3, 'H', 'W']), v('b', 'float32', [2])], torchvisionOutputs)).toMatchObject({
      ok: false,
      reason: 'it has 2 inputs, and Pedlab feeds exactly one image',
    });
    const renamed = [v('dets', 'float32', ['N', 4]), v('classes', 'int64', ['N']), v('conf', 'float32', ['N'])];
    expect(readSignature([v('image', 'float32', [3, 'H', 'W'])], renamed).ok).toBe(false);
    expect(readSignature([v('image', 'uint8', [3, 'H', 'W'])], torchvisionOutputs)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('is not a float32 [3,H,W] or [1,3,H,W] image'),
    });
    expect(readSignature([v('image', 'float32', [3, 'H', 'W'])], [torchvisionOutputs[0], v('labels', 'float32', ['N']), torchvisionOutputs[2]])).toMatchObject({
      ok: false,
      reason: 'labels must be integers, not float32',
    });
  });
});
