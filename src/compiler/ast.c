// smallpy: the AST's arena allocator, node constructors for later passes, and
// a dumper that prints a tree exactly as CPython 3.11's ast.dump() does (for
// tests). Counterpart: CPython 3.11 Python/pyarena.c, Python/Python-ast.c.
#include "compiler/ast.h"

#include <stdio.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "objects/str.h"

// ---------------------------------------------------------------------------
// The arena: a chain of zeroed blocks, bumped through; plus the list of
// objects to release. Allocation is a pointer bump, so a whole parse costs a
// handful of mallocs.

#define ARENA_BLOCK (64 * 1024)

typedef struct SpArenaBlock {
    struct SpArenaBlock *next;
    size_t size;
    // The block's memory follows, aligned like max_align_t.
    _Alignas(16) unsigned char data[];
} SpArenaBlock;

struct SpArena {
    SpArenaBlock *blocks;
    unsigned char *ptr, *limit;
    SpObject **objects;
    ssize_t nobjects, objects_cap;
};

SpArena *sp_arena_new(void) {
    SpArena *arena = sp_mem_calloc(sizeof(SpArena));
    if (arena == NULL) {
        sp_err_no_memory();
    }
    return arena;
}

void sp_arena_free(SpArena *arena) {
    if (arena == NULL) {
        return;
    }
    SpArenaBlock *b = arena->blocks;
    while (b != NULL) {
        SpArenaBlock *next = b->next;
        sp_mem_free(b);
        b = next;
    }
    for (ssize_t i = 0; i < arena->nobjects; i++) {
        SP_DECREF(arena->objects[i]);
    }
    sp_mem_free(arena->objects);
    sp_mem_free(arena);
}

void *sp_arena_alloc(SpArena *arena, size_t size) {
    size = (size + 15) & ~(size_t)15;
    if ((size_t)(arena->limit - arena->ptr) < size) {
        // Big requests get a block of their own, so a large token or
        // sequence never wastes the rest of a normal block.
        size_t bsize = size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK;
        SpArenaBlock *b = sp_mem_calloc(sizeof(SpArenaBlock) + bsize);
        if (b == NULL) {
            sp_err_no_memory();
            return NULL;
        }
        b->size = bsize;
        b->next = arena->blocks;
        arena->blocks = b;
        if (bsize != ARENA_BLOCK) {
            return b->data;
        }
        arena->ptr = b->data;
        arena->limit = b->data + bsize;
    }
    void *p = arena->ptr;
    arena->ptr += size;
    return p;
}

int sp_arena_add_object(SpArena *arena, SpObject *obj) {
    if (obj == NULL) {
        return -1;
    }
    if (arena->nobjects == arena->objects_cap) {
        ssize_t cap = arena->objects_cap ? arena->objects_cap * 2 : 64;
        SpObject **items = sp_mem_realloc(arena->objects, (size_t)cap * sizeof(SpObject *));
        if (items == NULL) {
            SP_DECREF(obj);
            sp_err_no_memory();
            return -1;
        }
        arena->objects = items;
        arena->objects_cap = cap;
    }
    arena->objects[arena->nobjects++] = obj;
    return 0;
}

SpExpr *sp_ast_new_expr(SpArena *arena, SpExprKind kind, int lineno, int col_offset,
                        int end_lineno, int end_col_offset) {
    SpExpr *e = sp_arena_alloc(arena, sizeof(SpExpr));
    if (e != NULL) {
        e->kind = kind;
        e->lineno = lineno;
        e->col_offset = col_offset;
        e->end_lineno = end_lineno;
        e->end_col_offset = end_col_offset;
    }
    return e;
}

SpStmt *sp_ast_new_stmt(SpArena *arena, SpStmtKind kind, int lineno, int col_offset,
                        int end_lineno, int end_col_offset) {
    SpStmt *s = sp_arena_alloc(arena, sizeof(SpStmt));
    if (s != NULL) {
        s->kind = kind;
        s->lineno = lineno;
        s->col_offset = col_offset;
        s->end_lineno = end_lineno;
        s->end_col_offset = end_col_offset;
    }
    return s;
}

// ---------------------------------------------------------------------------
// The dumper: ast.dump(tree, include_attributes=...) with no indent. Fields
// whose ASDL type is optional (`?`) are left out when empty; lists are
// always shown; enum-like fields print as their node (`Load()`, `Add()`).
// Fields CPython has and we do not keep (type_comment, type_ignores) are
// printed as CPython prints them when empty: type_ignores=[] and nothing.
// Values use repr() of their objects, so this checks the literals too.

typedef struct Dumper {
    SpStrWriter w;
    int attrs;
    int failed;
} Dumper;

static void put(Dumper *d, const char *s) {
    if (!d->failed && sp_str_writer_write_ascii(&d->w, s, (ssize_t)strlen(s)) < 0) {
        d->failed = 1;
    }
}

static void put_int(Dumper *d, long v) {
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", v);
    put(d, buf);
}

static void put_repr(Dumper *d, SpObject *o) {
    if (d->failed) {
        return;
    }
    SpObject *r = sp_object_repr(o);
    if (r == NULL || sp_str_writer_write_str(&d->w, r) < 0) {
        d->failed = 1;
    }
    SP_XDECREF(r);
}

// Field helpers: each writes ", name=" (or "name=" for the first field).
typedef struct Fields {
    Dumper *d;
    int n;
} Fields;

static void field(Fields *f, const char *name) {
    put(f->d, f->n++ ? ", " : "");
    put(f->d, name);
    put(f->d, "=");
}

static void open_node(Fields *f, Dumper *d, const char *name) {
    f->d = d;
    f->n = 0;
    put(d, name);
    put(d, "(");
}

static void close_node(Fields *f, const int *pos) {
    if (pos != NULL && f->d->attrs) {
        static const char *const names[4] = {"lineno", "col_offset", "end_lineno",
                                             "end_col_offset"};
        for (int i = 0; i < 4; i++) {
            field(f, names[i]);
            put_int(f->d, pos[i]);
        }
    }
    put(f->d, ")");
}

static void dump_expr(Dumper *d, const SpExpr *e);
static void dump_stmts(Dumper *d, const SpStmtSeq *s);
static void dump_arguments(Dumper *d, const SpArguments *a);

static void dump_exprs(Dumper *d, const SpExprSeq *s) {
    put(d, "[");
    for (ssize_t i = 0; i < s->n; i++) {
        put(d, i ? ", " : "");
        if (s->items[i] == NULL) {
            put(d, "None");  // Dict keys for **, kw_defaults without a default
        } else {
            dump_expr(d, s->items[i]);
        }
    }
    put(d, "]");
}

static void dump_idents(Dumper *d, const SpIdentifierSeq *s) {
    put(d, "[");
    for (ssize_t i = 0; i < s->n; i++) {
        put(d, i ? ", " : "");
        put_repr(d, s->items[i]);
    }
    put(d, "]");
}

// Optional fields: left out when NULL.
static void opt_expr(Fields *f, const char *name, const SpExpr *e) {
    if (e != NULL) {
        field(f, name);
        dump_expr(f->d, e);
    }
}

static void opt_ident(Fields *f, const char *name, SpObject *o) {
    if (o != NULL) {
        field(f, name);
        put_repr(f->d, o);
    }
}

static const char *const ctx_names[] = {"?", "Load()", "Store()", "Del()"};
static const char *const operator_names[] = {
    "?", "Add()", "Sub()", "Mult()", "MatMult()", "Div()", "Mod()", "Pow()",
    "LShift()", "RShift()", "BitOr()", "BitXor()", "BitAnd()", "FloorDiv()"};
static const char *const unary_names[] = {"?", "Invert()", "Not()", "UAdd()", "USub()"};
static const char *const cmp_names[] = {"?", "Eq()", "NotEq()", "Lt()", "LtE()", "Gt()",
                                        "GtE()", "Is()", "IsNot()", "In()", "NotIn()"};

static void dump_arg(Dumper *d, const SpArg *a) {
    Fields f;
    open_node(&f, d, "arg");
    field(&f, "arg");
    put_repr(d, a->arg);
    opt_expr(&f, "annotation", a->annotation);
    close_node(&f, &a->lineno);
}

static void dump_args(Dumper *d, const SpArgSeq *s) {
    put(d, "[");
    for (ssize_t i = 0; i < s->n; i++) {
        put(d, i ? ", " : "");
        dump_arg(d, s->items[i]);
    }
    put(d, "]");
}

static void dump_arguments(Dumper *d, const SpArguments *a) {
    Fields f;
    open_node(&f, d, "arguments");
    field(&f, "posonlyargs");
    dump_args(d, &a->posonlyargs);
    field(&f, "args");
    dump_args(d, &a->args);
    if (a->vararg != NULL) {
        field(&f, "vararg");
        dump_arg(d, a->vararg);
    }
    field(&f, "kwonlyargs");
    dump_args(d, &a->kwonlyargs);
    field(&f, "kw_defaults");
    dump_exprs(d, &a->kw_defaults);
    if (a->kwarg != NULL) {
        field(&f, "kwarg");
        dump_arg(d, a->kwarg);
    }
    field(&f, "defaults");
    dump_exprs(d, &a->defaults);
    close_node(&f, NULL);
}

static void dump_keywords(Dumper *d, const SpKeywordSeq *s) {
    put(d, "[");
    for (ssize_t i = 0; i < s->n; i++) {
        const SpKeyword *k = s->items[i];
        Fields f;
        put(d, i ? ", " : "");
        open_node(&f, d, "keyword");
        opt_ident(&f, "arg", k->arg);
        field(&f, "value");
        dump_expr(d, k->value);
        close_node(&f, &k->lineno);
    }
    put(d, "]");
}

static void dump_aliases(Dumper *d, const SpAliasSeq *s) {
    put(d, "[");
    for (ssize_t i = 0; i < s->n; i++) {
        const SpAlias *a = s->items[i];
        Fields f;
        put(d, i ? ", " : "");
        open_node(&f, d, "alias");
        field(&f, "name");
        put_repr(d, a->name);
        opt_ident(&f, "asname", a->asname);
        close_node(&f, &a->lineno);
    }
    put(d, "]");
}

static void dump_comprehensions(Dumper *d, const SpComprehensionSeq *s) {
    put(d, "[");
    for (ssize_t i = 0; i < s->n; i++) {
        const SpComprehension *c = s->items[i];
        Fields f;
        put(d, i ? ", " : "");
        open_node(&f, d, "comprehension");
        field(&f, "target");
        dump_expr(d, c->target);
        field(&f, "iter");
        dump_expr(d, c->iter);
        field(&f, "ifs");
        dump_exprs(d, &c->ifs);
        field(&f, "is_async");
        put_int(d, c->is_async);
        close_node(&f, NULL);
    }
    put(d, "]");
}

static void dump_expr(Dumper *d, const SpExpr *e) {
    Fields f;
    switch (e->kind) {
    case SP_EXPR_BOOL_OP:
        open_node(&f, d, "BoolOp");
        field(&f, "op");
        put(d, e->v.BoolOp.op == SP_BOOL_AND ? "And()" : "Or()");
        field(&f, "values");
        dump_exprs(d, &e->v.BoolOp.values);
        break;
    case SP_EXPR_NAMED_EXPR:
        open_node(&f, d, "NamedExpr");
        field(&f, "target");
        dump_expr(d, e->v.NamedExpr.target);
        field(&f, "value");
        dump_expr(d, e->v.NamedExpr.value);
        break;
    case SP_EXPR_BIN_OP:
        open_node(&f, d, "BinOp");
        field(&f, "left");
        dump_expr(d, e->v.BinOp.left);
        field(&f, "op");
        put(d, operator_names[e->v.BinOp.op]);
        field(&f, "right");
        dump_expr(d, e->v.BinOp.right);
        break;
    case SP_EXPR_UNARY_OP:
        open_node(&f, d, "UnaryOp");
        field(&f, "op");
        put(d, unary_names[e->v.UnaryOp.op]);
        field(&f, "operand");
        dump_expr(d, e->v.UnaryOp.operand);
        break;
    case SP_EXPR_LAMBDA:
        open_node(&f, d, "Lambda");
        field(&f, "args");
        dump_arguments(d, e->v.Lambda.args);
        field(&f, "body");
        dump_expr(d, e->v.Lambda.body);
        break;
    case SP_EXPR_IF_EXP:
        open_node(&f, d, "IfExp");
        field(&f, "test");
        dump_expr(d, e->v.IfExp.test);
        field(&f, "body");
        dump_expr(d, e->v.IfExp.body);
        field(&f, "orelse");
        dump_expr(d, e->v.IfExp.orelse);
        break;
    case SP_EXPR_DICT:
        open_node(&f, d, "Dict");
        field(&f, "keys");
        dump_exprs(d, &e->v.Dict.keys);
        field(&f, "values");
        dump_exprs(d, &e->v.Dict.values);
        break;
    case SP_EXPR_SET:
        open_node(&f, d, "Set");
        field(&f, "elts");
        dump_exprs(d, &e->v.Set.elts);
        break;
    case SP_EXPR_LIST_COMP:
    case SP_EXPR_SET_COMP:
    case SP_EXPR_GENERATOR_EXP:
        open_node(&f, d, e->kind == SP_EXPR_LIST_COMP ? "ListComp"
                         : e->kind == SP_EXPR_SET_COMP ? "SetComp" : "GeneratorExp");
        field(&f, "elt");
        dump_expr(d, e->v.ListComp.elt);
        field(&f, "generators");
        dump_comprehensions(d, &e->v.ListComp.generators);
        break;
    case SP_EXPR_DICT_COMP:
        open_node(&f, d, "DictComp");
        field(&f, "key");
        dump_expr(d, e->v.DictComp.key);
        field(&f, "value");
        dump_expr(d, e->v.DictComp.value);
        field(&f, "generators");
        dump_comprehensions(d, &e->v.DictComp.generators);
        break;
    case SP_EXPR_AWAIT:
        open_node(&f, d, "Await");
        field(&f, "value");
        dump_expr(d, e->v.Await.value);
        break;
    case SP_EXPR_YIELD:
        open_node(&f, d, "Yield");
        opt_expr(&f, "value", e->v.Yield.value);
        break;
    case SP_EXPR_YIELD_FROM:
        open_node(&f, d, "YieldFrom");
        field(&f, "value");
        dump_expr(d, e->v.YieldFrom.value);
        break;
    case SP_EXPR_COMPARE:
        open_node(&f, d, "Compare");
        field(&f, "left");
        dump_expr(d, e->v.Compare.left);
        field(&f, "ops");
        put(d, "[");
        for (ssize_t i = 0; i < e->v.Compare.ops.n; i++) {
            put(d, i ? ", " : "");
            put(d, cmp_names[e->v.Compare.ops.items[i]]);
        }
        put(d, "]");
        field(&f, "comparators");
        dump_exprs(d, &e->v.Compare.comparators);
        break;
    case SP_EXPR_CALL:
        open_node(&f, d, "Call");
        field(&f, "func");
        dump_expr(d, e->v.Call.func);
        field(&f, "args");
        dump_exprs(d, &e->v.Call.args);
        field(&f, "keywords");
        dump_keywords(d, &e->v.Call.keywords);
        break;
    case SP_EXPR_FORMATTED_VALUE:
        open_node(&f, d, "FormattedValue");
        field(&f, "value");
        dump_expr(d, e->v.FormattedValue.value);
        field(&f, "conversion");
        put_int(d, e->v.FormattedValue.conversion);
        opt_expr(&f, "format_spec", e->v.FormattedValue.format_spec);
        break;
    case SP_EXPR_JOINED_STR:
        open_node(&f, d, "JoinedStr");
        field(&f, "values");
        dump_exprs(d, &e->v.JoinedStr.values);
        break;
    case SP_EXPR_CONSTANT:
        open_node(&f, d, "Constant");
        field(&f, "value");
        put_repr(d, e->v.Constant.value);
        opt_ident(&f, "kind", e->v.Constant.kind);
        break;
    case SP_EXPR_ATTRIBUTE:
        open_node(&f, d, "Attribute");
        field(&f, "value");
        dump_expr(d, e->v.Attribute.value);
        field(&f, "attr");
        put_repr(d, e->v.Attribute.attr);
        field(&f, "ctx");
        put(d, ctx_names[e->v.Attribute.ctx]);
        break;
    case SP_EXPR_SUBSCRIPT:
        open_node(&f, d, "Subscript");
        field(&f, "value");
        dump_expr(d, e->v.Subscript.value);
        field(&f, "slice");
        dump_expr(d, e->v.Subscript.slice);
        field(&f, "ctx");
        put(d, ctx_names[e->v.Subscript.ctx]);
        break;
    case SP_EXPR_STARRED:
        open_node(&f, d, "Starred");
        field(&f, "value");
        dump_expr(d, e->v.Starred.value);
        field(&f, "ctx");
        put(d, ctx_names[e->v.Starred.ctx]);
        break;
    case SP_EXPR_NAME:
        open_node(&f, d, "Name");
        field(&f, "id");
        put_repr(d, e->v.Name.id);
        field(&f, "ctx");
        put(d, ctx_names[e->v.Name.ctx]);
        break;
    case SP_EXPR_LIST:
    case SP_EXPR_TUPLE:
        open_node(&f, d, e->kind == SP_EXPR_LIST ? "List" : "Tuple");
        field(&f, "elts");
        dump_exprs(d, &e->v.List.elts);
        field(&f, "ctx");
        put(d, ctx_names[e->v.List.ctx]);
        break;
    case SP_EXPR_SLICE:
        open_node(&f, d, "Slice");
        opt_expr(&f, "lower", e->v.Slice.lower);
        opt_expr(&f, "upper", e->v.Slice.upper);
        opt_expr(&f, "step", e->v.Slice.step);
        break;
    default:
        open_node(&f, d, "?");
        break;
    }
    close_node(&f, &e->lineno);
}

static void dump_handlers(Dumper *d, const SpExceptHandlerSeq *s) {
    put(d, "[");
    for (ssize_t i = 0; i < s->n; i++) {
        const SpExceptHandler *h = s->items[i];
        Fields f;
        put(d, i ? ", " : "");
        open_node(&f, d, "ExceptHandler");
        opt_expr(&f, "type", h->type);
        opt_ident(&f, "name", h->name);
        field(&f, "body");
        dump_stmts(d, &h->body);
        close_node(&f, &h->lineno);
    }
    put(d, "]");
}

static void dump_withitems(Dumper *d, const SpWithItemSeq *s) {
    put(d, "[");
    for (ssize_t i = 0; i < s->n; i++) {
        const SpWithItem *w = s->items[i];
        Fields f;
        put(d, i ? ", " : "");
        open_node(&f, d, "withitem");
        field(&f, "context_expr");
        dump_expr(d, w->context_expr);
        opt_expr(&f, "optional_vars", w->optional_vars);
        close_node(&f, NULL);
    }
    put(d, "]");
}

static void dump_stmt(Dumper *d, const SpStmt *s) {
    Fields f;
    switch (s->kind) {
    case SP_STMT_FUNCTION_DEF:
        open_node(&f, d, "FunctionDef");
        field(&f, "name");
        put_repr(d, s->v.FunctionDef.name);
        field(&f, "args");
        dump_arguments(d, s->v.FunctionDef.args);
        field(&f, "body");
        dump_stmts(d, &s->v.FunctionDef.body);
        field(&f, "decorator_list");
        dump_exprs(d, &s->v.FunctionDef.decorator_list);
        opt_expr(&f, "returns", s->v.FunctionDef.returns);
        break;
    case SP_STMT_CLASS_DEF:
        open_node(&f, d, "ClassDef");
        field(&f, "name");
        put_repr(d, s->v.ClassDef.name);
        field(&f, "bases");
        dump_exprs(d, &s->v.ClassDef.bases);
        field(&f, "keywords");
        dump_keywords(d, &s->v.ClassDef.keywords);
        field(&f, "body");
        dump_stmts(d, &s->v.ClassDef.body);
        field(&f, "decorator_list");
        dump_exprs(d, &s->v.ClassDef.decorator_list);
        break;
    case SP_STMT_RETURN:
        open_node(&f, d, "Return");
        opt_expr(&f, "value", s->v.Return.value);
        break;
    case SP_STMT_DELETE:
        open_node(&f, d, "Delete");
        field(&f, "targets");
        dump_exprs(d, &s->v.Delete.targets);
        break;
    case SP_STMT_ASSIGN:
        open_node(&f, d, "Assign");
        field(&f, "targets");
        dump_exprs(d, &s->v.Assign.targets);
        field(&f, "value");
        dump_expr(d, s->v.Assign.value);
        break;
    case SP_STMT_AUG_ASSIGN:
        open_node(&f, d, "AugAssign");
        field(&f, "target");
        dump_expr(d, s->v.AugAssign.target);
        field(&f, "op");
        put(d, operator_names[s->v.AugAssign.op]);
        field(&f, "value");
        dump_expr(d, s->v.AugAssign.value);
        break;
    case SP_STMT_ANN_ASSIGN:
        open_node(&f, d, "AnnAssign");
        field(&f, "target");
        dump_expr(d, s->v.AnnAssign.target);
        field(&f, "annotation");
        dump_expr(d, s->v.AnnAssign.annotation);
        opt_expr(&f, "value", s->v.AnnAssign.value);
        field(&f, "simple");
        put_int(d, s->v.AnnAssign.simple);
        break;
    case SP_STMT_FOR:
        open_node(&f, d, "For");
        field(&f, "target");
        dump_expr(d, s->v.For.target);
        field(&f, "iter");
        dump_expr(d, s->v.For.iter);
        field(&f, "body");
        dump_stmts(d, &s->v.For.body);
        field(&f, "orelse");
        dump_stmts(d, &s->v.For.orelse);
        break;
    case SP_STMT_WHILE:
    case SP_STMT_IF:
        open_node(&f, d, s->kind == SP_STMT_WHILE ? "While" : "If");
        field(&f, "test");
        dump_expr(d, s->v.If.test);
        field(&f, "body");
        dump_stmts(d, &s->v.If.body);
        field(&f, "orelse");
        dump_stmts(d, &s->v.If.orelse);
        break;
    case SP_STMT_WITH:
        open_node(&f, d, "With");
        field(&f, "items");
        dump_withitems(d, &s->v.With.items);
        field(&f, "body");
        dump_stmts(d, &s->v.With.body);
        break;
    case SP_STMT_RAISE:
        open_node(&f, d, "Raise");
        opt_expr(&f, "exc", s->v.Raise.exc);
        opt_expr(&f, "cause", s->v.Raise.cause);
        break;
    case SP_STMT_TRY:
        open_node(&f, d, "Try");
        field(&f, "body");
        dump_stmts(d, &s->v.Try.body);
        field(&f, "handlers");
        dump_handlers(d, &s->v.Try.handlers);
        field(&f, "orelse");
        dump_stmts(d, &s->v.Try.orelse);
        field(&f, "finalbody");
        dump_stmts(d, &s->v.Try.finalbody);
        break;
    case SP_STMT_ASSERT:
        open_node(&f, d, "Assert");
        field(&f, "test");
        dump_expr(d, s->v.Assert.test);
        opt_expr(&f, "msg", s->v.Assert.msg);
        break;
    case SP_STMT_IMPORT:
        open_node(&f, d, "Import");
        field(&f, "names");
        dump_aliases(d, &s->v.Import.names);
        break;
    case SP_STMT_IMPORT_FROM:
        open_node(&f, d, "ImportFrom");
        opt_ident(&f, "module", s->v.ImportFrom.module);
        field(&f, "names");
        dump_aliases(d, &s->v.ImportFrom.names);
        field(&f, "level");
        put_int(d, s->v.ImportFrom.level);
        break;
    case SP_STMT_GLOBAL:
    case SP_STMT_NONLOCAL:
        open_node(&f, d, s->kind == SP_STMT_GLOBAL ? "Global" : "Nonlocal");
        field(&f, "names");
        dump_idents(d, &s->v.Global.names);
        break;
    case SP_STMT_EXPR:
        open_node(&f, d, "Expr");
        field(&f, "value");
        dump_expr(d, s->v.Expr.value);
        break;
    case SP_STMT_PASS:
        open_node(&f, d, "Pass");
        break;
    case SP_STMT_BREAK:
        open_node(&f, d, "Break");
        break;
    case SP_STMT_CONTINUE:
        open_node(&f, d, "Continue");
        break;
    default:
        open_node(&f, d, "?");
        break;
    }
    close_node(&f, &s->lineno);
}

static void dump_stmts(Dumper *d, const SpStmtSeq *s) {
    put(d, "[");
    for (ssize_t i = 0; i < s->n; i++) {
        put(d, i ? ", " : "");
        dump_stmt(d, s->items[i]);
    }
    put(d, "]");
}

SpObject *sp_ast_dump(const SpAstMod *mod, int include_attributes) {
    Dumper d;
    sp_str_writer_init(&d.w);
    d.attrs = include_attributes;
    d.failed = 0;
    switch (mod->kind) {
    case SP_MOD_MODULE:
        put(&d, "Module(body=");
        dump_stmts(&d, &mod->v.Module.body);
        put(&d, ", type_ignores=[])");
        break;
    case SP_MOD_INTERACTIVE:
        put(&d, "Interactive(body=");
        dump_stmts(&d, &mod->v.Interactive.body);
        put(&d, ")");
        break;
    case SP_MOD_EXPRESSION:
        put(&d, "Expression(body=");
        dump_expr(&d, mod->v.Expression.body);
        put(&d, ")");
        break;
    }
    if (d.failed) {
        sp_str_writer_discard(&d.w);
        return NULL;
    }
    return sp_str_writer_finish(&d.w);
}
