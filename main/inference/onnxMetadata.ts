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

/** Walks one protobuf message's fields, calling `onField` for each length-delimited one and `onVarint` for each varint. */
function eachField(bytes: Uint8Array, onField: (field: number, body: Uint8Array) => void, onVarint?: (field: number, value: number) => void): void {
  let at = 0;
  while (at < bytes.length) {
    const [key, afterKey] = readVarint(bytes, at);
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) {
      const [value, next] = readVarint(bytes, afterKey);
      onVarint?.(field, value);
      at = next;
    } else if (wire === 1) at = afterKey + 8;
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

/** A StringStringEntryProto (metadata_props, external_data): key 1, value 2. */
function readEntry(body: Uint8Array): [key: string, value: string] {
  let key = '';
  let value = '';
  eachField(body, (f, b) => {
    if (f === 1) key = text(b);
    if (f === 2) value = text(b);
  });
  return [key, value];
}

/** Reads the producer and metadata_props of an ONNX ModelProto without parsing its graph. */
export function readOnnxMetadata(model: Uint8Array): OnnxMetadata {
  const result: OnnxMetadata = { producer: '', properties: {} };
  eachField(model, (field, body) => {
    if (field === PRODUCER_NAME) result.producer = text(body);
    if (field !== METADATA_PROPS) return;
    const [key, value] = readEntry(body);
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

/** Where a tensor's data lives outside the model file (TensorProto.data_location EXTERNAL, with its location). */
export interface ExternalTensor {
  tensor: string;
  location: string;
}

/** The messages of an ONNX file that hold tensors or graphs, and the fields that lead to them. */
type Kind = 'model' | 'graph' | 'node' | 'attribute' | 'tensor' | 'sparse' | 'function';
const CHILDREN: Record<Kind, Record<number, Kind>> = {
  model: { 7: 'graph', 25: 'function' }, // ModelProto.graph, .functions
  function: { 7: 'node' }, // FunctionProto.node
  graph: { 1: 'node', 5: 'tensor', 15: 'sparse' }, // GraphProto.node, .initializer, .sparse_initializer
  node: { 5: 'attribute' }, // NodeProto.attribute
  attribute: { 5: 'tensor', 6: 'graph', 10: 'tensor', 11: 'graph', 22: 'sparse', 23: 'sparse' }, // t, g, tensors, graphs, sparse_tensor(s)
  sparse: { 1: 'tensor', 2: 'tensor' }, // SparseTensorProto.values, .indices
  tensor: {},
};
const TENSOR_NAME = 8;
const TENSOR_EXTERNAL_DATA = 13;
const TENSOR_DATA_LOCATION = 14;
const EXTERNAL = 1;
/** Subgraphs nest (If, Loop, Scan); no real model comes near this depth, and a hostile one stops here. */
const MAX_DEPTH = 64;

/** A model whose graphs nest deeper than any real one: refused, whatever ONNX Runtime would make of it. */
export class NestedTooDeepError extends Error {}

const shown = (s: string) => (s.length > 100 ? `${s.slice(0, 100)}…` : s);

/**
 * The first tensor whose data the model keeps in another file, or null when it is self-contained. ONNX Runtime
 * resolves such paths against the working directory when a model is given as bytes, so Pedlab refuses these
 * models before ONNX Runtime sees them. Walks initializers, sparse initializers, node attributes and functions,
 * subgraphs included, each message once; throws on malformed input, and NestedTooDeepError past MAX_DEPTH.
 */
export function findExternalTensor(model: Uint8Array): ExternalTensor | null {
  const stack: { kind: Kind; body: Uint8Array; depth: number }[] = [{ kind: 'model', body: model, depth: 0 }];
  while (stack.length > 0) {
    const { kind, body, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) throw new NestedTooDeepError(`its graphs nest more than ${MAX_DEPTH} deep`);
    if (kind === 'tensor') {
      let name = '';
      let location = '';
      let external = false;
      eachField(
        body,
        (field, value) => {
          if (field === TENSOR_NAME) name = text(value);
          if (field !== TENSOR_EXTERNAL_DATA) return;
          const [key, entry] = readEntry(value);
          if (key === 'location') location = entry;
        },
        (field, value) => {
          if (field === TENSOR_DATA_LOCATION && value === EXTERNAL) external = true;
        },
      );
      if (external || location) return { tensor: shown(name || '(unnamed)'), location: shown(location || '(no location given)') };
      continue;
    }
    const children = CHILDREN[kind];
    eachField(body, (field, value) => {
      const child = children[field];
      if (child) stack.push({ kind: child, body: value, depth: depth + 1 });
    });
  }
  return null;
}
