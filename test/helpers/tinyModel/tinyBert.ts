// A tiny but real BERT-shaped feature-extraction model folder: ONNX graph, config and WordPiece tokenizer.
// Graph: last_hidden_state = Tanh((word_embeddings[input_ids] + token_type_embeddings[token_type_ids]) · dense).
import { writeBertFolder } from './bertFolder.js';
import { ELEM_FLOAT, ELEM_INT64, encodeModel } from './onnxModel.js';
import { seededFloats } from './seeded.js';
import { SPECIAL_TOKENS } from './tokenizerFiles.js';

export const TINY_HIDDEN = 16;
export const TINY_MAX_LENGTH = 32;

const WORDS = [
  'parse', 'config', 'file', 'load', 'read', 'write', 'json', 'path', 'string', 'render', 'invoice', 'total',
  'customer', 'user', 'name', 'get', 'set', 'list', 'item', 'error', 'return', 'function', 'class', 'value',
  '##s', '##ing', '##er', '##ed', '.', '(', ')', '{', '}', ',', '=',
];

export interface TinyBert {
  dir: string;
  vocab: readonly string[];
  /** Token id of a vocabulary entry. */
  idOf(token: string): number;
  /** The graph's output for one token, computed here in float64 from the same weights. */
  hiddenOf(tokenId: number, typeId: number): number[];
}

export interface TinyBertOptions {
  seed?: number;
  /** Stored in config.json only; a different value changes the file and so the model fingerprint. */
  note?: string;
}

export function writeTinyBert(dir: string, options: TinyBertOptions = {}): TinyBert {
  const seed = options.seed ?? 1234;
  const vocab = [...SPECIAL_TOKENS, ...WORDS];
  const H = TINY_HIDDEN;
  const words = seededFloats(seed, vocab.length * H, 1);
  const types = seededFloats(seed + 1, 2 * H, 0.1);
  const dense = seededFloats(seed + 2, H * H, 0.5);

  const model = encodeModel({
    irVersion: 8,
    opset: 14,
    inputs: ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => ({ name, elemType: ELEM_INT64, shape: ['batch_size', 'sequence_length'] })),
    outputs: [{ name: 'last_hidden_state', elemType: ELEM_FLOAT, shape: ['batch_size', 'sequence_length', H] }],
    initializers: [
      { name: 'word_embeddings', dims: [vocab.length, H], values: words },
      { name: 'token_type_embeddings', dims: [2, H], values: types },
      { name: 'dense', dims: [H, H], values: dense },
    ],
    nodes: [
      { opType: 'Gather', inputs: ['word_embeddings', 'input_ids'], outputs: ['word'], intAttributes: { axis: 0 } },
      { opType: 'Gather', inputs: ['token_type_embeddings', 'token_type_ids'], outputs: ['type'], intAttributes: { axis: 0 } },
      { opType: 'Add', inputs: ['word', 'type'], outputs: ['summed'] },
      { opType: 'MatMul', inputs: ['summed', 'dense'], outputs: ['projected'] },
      { opType: 'Tanh', inputs: ['projected'], outputs: ['last_hidden_state'] },
    ],
  });

  const config = {
    model_type: 'bert', architectures: ['BertModel'], hidden_size: H, num_hidden_layers: 1, num_attention_heads: 2,
    intermediate_size: 2 * H, max_position_embeddings: TINY_MAX_LENGTH, type_vocab_size: 2, vocab_size: vocab.length, pad_token_id: 0,
    ...(options.note ? { note: options.note } : {}),
  };
  writeBertFolder(dir, { model, config, vocab, modelMaxLength: 512 });

  return {
    dir,
    vocab,
    idOf(token) {
      const id = vocab.indexOf(token);
      if (id < 0) throw new Error(`token ${token} is not in the tiny vocabulary`);
      return id;
    },
    hiddenOf(tokenId, typeId) {
      const x = Array.from({ length: H }, (_, i) => (words[tokenId * H + i] as number) + (types[typeId * H + i] as number));
      return Array.from({ length: H }, (_, j) => Math.tanh(x.reduce((sum, xi, i) => sum + xi * (dense[i * H + j] as number), 0)));
    },
  };
}
