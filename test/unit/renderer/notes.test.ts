// The notes slice: loading, and add/edit/delete each followed by a reload, or a message on failure.
import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/result.js';
import type { NoteRow } from '../../../shared/types.js';
import { type FakeHost, installHost, note, store } from './fakeHost.js';

describe('notes slice', () => {
  let host: FakeHost;
  let saved: NoteRow[];
  beforeEach(() => {
    saved = [note(1, 'first')];
    host = installHost({
      'note:list': () => ok([...saved]),
      'note:add': (req) => { const row = { ...note(saved.length + 1, req.text), fqn: req.fqn, repo: req.repo ?? '' }; saved.push(row); return ok(row); },
      'note:update': (req) => { const row = saved.find((n) => n.id === req.id); if (!row) return err('NOT_FOUND', `no note #${req.id}`); row.text = req.text; return ok(row); },
      'note:delete': (req) => { const before = saved.length; saved = saved.filter((n) => n.id !== req.id); return ok({ deleted: saved.length < before }); },
    });
  });

  it('loads the notes', async () => {
    await store().loadNotes();
    expect(store().notes.map((n) => n.text)).toEqual(['first']);
  });

  it('adds a note and shows the list with it', async () => {
    expect(await store().addNote('/src/a', 'a:Thing.run', 'check the retry')).toBe(true);
    expect(host.calls[0]).toEqual({ channel: 'note:add', req: { repo: '/src/a', fqn: 'a:Thing.run', text: 'check the retry' } });
    expect(store().notes.map((n) => n.text)).toEqual(['first', 'check the retry']);
  });

  it('edits and deletes notes, reloading after each', async () => {
    expect(await store().updateNote(1, 'edited')).toBe(true);
    expect(store().notes.map((n) => n.text)).toEqual(['edited']);
    await store().deleteNote(1);
    expect(store().notes).toEqual([]);
    expect(host.channels()).toEqual(['note:update', 'note:list', 'note:delete', 'note:list']);
  });

  it('says why a save failed and does not reload', async () => {
    expect(await store().updateNote(9, 'x')).toBe(false);
    expect(store().message).toEqual({ text: 'Could not save the note: no note #9', kind: 'error' });
    expect(host.channels()).toEqual(['note:update']);
  });

  it('says why the notes could not be loaded and keeps the ones shown', async () => {
    await store().loadNotes();
    host.answers['note:list'] = () => err('UNAVAILABLE', 'lost the connection to clew serve');
    await store().loadNotes();
    expect(store().notes.map((n) => n.text)).toEqual(['first']);
    expect(store().message).toEqual({ text: 'Could not load notes: lost the connection to clew serve', kind: 'error' });
  });
});
