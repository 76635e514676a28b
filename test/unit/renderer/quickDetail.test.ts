// Quick open shows a symbol's container beside its name, and a file's folder.
import { describe, expect, it } from 'vitest';
import { quickDetail } from '../../../renderer/components/quickDetail.js';

describe('quickDetail', () => {
  it.each([
    ['usr.lib.python3.dist-packages.django.core.handlers.wsgi.WSGIHandler', 'WSGIHandler', 'usr.lib.python3.dist-packages.django.core.handlers.wsgi'],
    ['com.acme.web.OwnerController.find(long,long)', 'find(long,long)', 'com.acme.web.OwnerController'],
    ['.:gin.Context.Bind', 'Bind', '.:gin.Context'],
    ['ts/main:start', 'start', 'ts/main'],
    ['crate::sync::Mutex', 'Mutex', 'crate::sync'],
  ])('%s named %s shows %s', (detail, label, shown) => expect(quickDetail({ kind: 'symbol', label, detail })).toBe(shown));

  it('keeps a detail that does not end with the name, and a file\'s folder', () => {
    expect(quickDetail({ kind: 'symbol', label: 'main', detail: 'main' })).toBe('main');
    expect(quickDetail({ kind: 'symbol', label: 'snippet text', detail: 'a.b.other' })).toBe('a.b.other');
    expect(quickDetail({ kind: 'file', label: 'wsgi.py', detail: 'django/core/handlers' })).toBe('django/core/handlers');
  });
});
