import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../electron/engine/manifests/index.js';

const GEMFILE = `# frozen_string_literal: true
source "https://rubygems.org"
git_source(:github) { |repo| "https://github.com/#{repo}.git" }

ruby "3.2.2"
gemspec path: "engines/billing"

gem 'rails', '~> 7.1', '>= 7.1.3'   # the framework
gem "pg", "~> 1.5"
gem 'puma', ">= 5.0", require: false
gem "bootsnap", require: false if RUBY_VERSION >= "3.0"
gem 'sidekiq',
    '~> 7.2',
    source: 'https://gems.example.com/#private'
gem 'devise', git: 'https://github.com/heartcombo/devise.git', branch: 'main'
gem "local_tools", path: "../tools"
gem 'nokogiri', RUBY_VERSION < '3.1' ? '~> 1.14' : '~> 1.16'
gem "redis", "~> #{ENV.fetch('REDIS_MAJOR', '5')}.0"
gem 'oj', ['>= 3.13', '< 4']
gem 'rspec-rails', group: :test
gem 'letter_opener', groups: [:development]
gem "pry", :group => [:development, :staging]
gem "tzinfo-data", platforms: %i[windows jruby]

=begin
gem 'commented_out'
=end

group :development, :test do
  gem 'debug', platforms: %i[mri windows]
  gem "factory_bot_rails" # "not a string end
end

group :test do
  gem 'capybara', '~> 3.39'
  if ENV['CI']
    gem 'simplecov', require: false
  end
end

group :development do
  gem 'web-console'
end

platforms :jruby do
  gem 'activerecord-jdbc-adapter'
end

group :production, :staging do
  gem 'lograge'
end

begin
  require 'thin'
  gem 'thin'
rescue LoadError
end

eval_gemfile "Gemfile.local" if File.exist?("Gemfile.local")
gem name_from_elsewhere, '1.0'
`;

const GEMSPEC = `# frozen_string_literal: true

require_relative "lib/acme/version"

Gem::Specification.new do |spec|
  spec.name = "acme-cli"
  spec.version = Acme::VERSION
  spec.summary = 'Acme\\'s command line'
  spec.description = <<~DESC
    It's the tool that ships Acme's reports.
    spec.add_dependency "not-a-dependency"
  DESC
  spec.files = Dir["lib/**/*.rb", "exe/*"]
  spec.executables = %w[acme acme-admin]
  spec.require_paths = ["lib"]

  spec.add_dependency "thor", "~> 1.2"
  spec.add_dependency("zeitwerk", ">= 2.6", "< 3")
  spec.add_runtime_dependency %q<faraday>.freeze, [">= 2.0".freeze]
  spec.add_dependency "acme-core", Acme::VERSION
  spec.add_dependency 'tty-prompt'
  spec.add_development_dependency "rake", "~> 13.0"
  spec.add_development_dependency "rspec", "~> 3.12"
  spec.bindir = "exe"
end
`;

describe('Gemfile', () => {
  it('reads gems with their literal constraints, scoped by group blocks and group options', () => {
    const pkg = (name: string, version: string | null, scope: string) => ({ manifest: 'web/Gemfile', ecosystem: 'rubygems', name, version, scope });
    expect(parseManifest('web/Gemfile', GEMFILE)).toEqual({
      packages: [
        pkg('rails', '~> 7.1, >= 7.1.3', 'runtime'),
        pkg('pg', '~> 1.5', 'runtime'),
        pkg('puma', '>= 5.0', 'runtime'),
        pkg('bootsnap', null, 'runtime'),
        pkg('sidekiq', '~> 7.2', 'runtime'),
        pkg('devise', null, 'runtime'),
        pkg('local_tools', null, 'runtime'),
        pkg('nokogiri', null, 'runtime'),
        pkg('redis', null, 'runtime'),
        pkg('oj', '>= 3.13, < 4', 'runtime'),
        pkg('rspec-rails', null, 'test'),
        pkg('letter_opener', null, 'dev'),
        pkg('pry', null, 'runtime'),
        pkg('tzinfo-data', null, 'runtime'),
        pkg('debug', null, 'dev'),
        pkg('factory_bot_rails', null, 'dev'),
        pkg('capybara', '~> 3.39', 'test'),
        pkg('simplecov', null, 'test'),
        pkg('web-console', null, 'dev'),
        pkg('activerecord-jdbc-adapter', null, 'runtime'),
        pkg('lograge', null, 'runtime'),
        pkg('thin', null, 'runtime'),
      ],
      mains: [],
      error: null,
    });
  });

  it('reads parenthesised calls and one-line blocks', () => {
    const text = "group(:test) { }\ngem('minitest', '~> 5.0', group: 'test')\ndef helper; end\ngroup :development do; end\ngem 'rack'\n";
    expect(parseManifest('Gemfile', text).packages.map((p) => [p.name, p.version, p.scope])).toEqual([
      ['minitest', '~> 5.0', 'test'],
      ['rack', null, 'runtime'],
    ]);
  });

  it('never throws on unbalanced Ruby and reads what it can', () => {
    const text = "group :test do\n  gem 'a'\nend\nend\nend\ngem 'b', \"unterminated\ngem 'c'\n";
    expect(parseManifest('Gemfile', text).packages.map((p) => [p.name, p.version, p.scope])).toEqual([['a', null, 'test'], ['b', null, 'runtime']]);
  });
});

describe('*.gemspec', () => {
  it('reads dependencies on any receiver and executables under bindir, skipping heredoc text', () => {
    const pkg = (name: string, version: string | null, scope: string) => ({ manifest: 'gems/acme/acme-cli.gemspec', ecosystem: 'rubygems', name, version, scope });
    const main = (name: string, path: string) => ({ name, path, manifest: 'gems/acme/acme-cli.gemspec' });
    expect(parseManifest('gems/acme/acme-cli.gemspec', GEMSPEC)).toEqual({
      packages: [
        pkg('thor', '~> 1.2', 'runtime'),
        pkg('zeitwerk', '>= 2.6, < 3', 'runtime'),
        pkg('faraday', '>= 2.0', 'runtime'),
        pkg('acme-core', null, 'runtime'),
        pkg('tty-prompt', null, 'runtime'),
        pkg('rake', '~> 13.0', 'dev'),
        pkg('rspec', '~> 3.12', 'dev'),
      ],
      mains: [main('acme', 'gems/acme/exe/acme'), main('acme-admin', 'gems/acme/exe/acme-admin')],
      error: null,
    });
  });

  it('keeps the first declaration of the generated respond_to? branches, and bin/ by default', () => {
    const text = `Gem::Specification.new do |s|
  s.executables = ["sinatra".freeze]
  if s.respond_to? :add_runtime_dependency then
    s.add_runtime_dependency(%q<rack>.freeze, ["~> 2.2", ">= 2.2.4"])
    s.add_development_dependency(%q<rack-test>.freeze, ["~> 2"])
  else
    s.add_dependency(%q<rack>.freeze, ["~> 2.2", ">= 2.2.4"])
    s.add_dependency(%q<rack-test>.freeze, ["~> 2"])
  end
end
`;
    expect(parseManifest('sinatra.gemspec', text)).toEqual({
      packages: [
        { manifest: 'sinatra.gemspec', ecosystem: 'rubygems', name: 'rack', version: '~> 2.2, >= 2.2.4', scope: 'runtime' },
        { manifest: 'sinatra.gemspec', ecosystem: 'rubygems', name: 'rack-test', version: '~> 2', scope: 'dev' },
      ],
      mains: [{ name: 'sinatra', path: 'bin/sinatra', manifest: 'sinatra.gemspec' }],
      error: null,
    });
  });

  it('leaves executables computed from the file list unread', () => {
    const text = 'Gem::Specification.new do |gem|\n  gem.executables = gem.files.grep(%r{^exe/}) { |f| File.basename(f) }\n  gem.executables << "extra"\n  gem.add_dependency "x"\nend\n';
    expect(parseManifest('x.gemspec', text)).toEqual({
      packages: [{ manifest: 'x.gemspec', ecosystem: 'rubygems', name: 'x', version: null, scope: 'runtime' }],
      mains: [{ name: 'extra', path: 'bin/extra', manifest: 'x.gemspec' }],
      error: null,
    });
  });
});
