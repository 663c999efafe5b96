/** Just enough protobuf writing to build tiny ONNX models in tests. */

function varint(n: number): number[] {
  const out: number[] = [];
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  return out;
}

/** A length-delimited field (bytes or text) or, for a number, a varint field. */
export function field(number: number, body: Uint8Array | string | number): Uint8Array {
  if (typeof body === 'number') return Uint8Array.from([...varint(number * 8), ...varint(body)]);
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return Uint8Array.from([...varint(number * 8 + 2), ...varint(bytes.length), ...bytes]);
}

export const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

const FLOAT = 1;
/** A ValueInfoProto body: a float tensor of shape [1]. */
const valueInfo = (name: string) => concat(field(1, name), field(2, field(1, concat(field(1, FLOAT), field(2, field(1, field(1, 1)))))));

/** A float tensor named `name` of one value, inside the file or (with `externalAt`) in another file. */
export function tensor(name: string, externalAt?: string): Uint8Array {
  const entry = (key: string, value: string) => field(13, concat(field(1, key), field(2, value)));
  const data = externalAt
    ? concat(entry('location', externalAt), entry('offset', '0'), entry('length', '4'), field(14, 1))
    : field(9, Uint8Array.of(0, 0, 128, 63));
  return concat(field(1, 1), field(2, FLOAT), field(8, name), data);
}

/** A valid ONNX model computing Y = X + W for a one-element float X, with W inside the file or external. */
export function addModel(externalAt?: string): Uint8Array {
  const node = field(1, concat(field(1, 'X'), field(1, 'W'), field(2, 'Y'), field(4, 'Add')));
  const graph = concat(node, field(2, 'add'), field(5, tensor('W', externalAt)), field(11, valueInfo('X')), field(12, valueInfo('Y')));
  return concat(field(1, 8), field(8, concat(field(1, ''), field(2, 13))), field(7, graph));
}
