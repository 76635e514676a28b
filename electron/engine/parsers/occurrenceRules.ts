// Per-language node types for the occurrence pass (occurrences.ts): which nodes are names, which
// positions declare one, which are calls, member accesses, type uses, and what is not walked at all.
import type { Language } from '../../../shared/types.js';

export interface OccurrenceRules {
  /** Node types that are identifiers. */
  names: ReadonlySet<string>;
  /** Parent type → the fields of it whose identifier declares a name. */
  definitions: Readonly<Record<string, readonly string[]>>;
  /** Lists and patterns whose identifiers all declare: null means anywhere, else only under these `parent.field`s. */
  declaringLists: Readonly<Record<string, readonly string[] | null>>;
  /** Identifier types that always declare (a destructuring shorthand). */
  declaringNames: ReadonlySet<string>;
  /** Call node type → the field that holds the callee. */
  calls: Readonly<Record<string, string>>;
  /** Member access node type → [object field, property field]. */
  members: Readonly<Record<string, readonly [string, string]>>;
  /** Identifier types that are type uses when they declare nothing. */
  typeNames: ReadonlySet<string>;
  /** Subtrees whose identifiers are type uses (Python annotations). */
  typeContexts: ReadonlySet<string>;
  /** Subtrees not walked (package clauses, comments, strings). */
  skip: ReadonlySet<string>;
  /** Parent type → fields that are not uses of a name (object literal keys, keyword argument names). */
  ignore: Readonly<Record<string, readonly string[]>>;
  /** Object node types kept as the qualifier of a member access, besides `names`. */
  selfNodes: ReadonlySet<string>;
}

const TS_RULES: OccurrenceRules = {
  names: new Set(['identifier', 'property_identifier', 'type_identifier', 'shorthand_property_identifier', 'shorthand_property_identifier_pattern', 'private_property_identifier']),
  definitions: {
    function_declaration: ['name'], generator_function_declaration: ['name'], function_expression: ['name'], function_signature: ['name'],
    class_declaration: ['name'], abstract_class_declaration: ['name'], class: ['name'], interface_declaration: ['name'],
    type_alias_declaration: ['name'], enum_declaration: ['name'], internal_module: ['name'], module: ['name'],
    method_definition: ['name'], method_signature: ['name'], abstract_method_signature: ['name'], public_field_definition: ['name'],
    field_definition: ['property'], property_signature: ['name'], variable_declarator: ['name'], required_parameter: ['pattern'],
    optional_parameter: ['pattern'], arrow_function: ['parameter'], assignment_pattern: ['left'], pair_pattern: ['value'],
    catch_clause: ['parameter'], type_parameter: ['name'], enum_body: [''], enum_assignment: ['name'],
  },
  declaringLists: { formal_parameters: null, array_pattern: null, rest_pattern: null, object_pattern: null },
  declaringNames: new Set(['shorthand_property_identifier_pattern']),
  calls: { call_expression: 'function', new_expression: 'constructor' },
  members: { member_expression: ['object', 'property'], nested_type_identifier: ['module', 'name'] },
  typeNames: new Set(['type_identifier']),
  typeContexts: new Set(),
  skip: new Set(['comment', 'string', 'template_string', 'regex', 'jsx_text', 'hash_bang_line']),
  ignore: { pair: ['key'], labeled_statement: ['label'], break_statement: ['label'], continue_statement: ['label'] },
  selfNodes: new Set(['this', 'super']),
};

const PYTHON_RULES: OccurrenceRules = {
  names: new Set(['identifier']),
  definitions: {
    function_definition: ['name'], class_definition: ['name'], default_parameter: ['name'], typed_default_parameter: ['name'],
    assignment: ['left'], for_statement: ['left'], for_in_clause: ['left'], named_expression: ['name'], as_pattern_target: [''],
    global_statement: [''], nonlocal_statement: [''],
  },
  declaringLists: {
    parameters: null, lambda_parameters: null, typed_parameter: null, list_splat_pattern: null, dictionary_splat_pattern: null,
    pattern_list: null, tuple_pattern: null, list_pattern: null,
  },
  declaringNames: new Set(),
  calls: { call: 'function' },
  members: { attribute: ['object', 'attribute'] },
  typeNames: new Set(),
  typeContexts: new Set(['type']),
  skip: new Set(['comment', 'string', 'concatenated_string']),
  ignore: { keyword_argument: ['name'] },
  selfNodes: new Set(),
};

const GO_RULES: OccurrenceRules = {
  names: new Set(['identifier', 'field_identifier', 'type_identifier', 'package_identifier']),
  definitions: {
    function_declaration: ['name'], method_declaration: ['name'], type_spec: ['name'], type_alias: ['name'], parameter_declaration: ['name'],
    variadic_parameter_declaration: ['name'], var_spec: ['name'], const_spec: ['name'], field_declaration: ['name'], method_elem: ['name'],
    method_spec: ['name'], type_parameter_declaration: ['name'], labeled_statement: ['label'],
  },
  declaringLists: { expression_list: ['short_var_declaration.left', 'range_clause.left'] },
  declaringNames: new Set(),
  calls: { call_expression: 'function' },
  members: { selector_expression: ['operand', 'field'], qualified_type: ['package', 'name'] },
  typeNames: new Set(['type_identifier']),
  typeContexts: new Set(),
  skip: new Set(['comment', 'package_clause', 'interpreted_string_literal', 'raw_string_literal']),
  ignore: { literal_element: [''], break_statement: ['label'], continue_statement: ['label'], goto_statement: ['label'] },
  selfNodes: new Set(),
};

const JAVA_RULES: OccurrenceRules = {
  names: new Set(['identifier', 'type_identifier']),
  definitions: {
    class_declaration: ['name'], interface_declaration: ['name'], enum_declaration: ['name'], record_declaration: ['name'],
    annotation_type_declaration: ['name'], method_declaration: ['name'], constructor_declaration: ['name'], compact_constructor_declaration: ['name'],
    formal_parameter: ['name'], variable_declarator: ['name'], enum_constant: ['name'], catch_formal_parameter: ['name'],
    enhanced_for_statement: ['name'], lambda_expression: ['parameters'], resource: ['name'], type_parameter: [''], annotation_type_element_declaration: ['name'],
  },
  declaringLists: { inferred_parameters: null },
  declaringNames: new Set(),
  calls: { method_invocation: 'name', object_creation_expression: 'type' },
  members: { method_invocation: ['object', 'name'], field_access: ['object', 'field'] },
  typeNames: new Set(['type_identifier']),
  typeContexts: new Set(),
  skip: new Set(['line_comment', 'block_comment', 'package_declaration', 'string_literal', 'text_block']),
  ignore: { labeled_statement: [''], break_statement: [''], continue_statement: [''] },
  selfNodes: new Set(['this', 'super']),
};

/** The rules of a language, or null where the occurrence pass does not run yet. */
export function occurrenceRules(language: Language): OccurrenceRules | null {
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
      return TS_RULES;
    case 'python':
      return PYTHON_RULES;
    case 'go':
      return GO_RULES;
    case 'java':
      return JAVA_RULES;
    default:
      return null;
  }
}
