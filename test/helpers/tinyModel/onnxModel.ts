// Encodes a small ONNX model (float/int64 tensors, named graph inputs and outputs) to protobuf bytes.
import protobuf from 'protobufjs';
import { ONNX_SCHEMA } from './onnxSchema.js';

/** onnx.TensorProto.DataType values used here. */
export const ELEM_FLOAT = 1;
export const ELEM_INT64 = 7;

export interface ValueSpec {
  name: string;
  elemType: typeof ELEM_FLOAT | typeof ELEM_INT64;
  /** A number is a fixed size, a string a symbolic (dynamic) dimension. */
  shape: Array<number | string>;
}

export interface FloatInitializer {
  name: string;
  dims: number[];
  values: Float32Array;
}

export interface NodeSpec {
  opType: string;
  inputs: string[];
  outputs: string[];
  intAttributes?: Record<string, number>;
}

export interface ModelSpec {
  inputs: ValueSpec[];
  outputs: ValueSpec[];
  initializers: FloatInitializer[];
  nodes: NodeSpec[];
  opset: number;
  irVersion: number;
}

const ATTRIBUTE_INT = 2;
const root = protobuf.Root.fromJSON(ONNX_SCHEMA);
const ModelProto = root.lookupType('onnx.ModelProto');

function valueInfo(v: ValueSpec): object {
  const dim = v.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name: v.name, type: { tensorType: { elemType: v.elemType, shape: { dim } } } };
}

function littleEndianFloats(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}

export function encodeModel(spec: ModelSpec): Uint8Array {
  const message = {
    irVersion: spec.irVersion,
    producerName: 'clew-tiny-model',
    producerVersion: '1',
    opsetImport: [{ domain: '', version: spec.opset }],
    graph: {
      name: 'tiny',
      node: spec.nodes.map((n, i) => ({
        name: `${n.opType.toLowerCase()}_${i}`,
        opType: n.opType,
        input: n.inputs,
        output: n.outputs,
        attribute: Object.entries(n.intAttributes ?? {}).map(([name, i]) => ({ name, type: ATTRIBUTE_INT, i })),
      })),
      initializer: spec.initializers.map((t) => ({ name: t.name, dims: t.dims, dataType: ELEM_FLOAT, rawData: littleEndianFloats(t.values) })),
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
    },
  };
  const problem = ModelProto.verify(message);
  if (problem) throw new Error(`invalid ONNX model message: ${problem}`);
  return ModelProto.encode(ModelProto.fromObject(message)).finish();
}
