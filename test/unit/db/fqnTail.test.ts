// The end of an FQN, as a person or an agent names a symbol: from a separator on, in every language's FQN form.
import { describe, expect, it } from 'vitest';
import { fqnEndsWith } from '../../../electron/db/read/fqnTail.js';

describe('fqnEndsWith', () => {
  it.each([
    ['usr.lib.python3.dist-packages.django.core.handlers.base.BaseHandler.load_middleware', 'BaseHandler.load_middleware'],
    ['github-gogo-protobuf/github.com/gogo/protobuf/plugin/size:size.test.Generate', 'test.Generate'],
    ['protoc-gen-gogo:main.main', 'main.main'],
    ['src/app/users:UserService.find', 'users:UserService.find'],
    ['crate::sync::Mutex::lock', 'Mutex::lock'],
    ['App\\Http\\Controller#index', 'index'],
  ])('%s ends with %s', (fqn, tail) => expect(fqnEndsWith(fqn, tail)).toBe(true));

  it.each([
    ['a.b.MyHandler.run', 'Handler.run'],
    ['a.b.Handler.run', 'a.b.Handler.run'],
    ['a.b.Handler.run', 'Handler.runner'],
    ['a.b.Handler.run', 'un'],
  ])('%s does not end with %s', (fqn, tail) => expect(fqnEndsWith(fqn, tail)).toBe(false));
});
