// Run as a child process by test/integration/onnxThreads.test.ts: three threads (as the sync thread and two
// search workers are) embed with one transformers model at once. onnxruntime-node 1.21 aborted the whole
// process here (a V8 HandleScope fatal error); the child's exit code tells the test.
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { createEmbedder } from '../../electron/vectors/embedders/index.js';

const ROUNDS = 60;
const TEXTS = ['def get_user(order)', 'class Order ( user )', 'get order user class def'];

async function embedLoop(modelDir: string): Promise<void> {
  const embedder = await createEmbedder({ kind: 'transformers', modelDir });
  try {
    for (let i = 0; i < ROUNDS; i++) await embedder.embed(TEXTS);
  } finally {
    await embedder.close();
  }
}

if (isMainThread) {
  const modelDir = process.argv[2];
  if (!modelDir) throw new Error('usage: onnxThreads.ts <model folder>');
  const workers = [0, 1].map(() => new Promise<void>((resolve, reject) => {
    // A worker does not inherit the tsx loader: it registers it, then loads this file.
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const w = new Worker(boot, { eval: true, workerData: modelDir });
    w.on('error', reject);
    w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}`))));
  }));
  await Promise.all([embedLoop(modelDir), ...workers]);
  console.log('all threads done');
} else {
  await embedLoop(workerData as string);
}
