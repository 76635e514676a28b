// A real BERT encoder as an ONNX graph with seeded random weights, at any size (a test-sized one, or the catalogue
// models' shapes for honest speed figures): word + position + type embeddings and LayerNorm, then per layer Q/K/V
// projections split into heads, scaled dot-product attention with the padding mask, Softmax, output projection,
// residual + LayerNorm, a GELU feed-forward (erf form, as exported from PyTorch), residual + LayerNorm.
// `weights: 'int8'` quantizes every weight matrix the way onnxruntime's quantize_dynamic does (the catalogue ships
// such graphs): int8 tables with a scale, activations quantized per run by DynamicQuantizeLinear into MatMulInteger.
import { writeBertFolder } from './bertFolder.js';
import { ELEM_FLOAT, ELEM_INT64, encodeModel, type Initializer, type NodeSpec } from './onnxModel.js';
import { seededFloats, seededInt8 } from './seeded.js';

export interface BertShape {
  layers: number;
  hidden: number;
  heads: number;
  intermediate: number;
  maxPositions: number;
}

/** bge-small-en-v1.5's shape (its vocabulary is 30,522 WordPiece tokens). */
export const BGE_SMALL_SHAPE: BertShape = { layers: 12, hidden: 384, heads: 12, intermediate: 1536, maxPositions: 512 };
/** jina-embeddings-v2-base-code's matrix work per token (vocabulary 61,056; 8,192 positions), not its function: it
 *  uses ALiBi instead of position embeddings and a gated GELU feed-forward (768 → 2 × 3072 → 768), which does the
 *  work of a plain one 1.5 × wider, so the BERT stand-in's feed-forward is 4,608 wide (161M weights, as the real one). */
export const JINA_CODE_SHAPE: BertShape = { layers: 12, hidden: 768, heads: 12, intermediate: 4608, maxPositions: 8192 };

export interface BertModelOptions {
  shape: BertShape;
  /** WordPiece vocabulary, special tokens first ([PAD] is id 0). */
  vocab: readonly string[];
  weights: 'fp32' | 'int8';
  seed?: number;
}

export interface BertModel {
  dir: string;
  /** Weights in the graph (embedding tables included). */
  parameters: number;
  bytes: number;
}

const TYPE_VOCAB = 2;
const LAYER_NORM_EPSILON = 1e-12;

/** Collects nodes and initializers; every node output gets a fresh name. */
class Graph {
  readonly nodes: NodeSpec[] = [];
  readonly initializers: Initializer[] = [];
  parameters = 0;
  private names = 0;
  private readonly constants = new Set<string>();
  private seed: number;
  /** DynamicQuantizeLinear outputs per activation, shared by the projections reading it (Q, K and V read one input). */
  private readonly quantized = new Map<string, [string, string, string]>();

  constructor(seed: number, private readonly int8: boolean) {
    this.seed = seed;
  }

  op(opType: string, inputs: string[], attributes: Omit<NodeSpec, 'opType' | 'inputs' | 'outputs'> = {}, outputCount = 1): string[] {
    const outputs = Array.from({ length: outputCount }, () => `${opType.toLowerCase()}_${this.names++}`);
    this.nodes.push({ opType, inputs, outputs, ...attributes });
    return outputs;
  }

  one(opType: string, inputs: string[], attributes: Omit<NodeSpec, 'opType' | 'inputs' | 'outputs'> = {}): string {
    return this.op(opType, inputs, attributes)[0] as string;
  }

  /** A named constant; a name used again (a shared scalar such as GELU's 0.5) is the same tensor. */
  constant(name: string, dims: number[], values: Initializer['values']): string {
    if (!this.constants.has(name)) this.initializers.push({ name, dims, values });
    this.constants.add(name);
    return name;
  }

  scalar(name: string, value: number): string {
    return this.constant(name, [], new Float32Array([value]));
  }

  int64s(name: string, values: number[], dims: number[] = [values.length]): string {
    return this.constant(name, dims, BigInt64Array.from(values.map(BigInt)));
  }

  /** A learned tensor: uniform in ±scale (biases and LayerNorm shifts near 0, gains near 1 via `offset`). */
  learned(name: string, dims: number[], scale: number, offset = 0): string {
    const count = dims.reduce((a, b) => a * b, 1);
    const values = seededFloats(this.seed++, count, scale);
    if (offset !== 0) for (let i = 0; i < count; i++) values[i] = (values[i] as number) + offset;
    this.parameters += count;
    return this.constant(name, dims, values);
  }

  /** A weight matrix or table: float, or int8 with its scale and zero point (as quantize_dynamic stores it). */
  private table(name: string, dims: number[], scale: number): { values: string; scale: string; zeroPoint: string } | string {
    if (!this.int8) return this.learned(name, dims, scale);
    const count = dims.reduce((a, b) => a * b, 1);
    this.parameters += count;
    return {
      values: this.constant(`${name}_quantized`, dims, seededInt8(this.seed++, count)),
      scale: this.scalar(`${name}_scale`, scale / 127),
      zeroPoint: this.constant(`${name}_zero_point`, [], new Int8Array([0])),
    };
  }

  /** Rows of an embedding table: Gather, then DequantizeLinear when the table is int8. */
  embed(name: string, rows: number, width: number, ids: string): string {
    const t = this.table(name, [rows, width], 0.5);
    if (typeof t === 'string') return this.one('Gather', [t, ids], { intAttributes: { axis: 0 } });
    return this.one('DequantizeLinear', [this.one('Gather', [t.values, ids], { intAttributes: { axis: 0 } }), t.scale, t.zeroPoint]);
  }

  /** x · W + b. Int8: x is quantized to uint8 per run, MatMulInteger, then scaled back by x_scale · W_scale (onnxruntime fuses this). */
  linear(name: string, x: string, inDim: number, outDim: number): string {
    const w = this.table(`${name}_weight`, [inDim, outDim], 1 / Math.sqrt(inDim));
    const bias = this.learned(`${name}_bias`, [outDim], 0.02);
    if (typeof w === 'string') return this.one('Add', [this.one('MatMul', [x, w]), bias]);
    let q = this.quantized.get(x);
    if (!q) this.quantized.set(x, (q = this.op('DynamicQuantizeLinear', [x], {}, 3) as [string, string, string]));
    const [xq, xScale, xZero] = q;
    const product = this.one('Cast', [this.one('MatMulInteger', [xq, w.values, xZero, w.zeroPoint])], { intAttributes: { to: ELEM_FLOAT } });
    const scaled = this.one('Mul', [product, this.one('Mul', [xScale, w.scale])]);
    return this.one('Add', [scaled, bias]);
  }

  layerNorm(name: string, x: string, width: number): string {
    const gain = this.learned(`${name}_gamma`, [width], 0.05, 1);
    const shift = this.learned(`${name}_beta`, [width], 0.02);
    return this.one('LayerNormalization', [x, gain, shift], { intAttributes: { axis: -1 }, floatAttributes: { epsilon: LAYER_NORM_EPSILON } });
  }
}

/** The additive attention bias [batch, 1, 1, sequence]: 0 where the mask is 1, -10000 on padding. */
function maskBias(g: Graph): string {
  const mask = g.one('Cast', ['attention_mask'], { intAttributes: { to: ELEM_FLOAT } });
  const expanded = g.one('Unsqueeze', [mask, g.int64s('mask_axes', [1, 2])]);
  return g.one('Mul', [g.one('Sub', [g.scalar('one', 1), expanded]), g.scalar('mask_fill', -10000)]);
}

function embeddings(g: Graph, shape: BertShape, vocabSize: number): string {
  const sequence = g.one('Gather', [g.one('Shape', ['input_ids']), g.int64s('sequence_axis', [1], [])], { intAttributes: { axis: 0 } });
  const positions = g.one('Range', [g.int64s('zero', [0], []), sequence, g.int64s('step', [1], [])]);
  const words = g.embed('word_embeddings', vocabSize, shape.hidden, 'input_ids');
  const summed = g.one('Add', [g.one('Add', [words, g.embed('position_embeddings', shape.maxPositions, shape.hidden, positions)]), g.embed('token_type_embeddings', TYPE_VOCAB, shape.hidden, 'token_type_ids')]);
  return g.layerNorm('embeddings_norm', summed, shape.hidden);
}

function attention(g: Graph, shape: BertShape, layer: number, x: string, bias: string): string {
  const headSize = shape.hidden / shape.heads;
  // [batch, seq, hidden] → [batch, seq, heads, headSize]; 0 keeps the input's size.
  const split = g.int64s(`l${layer}_split`, [0, 0, shape.heads, headSize]);
  const heads = (name: string, perm: number[]): string =>
    g.one('Transpose', [g.one('Reshape', [g.linear(`l${layer}_${name}`, x, shape.hidden, shape.hidden), split])], { intsAttributes: { perm } });
  const q = heads('query', [0, 2, 1, 3]);
  const kT = heads('key', [0, 2, 3, 1]);
  const v = heads('value', [0, 2, 1, 3]);
  const scores = g.one('Add', [g.one('Div', [g.one('MatMul', [q, kT]), g.scalar(`l${layer}_sqrt_head`, Math.sqrt(headSize))]), bias]);
  const context = g.one('MatMul', [g.one('Softmax', [scores], { intAttributes: { axis: -1 } }), v]);
  const merged = g.one('Reshape', [g.one('Transpose', [context], { intsAttributes: { perm: [0, 2, 1, 3] } }), g.int64s(`l${layer}_merge`, [0, 0, shape.hidden])]);
  const out = g.linear(`l${layer}_attention_output`, merged, shape.hidden, shape.hidden);
  return g.layerNorm(`l${layer}_attention_norm`, g.one('Add', [out, x]), shape.hidden);
}

/** GELU as PyTorch exports it: x · 0.5 · (1 + erf(x / √2)). */
function gelu(g: Graph, x: string): string {
  const erf = g.one('Erf', [g.one('Div', [x, g.scalar('sqrt2', Math.SQRT2)])]);
  return g.one('Mul', [g.one('Mul', [x, g.one('Add', [erf, g.scalar('gelu_one', 1)])]), g.scalar('gelu_half', 0.5)]);
}

function feedForward(g: Graph, shape: BertShape, layer: number, x: string): string {
  const up = gelu(g, g.linear(`l${layer}_intermediate`, x, shape.hidden, shape.intermediate));
  const down = g.linear(`l${layer}_output`, up, shape.intermediate, shape.hidden);
  return g.layerNorm(`l${layer}_output_norm`, g.one('Add', [down, x]), shape.hidden);
}

export function encodeBert(options: BertModelOptions): { model: Uint8Array; parameters: number } {
  const { shape } = options;
  if (shape.hidden % shape.heads !== 0) throw new Error(`hidden ${shape.hidden} is not a multiple of heads ${shape.heads}`);
  const g = new Graph(options.seed ?? 2024, options.weights === 'int8');
  const bias = maskBias(g);
  let x = embeddings(g, shape, options.vocab.length);
  for (let layer = 0; layer < shape.layers; layer++) x = feedForward(g, shape, layer, attention(g, shape, layer, x, bias));
  g.nodes.push({ opType: 'Identity', inputs: [x], outputs: ['last_hidden_state'] });
  const model = encodeModel({
    irVersion: 8,
    opset: 17,
    inputs: ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => ({ name, elemType: ELEM_INT64, shape: ['batch_size', 'sequence_length'] })),
    outputs: [{ name: 'last_hidden_state', elemType: ELEM_FLOAT, shape: ['batch_size', 'sequence_length', shape.hidden] }],
    initializers: g.initializers,
    nodes: g.nodes,
  });
  return { model, parameters: g.parameters };
}

export function writeBertModel(dir: string, options: BertModelOptions): BertModel {
  const { shape } = options;
  const { model, parameters } = encodeBert(options);
  const config = {
    model_type: 'bert', architectures: ['BertModel'], hidden_size: shape.hidden, num_hidden_layers: shape.layers, num_attention_heads: shape.heads,
    intermediate_size: shape.intermediate, hidden_act: 'gelu', max_position_embeddings: shape.maxPositions, type_vocab_size: TYPE_VOCAB,
    vocab_size: options.vocab.length, pad_token_id: 0, layer_norm_eps: LAYER_NORM_EPSILON,
  };
  writeBertFolder(dir, { model, config, vocab: options.vocab, modelMaxLength: shape.maxPositions });
  return { dir, parameters, bytes: model.byteLength };
}
