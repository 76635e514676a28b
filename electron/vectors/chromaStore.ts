// The vector store over a Chroma server (sidecar or external), through the official client.
// Vectors are always supplied by Clew (no server-side embedding function); each carries its content
// hash as metadata so repair can tell stale vectors from current ones.
import { ChromaClient, type Collection } from 'chromadb';
import type { MetaWhere } from '../base/vectorMeta.js';
import { errorText, isUnreachable, type VectorItem, type VectorStorePort } from './ports.js';

const REQUEST_TIMEOUT_MS = 60_000;

/** Why a vector-store call failed: the server is gone, or it answered with an error. */
export class VectorStoreError extends Error {
  constructor(readonly kind: 'unreachable' | 'rejected', message: string) {
    super(message);
    this.name = 'VectorStoreError';
  }
}

// The wire format is little-endian float32; every platform Clew ships for is little-endian.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function packBase64(embedding: Float32Array | number[]): string {
  const f32 = embedding instanceof Float32Array ? embedding : Float32Array.from(embedding);
  if (!LITTLE_ENDIAN) throw new Error('big-endian hosts are not supported by the base64 vector encoding');
  return Buffer.from(f32.buffer, f32.byteOffset, f32.byteLength).toString('base64');
}

function classify(e: unknown, what: string, url: string): VectorStoreError {
  if (e instanceof VectorStoreError) return e;
  const name = (e as { name?: unknown } | null)?.name;
  const message = errorText(e);
  if (name === 'ChromaConnectionError') return new VectorStoreError('unreachable', `${what}: cannot connect to the vector server at ${url}`);
  const unreachable = name === 'TimeoutError' || isUnreachable(e);
  return new VectorStoreError(unreachable ? 'unreachable' : 'rejected', `${what}: ${message}`);
}

function metadataOf(item: VectorItem): Record<string, string> {
  return { ...item.meta, h: item.hash };
}

export class ChromaStore implements VectorStorePort {
  private readonly client: ChromaClient;
  private readonly collections = new Map<string, Collection>();
  private batchLimit: number | null = null;
  private base64Supported: boolean | null = null;

  constructor(readonly url: string) {
    const parsed = new URL(url);
    this.client = new ChromaClient({
      host: parsed.hostname,
      port: Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)),
      ssl: parsed.protocol === 'https:',
    });
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new VectorStoreError('unreachable', `${what}: no answer from ${this.url} in ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
    });
    try {
      return await Promise.race([fn(), timeout]);
    } catch (e) {
      throw classify(e, what, this.url);
    } finally {
      clearTimeout(timer);
    }
  }

  async heartbeat(): Promise<void> {
    await this.call('heartbeat', () => this.client.heartbeat());
  }

  async version(): Promise<string> {
    return this.call('version', () => this.client.version());
  }

  async maxBatchSize(): Promise<number> {
    if (this.batchLimit === null) {
      const limit = await this.call('pre-flight checks', () => this.client.getMaxBatchSize());
      this.batchLimit = limit > 0 ? limit : 1000;
    }
    return this.batchLimit;
  }

  async ensureCollection(name: string, metadata: Record<string, string | number>): Promise<Collection> {
    const known = this.collections.get(name);
    if (known) return known;
    const collection = await this.call(`open collection ${name}`, () => this.client.getOrCreateCollection({ name, metadata, embeddingFunction: null }));
    this.collections.set(name, collection);
    return collection;
  }

  /** An existing collection, or null if the server does not have it. */
  async findCollection(name: string): Promise<Collection | null> {
    try {
      return await this.call(`find collection ${name}`, () => this.client.getCollection({ name }));
    } catch (e) {
      if (e instanceof VectorStoreError && e.kind === 'rejected' && /could not be found|does not exist|not found/i.test(e.message)) return null;
      throw e;
    }
  }

  private async collection(name: string): Promise<Collection> {
    const known = this.collections.get(name);
    if (known) return known;
    const found = await this.findCollection(name);
    if (!found) throw new VectorStoreError('rejected', `collection ${name} does not exist`);
    this.collections.set(name, found);
    return found;
  }

  async deleteCollection(name: string): Promise<void> {
    this.collections.delete(name);
    await this.call(`delete collection ${name}`, () => this.client.deleteCollection({ name }));
  }

  async upsert(name: string, items: VectorItem[]): Promise<void> {
    if (items.length === 0) return;
    const collection = await this.collection(name);
    if (await this.base64()) {
      await this.call(`upsert ${items.length} vectors`, () => this.postUpsert(collection, items));
      return;
    }
    await this.call(`upsert ${items.length} vectors`, () => collection.upsert({
      ids: items.map((i) => i.id),
      embeddings: items.map((i) => Array.from(i.embedding)),
      metadatas: items.map(metadataOf),
    }));
  }

  private async base64(): Promise<boolean> {
    this.base64Supported ??= await this.call('pre-flight checks', () => this.client.supportsBase64Encoding());
    return this.base64Supported;
  }

  /**
   * The same request the client sends, with vectors packed as little-endian float32 base64 by
   * Buffer (the client packs byte by byte: ~60× slower, and it blocks the sync thread).
   */
  private async postUpsert(collection: Collection, items: VectorItem[]): Promise<void> {
    const path = `/api/v2/tenants/${encodeURIComponent(collection.tenant)}/databases/${encodeURIComponent(collection.database)}/collections/${encodeURIComponent(collection.id)}/upsert`;
    const body = JSON.stringify({ ids: items.map((i) => i.id), embeddings: items.map((i) => packBase64(i.embedding)), metadatas: items.map(metadataOf) });
    const response = await fetch(new URL(path, this.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      throw new VectorStoreError('rejected', `HTTP ${response.status}: ${text.slice(0, 300)}`);
    }
  }

  async delete(name: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const collection = await this.collection(name);
    await this.call(`delete ${ids.length} vectors`, () => collection.delete({ ids }));
  }

  async page(name: string, offset: number, limit: number): Promise<Array<{ id: string; hash: string | null }>> {
    const collection = await this.collection(name);
    const got = await this.call('list vectors', () => collection.get({ offset, limit, include: ['metadatas'] }));
    return got.ids.map((id, i) => {
      const hash = got.metadatas[i]?.h;
      return { id, hash: typeof hash === 'string' ? hash : null };
    });
  }

  async getEmbeddings(name: string, ids: string[]): Promise<Array<{ id: string; embedding: number[] }>> {
    const collection = await this.collection(name);
    const got = await this.call('get vectors', () => collection.get({ ids, include: ['embeddings'] }));
    return got.ids.flatMap((id, i) => {
      const embedding = got.embeddings[i];
      return embedding ? [{ id, embedding: Array.from(embedding) }] : [];
    });
  }

  async query(name: string, embedding: Float32Array | number[], n: number, where?: MetaWhere | null): Promise<Array<{ id: string; distance: number }>> {
    if (!where) return (await this.queryMany(name, [embedding], n))[0] ?? [];
    const collection = await this.collection(name);
    const got = await this.call('query', () => collection.query({ queryEmbeddings: [Array.from(embedding)], nResults: n, where, include: ['distances'] }));
    const ids = got.ids[0] ?? [];
    const distances = got.distances[0] ?? [];
    return ids.map((id, i) => ({ id, distance: distances[i] ?? 2 }));
  }

  /** Several queries in one request: the nearest `n` of each, in order. */
  async queryMany(name: string, embeddings: ReadonlyArray<Float32Array | number[]>, n: number): Promise<Array<Array<{ id: string; distance: number }>>> {
    if (embeddings.length === 0) return [];
    const collection = await this.collection(name);
    const got = await this.call('query', () => collection.query({ queryEmbeddings: embeddings.map((e) => Array.from(e)), nResults: n, include: ['distances'] }));
    return embeddings.map((_, q) => {
      const ids = got.ids[q] ?? [];
      const distances = got.distances[q] ?? [];
      return ids.map((id, i) => ({ id, distance: distances[i] ?? 2 }));
    });
  }

  async count(name: string): Promise<number> {
    const collection = await this.collection(name);
    return this.call('count', () => collection.count());
  }

  /** Forget cached collection handles (after a server restart ids may differ). */
  reset(): void {
    this.collections.clear();
    this.batchLimit = null;
    this.base64Supported = null;
  }
}
