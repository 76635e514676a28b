// A Chroma URL may carry user:password; whatever Clew shows (status, the UI, errors) names the server without them.
export function maskCredentials(text: string): string {
  return text.replace(/\b(https?:\/\/)[^/\s@]+@/gi, '$1***@');
}
