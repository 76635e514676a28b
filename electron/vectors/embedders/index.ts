// Builds the embedder a setting names; the transformers one loads its model (and onnxruntime) only when chosen.
import { basename } from 'node:path';
import type { EmbedderSetting } from '../../../shared/types.js';
import { HashEmbedder, HASH_DEFAULT_DIMENSION, hashEmbedderId } from './hashEmbedder.js';
import { StaticEmbedder } from './staticEmbedder.js';
import { TransformersEmbedder } from './transformersEmbedder.js';
import { withPrefixes } from './prefixed.js';
import type { Embedder } from './types.js';

export type { Embedder, EmbedRole } from './types.js';
export type { Pooling } from './pooling.js';

// The setting is declared once, in shared/ (settings.json holds it); re-exported for the engine's callers.
export type { EmbedderSetting } from '../../../shared/types.js';

export async function createEmbedder(setting: EmbedderSetting): Promise<Embedder> {
  switch (setting.kind) {
    case 'hash':
      return new HashEmbedder(setting.dimension);
    case 'transformers':
      return withPrefixes(await TransformersEmbedder.load({ modelDir: setting.modelDir, pooling: setting.pooling }), setting);
    case 'static':
      return withPrefixes(await StaticEmbedder.load({ modelDir: setting.modelDir }), setting);
  }
}

/** What a setting's embedder is called before it has built a generation (model ids add a fingerprint once loaded). */
export function embedderLabel(setting: EmbedderSetting): string {
  return setting.kind === 'hash' ? hashEmbedderId(setting.dimension ?? HASH_DEFAULT_DIMENSION) : `${setting.kind}:${basename(setting.modelDir)}`;
}
