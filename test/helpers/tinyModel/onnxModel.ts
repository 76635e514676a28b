// Encodes an ONNX model (float / int8 / uint8 / int64 tensors, named graph inputs and outputs) to protobuf bytes.
import { endianness } from 'node:os';
import protobuf from 'protobufjs';
import { ONNX_SCHEMA } from './onnxSchema.js';

/** onnx.TensorProto.DataType values used here. */
export const ELEM_FLOAT = 1;
export const ELEM_UINT8 = 2;
export const ELEM_INT8 = 3;
export const ELEM_INT64 = 7;

export interface ValueSpec {
  name: string;
  elemType: typeof ELEM_FLOAT | typeof ELEM_INT64;
  /** A number is a fixed size, a string a symbolic (dynamic) dimension. */
  shape: Array<number | string>;
}

/** A constant tensor; its element type follows from the array (Float32Array is float, BigInt64Array int64, …). */
export interface Initializer {
  name: string;
  /** [] for a scalar. */
  dims: number[];
  values: Float32Array | Int8Array | Uint8Array | BigInt64Array;
}

export interface NodeSpec {
  opType: string;
  inputs: string[];
  outputs: string[];
  intAttributes?: Record<string, number>;
  floatAttributes?: Record<string, number>;
  intsAttributes?: Record<string, number[]>;
}

export interface ModelSpec {
  inputs: ValueSpec[];
  outputs: ValueSpec[];
  initializers: Initializer[];
  nodes: NodeSpec[];
  opset: number;
  irVersion: number;
}

// onnx.AttributeProto.AttributeType
const ATTRIBUTE_FLOAT = 1;
const ATTRIBUTE_INT = 2;
const ATTRIBUTE_INTS = 7;
const root = protobuf.Root.fromJSON(ONNX_SCHEMA);
const ModelProto = root.lookupType('onnx.ModelProto');

function valueInfo(v: ValueSpec): object {
  const dim = v.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name: v.name, type: { tensorType: { elemType: v.elemType, shape: { dim } } } };
}

function elemTypeOf(values: Initializer['values']): number {
  if (values instanceof Float32Array) return ELEM_FLOAT;
  if (values instanceof Int8Array) return ELEM_INT8;
  if (values instanceof Uint8Array) return ELEM_UINT8;
  return ELEM_INT64;
}

/** ONNX raw data is little-endian; on a little-endian machine the array's own bytes are it (no copy of a large weight). */
function rawData(values: Initializer['values']): Uint8Array {
  if (endianness() === 'LE' || values.BYTES_PER_ELEMENT === 1) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const bytes = new Uint8Array(values.byteLength);
  const view = new DataView(bytes.buffer);
  if (values instanceof Float32Array) values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  else if (values instanceof BigInt64Array) values.forEach((v, i) => view.setBigInt64(i * 8, v, true));
  return bytes;
}

function attributes(n: NodeSpec): object[] {
  return [
    ...Object.entries(n.intAttributes ?? {}).map(([name, i]) => ({ name, type: ATTRIBUTE_INT, i })),
    ...Object.entries(n.floatAttributes ?? {}).map(([name, f]) => ({ name, type: ATTRIBUTE_FLOAT, f })),
    ...Object.entries(n.intsAttributes ?? {}).map(([name, ints]) => ({ name, type: ATTRIBUTE_INTS, ints })),
  ];
}

export function encodeModel(spec: ModelSpec): Uint8Array {
  const message = {
    irVersion: spec.irVersion,
    producerName: 'clew-tiny-model',
    producerVersion: '1',
    opsetImport: [{ domain: '', version: spec.opset }],
    graph: {
      name: 'tiny',
      node: spec.nodes.map((n, i) => ({ name: `${n.opType.toLowerCase()}_${i}`, opType: n.opType, input: n.inputs, output: n.outputs, attribute: attributes(n) })),
      initializer: spec.initializers.map((t) => ({ name: t.name, dims: t.dims, dataType: elemTypeOf(t.values), rawData: rawData(t.values) })),
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
    },
  };
  const problem = ModelProto.verify(message);
  if (problem) throw new Error(`invalid ONNX model message: ${problem}`);
  return ModelProto.encode(ModelProto.fromObject(message)).finish();
}
