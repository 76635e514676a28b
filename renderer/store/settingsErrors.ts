// A refused settings save, in plain words next to its field: the Backend answers
// "settings:set: chromaUrl: must look like http://host:port"; a person should read what to type instead.

export type SettingsField = 'maxFileBytes' | 'extraIgnores' | 'languages' | 'embedder' | 'chromaUrl' | 'watch';

export type FieldErrors = Partial<Record<SettingsField, string>>;

const PLAIN: Record<SettingsField, string> = {
  maxFileBytes: 'Use a size above 0 KiB and at most 1 GiB (1,048,576 KiB), like 1024.',
  extraIgnores: 'Each line must be one pattern of at most 1,000 characters, like vendor/ or *.min.js.',
  languages: 'Pick at least one language, or All languages.',
  embedder: 'Type the full path of the model folder, like /home/me/models/minilm.',
  chromaUrl: 'Type a URL like http://127.0.0.1:8000, or leave it empty so Clew runs its own server.',
  watch: 'Turn watching on or off.',
};

const FIELDS = Object.keys(PLAIN) as SettingsField[];

/** Splits the Backend's refusal into one plain sentence per field it names; what names no field stays as `other`. */
export function settingsErrors(message: string): { fields: FieldErrors; other: string | null } {
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const part of message.replace(/^settings:set:\s*/, '').split(/;\s*/)) {
    const field = FIELDS.find((f) => part === f || part.startsWith(`${f}:`) || part.startsWith(`${f}.`));
    if (field) fields[field] = PLAIN[field];
    else if (part.trim()) rest.push(part.trim());
  }
  return { fields, other: rest.length ? rest.join('; ') : null };
}

/** The size field checked before sending: our words, not the browser's "must be ≥ 0.01". */
export function checkMaxKib(text: string): string | null {
  const kib = Number(text);
  return text.trim() === '' || !Number.isFinite(kib) || kib <= 0 || kib > 1024 * 1024 ? PLAIN.maxFileBytes : null;
}
