// Per-language tree-sitter query patterns for the occurrence pass (occurrences.ts). Capture names say
// the role: @def, @call, @type, @ref, @skip (a name that is no use: a keyword
// argument), @field (a struct literal's key: a member of the literal's type, named by @qual), @attr (a
// Python `self.x = …`: the attribute's definition); @qual is the plain name before the dot in the same
// match, @qualpath a path of names (`self.app`, `c.engine.trees`), @qualchain a Java call chain (`new T().a()` → `T.a()`);
// @member marks any name after a dot, so one whose receiver neither names (`f().x`, `a.b().x`) is kept apart from
// plain names. A definition's type hint, for light local inference (`x := NewT()`, `x = Cls()`, `c *Context`):
// @hint (a type as written), @hintcall (a called function: its result), @hintvar (a variable: its type), @hintarg (an
// untyped parameter of a function passed as an argument: the callee's signature types it). Ranges: @import (read by
// occurrenceImports.ts, its names not walked), @exclude (package clauses), @typectx (annotations: names
// inside are type uses), @require (a CommonJS `x = require(...)`, checked by its @fn). Every pattern
// must compile for its grammar (an impossible one fails the whole query): the unit tests compile each.
// Each capture costs a JavaScript object: a member call's @qual/@qualpath come from the member pattern
// matching the same name (merged by position), not from a second call pattern; the member pattern's receiver
// is an optional capture (one match per member, not one per receiver shape); catch-alls are one alternation.
import type { Language } from '../../../shared/types.js';

/** Patterns both the TypeScript and the JavaScript grammars know. */
const JS_COMMON = [
  '(function_declaration name: (identifier) @def)',
  '(generator_function_declaration name: (identifier) @def)',
  '(function_expression name: (identifier) @def)',
  '(method_definition name: [(property_identifier) (private_property_identifier)] @def)',
  '(variable_declarator name: (identifier) @def)',
  '(arrow_function parameter: (identifier) @def)',
  '(assignment_pattern left: (identifier) @def)',
  '(pair_pattern value: (identifier) @def)',
  '(array_pattern (identifier) @def)',
  '(rest_pattern (identifier) @def)',
  '(shorthand_property_identifier_pattern) @def',
  '(catch_clause parameter: (identifier) @def)',
  '(call_expression function: (identifier) @call)',
  '(call_expression function: (member_expression property: [(property_identifier) (private_property_identifier)] @call))',
  '(new_expression constructor: (identifier) @call)',
  '(new_expression constructor: (member_expression object: (identifier) @qual property: (property_identifier) @call))',
  // One match per member: its receiver, when a plain name or a two-step path, is an optional capture of the same pattern.
  '(member_expression object: [(identifier) @qual (this) @qual (super) @qual (member_expression) @qualpath]? property: [(property_identifier) (private_property_identifier)] @member)',
  // Property names are not in the catch-all: most follow a dot (the member pattern has them), are object keys
  // (no use of anything, so not captured at all) or declarations (defined above); the few other places they stand are listed here.
  '[(identifier) (shorthand_property_identifier)] @ref',
  '(pair_pattern key: (property_identifier) @ref)',
  '(binary_expression left: (private_property_identifier) @ref)',
  '(import_statement) @import',
  '(export_statement source: (_)) @import',
  '(variable_declarator value: (call_expression function: (identifier) @fn)) @require',
  '(variable_declarator value: (member_expression object: (call_expression function: (identifier) @fn))) @require',
  '(variable_declarator name: (identifier) @def value: (new_expression constructor: [(identifier) (member_expression)] @hint))',
  '(variable_declarator name: (identifier) @def value: (call_expression function: [(identifier) (member_expression)] @hintcall))',
  '(variable_declarator name: (identifier) @def value: (await_expression (call_expression function: [(identifier) (member_expression)] @hintcall)))',
];

/** Types, interfaces, enums, parameters with annotations: TypeScript and TSX only. */
const TS_ONLY = [
  '(function_signature name: (identifier) @def)',
  '(class_declaration name: (type_identifier) @def)',
  '(abstract_class_declaration name: (type_identifier) @def)',
  '(class name: (type_identifier) @def)',
  '(interface_declaration name: (type_identifier) @def)',
  '(type_alias_declaration name: (type_identifier) @def)',
  '(enum_declaration name: (identifier) @def)',
  '(internal_module name: (identifier) @def)',
  '(method_signature name: (property_identifier) @def)',
  '(abstract_method_signature name: (property_identifier) @def)',
  '(public_field_definition name: [(property_identifier) (private_property_identifier)] @def)',
  '(property_signature name: (property_identifier) @def)',
  '(required_parameter pattern: (identifier) @def)',
  '(optional_parameter pattern: (identifier) @def)',
  '(type_parameter name: (type_identifier) @def)',
  '(enum_body (property_identifier) @def)',
  '(enum_assignment name: (property_identifier) @def)',
  '(variable_declarator name: (identifier) @def type: (type_annotation (_) @hint))',
  // A field's or property's declared type: `u.address.city` goes through `address: Address`.
  '(public_field_definition name: [(property_identifier) (private_property_identifier)] @def type: (type_annotation (_) @hint))',
  '(public_field_definition name: [(property_identifier) (private_property_identifier)] @def value: (new_expression constructor: (identifier) @hint))',
  '(property_signature name: (property_identifier) @def type: (type_annotation (_) @hint))',
  '(required_parameter pattern: (identifier) @def type: (type_annotation (_) @hint))',
  '(optional_parameter pattern: (identifier) @def type: (type_annotation (_) @hint))',
  '(required_parameter pattern: (identifier) @def value: (new_expression constructor: (identifier) @hint))',
  // An untyped parameter of a function passed as an argument is typed by the callee (`new Observable((subscriber) => …)`).
  '(arguments (arrow_function parameter: (identifier) @def @hintarg))',
  '(arguments (arrow_function parameters: (formal_parameters (required_parameter pattern: (identifier) @def @hintarg !type))))',
  '(arguments (function_expression parameters: (formal_parameters (required_parameter pattern: (identifier) @def @hintarg !type))))',
  '(nested_type_identifier module: (identifier) @qual name: (type_identifier) @type)',
  '(type_identifier) @type',
  '(nested_identifier property: (property_identifier) @ref)',
];

/** Nodes only the JavaScript grammar has (a TypeScript class name is a type_identifier, its parameters required_parameter). */
const JS_ONLY = [
  '(class_declaration name: (identifier) @def)',
  '(class name: (identifier) @def)',
  '(field_definition property: [(property_identifier) (private_property_identifier)] @def)',
  '(field_definition property: [(property_identifier) (private_property_identifier)] @def value: (new_expression constructor: (identifier) @hint))',
  '(formal_parameters (identifier) @def)',
  '(jsx_attribute (property_identifier) @ref)',
];

const TS_PATTERNS = [...JS_COMMON, ...TS_ONLY];
const TSX_PATTERNS = [...TS_PATTERNS, '(jsx_attribute (property_identifier) @ref)'];
const JS_PATTERNS = [...JS_COMMON, ...JS_ONLY];

const PYTHON_PATTERNS = [
  '(keyword_argument name: (identifier) @skip)',
  // `p.prepare(cookies=…)`: the keyword is the callee's parameter (@qualcall, the path called, read by the resolver).
  '(call function: [(identifier) (attribute)] @qualcall arguments: (argument_list (keyword_argument name: (identifier) @kwarg)))',
  '(function_definition name: (identifier) @def)',
  '(class_definition name: (identifier) @def)',
  '(parameters (identifier) @def)',
  '(lambda_parameters (identifier) @def)',
  '(default_parameter name: (identifier) @def)',
  '(list_splat_pattern (identifier) @def)',
  '(dictionary_splat_pattern (identifier) @def)',
  '(assignment left: (identifier) @def)',
  '(assignment left: (identifier) @def type: (type) @hint)',
  '(assignment left: (identifier) @def right: (call function: [(identifier) (attribute)] @hintcall))',
  '(assignment left: (attribute object: (identifier) @qual attribute: (identifier) @attr))',
  '(assignment left: (attribute object: (identifier) @qual attribute: (identifier) @attr) type: (type) @hint)',
  '(assignment left: (attribute object: (identifier) @qual attribute: (identifier) @attr) right: (call function: [(identifier) (attribute)] @hintcall))',
  '(assignment left: (attribute object: (identifier) @qual attribute: (identifier) @attr) right: (identifier) @hintvar)',
  // The grammar requires a typed parameter's type: the pattern with its hint is its only definition pattern.
  '(typed_parameter (identifier) @def type: (type) @hint)',
  '(typed_default_parameter name: (identifier) @def type: (type) @hint)',
  '(assignment left: (pattern_list (identifier) @def))',
  '(assignment left: (tuple_pattern (identifier) @def))',
  '(for_statement left: (identifier) @def)',
  '(for_statement left: (pattern_list (identifier) @def))',
  '(for_statement left: (tuple_pattern (identifier) @def))',
  '(for_in_clause left: (identifier) @def)',
  '(for_in_clause left: (pattern_list (identifier) @def))',
  '(named_expression name: (identifier) @def)',
  '(as_pattern_target (identifier) @def)',
  '(global_statement (identifier) @def)',
  '(nonlocal_statement (identifier) @def)',
  '(call function: (identifier) @call)',
  '(call function: (attribute attribute: (identifier) @call))',
  '(attribute object: [(identifier) @qual (attribute) @qualpath]? attribute: (identifier) @member)',
  '(identifier) @ref',
  '(type) @typectx',
  '(import_statement) @import',
  '(import_from_statement) @import',
  '(future_import_statement) @import',
];

const GO_PATTERNS = [
  '(keyed_element . (literal_element (identifier) @skip))',
  '(composite_literal type: (type_identifier) @qual body: (literal_value (keyed_element . (literal_element (identifier) @field))))',
  '(composite_literal type: (qualified_type) @qualtype body: (literal_value (keyed_element . (literal_element (identifier) @field))))',
  '(composite_literal type: (generic_type type: (type_identifier) @qual) body: (literal_value (keyed_element . (literal_element (identifier) @field))))',
  // Keys of literals whose type is written once for all (`[]T{{Key: …}}`, `map[string]T{"a": {Key: …}}`, a test table's
  // `[]struct{ name string }{{name: …}}`) or is an anonymous struct: @qualtype reads the element type, or the struct's lines.
  '(composite_literal type: [(slice_type element: (_) @qualtype) (array_type element: (_) @qualtype)] body: (literal_value (literal_element (literal_value (keyed_element . (literal_element (identifier) @field))))))',
  '(composite_literal type: (map_type value: (_) @qualtype) body: (literal_value (keyed_element (literal_element) . (literal_element (literal_value (keyed_element . (literal_element (identifier) @field)))))))',
  '(composite_literal type: (struct_type) @qualtype body: (literal_value (keyed_element . (literal_element (identifier) @field))))',
  // `:=` in a block that already declares the name (an earlier `:=` or `var`, or the function's parameters for its body)
  // assigns that variable: `b, err := g()` after `a, err := f()` declares only b, as Go's scoping says.
  '((block (statement_list (short_var_declaration left: (expression_list (identifier) @redecl)))) @scope)',
  '((block (statement_list (var_declaration (var_spec name: (identifier) @declared)))) @scope)',
  '(function_declaration (parameter_list (parameter_declaration name: (identifier) @declared)) (block) @scope)',
  '(method_declaration (parameter_list (parameter_declaration name: (identifier) @declared)) (block) @scope)',
  '(func_literal (parameter_list (parameter_declaration name: (identifier) @declared)) (block) @scope)',
  '(package_clause) @exclude',
  '(function_declaration name: (identifier) @def)',
  '(method_declaration name: (field_identifier) @def)',
  '(type_spec name: (type_identifier) @def)',
  '(type_alias name: (type_identifier) @def)',
  '(variadic_parameter_declaration name: (identifier) @def)',
  '(var_spec name: (identifier) @def)',
  '(const_spec name: (identifier) @def)',
  // A named field always has a type, its hint (`e.router.tree` goes through `router Router`): one match, not two.
  '(field_declaration name: (field_identifier) @def type: (_) @hint)',
  '(method_elem name: (field_identifier) @def)',
  '(short_var_declaration left: (expression_list (identifier) @def))',
  '(short_var_declaration left: (expression_list . (identifier) @def) right: (expression_list . (call_expression function: [(identifier) (selector_expression)] @hintcall)))',
  '(short_var_declaration left: (expression_list . (identifier) @def) right: (expression_list . (composite_literal type: (_) @hint)))',
  '(short_var_declaration left: (expression_list . (identifier) @def) right: (expression_list . (unary_expression operand: (composite_literal type: (_) @hint))))',
  // A named Go parameter always has a type: this is its only definition pattern (one match, not two).
  '(parameter_declaration name: (identifier) @def type: (_) @hint)',
  '(var_spec name: (identifier) @def type: (_) @hint)',
  '(var_spec name: (identifier) @def value: (expression_list . (call_expression function: [(identifier) (selector_expression)] @hintcall)))',
  '(var_spec name: (identifier) @def value: (expression_list . (composite_literal type: (_) @hint)))',
  '(var_spec name: (identifier) @def value: (expression_list . (unary_expression operand: (composite_literal type: (_) @hint))))',
  '(range_clause left: (expression_list (identifier) @def))',
  // `for _, tt := range tests`: the value is an element of what is ranged over (a slice's or a map's hint is its element type).
  '(range_clause left: (expression_list (_) . (identifier) @def) right: [(identifier) (selector_expression)] @hintvar)',
  '(range_clause left: (expression_list (_) . (identifier) @def) right: (call_expression function: [(identifier) (selector_expression)] @hintcall))',
  '(type_parameter_declaration name: (identifier) @def)',
  '(call_expression function: (identifier) @call)',
  '(call_expression function: (selector_expression field: (field_identifier) @call))',
  '(selector_expression operand: [(identifier) @qual (selector_expression) @qualpath]? field: (field_identifier) @member)',
  '(qualified_type package: (package_identifier) @qual name: (type_identifier) @type)',
  '(type_identifier) @type',
  // Field names are not in the catch-all: after a dot the member pattern has them, elsewhere they are definitions.
  '[(identifier) (package_identifier)] @ref',
  '(import_declaration) @import',
];

const JAVA_PATTERNS = [
  '(package_declaration) @exclude',
  '(class_declaration name: (identifier) @def)',
  '(interface_declaration name: (identifier) @def)',
  '(enum_declaration name: (identifier) @def)',
  '(record_declaration name: (identifier) @def)',
  '(annotation_type_declaration name: (identifier) @def)',
  '(method_declaration name: (identifier) @def)',
  '(constructor_declaration name: (identifier) @def)',
  '(compact_constructor_declaration name: (identifier) @def)',
  '(formal_parameter name: (identifier) @def)',
  '(variable_declarator name: (identifier) @def)',
  '(enum_constant name: (identifier) @def)',
  '(catch_formal_parameter name: (identifier) @def)',
  '(enhanced_for_statement name: (identifier) @def)',
  '(lambda_expression parameters: (identifier) @def)',
  '(inferred_parameters (identifier) @def)',
  '(resource name: (identifier) @def)',
  '(type_parameter (type_identifier) @def)',
  // Declared types as hints: a field's, a local's, a parameter's (`OwnerService ownerService`), `var x = new T()`.
  '(field_declaration type: (_) @hint declarator: (variable_declarator name: (identifier) @def))',
  '(local_variable_declaration type: (_) @hint declarator: (variable_declarator name: (identifier) @def))',
  '(local_variable_declaration declarator: (variable_declarator name: (identifier) @def value: (object_creation_expression type: (_) @hint)))',
  '(formal_parameter type: (_) @hint name: (identifier) @def)',
  '(instanceof_expression right: (_) @hint name: (identifier) @def)',
  '(enhanced_for_statement type: (_) @hint name: (identifier) @def)',
  '(method_invocation object: [(identifier) (this) (super)] @qual name: (identifier) @call)',
  '(method_invocation object: (field_access object: (this) field: (identifier)) @qualpath name: (identifier) @call)',
  // A call on a call's result (`new Owner().name("x").city("y")`): @qualchain is the chain as a path of results.
  '(method_invocation object: [(method_invocation) (object_creation_expression)] @qualchain name: (identifier) @call)',
  '(method_invocation name: (identifier) @call)',
  // `ownerRepository::save`, `User::isActivated`: a member of what is before the `::`.
  '(method_reference . [(identifier) (this) (super)] @qual (identifier) @ref)',
  '(object_creation_expression type: (type_identifier) @call)',
  '(field_access object: [(identifier) (this) (super)] @qual field: (identifier) @ref)',
  '(field_access object: (field_access object: (this) field: (identifier)) @qualpath field: (identifier) @ref)',
  // `Map.Entry`, `org.acme.service.Thing`: the last name is looked up in what is written before it.
  '(scoped_type_identifier (type_identifier) @qual (type_identifier) @type)',
  '(scoped_type_identifier (scoped_type_identifier) @qualpath (type_identifier) @type)',
  '(field_access field: (identifier) @member)',
  '(method_invocation object: (_) name: (identifier) @member)',
  '(type_identifier) @type',
  '(identifier) @ref',
  '(import_declaration) @import',
];

/**
 * A C or C++ declarator down to the name it declares: `x`, `*x`, `**x`, `x[N]`, `*x[N]`, C++'s `&x` (a reference has no
 * field name for what it declares), each maybe with `= value`.
 */
function cDeclarator(nameNode: string, form: { initialized: boolean; references: boolean }): string {
  const plain = `(${nameNode}) @def`;
  const pointer = `(pointer_declarator declarator: ${plain})`;
  const reference = form.references ? ` (reference_declarator ${plain})` : '';
  const bare = `${plain} ${pointer} (pointer_declarator declarator: ${pointer})${reference} (array_declarator declarator: [${plain} ${pointer}])`;
  return form.initialized ? `[${bare} (init_declarator declarator: [${bare}])]` : `[${bare}]`;
}

/** A designated initializer's key (`.lexer = …`): a field of the initialized type, named by @qual. */
const C_DESIGNATED = '(initializer_list (initializer_pair designator: (field_designator (field_identifier) @field)))';

/** A function's name under its declarator (`f(…)`, `*f(…)`, `**f(…)`; C++ also `&f(…)`), the name being any of `names`. */
function cFunctionName(names: string, references: boolean): string {
  const fn = `(function_declarator declarator: ${names})`;
  return `[${fn} (pointer_declarator declarator: ${fn}) (pointer_declarator declarator: (pointer_declarator declarator: ${fn}))${references ? ` (reference_declarator ${fn})` : ''}]`;
}
const C_FUNCTION_NAME = (capture: string): string => cFunctionName(`(identifier) @${capture}`, false);
/** C++: `f`, a method `m` in its class, `Cls::m` out of line. */
const CPP_FUNCTION_NAME = (capture: string): string =>
  cFunctionName(`[(identifier) @${capture} (field_identifier) @${capture} (qualified_identifier name: (identifier) @${capture})]`, true);

/** What C and C++ share: macros, tags, enumerators, typedefs, function pointers and calls. */
const C_FAMILY_COMMON = [
  // A function pointer declared as a variable, field or typedef: `void (*callback)(int)`.
  '(function_declarator declarator: (parenthesized_declarator (pointer_declarator declarator: [(identifier) (field_identifier) (type_identifier)] @def)))',
  '(preproc_def name: (identifier) @def)',
  '(preproc_function_def name: (identifier) @def)',
  '(preproc_params (identifier) @def)',
  '(struct_specifier name: (type_identifier) @def body: (_))',
  '(union_specifier name: (type_identifier) @def body: (_))',
  '(enum_specifier name: (type_identifier) @def body: (_))',
  '(enumerator name: (identifier) @def)',
  '(type_definition declarator: [(type_identifier) @def (pointer_declarator declarator: (type_identifier) @def)])',
  '(call_expression function: (identifier) @call)',
  '(call_expression function: (field_expression field: (field_identifier) @call))',
];

const C_PATTERNS = [
  ...C_FAMILY_COMMON,
  `(function_definition declarator: ${C_FUNCTION_NAME('def')})`,
  `(declaration declarator: ${C_FUNCTION_NAME('def')})`,
  // A name called in a parameter's place is a macro (`const char *UNUSED_P(ptr)`): a function parameter is written `(*f)(…)`.
  `(parameter_declaration declarator: ${C_FUNCTION_NAME('call')})`,
  // Declared types as hints: a local's, a global's, a parameter's, a field's (`TSParser *self` → TSParser).
  `(declaration type: (_) @hint declarator: ${cDeclarator('identifier', { initialized: true, references: false })})`,
  `(parameter_declaration type: (_) @hint declarator: ${cDeclarator('identifier', { initialized: false, references: false })})`,
  `(field_declaration type: (_) @hint declarator: ${cDeclarator('field_identifier', { initialized: false, references: false })})`,
  `(compound_literal_expression type: (type_descriptor type: [(type_identifier) @qual (struct_specifier name: (type_identifier) @qual)]) value: ${C_DESIGNATED})`,
  `(declaration type: [(type_identifier) @qual (struct_specifier name: (type_identifier) @qual)] declarator: (init_declarator value: ${C_DESIGNATED}))`,
  // `self->stack`, `self->lexer.data`: the receiver, a name or a path of fields (`->` read as `.`), is the member's qualifier.
  '(field_expression argument: [(identifier) @qual (field_expression) @qualpath]? field: (field_identifier) @member)',
  // `struct Stack`: a use of the tag namespace, the keyword kept as its qualifier.
  '(struct_specifier "struct" @qual name: (type_identifier) @type)',
  '(union_specifier "union" @qual name: (type_identifier) @type)',
  '(enum_specifier "enum" @qual name: (type_identifier) @type)',
  '(type_identifier) @type',
  // Field names are not in the catch-all: after `.`/`->` the member pattern has them, elsewhere they are definitions or keys.
  '(identifier) @ref',
];

const CPP_PATTERNS = [
  ...C_FAMILY_COMMON,
  `(function_definition declarator: ${CPP_FUNCTION_NAME('def')})`,
  `(declaration declarator: ${CPP_FUNCTION_NAME('def')})`,
  `(field_declaration declarator: ${CPP_FUNCTION_NAME('def')})`,
  // A local written `Slice key(data)` reads as a function declaration: inside a body it is a variable built by its constructor.
  '(compound_statement (declaration type: (_) @hint declarator: (function_declarator declarator: (identifier) @def)))',
  '(namespace_definition name: (namespace_identifier) @def)',
  '(class_specifier name: (type_identifier) @def body: (_))',
  '(alias_declaration name: (type_identifier) @def)',
  '(type_parameter_declaration (type_identifier) @def)',
  // Declared types as hints (`const Slice& key` → Slice); `auto` gives none, `auto x = f()` what f returns.
  `(declaration type: (_) @hint declarator: ${cDeclarator('identifier', { initialized: true, references: true })})`,
  `(parameter_declaration type: (_) @hint declarator: ${cDeclarator('identifier', { initialized: false, references: true })})`,
  `(optional_parameter_declaration type: (_) @hint declarator: ${cDeclarator('identifier', { initialized: false, references: true })})`,
  `(field_declaration type: (_) @hint declarator: ${cDeclarator('field_identifier', { initialized: false, references: true })})`,
  '(for_range_loop type: (_) @hint declarator: [(identifier) @def (reference_declarator (identifier) @def) (pointer_declarator declarator: (identifier) @def)])',
  '(declaration declarator: (init_declarator declarator: (identifier) @def value: (call_expression function: [(identifier) (field_expression) (qualified_identifier)] @hintcall)))',
  '(call_expression function: (qualified_identifier scope: (namespace_identifier) @qual name: (identifier) @call))',
  '(call_expression function: (template_function name: (identifier) @call))',
  // `Cls::kName`, `leveldb::Slice`: the name inside what is before the `::`, itself a use of that class or namespace.
  '(qualified_identifier scope: (namespace_identifier) @type)',
  '(qualified_identifier scope: (namespace_identifier) @qual name: (identifier) @ref)',
  '(qualified_identifier scope: (namespace_identifier) @qual name: (type_identifier) @type)',
  // `x->Next()`, `this->size_`, `r->file->Append`: the receiver, a name or a path of fields (`->` read as `.`).
  '(field_expression argument: [(identifier) @qual (this) @qual (field_expression) @qualpath]? field: (field_identifier) @member)',
  // A constructor's `: buffer_(x)` names a field of its class, as a bare name inside a method does.
  '(field_initializer (field_identifier) @ref)',
  '(type_identifier) @type',
  '(identifier) @ref',
];

/** The query patterns of a language, or null where the occurrence pass does not run yet. */
export function occurrencePatterns(language: Language): readonly string[] | null {
  switch (language) {
    case 'typescript':
      return TS_PATTERNS;
    case 'tsx':
      return TSX_PATTERNS;
    case 'javascript':
      return JS_PATTERNS;
    case 'python':
      return PYTHON_PATTERNS;
    case 'go':
      return GO_PATTERNS;
    case 'java':
      return JAVA_PATTERNS;
    case 'c':
      return C_PATTERNS;
    case 'cpp':
      return CPP_PATTERNS;
    default:
      return null;
  }
}
