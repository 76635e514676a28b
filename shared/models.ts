// The curated embedding models Clew offers to download, declared once: the Backend downloads and
// checks them, the UI and `clew models` list them. Sizes are shown before a download starts; the
// bytes actually fetched are checked against the hub's own size and content hash, not these numbers.

export type ModelKind = 'static' | 'transformers';

export interface ModelFile {
  /** Path in the hub repository. */
  path: string;
  /** Where it is kept in the model folder, when that differs (a quantized ONNX graph is read as onnx/model.onnx). */
  saveAs?: string;
  /** Approximate size, for display before the hub answers. */
  bytes: number;
}

export interface CatalogueModel {
  /** Clew's short name for it (`clew models download <id>`). */
  id: string;
  name: string;
  kind: ModelKind;
  /** Hugging Face hub repository. */
  repo: string;
  /** The commit (or branch) the files are fetched at: `<endpoint>/<repo>/resolve/<revision>/<file>`. */
  revision: string;
  files: ModelFile[];
  dimension: number;
  pooling: 'mean' | 'cls';
  /** Put before a search query / an indexed text before embedding (the model was trained that way). */
  queryPrefix: string;
  documentPrefix: string;
  goodFor: string;
}

export const DEFAULT_MODEL_ENDPOINT = 'https://huggingface.co';

export const MODEL_CATALOGUE: readonly CatalogueModel[] = [
  {
    id: 'potion-code-16m',
    name: 'Potion Code 16M (static)',
    kind: 'static',
    repo: 'minishlab/potion-code-16M-v2',
    revision: 'main',
    files: [
      { path: 'config.json', bytes: 59 },
      { path: 'tokenizer.json', bytes: 1_900_000 },
      { path: 'model.safetensors', bytes: 32_500_000 },
    ],
    dimension: 256,
    pooling: 'mean',
    queryPrefix: '',
    documentPrefix: '',
    goodFor: 'Code search by meaning, embedded by table lookup: re-embeds a large index in seconds, on any CPU.',
  },
  {
    id: 'bge-small-en',
    name: 'BGE small English v1.5 (ONNX, int8)',
    kind: 'transformers',
    repo: 'Xenova/bge-small-en-v1.5',
    revision: 'main',
    files: [
      { path: 'config.json', bytes: 700 },
      { path: 'tokenizer.json', bytes: 712_000 },
      { path: 'tokenizer_config.json', bytes: 1_300 },
      { path: 'onnx/model_quantized.onnx', saveAs: 'onnx/model.onnx', bytes: 34_000_000 },
    ],
    dimension: 384,
    pooling: 'cls',
    queryPrefix: 'Represent this sentence for searching relevant passages: ',
    documentPrefix: '',
    goodFor: 'Questions in plain English over docs, comments and notes; a small general sentence model.',
  },
  {
    id: 'jina-code-v2',
    name: 'Jina embeddings v2 base code (ONNX, int8)',
    kind: 'transformers',
    repo: 'jinaai/jina-embeddings-v2-base-code',
    revision: 'main',
    files: [
      { path: 'config.json', bytes: 1_200 },
      { path: 'tokenizer.json', bytes: 2_100_000 },
      { path: 'tokenizer_config.json', bytes: 1_200 },
      { path: 'onnx/model_quantized.onnx', saveAs: 'onnx/model.onnx', bytes: 162_000_000 },
    ],
    dimension: 768,
    pooling: 'mean',
    queryPrefix: '',
    documentPrefix: '',
    goodFor: 'The best code understanding of the three (30 programming languages, long functions); slowest to re-embed.',
  },
];

export const modelBytes = (m: CatalogueModel): number => m.files.reduce((n, f) => n + f.bytes, 0);

export type ModelState = 'absent' | 'partial' | 'downloading' | 'ready';

export interface ModelProgress {
  id: string;
  /** The file being fetched now. */
  file: string;
  bytesDone: number;
  /** Sum of the hub's sizes of every file (known once each file's headers were read; catalogue sizes before). */
  bytesTotal: number;
  state: 'downloading' | 'done' | 'failed' | 'cancelled';
  error: string | null;
}

export interface ModelListing extends CatalogueModel {
  state: ModelState;
  /** Where its files are kept (in the data directory), whether or not they are there yet. */
  folder: string;
  /** The embedder setting names this model's folder. */
  active: boolean;
  progress: ModelProgress | null;
}

/** Re-embedding every unit into a new generation for a newly chosen model; the old generation answers until it is done. */
export interface ReembedProgress {
  /** Catalogue id, or the folder's name for a local model, or 'hash'. */
  model: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  etaSeconds: number | null;
  error: string | null;
}

export interface ModelsInfo {
  endpoint: string;
  models: ModelListing[];
  /** The latest switch of embedder (running or how it ended); null when none ran in this process. */
  reembed: ReembedProgress | null;
  /** What the embedder setting names now: 'hash', a catalogue id, or a local folder. */
  current: { kind: 'hash' | 'static' | 'transformers'; modelId: string | null; modelDir: string | null };
}
