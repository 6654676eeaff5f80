// smallpy: the abstract syntax tree, built by parser.c in an arena and read by
// the symbol table, the optimizer and the code generator. Node kinds and
// fields are those of CPython 3.11's Parser/Python.asdl (Include/internal/
// pycore_ast.h), so a reader can map every node to `ast.dump` output.
#ifndef SP_COMPILER_AST_H
#define SP_COMPILER_AST_H

#include <stddef.h>

#include "core/object.h"

// ---------------------------------------------------------------------------
// The arena: one block allocator per compilation. Every node, sequence and
// object the parser hands out lives until sp_arena_free. Objects (identifiers,
// constants) are owned by the arena: it drops its reference when freed, so a
// compiler that keeps one (in co_consts, co_names, ...) increfs it first.

typedef struct SpArena SpArena;

// sp_arena_new(): a fresh arena, or NULL with MemoryError set.
SP_FUNC SP_MAY_RAISE SpArena *sp_arena_new(void);
// sp_arena_free(arena): release every block and drop every object it owns.
// NULL is fine.
SP_FUNC void sp_arena_free(SpArena *arena);
// sp_arena_alloc(arena, size): `size` zeroed bytes, aligned for any node,
// valid until the arena is freed. NULL with MemoryError set.
SP_FUNC SP_MAY_RAISE void *sp_arena_alloc(SpArena *arena, size_t size);
// sp_arena_add_object(arena, obj): the arena takes over (steals) the
// reference obj. Returns 0, or -1 with MemoryError set (obj is then dropped).
// obj may be NULL (then -1, the caller's exception stays set), which allows
// `sp_arena_add_object(a, sp_int_from_long(...))`.
SP_FUNC SP_MAY_RAISE int sp_arena_add_object(SpArena *arena, SP_STEALS SpObject *obj);

// ---------------------------------------------------------------------------
// Sequences: a (count, array) pair, the array in the arena. An empty sequence
// is {0, NULL}. Items are node pointers unless stated.

#define SP_AST_SEQ(T) struct { ssize_t n; T *items; }

typedef struct SpStmt SpStmt;
typedef struct SpExpr SpExpr;
typedef struct SpArg SpArg;
typedef struct SpKeyword SpKeyword;
typedef struct SpAlias SpAlias;
typedef struct SpWithItem SpWithItem;
typedef struct SpComprehension SpComprehension;
typedef struct SpExceptHandler SpExceptHandler;
typedef struct SpArguments SpArguments;

typedef SP_AST_SEQ(SpStmt *) SpStmtSeq;
typedef SP_AST_SEQ(SpExpr *) SpExprSeq;
typedef SP_AST_SEQ(SpArg *) SpArgSeq;
typedef SP_AST_SEQ(SpKeyword *) SpKeywordSeq;
typedef SP_AST_SEQ(SpAlias *) SpAliasSeq;
typedef SP_AST_SEQ(SpWithItem *) SpWithItemSeq;
typedef SP_AST_SEQ(SpComprehension *) SpComprehensionSeq;
typedef SP_AST_SEQ(SpExceptHandler *) SpExceptHandlerSeq;
typedef SP_AST_SEQ(SpObject *) SpIdentifierSeq;  // interned str objects
typedef SP_AST_SEQ(int) SpIntSeq;                // Compare.ops (SpCmpOp values)

// ---------------------------------------------------------------------------
// Small enums, numbered as CPython's (1-based, like the generated C there).

typedef enum { SP_CTX_LOAD = 1, SP_CTX_STORE = 2, SP_CTX_DEL = 3 } SpExprContext;

typedef enum { SP_BOOL_AND = 1, SP_BOOL_OR = 2 } SpBoolOpKind;

// Binary operators (BinOp.op, AugAssign.op). (Not opcodes.h's SP_NB_*, which
// number BINARY_OP's argument.)
typedef enum {
    SP_BINOP_ADD = 1, SP_BINOP_SUB, SP_BINOP_MULT, SP_BINOP_MATMULT, SP_BINOP_DIV, SP_BINOP_MOD,
    SP_BINOP_POW, SP_BINOP_LSHIFT, SP_BINOP_RSHIFT, SP_BINOP_BITOR, SP_BINOP_BITXOR,
    SP_BINOP_BITAND, SP_BINOP_FLOORDIV
} SpOperator;

typedef enum { SP_UNARY_INVERT = 1, SP_UNARY_NOT, SP_UNARY_UADD, SP_UNARY_USUB } SpUnaryOp;

typedef enum {
    SP_CMP_EQ = 1, SP_CMP_NOTEQ, SP_CMP_LT, SP_CMP_LTE, SP_CMP_GT, SP_CMP_GTE,
    SP_CMP_IS, SP_CMP_ISNOT, SP_CMP_IN, SP_CMP_NOTIN
} SpCmpOp;

// FormattedValue.conversion: -1 (none) or the character code.
enum { SP_CONV_NONE = -1, SP_CONV_STR = 's', SP_CONV_REPR = 'r', SP_CONV_ASCII = 'a' };

// ---------------------------------------------------------------------------
// Modules (the root of a tree). One per sp_parse call.

typedef enum {
    SP_MOD_MODULE = 1,       // Module(body): SP_COMPILE_EXEC
    SP_MOD_INTERACTIVE = 2,  // Interactive(body): SP_COMPILE_SINGLE
    SP_MOD_EXPRESSION = 3,   // Expression(body): SP_COMPILE_EVAL
} SpModKind;

typedef struct SpAstMod {
    SpModKind kind;
    union {
        struct { SpStmtSeq body; } Module;       // type_ignores are not kept
        struct { SpStmtSeq body; } Interactive;
        struct { SpExpr *body; } Expression;
    } v;
} SpAstMod;

// ---------------------------------------------------------------------------
// Positions. Every stmt, expr, arg, keyword, alias and excepthandler carries
// the span CPython's ast module reports: lines 1-based, columns 0-based UTF-8
// byte offsets; the end is exclusive.

#define SP_AST_POS_FIELDS int lineno, col_offset, end_lineno, end_col_offset

// ---------------------------------------------------------------------------
// Statements. `v.<Kind>` holds the fields; names are CPython's.

typedef enum {
    SP_STMT_FUNCTION_DEF = 1,
    SP_STMT_CLASS_DEF,
    SP_STMT_RETURN,
    SP_STMT_DELETE,
    SP_STMT_ASSIGN,
    SP_STMT_AUG_ASSIGN,
    SP_STMT_ANN_ASSIGN,
    SP_STMT_FOR,
    SP_STMT_WHILE,
    SP_STMT_IF,
    SP_STMT_WITH,
    SP_STMT_RAISE,
    SP_STMT_TRY,
    SP_STMT_ASSERT,
    SP_STMT_IMPORT,
    SP_STMT_IMPORT_FROM,
    SP_STMT_GLOBAL,
    SP_STMT_NONLOCAL,
    SP_STMT_EXPR,
    SP_STMT_PASS,
    SP_STMT_BREAK,
    SP_STMT_CONTINUE,
} SpStmtKind;

struct SpStmt {
    SpStmtKind kind;
    SP_AST_POS_FIELDS;
    union {
        // returns may be NULL. decorator_list in source order.
        struct {
            SpObject *name;
            SpArguments *args;
            SpStmtSeq body;
            SpExprSeq decorator_list;
            SpExpr *returns;
        } FunctionDef;
        struct {
            SpObject *name;
            SpExprSeq bases;
            SpKeywordSeq keywords;
            SpStmtSeq body;
            SpExprSeq decorator_list;
        } ClassDef;
        struct { SpExpr *value; } Return;  // value may be NULL
        struct { SpExprSeq targets; } Delete;  // targets have SP_CTX_DEL
        // a = b = value: targets (a, b) in source order, each SP_CTX_STORE.
        struct { SpExprSeq targets; SpExpr *value; } Assign;
        struct { SpExpr *target; SpOperator op; SpExpr *value; } AugAssign;
        // simple = 1 for a plain Name target not in parentheses. value may be NULL.
        struct { SpExpr *target; SpExpr *annotation; SpExpr *value; int simple; } AnnAssign;
        struct { SpExpr *target; SpExpr *iter; SpStmtSeq body; SpStmtSeq orelse; } For;
        struct { SpExpr *test; SpStmtSeq body; SpStmtSeq orelse; } While;
        // elif is an If alone in orelse (as CPython).
        struct { SpExpr *test; SpStmtSeq body; SpStmtSeq orelse; } If;
        struct { SpWithItemSeq items; SpStmtSeq body; } With;
        struct { SpExpr *exc; SpExpr *cause; } Raise;  // both may be NULL
        struct {
            SpStmtSeq body;
            SpExceptHandlerSeq handlers;
            SpStmtSeq orelse;
            SpStmtSeq finalbody;
        } Try;
        struct { SpExpr *test; SpExpr *msg; } Assert;  // msg may be NULL
        struct { SpAliasSeq names; } Import;
        // module may be NULL (`from . import x`); level = number of dots.
        struct { SpObject *module; SpAliasSeq names; int level; } ImportFrom;
        struct { SpIdentifierSeq names; } Global;
        struct { SpIdentifierSeq names; } Nonlocal;
        struct { SpExpr *value; } Expr;
    } v;
};

// ---------------------------------------------------------------------------
// Expressions.

typedef enum {
    SP_EXPR_BOOL_OP = 1,
    SP_EXPR_NAMED_EXPR,
    SP_EXPR_BIN_OP,
    SP_EXPR_UNARY_OP,
    SP_EXPR_LAMBDA,
    SP_EXPR_IF_EXP,
    SP_EXPR_DICT,
    SP_EXPR_SET,
    SP_EXPR_LIST_COMP,
    SP_EXPR_SET_COMP,
    SP_EXPR_DICT_COMP,
    SP_EXPR_GENERATOR_EXP,
    SP_EXPR_AWAIT,
    SP_EXPR_YIELD,
    SP_EXPR_YIELD_FROM,
    SP_EXPR_COMPARE,
    SP_EXPR_CALL,
    SP_EXPR_FORMATTED_VALUE,
    SP_EXPR_JOINED_STR,
    SP_EXPR_CONSTANT,
    SP_EXPR_ATTRIBUTE,
    SP_EXPR_SUBSCRIPT,
    SP_EXPR_STARRED,
    SP_EXPR_NAME,
    SP_EXPR_LIST,
    SP_EXPR_TUPLE,
    SP_EXPR_SLICE,
} SpExprKind;

struct SpExpr {
    SpExprKind kind;
    SP_AST_POS_FIELDS;
    union {
        // a and b and c: one BoolOp with values (a, b, c).
        struct { SpBoolOpKind op; SpExprSeq values; } BoolOp;
        struct { SpExpr *target; SpExpr *value; } NamedExpr;  // target: a Name (Store)
        struct { SpExpr *left; SpOperator op; SpExpr *right; } BinOp;
        struct { SpUnaryOp op; SpExpr *operand; } UnaryOp;
        struct { SpArguments *args; SpExpr *body; } Lambda;
        struct { SpExpr *test; SpExpr *body; SpExpr *orelse; } IfExp;
        // keys.items[i] is NULL for `**values.items[i]`. keys.n == values.n.
        struct { SpExprSeq keys; SpExprSeq values; } Dict;
        struct { SpExprSeq elts; } Set;
        struct { SpExpr *elt; SpComprehensionSeq generators; } ListComp;
        struct { SpExpr *elt; SpComprehensionSeq generators; } SetComp;
        struct { SpExpr *key; SpExpr *value; SpComprehensionSeq generators; } DictComp;
        struct { SpExpr *elt; SpComprehensionSeq generators; } GeneratorExp;
        struct { SpExpr *value; } Await;
        struct { SpExpr *value; } Yield;  // value may be NULL
        struct { SpExpr *value; } YieldFrom;
        // ops.n == comparators.n >= 1.
        struct { SpExpr *left; SpIntSeq ops; SpExprSeq comparators; } Compare;
        // args may contain Starred (f(*a)); keywords with arg NULL are **kw.
        struct { SpExpr *func; SpExprSeq args; SpKeywordSeq keywords; } Call;
        // conversion: SP_CONV_*; format_spec NULL or a JoinedStr.
        struct { SpExpr *value; int conversion; SpExpr *format_spec; } FormattedValue;
        // values: Constant (str) and FormattedValue nodes.
        struct { SpExprSeq values; } JoinedStr;
        // value: int, float, str, bytes, True, False, None or Ellipsis,
        // owned by the arena. kind: the interned str "u" for u'' literals,
        // else NULL.
        struct { SpObject *value; SpObject *kind; } Constant;
        struct { SpExpr *value; SpObject *attr; SpExprContext ctx; } Attribute;
        // slice: any expression, a Slice, or a Tuple containing Slices.
        struct { SpExpr *value; SpExpr *slice; SpExprContext ctx; } Subscript;
        struct { SpExpr *value; SpExprContext ctx; } Starred;
        struct { SpObject *id; SpExprContext ctx; } Name;
        struct { SpExprSeq elts; SpExprContext ctx; } List;
        struct { SpExprSeq elts; SpExprContext ctx; } Tuple;
        struct { SpExpr *lower; SpExpr *upper; SpExpr *step; } Slice;  // each may be NULL
    } v;
};

// ---------------------------------------------------------------------------
// The other node types.

// for target in iter if ifs...: is_async is always 0 (no async support).
struct SpComprehension {
    SpExpr *target;
    SpExpr *iter;
    SpExprSeq ifs;
    int is_async;
};

// except type as name: body. type and name may be NULL.
struct SpExceptHandler {
    SP_AST_POS_FIELDS;
    SpExpr *type;
    SpObject *name;
    SpStmtSeq body;
};

// Parameters of a def or lambda. vararg / kwarg may be NULL.
// kw_defaults.n == kwonlyargs.n, with NULL items where there is no default.
// defaults belong to the *last* defaults.n of posonlyargs + args.
struct SpArguments {
    SpArgSeq posonlyargs;
    SpArgSeq args;
    SpArg *vararg;
    SpArgSeq kwonlyargs;
    SpExprSeq kw_defaults;
    SpArg *kwarg;
    SpExprSeq defaults;
};

struct SpArg {
    SP_AST_POS_FIELDS;
    SpObject *arg;  // the parameter name
    SpExpr *annotation;  // may be NULL
};

// name=value in a call or class definition; arg NULL for **value.
struct SpKeyword {
    SP_AST_POS_FIELDS;
    SpObject *arg;
    SpExpr *value;
};

// import name [as asname]. name may be dotted ("a.b.c") or "*"; asname may be NULL.
struct SpAlias {
    SP_AST_POS_FIELDS;
    SpObject *name;
    SpObject *asname;
};

// with context_expr [as optional_vars]. optional_vars may be NULL.
struct SpWithItem {
    SpExpr *context_expr;
    SpExpr *optional_vars;
};

// ---------------------------------------------------------------------------
// Helpers for passes that rewrite the tree (the optimizer).

// sp_ast_new_expr(arena, kind, lineno, col, end_lineno, end_col): a zeroed
// expression node of `kind` with the given span. NULL with MemoryError.
SP_FUNC SP_MAY_RAISE SpExpr *sp_ast_new_expr(SpArena *arena, SpExprKind kind, int lineno,
                                             int col_offset, int end_lineno, int end_col_offset);
// sp_ast_new_stmt(arena, kind, ...): the same for statements.
SP_FUNC SP_MAY_RAISE SpStmt *sp_ast_new_stmt(SpArena *arena, SpStmtKind kind, int lineno,
                                             int col_offset, int end_lineno, int end_col_offset);

// sp_ast_dump(mod, include_attributes): the text of CPython 3.11's
// `ast.dump(tree, include_attributes=...)` (single line, no indent) as a new
// str, or NULL with an exception set. For tests and debugging.
SP_FUNC SP_MAY_RAISE SpObject *sp_ast_dump(const SpAstMod *mod, int include_attributes);

#endif  // SP_COMPILER_AST_H
