//! What the taint engine knows of each grammar: which nodes are functions, assignments,
//! branches and loops, which calls give clean results, and which methods fill their
//! receiver. Node kinds are tree-sitter's; every table is checked against real code in
//! the unit tests of the engine (a misspelt kind would silently do nothing).

use crate::syntax::Lang;

/// An assignment-like node: the fields holding its target and its value. A field name
/// of `""` means "first named child" (target) or "last named child" (value).
pub type Assign = (&'static str, &'static str, &'static str);

/// The tables of one grammar.
pub struct Model {
    /// Function-like nodes: an outermost one is analysed as a function; nested ones are
    /// followed inline (closures see the enclosing function's variables).
    pub functions: &'static [&'static str],
    /// Assignments: (kind, target field, value field).
    pub assigns: &'static [Assign],
    /// Compound assignments (`+=`): the target keeps its taint and gains the value's.
    pub compound: &'static [&'static str],
    /// Nodes whose children run only sometimes: updates inside are weak (a union of
    /// "ran" and "did not run").
    pub branches: &'static [&'static str],
    /// Loops: run to a fixpoint under the step budget, updates weak.
    pub loops: &'static [Assign],
    /// Calls: (kind, callee field).
    pub calls: &'static [(&'static str, &'static str)],
    /// Callees whose result is clean whatever their arguments (numbers, booleans, sizes,
    /// type conversions): matched on the whole callee text or on its last name.
    pub clean_calls: &'static [&'static str],
    /// Kinds whose value is never tainted (numeric casts and the like).
    pub clean_kinds: &'static [&'static str],
}

/// Methods that store their argument in the receiver (`sb.append(x)`): if an argument
/// is tainted, so is the receiver afterwards. Shared by every grammar.
pub const MUTATORS: &[&str] = &[
    "append",
    "add",
    "addAll",
    "push",
    "push_str",
    "unshift",
    "extend",
    "insert",
    "put",
    "putAll",
    "update",
    "Append",
    "AppendFormat",
    "AppendLine",
    "Add",
    "AddRange",
    "Insert",
    "write",
    "Write",
    "WriteString",
    "concat!",
];

/// Binary operators whose result is a number or a boolean whatever the operands.
pub const CLEAN_OPERATORS: &[&str] = &[
    "==",
    "!=",
    "===",
    "!==",
    "<",
    ">",
    "<=",
    ">=",
    "<=>",
    "-",
    "*",
    "/",
    "**",
    "not",
    "in",
    "not in",
    "is",
    "is not",
    "instanceof",
    "=~",
    "!~",
];

const PYTHON: Model = Model {
    functions: &["function_definition", "lambda"],
    assigns: &[
        ("assignment", "left", "right"),
        ("named_expression", "name", "value"),
    ],
    compound: &["augmented_assignment"],
    branches: &[
        "if_statement",
        "try_statement",
        "match_statement",
        "conditional_expression",
        "with_statement",
    ],
    loops: &[
        ("for_statement", "left", "right"),
        ("while_statement", "", ""),
        ("for_in_clause", "left", "right"),
    ],
    calls: &[("call", "function")],
    clean_calls: &[
        "int",
        "float",
        "bool",
        "len",
        "hash",
        "id",
        "isinstance",
        "issubclass",
        "ord",
        "abs",
        "round",
        "callable",
        "hasattr",
        "UUID",
        "isdigit",
        "isnumeric",
        "isalnum",
        "exists",
        "isfile",
        "isdir",
        "startswith",
        "endswith",
        "count",
        "find",
        "index",
        "Decimal",
    ],
    clean_kinds: &["comparison_operator", "not_operator"],
};

const JAVASCRIPT: Model = Model {
    functions: &[
        "function_declaration",
        "function_expression",
        "function",
        "arrow_function",
        "method_definition",
        "generator_function_declaration",
        "generator_function",
    ],
    assigns: &[
        ("variable_declarator", "name", "value"),
        ("assignment_expression", "left", "right"),
    ],
    compound: &["augmented_assignment_expression"],
    branches: &[
        "if_statement",
        "switch_statement",
        "try_statement",
        "ternary_expression",
    ],
    loops: &[
        ("for_in_statement", "left", "right"),
        ("for_statement", "", ""),
        ("while_statement", "", ""),
        ("do_statement", "", ""),
    ],
    calls: &[
        ("call_expression", "function"),
        ("new_expression", "constructor"),
    ],
    clean_calls: &[
        "parseInt",
        "parseFloat",
        "Number",
        "Boolean",
        "isNaN",
        "isFinite",
        "Number.parseInt",
        "Number.parseFloat",
        "Number.isInteger",
        "Math.floor",
        "Math.round",
        "Math.abs",
        "indexOf",
        "includes",
        "startsWith",
        "endsWith",
        "test",
        "existsSync",
        "isValidObjectId",
        "isInteger",
        "typeof",
    ],
    clean_kinds: &["unary_expression"],
};

const GO: Model = Model {
    functions: &["function_declaration", "method_declaration", "func_literal"],
    assigns: &[
        ("short_var_declaration", "left", "right"),
        ("assignment_statement", "left", "right"),
        ("var_spec", "name", "value"),
    ],
    compound: &[],
    branches: &[
        "if_statement",
        "expression_switch_statement",
        "type_switch_statement",
        "select_statement",
    ],
    loops: &[("for_statement", "", ""), ("range_clause", "left", "right")],
    calls: &[("call_expression", "function")],
    clean_calls: &[
        "strconv.Atoi",
        "strconv.ParseInt",
        "strconv.ParseUint",
        "strconv.ParseFloat",
        "strconv.ParseBool",
        "len",
        "cap",
        "uuid.Parse",
        "strings.HasPrefix",
        "strings.HasSuffix",
        "strings.Contains",
        "strings.Index",
        "filepath.IsAbs",
        "regexp.MatchString",
        "MatchString",
    ],
    clean_kinds: &[],
};

const JAVA: Model = Model {
    functions: &[
        "method_declaration",
        "constructor_declaration",
        "lambda_expression",
    ],
    assigns: &[
        ("variable_declarator", "name", "value"),
        ("assignment_expression", "left", "right"),
    ],
    compound: &[],
    branches: &[
        "if_statement",
        "switch_expression",
        "switch_statement",
        "try_statement",
        "ternary_expression",
    ],
    loops: &[
        ("enhanced_for_statement", "name", "value"),
        ("for_statement", "", ""),
        ("while_statement", "", ""),
        ("do_statement", "", ""),
    ],
    calls: &[
        ("method_invocation", "name"),
        ("object_creation_expression", "type"),
    ],
    clean_calls: &[
        "Integer.parseInt",
        "Integer.valueOf",
        // A method_invocation's callee field is the bare method name.
        "parseInt",
        "parseLong",
        "parseDouble",
        "parseFloat",
        "parseBoolean",
        "fromString",
        "Long.parseLong",
        "Long.valueOf",
        "Double.parseDouble",
        "Float.parseFloat",
        "Boolean.parseBoolean",
        "UUID.fromString",
        "size",
        "length",
        "equals",
        "equalsIgnoreCase",
        "isEmpty",
        "contains",
        "containsKey",
        "startsWith",
        "endsWith",
        "matches",
        "hashCode",
        "indexOf",
        "compareTo",
        "exists",
    ],
    clean_kinds: &["instanceof_expression"],
};

const RUBY: Model = Model {
    functions: &["method", "singleton_method"],
    assigns: &[("assignment", "left", "right")],
    compound: &["operator_assignment"],
    branches: &[
        "if",
        "unless",
        "case",
        "begin",
        "conditional",
        "if_modifier",
        "unless_modifier",
        "rescue_modifier",
        "block",
        "do_block",
        "lambda",
    ],
    loops: &[
        ("for", "pattern", "value"),
        ("while", "", ""),
        ("until", "", ""),
        ("while_modifier", "", ""),
    ],
    calls: &[("call", "method")],
    clean_calls: &[
        "to_i",
        "to_f",
        "to_r",
        "Integer",
        "Float",
        "size",
        "length",
        "count",
        "empty?",
        "nil?",
        "present?",
        "blank?",
        "include?",
        "exist?",
        "exists?",
        "to_sym",
        "is_a?",
        "start_with?",
        "end_with?",
        "match?",
        "zero?",
        "any?",
    ],
    clean_kinds: &[],
};

const PHP: Model = Model {
    functions: &[
        "function_definition",
        "method_declaration",
        "anonymous_function",
        "anonymous_function_creation_expression",
        "arrow_function",
    ],
    assigns: &[
        ("assignment_expression", "left", "right"),
        ("reference_assignment_expression", "left", "right"),
    ],
    compound: &["augmented_assignment_expression"],
    branches: &[
        "if_statement",
        "switch_statement",
        "try_statement",
        "conditional_expression",
        "match_expression",
    ],
    loops: &[
        ("foreach_statement", "", ""),
        ("for_statement", "", ""),
        ("while_statement", "", ""),
        ("do_statement", "", ""),
    ],
    calls: &[
        ("function_call_expression", "function"),
        ("member_call_expression", "name"),
        ("scoped_call_expression", "name"),
        ("object_creation_expression", ""),
    ],
    clean_calls: &[
        "intval",
        "floatval",
        "boolval",
        "count",
        "strlen",
        "is_numeric",
        "ctype_digit",
        "ctype_alnum",
        "in_array",
        "is_int",
        "file_exists",
        "is_file",
        "preg_match",
        "strpos",
        "array_key_exists",
        "isset",
        "empty",
        "abs",
    ],
    clean_kinds: &["cast_expression"],
};

const CSHARP: Model = Model {
    functions: &[
        "method_declaration",
        "constructor_declaration",
        "local_function_statement",
        "lambda_expression",
        "anonymous_method_expression",
    ],
    assigns: &[
        ("variable_declarator", "name", ""),
        ("assignment_expression", "left", "right"),
    ],
    compound: &[],
    branches: &[
        "if_statement",
        "switch_statement",
        "switch_expression",
        "try_statement",
        "conditional_expression",
    ],
    loops: &[
        ("foreach_statement", "left", "right"),
        ("for_statement", "", ""),
        ("while_statement", "", ""),
        ("do_statement", "", ""),
    ],
    calls: &[
        ("invocation_expression", "function"),
        ("object_creation_expression", "type"),
    ],
    clean_calls: &[
        "int.Parse",
        "int.TryParse",
        "Int32.Parse",
        "Int64.Parse",
        "long.Parse",
        "double.Parse",
        "decimal.Parse",
        "bool.Parse",
        "Guid.Parse",
        "Guid.TryParse",
        "Convert.ToInt32",
        "Convert.ToInt64",
        "Convert.ToBoolean",
        "Count",
        "Equals",
        "Contains",
        "StartsWith",
        "EndsWith",
        "IsMatch",
        "IsNullOrEmpty",
        "Exists",
        "Any",
    ],
    clean_kinds: &["is_expression"],
};

const RUST: Model = Model {
    functions: &["function_item", "closure_expression"],
    assigns: &[
        ("let_declaration", "pattern", "value"),
        ("assignment_expression", "left", "right"),
    ],
    compound: &["compound_assignment_expr"],
    branches: &[
        "if_expression",
        "match_expression",
        "if_let_expression",
        "match_arm",
    ],
    loops: &[
        ("for_expression", "pattern", "value"),
        ("while_expression", "", ""),
        ("loop_expression", "", ""),
    ],
    calls: &[
        ("call_expression", "function"),
        ("macro_invocation", "macro"),
    ],
    clean_calls: &[
        "parse",
        "len",
        "is_empty",
        "contains",
        "starts_with",
        "ends_with",
        "is_match",
        "exists",
        "is_some",
        "is_none",
        "is_ok",
        "is_err",
        "eq",
    ],
    clean_kinds: &["type_cast_expression"],
};

const BASH: Model = Model {
    functions: &["function_definition"],
    assigns: &[("variable_assignment", "name", "value")],
    compound: &[],
    branches: &["if_statement", "case_statement", "list"],
    loops: &[
        ("for_statement", "variable", "value"),
        ("while_statement", "", ""),
        ("c_style_for_statement", "", ""),
    ],
    calls: &[("command", "name")],
    clean_calls: &["test", "["],
    clean_kinds: &["arithmetic_expansion", "test_command"],
};

const NONE: Model = Model {
    functions: &[],
    assigns: &[],
    compound: &[],
    branches: &[],
    loops: &[],
    calls: &[],
    clean_calls: &[],
    clean_kinds: &[],
};

/// The tables of `lang` (configuration formats have none: only structural rules).
pub fn model(lang: Lang) -> &'static Model {
    match lang {
        Lang::Python => &PYTHON,
        Lang::JavaScript | Lang::TypeScript | Lang::Tsx => &JAVASCRIPT,
        Lang::Go => &GO,
        Lang::Java => &JAVA,
        Lang::Ruby => &RUBY,
        Lang::Php => &PHP,
        Lang::CSharp => &CSHARP,
        Lang::Rust => &RUST,
        Lang::Bash => &BASH,
        Lang::Yaml | Lang::Hcl | Lang::Dockerfile => &NONE,
    }
}
