// Whether a model setting can be used: checked when it is saved (refused with the field named) and
// at start-up (where a model that went missing degrades to the offline hash embedder, with the reason shown).
import type { EmbedderSetting } from '../vectors/embedders/index.js';
import { staticModelProblem } from '../vectors/embedders/staticEmbedder.js';
import { checkModelFolder, readModelConfig } from '../vectors/embedders/modelFolder.js';

/** What is wrong with the setting's model folder, or null when it looks loadable. */
export function embedderProblem(setting: EmbedderSetting): string | null {
  if (setting.kind === 'hash') return null;
  if (setting.kind === 'static') return staticModelProblem(setting.modelDir);
  try {
    checkModelFolder(setting.modelDir);
    readModelConfig(setting.modelDir);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The embedder a run uses: the configured one, or the hash embedder when that cannot be loaded (and why). */
export function usableEmbedder(setting: EmbedderSetting): { embedder: EmbedderSetting; fallback: string | null } {
  const problem = embedderProblem(setting);
  return problem ? { embedder: { kind: 'hash' }, fallback: problem } : { embedder: setting, fallback: null };
}

export const fallbackNotice = (problem: string): string => `${problem}; the offline hash embedder is used until the model can be loaded (fix it in Settings, then restart)`;
