import { describe, expect, it } from 'vitest';
import { symbolLabel } from '../../../renderer/components/symbolLabel.js';

describe('symbol labels under search hits', () => {
  it('drop the place before a single colon: a Go folder, a module path', () => {
    expect(symbolLabel('.:gin.Context.ShouldBindJSON')).toBe('gin.Context.ShouldBindJSON');
    expect(symbolLabel('server:server.Handler')).toBe('server.Handler');
    expect(symbolLabel('binding/json:binding.jsonBinding.Bind')).toBe('binding.jsonBinding.Bind');
    expect(symbolLabel('ts/main:Service.step')).toBe('Service.step');
  });

  it('drop a leading src. from a Python module path', () => {
    expect(symbolLabel('src.flask.helpers.url_for')).toBe('flask.helpers.url_for');
    expect(symbolLabel('flask.helpers.url_for')).toBe('flask.helpers.url_for');
  });

  it('keep names whose separator is :: and names without a place', () => {
    expect(symbolLabel('crate::value::Value::as_str')).toBe('crate::value::Value::as_str');
    expect(symbolLabel('Monolog\\Handler\\StreamHandler::write')).toBe('Monolog\\Handler\\StreamHandler::write');
    expect(symbolLabel('Rack::Mime.mime_type')).toBe('Rack::Mime.mime_type');
    expect(symbolLabel('com.acme.web.UserController.get(long)')).toBe('com.acme.web.UserController.get(long)');
  });
});
