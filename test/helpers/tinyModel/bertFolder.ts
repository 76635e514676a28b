// Writes a BERT-style model folder as transformers.js reads it: onnx/model.onnx, config.json and the WordPiece tokenizer files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizerConfigJson, tokenizerJson } from './tokenizerFiles.js';

export interface BertFolderFiles {
  /** The encoded ONNX graph. */
  model: Uint8Array;
  /** config.json (model_type 'bert', sizes). */
  config: Record<string, unknown>;
  vocab: readonly string[];
  /** tokenizer_config.json's model_max_length. */
  modelMaxLength: number;
}

export function writeBertFolder(dir: string, files: BertFolderFiles): void {
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  writeFileSync(join(dir, 'onnx', 'model.onnx'), files.model);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(files.config, null, 2));
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson(files.vocab), null, 2));
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfigJson(files.modelMaxLength), null, 2));
  writeFileSync(join(dir, 'special_tokens_map.json'), JSON.stringify({ cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]', mask_token: '[MASK]' }, null, 2));
}
