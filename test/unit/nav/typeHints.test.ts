// Light type inference from signatures as written: result types per language, base classes, Go embedded fields.
import { describe, expect, it } from 'vitest';
import { baseNames, callbackParameterType, embeddedType, returnType } from '../../../electron/core/nav/typeHints.js';

describe('typeHints', () => {
  it('reads the result type of a function from its signature', () => {
    expect(returnType('func New() *Engine {', 'go')).toBe('Engine');
    expect(returnType('func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {', 'go')).toBe('RouterGroup');
    expect(returnType('func CreateTestContext(w http.ResponseWriter) (c *Context, r *Engine) {', 'go')).toBe('Context');
    expect(returnType('func Open[T any](name string) (*pkg.File, error)', 'go')).toBe('pkg.File');
    expect(returnType('func (c *Context) Done() <-chan struct{} {', 'go')).toBeNull();
    expect(returnType('func run()', 'go')).toBeNull();
    expect(returnType('def make_config(self, instance_relative: bool = False) -> Config:', 'python')).toBe('Config');
    expect(returnType('def get_app(self) -> "Flask":', 'python')).toBe('Flask');
    expect(returnType('def find(self) -> t.Optional["Rule"]:', 'python')).toBe('Rule');
    expect(returnType('def plain(self):', 'python')).toBeNull();
    expect(returnType('export function create(opts: { a: number }): Parser<string> {', 'typescript')).toBe('Parser');
    expect(returnType('async function load(): Promise<Store> {', 'typescript')).toBe('Store');
    expect(returnType('function noType(a, b) {', 'javascript')).toBeNull();
    // C and C++: the named type before the name, past storage words, namespaces and `*`/`&`.
    expect(returnType('static inline Length length_add(Length len1, Length len2)', 'c')).toBe('Length');
    expect(returnType('Iterator* DBImpl::NewIterator(const ReadOptions& options)', 'cpp')).toBe('Iterator');
    expect(returnType('virtual const leveldb::Comparator& user_comparator() const', 'cpp')).toBe('Comparator');
    expect(returnType('#define MAX(a, b)', 'c')).toBeNull();
  });

  it('reads base classes and Go embedded fields', () => {
    expect(baseNames('class Blueprint(Scaffold):', 'python')).toEqual(['Scaffold']);
    expect(baseNames('class Config(dict, metaclass=Meta):', 'python')).toEqual(['dict']);
    expect(baseNames('export class ZodString extends ZodType<string> {', 'typescript')).toEqual(['ZodType']);
    expect(baseNames('class DBImpl : public DB, private leveldb::Other<int>', 'cpp')).toEqual(['DB', 'Other']);
    expect(baseNames('struct SkipList::Node', 'cpp')).toEqual([]);
    expect(embeddedType({ name: 'RouterGroup', signature: 'RouterGroup' })).toBe('RouterGroup');
    expect(embeddedType({ name: 'Base', signature: '*pkg.Base `json:"-"`' })).toBe('pkg.Base');
    expect(embeddedType({ name: 'Handlers', signature: 'Handlers HandlersChain' })).toBeNull();
  });

  it('reads the type a callee gives a parameter of the function passed to it', () => {
    const ctor = 'constructor(subscribe?: (this: Observable<T>, subscriber: Subscriber<T>) => TeardownLogic)';
    expect(callbackParameterType(ctor, 'constructor', 0, 0)).toBe('Subscriber');
    const operate = 'export function operate<T, R>( init: (liftedSource: Observable<T>, subscriber: Subscriber<R>) => (() => void) | void ): OperatorFunction<T, R>';
    expect(callbackParameterType(operate, 'operate', 0, 0)).toBe('Observable');
    expect(callbackParameterType(operate, 'operate', 0, 1)).toBe('Subscriber');
    // Wrapped and optional function types; a default's `=` and a ternary's `:` do not cut the type.
    expect(callbackParameterType('function f(a = 1, cb: ((x: pkg.Thing) => void) | undefined)', 'f', 1, 0)).toBe('pkg.Thing');
    // No function type, no such argument or parameter, a parameter without a named type, a name only inside another.
    expect(callbackParameterType('function f(cb: string)', 'f', 0, 0)).toBeNull();
    expect(callbackParameterType('function f(cb: (x: Thing) => void)', 'f', 1, 0)).toBeNull();
    expect(callbackParameterType('function f(cb: (x: Thing) => void)', 'f', 0, 1)).toBeNull();
    expect(callbackParameterType('function f(cb: (x: { a: number }) => void)', 'f', 0, 0)).toBeNull();
    expect(callbackParameterType('function ff(cb: (x: Thing) => void)', 'f', 0, 0)).toBeNull();
    // A signature cut before its list closes says nothing.
    expect(callbackParameterType('export function g( destination: Subscriber<any>, onNext?: (value: T) => void, onComplete', 'g', 1, 0)).toBeNull();
  });
});
