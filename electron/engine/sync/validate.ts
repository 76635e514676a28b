// A vector is accepted only if it has the collection's dimension and every component is finite.
export function vectorProblem(vector: Float32Array | number[] | undefined, dimension: number): string | null {
  if (!vector) return 'embedder returned no vector';
  if (vector.length !== dimension) return `vector has dimension ${vector.length}, expected ${dimension}`;
  for (let i = 0; i < vector.length; i++) if (!Number.isFinite(vector[i])) return `vector component ${i} is not finite`;
  return null;
}
