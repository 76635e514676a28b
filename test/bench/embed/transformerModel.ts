// A catalogue transformer's stand-in for the benchmark: a BERT encoder of the model's shape and vocabulary size with
// seeded random weights (speed does not depend on the weights), int8 like the catalogue's graphs or fp32.
import { join } from 'node:path';
import type { CatalogueModel } from '../../../shared/models.js';
import { BGE_SMALL_SHAPE, JINA_CODE_SHAPE, writeBertModel, type BertModel, type BertShape } from '../../helpers/tinyModel/bertModel.js';
import { SPECIAL_TOKENS } from '../../helpers/tinyModel/tokenizerFiles.js';
import { codeVocabulary } from './codeTexts.js';

interface StandIn {
  shape: BertShape;
  vocab: number;
  /** What differs from the real model, said with every figure. */
  caveat: string;
}

export const STAND_INS: Record<string, StandIn> = {
  'bge-small-en': {
    shape: BGE_SMALL_SHAPE, vocab: 30_522,
    caveat: 'same architecture and sizes as bge-small-en-v1.5 (BERT, 12 × 384, 12 heads, FFN 1536, 30,522 tokens, 512 positions); WordPiece vocabulary generated, not BERT\'s',
  },
  'jina-code-v2': {
    shape: JINA_CODE_SHAPE, vocab: 61_056,
    caveat: 'a BERT doing jina-embeddings-v2-base-code\'s matrix work per token (12 × 768, 12 heads, 61,056 tokens, 8,192 positions; its gated feed-forward 768 → 2 × 3072 → 768 as a plain one 4,608 wide): not its function (it uses ALiBi, not position embeddings); WordPiece stands in for its BPE tokenizer',
  },
};

/** Accepts the catalogue id or the hub model's own short name. */
const ALIASES: Record<string, string> = { 'bge-small': 'bge-small-en', 'bge-small-en-v1.5': 'bge-small-en', 'jina-v2-base-code': 'jina-code-v2', 'jina-embeddings-v2-base-code': 'jina-code-v2' };

export function catalogueId(name: string): string {
  return ALIASES[name] ?? name;
}

export function writeStandIn(root: string, model: CatalogueModel, weights: 'fp32' | 'int8'): BertModel & StandIn {
  const standIn = STAND_INS[model.id];
  if (!standIn) throw new Error(`no stand-in shape for ${model.id}`);
  const vocab = [...SPECIAL_TOKENS, ...codeVocabulary(standIn.vocab - SPECIAL_TOKENS.length)];
  return { ...standIn, ...writeBertModel(join(root, `${model.id}-${weights}`), { shape: standIn.shape, vocab, weights }) };
}
