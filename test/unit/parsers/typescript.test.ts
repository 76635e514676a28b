import { describe, expect, it } from 'vitest';
import { expectParentsFirst, get, parentOf, symbolsOf } from './helpers.js';

const SERVICE = `import { Injectable } from '@nestjs/common';

export const PAGE_SIZE = 50;
export const defaultName = 'anon';
const registry = new Map<string, User>();
let counter = 0;

/**
 * Loads users.
 * @param repo the store
 */
@Injectable()
export class UserService {
  private readonly cache = new Map();
  static instances = 0;
  onChange = async (id: string) => {
    const inner = () => 1;
  };

  constructor(private readonly repo: Repo) {}

  /** All users on a page. */
  @Get(':page')
  async findAll(page: number): Promise<User[]> {
    const local = 1;
    return [];
  }

  get size(): number { return 0; }
}

export interface User {
  id: string;
  rename(to: string): void;
}

export type UserId = string | number;

export enum Role { Admin = 'admin', Guest }

export function main(): void {}

export const handler = async (req: Request): Promise<Response> => {
  return new Response();
};

export function parse(input: string): Node;
export function parse(input: Buffer): Node;
export function parse(input: string | Buffer): Node {
  return {} as Node;
}

namespace Internal {
  export function helper() {}
}

export default function () {}
`;

describe('typescript symbols', () => {
  it('names symbols module-path:nesting', async () => {
    const symbols = await symbolsOf('typescript', 'src/api/users.ts', SERVICE);
    expect(symbols.map((s) => `${s.kind} ${s.fqn}`)).toEqual([
      'constant src/api/users:PAGE_SIZE',
      'constant src/api/users:defaultName',
      'variable src/api/users:registry',
      'variable src/api/users:counter',
      'class src/api/users:UserService',
      'property src/api/users:UserService.cache',
      'property src/api/users:UserService.instances',
      'method src/api/users:UserService.onChange',
      'constructor src/api/users:UserService.constructor',
      'method src/api/users:UserService.findAll',
      'method src/api/users:UserService.size',
      'interface src/api/users:User',
      'property src/api/users:User.id',
      'method src/api/users:User.rename',
      'type src/api/users:UserId',
      'enum src/api/users:Role',
      'constant src/api/users:Role.Admin',
      'constant src/api/users:Role.Guest',
      'function src/api/users:main',
      'function src/api/users:handler',
      'function src/api/users:parse',
      'namespace src/api/users:Internal',
      'function src/api/users:Internal.helper',
      'function src/api/users:default',
    ]);
    expectParentsFirst(symbols);
    expect(parentOf(symbols, 'src/api/users:Internal.helper')).toBe('src/api/users:Internal');
  });

  it('keeps decorators and keywords as modifiers, JSDoc as doc, decorators in the range', async () => {
    const symbols = await symbolsOf('typescript', 'src/api/users.ts', SERVICE);
    expect(get(symbols, 'src/api/users:UserService')).toMatchObject({
      startLine: 12,
      endLine: 30,
      signature: 'export class UserService',
      doc: 'Loads users.\n@param repo the store',
      modifiers: ['@Injectable()', 'export'],
    });
    expect(get(symbols, 'src/api/users:UserService.findAll')).toMatchObject({
      startLine: 23,
      endLine: 27,
      signature: 'async findAll(page: number): Promise<User[]>',
      doc: 'All users on a page.',
      modifiers: ["@Get(':page')", 'async'],
    });
    expect(get(symbols, 'src/api/users:UserService.cache')).toMatchObject({ signature: 'private readonly cache = new Map()', modifiers: ['private', 'readonly'] });
    expect(get(symbols, 'src/api/users:UserService.onChange')).toMatchObject({ signature: 'onChange = async (id: string)', modifiers: ['async'], startLine: 16, endLine: 18 });
    expect(get(symbols, 'src/api/users:handler')).toMatchObject({
      signature: 'export const handler = async (req: Request): Promise<Response>',
      modifiers: ['export', 'async'],
      startLine: 43,
      endLine: 45,
    });
    expect(get(symbols, 'src/api/users:PAGE_SIZE')).toMatchObject({ signature: 'export const PAGE_SIZE = 50', modifiers: ['export'] });
  });

  it('keeps one symbol for overloads: the implementation', async () => {
    const symbols = await symbolsOf('typescript', 'src/api/users.ts', SERVICE);
    expect(get(symbols, 'src/api/users:parse')).toMatchObject({ startLine: 49, endLine: 51, signature: 'export function parse(input: string | Buffer): Node' });
    expect(get(symbols, 'src/api/users:default').modifiers).toEqual(['export', 'default']);
  });

  it('handles index files, JavaScript CommonJS and class fields', async () => {
    const symbols = await symbolsOf(
      'javascript',
      'src/index.js',
      `class Store {\n  #items = [];\n  static create() { return new Store(); }\n}\nexports.start = function () {};\nStore.prototype.clear = function () {};\nfunction main() {}\nmodule.exports = { main };\n`,
    );
    expect(symbols.map((s) => `${s.kind} ${s.fqn}`)).toEqual([
      'class src/index:Store',
      'property src/index:Store.#items',
      'method src/index:Store.create',
      'function src/index:start',
      'method src/index:Store.clear',
      'function src/index:main',
    ]);
    expect(parentOf(symbols, 'src/index:Store.clear')).toBe('src/index:Store');
  });

  it('treats TSX components assigned to constants as functions', async () => {
    const symbols = await symbolsOf('tsx', 'web/App.tsx', `export const App = () => <div>hi</div>;\nexport function Nav({ items }: Props) { return <nav />; }\n`);
    expect(symbols.map((s) => `${s.kind} ${s.fqn} ${s.signature}`)).toEqual([
      'function web/App:App export const App = ()',
      'function web/App:Nav export function Nav({ items }: Props)',
    ]);
  });
});
