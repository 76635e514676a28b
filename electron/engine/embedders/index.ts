// Builds the embedder a setting names; the transformers one loads its model (and onnxruntime) only when chosen.
import { HashEmbedder } from './hashEmbedder.js';
import type { Pooling } from './pooling.js';
import { TransformersEmbedder } from './transformersEmbedder.js';
import type { Embedder } from './types.js';

export type { Embedder } from './types.js';
export type { Pooling } from './pooling.js';

export type EmbedderSetting =
  | { kind: 'hash'; dimension?: number }
  | { kind: 'transformers'; modelDir: string; pooling?: Pooling };

export async function createEmbedder(setting: EmbedderSetting): Promise<Embedder> {
  switch (setting.kind) {
    case 'hash':
      return new HashEmbedder(setting.dimension);
    case 'transformers':
      return TransformersEmbedder.load({ modelDir: setting.modelDir, pooling: setting.pooling });
  }
}
