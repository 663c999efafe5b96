import { describe, expect, it } from 'vitest';
import { classNamesFrom, readOnnxMetadata } from '../../../../main/inference/onnxMetadata.js';

/** A protobuf field: key varint, then a length-delimited body or a varint value. */
function field(number: number, body: Uint8Array | string | bigint): Uint8Array {
  if (typeof body === 'bigint') return Uint8Array.of(number * 8, Number(body));
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const length: number[] = [];
  let n = bytes.length;
  do {
    length.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>= 7;
  } while (n > 0);
  return Uint8Array.from([number * 8 + 2, ...length, ...bytes]);
}

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const property = (key: string, value: string) => field(14, concat(field(1, key), field(2, value)));

describe('readOnnxMetadata', () => {
  it('reads the producer and metadata_props around a graph it skips', () => {
    const model = concat(
      field(1, 7n),
      field(2, 'pedlab models/export.py'),
      field(7, new Uint8Array(300).fill(0x41)),
      property('pedlab_variant', 'r18fpn'),
      property('class_names', '["background", "pedestrian"]'),
    );
    const metadata = readOnnxMetadata(model);
    expect(metadata).toEqual({
      producer: 'pedlab models/export.py',
      properties: { pedlab_variant: 'r18fpn', class_names: '["background", "pedestrian"]' },
    });
    expect(classNamesFrom(metadata)).toEqual(['background', 'pedestrian']);
  });

  it('takes comma-separated class names too, and none when absent', () => {
    expect(classNamesFrom({ producer: '', properties: { classes: 'person, car' } })).toEqual(['person', 'car']);
    expect(classNamesFrom({ producer: '', properties: {} })).toBeNull();
  });

  it('refuses a field that runs past the end', () => {
    expect(() => readOnnxMetadata(Uint8Array.of(0x3a, 0x7f, 1, 2))).toThrow('past the end');
  });
});
