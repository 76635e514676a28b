import { describe, expect, it } from 'vitest';
import { expectParentsFirst, get, parentOf, symbolsOf } from './helpers.js';
import { languageOf } from '../../../electron/base/languages.js';

const USER = `defmodule MyApp.Accounts.User do
  @moduledoc """
  A user.
  """
  use Ecto.Schema
  defstruct [:name, :age]

  @doc """
  Creates a user.
  """
  @spec create(map()) :: {:ok, t()}
  def create(attrs \\\\ %{}) do
    %User{} |> changeset(attrs) |> Repo.insert()
  end

  defp changeset(user, attrs), do: cast(user, attrs, [:name])

  def size(0), do: 0
  def size(n) when is_integer(n), do: n + 1

  defmacro trace(expr) do
    quote do: IO.inspect(unquote(expr))
  end

  def unquote(:generated)(), do: :skip

  defmodule Inner do
    def hi, do: :ok
  end
end

defprotocol Size do
  @doc "The size of data."
  def size(data)
end

defimpl Size, for: BitString do
  def size(s), do: byte_size(s)
end

defmodule MyApp.NotFound do
  defexception message: "not found"
end
`;

const table = (symbols: Array<{ fqn: string; kind: string }>): string[] => symbols.map((s) => `${s.kind} ${s.fqn}`);

describe('Elixir symbols (tree-sitter-elixir WASM grammar)', () => {
  it('maps .ex and .exs to Elixir', () => {
    expect(['lib/a.ex', 'test/a_test.exs', 'mix.exs'].map(languageOf)).toEqual(['elixir', 'elixir', 'elixir']);
  });

  it('finds modules, nested modules, protocols, implementations and functions, one symbol per multi-clause function', async () => {
    const symbols = await symbolsOf('elixir', 'lib/my_app/accounts/user.ex', USER);
    expect(table(symbols)).toEqual([
      'module MyApp.Accounts.User', 'method MyApp.Accounts.User.create', 'method MyApp.Accounts.User.changeset', 'method MyApp.Accounts.User.size',
      'method MyApp.Accounts.User.trace', 'module MyApp.Accounts.User.Inner', 'method MyApp.Accounts.User.Inner.hi',
      'interface Size', 'method Size.size', 'module Size.BitString', 'method Size.BitString.size', 'module MyApp.NotFound',
    ]);
    expect(get(symbols, 'MyApp.Accounts.User.create')).toMatchObject({ signature: 'def create(attrs \\\\ %{})', doc: 'Creates a user.', startLine: 12, endLine: 14 });
    expect(get(symbols, 'MyApp.Accounts.User.changeset')).toMatchObject({ signature: 'defp changeset(user, attrs)', modifiers: ['private'] });
    // Both clauses of size/1 are one symbol spanning them.
    expect(get(symbols, 'MyApp.Accounts.User.size')).toMatchObject({ startLine: 18, endLine: 19 });
    expect(get(symbols, 'MyApp.Accounts.User.trace').modifiers).toEqual(['macro']);
    expect(get(symbols, 'Size.size').doc).toBe('The size of data.');
    expect(get(symbols, 'MyApp.Accounts.User')).toMatchObject({ signature: 'defmodule MyApp.Accounts.User', startLine: 1, endLine: 30 });
    expect(parentOf(symbols, 'MyApp.Accounts.User.Inner.hi')).toBe('MyApp.Accounts.User.Inner');
    expectParentsFirst(symbols);
  });

  it('reads a script with functions outside any module', async () => {
    const symbols = await symbolsOf('elixir', 'scripts/seed.exs', 'def seed(n), do: n\nIO.puts(seed(1))\n');
    expect(table(symbols)).toEqual(['function seed']);
  });
});
