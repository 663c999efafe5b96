/** What an ONNX file says about itself outside its graph. */
export interface OnnxMetadata {
  producer: string;
  /** The model's metadata_props, e.g. `class_names` and `pedlab_variant` from Pedlab's export script. */
  properties: Record<string, string>;
}

const PRODUCER_NAME = 2;
const METADATA_PROPS = 14;

function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length && i < at + 10; i++) {
    value += (bytes[i] & 0x7f) * scale;
    scale *= 128;
    if (!(bytes[i] & 0x80)) return [value, i + 1];
  }
  throw new Error('malformed protobuf varint');
}

/** Walks one protobuf message's fields, calling `onField` for each length-delimited one. */
function eachField(bytes: Uint8Array, onField: (field: number, body: Uint8Array) => void): void {
  let at = 0;
  while (at < bytes.length) {
    const [key, afterKey] = readVarint(bytes, at);
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) at = readVarint(bytes, afterKey)[1];
    else if (wire === 1) at = afterKey + 8;
    else if (wire === 5) at = afterKey + 4;
    else if (wire === 2) {
      const [length, start] = readVarint(bytes, afterKey);
      if (start + length > bytes.length) throw new Error('protobuf field runs past the end of the file');
      onField(field, bytes.subarray(start, start + length));
      at = start + length;
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
  }
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Reads the producer and metadata_props of an ONNX ModelProto without parsing its graph. */
export function readOnnxMetadata(model: Uint8Array): OnnxMetadata {
  const result: OnnxMetadata = { producer: '', properties: {} };
  eachField(model, (field, body) => {
    if (field === PRODUCER_NAME) result.producer = text(body);
    if (field !== METADATA_PROPS) return;
    let key = '';
    let value = '';
    eachField(body, (f, b) => {
      if (f === 1) key = text(b);
      if (f === 2) value = text(b);
    });
    if (key) result.properties[key] = value;
  });
  return result;
}

/** Class names stored in the model (Pedlab's export writes `class_names` as a JSON list), if any. */
export function classNamesFrom(metadata: OnnxMetadata): string[] | null {
  const raw = metadata.properties.class_names ?? metadata.properties.classes;
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.every((c) => typeof c === 'string')) return parsed;
  } catch {
    /* not JSON: fall through to comma-separated names */
  }
  const names = raw.split(',').map((s) => s.trim());
  return names.every(Boolean) ? names : null;
}
