// Runs the background-impact measurement in its own process: onnxruntime-node 1.21 keeps one process-wide handle to
// its Tensor constructor, so a process whose main thread ran a session aborts when a worker thread (the sync
// thread here) runs one too. Usage: node --import tsx test/bench/embed/impactMain.ts <modelDir> <files>
import { backgroundImpact } from './backgroundImpact.js';

const [modelDir, files] = process.argv.slice(2);
if (!modelDir || !files) throw new Error('usage: impactMain.ts <modelDir> <files>');
await backgroundImpact({ modelDir, files: Number(files), log: (line) => console.log(line) });
