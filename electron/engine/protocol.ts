// Messages between the Backend and its engine worker (the only writer).
import type { IndexRequest } from '../../shared/contract.js';
import type { Result } from '../../shared/result.js';
import type { IndexProgress, IndexReport, NoteRow, RepoRemoved } from '../../shared/types.js';

export interface EngineCommands {
  index: { req: IndexRequest; res: IndexReport };
  noteAdd: { req: { fqn: string; text: string; repo?: string | undefined }; res: NoteRow };
  repoRemove: { req: { repo: string }; res: RepoRemoved };
  noteUpdate: { req: { id: number; text: string }; res: NoteRow };
  noteDelete: { req: { id: number }; res: { deleted: boolean } };
}
export type EngineCommand = keyof EngineCommands;

export type EngineRequest = { [K in EngineCommand]: { id: number; command: K; req: EngineCommands[K]['req'] } }[EngineCommand];

export type EngineMessage =
  | { type: 'ready' }
  | { type: 'reply'; id: number; result: Result<unknown> }
  | { type: 'progress'; progress: IndexProgress };

export interface WorkerInit {
  dbFile: string;
  embedderId: string;
}
