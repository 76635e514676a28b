import { describe, expect, it } from 'vitest';
import { expectParentsFirst, get, parentOf, symbolsOf } from './helpers.js';

const BILLING = `# frozen_string_literal: true

# Billing domain.
module Billing
  VERSION = "1.0"

  # An invoice.
  # Has lines.
  class Invoice < ApplicationRecord
    attr_reader :total

    def initialize(total)
      @total = total
    end

    # Tax owed.
    def tax(rate = 0.2)
      total * rate
    end

    def self.build(*args, **opts)
      new(*args)
    end

    class << self
      def create!; end
    end

    private

    def secret; end
  end
end

def helper; end
`;

describe('ruby symbols', () => {
  it('names instance methods with # and singleton methods with .', async () => {
    const symbols = await symbolsOf('ruby', 'app/models/billing.rb', BILLING);
    expect(symbols.map((s) => `${s.kind} ${s.fqn}`)).toEqual([
      'module Billing',
      'constant Billing::VERSION',
      'class Billing::Invoice',
      'property Billing::Invoice#total',
      'constructor Billing::Invoice#initialize',
      'method Billing::Invoice#tax',
      'method Billing::Invoice.build',
      'method Billing::Invoice.create!',
      'method Billing::Invoice#secret',
      'function helper',
    ]);
    expectParentsFirst(symbols);
    expect(parentOf(symbols, 'Billing::Invoice.create!')).toBe('Billing::Invoice');
  });

  it('takes # lines above as doc and tracks private sections', async () => {
    const symbols = await symbolsOf('ruby', 'app/models/billing.rb', BILLING);
    expect(get(symbols, 'Billing')).toMatchObject({ startLine: 4, endLine: 33, doc: 'Billing domain.', signature: 'module Billing' });
    expect(get(symbols, 'Billing::Invoice')).toMatchObject({ startLine: 9, endLine: 32, doc: 'An invoice.\nHas lines.', signature: 'class Invoice < ApplicationRecord' });
    expect(get(symbols, 'Billing::Invoice#tax')).toMatchObject({ startLine: 17, endLine: 19, doc: 'Tax owed.', signature: 'def tax(rate = 0.2)', modifiers: [] });
    expect(get(symbols, 'Billing::Invoice.build').signature).toBe('def self.build(*args, **opts)');
    expect(get(symbols, 'Billing::Invoice#secret').modifiers).toEqual(['private']);
  });

  it('keeps the doc of the first definition in a body, which tree-sitter-ruby leaves outside the body node', async () => {
    const source = 'module Rack\n\n  # High performant source reloader\n  class Reloader\n    # Checks every file once.\n    def call(env); end\n  end\nend\n';
    const symbols = await symbolsOf('ruby', 'lib/rack/reloader.rb', source);
    expect(get(symbols, 'Rack::Reloader')).toMatchObject({ startLine: 4, doc: 'High performant source reloader' });
    expect(get(symbols, 'Rack::Reloader#call')).toMatchObject({ startLine: 6, doc: 'Checks every file once.' });
  });

  it('takes a comment block across one blank line as doc, as RDoc does, but never a magic comment', async () => {
    const source = '# frozen_string_literal: true\n\nmodule Rack\n  module Mime\n    # Returns the mime type.\n    # +ext+ is a file extension.\n\n    def mime_type(ext); end\n\n    # Too far.\n\n\n    def far; end\n  end\nend\n';
    const symbols = await symbolsOf('ruby', 'lib/rack/mime.rb', source);
    expect(get(symbols, 'Rack').doc).toBeNull();
    expect(get(symbols, 'Rack::Mime#mime_type').doc).toBe('Returns the mime type.\n+ext+ is a file extension.');
    expect(get(symbols, 'Rack::Mime#far').doc).toBeNull();
  });

  it('names a class or module by its last segment, written plain or with ::', async () => {
    const symbols = await symbolsOf('ruby', 'lib/rack/urlmap.rb', 'module Rack\n  class URLMap\n  end\n  class Deep::Nested::Builder\n  end\nend\n');
    expect(get(symbols, 'Rack')).toMatchObject({ name: 'Rack', kind: 'module' });
    expect(get(symbols, 'Rack::URLMap')).toMatchObject({ name: 'URLMap', kind: 'class' });
    expect(get(symbols, 'Rack::Deep::Nested::Builder')).toMatchObject({ name: 'Builder', kind: 'class' });
  });
});
