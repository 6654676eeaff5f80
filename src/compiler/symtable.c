// smallpy: the symbol table: one pass over the AST records, per scope, how
// every name is used; a second pass (the analysis) decides for each name
// whether it is local, global (explicit or implicit), free or a cell, with
// CPython 3.11's rules: class scopes are invisible to methods, `super` and
// `__class__` give the class an implicit `__class__` cell, every
// comprehension is a function scope whose first iterable belongs to the
// enclosing scope, and a walrus in a comprehension binds in the enclosing
// function. Counterpart: CPython 3.11 Python/symtable.c.
#define SP_COMPILER_INTERNAL
#include "compiler/symtable.h"

#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "objects/exc.h"
#include "objects/str.h"

// The limit on nesting while walking the tree (the parser limits nesting of
// source, so this is a safety net for the C stack).
#define MAX_DEPTH 3000

// Names are interned, so identity nearly always decides; equal strings
// that escaped interning still match.
static int names_equal(SpObject *a, SpObject *b) { return a == b || sp_str_eq(a, b); }

// Grow a dynamic array `*arr` of `*cap` items of `size` bytes to hold `need`.
static int grow(void **arr, int *cap, int need, size_t size) {
    if (need <= *cap) {
        return 0;
    }
    int ncap = *cap ? *cap * 2 : 8;
    while (ncap < need) {
        ncap *= 2;
    }
    void *p = sp_mem_realloc(*arr, (size_t)ncap * size);
    if (p == NULL) {
        sp_err_no_memory();
        return -1;
    }
    *arr = p;
    *cap = ncap;
    return 0;
}

// The table keeps a reference to every name it stores that it made itself
// (mangled names, ".0", "__class__"); names from the AST live in the arena.
static int keep(SpSymtable *st, SpObject *o) {
    if (grow((void **)&st->owned, &st->capowned, st->nowned + 1, sizeof(SpObject *)) < 0) {
        SP_DECREF(o);
        return -1;
    }
    st->owned[st->nowned++] = o;
    return 0;
}

// ---------------------------------------------------------------------------
// Names and mangling

SpObject *sp_mangle(SpObject *private_name, SpObject *name) {
    // Mangle only __spam inside a class: not __spam__, not dotted names
    // (import a.__b), and not when the class name is all underscores.
    ssize_t n = SP_STR_LENGTH(name);
    if (private_name == NULL || n < 2 || SP_STR_READ_CHAR(name, 0) != '_' ||
        SP_STR_READ_CHAR(name, 1) != '_') {
        return sp_newref(name);
    }
    if (n >= 4 && SP_STR_READ_CHAR(name, n - 1) == '_' && SP_STR_READ_CHAR(name, n - 2) == '_') {
        return sp_newref(name);
    }
    for (ssize_t i = 0; i < n; i++) {
        if (SP_STR_READ_CHAR(name, i) == '.') {
            return sp_newref(name);
        }
    }
    ssize_t plen = SP_STR_LENGTH(private_name), skip = 0;
    while (skip < plen && SP_STR_READ_CHAR(private_name, skip) == '_') {
        skip++;
    }
    if (skip == plen) {
        return sp_newref(name);
    }
    SpObject *stripped = sp_str_substring(private_name, skip, plen);
    if (stripped == NULL) {
        return NULL;
    }
    SpObject *result = sp_str_from_format("_%U%U", stripped, name);
    SP_DECREF(stripped);
    if (result != NULL) {
        sp_str_intern_in_place(&result);
    }
    return result;
}

// ---------------------------------------------------------------------------
// Entries

// A new entry for a block; `nested` when it sits inside a function, which
// makes its unbound names possibly free (CPython's ste_nested).
static SpSymEntry *entry_new(SpSymtable *st, SpBlockType type, SpObject *name, const void *key,
                             int lineno, int col, int end_lineno, int end_col) {
    SpSymEntry *ste = sp_mem_calloc(sizeof(SpSymEntry));
    if (ste == NULL) {
        sp_err_no_memory();
        return NULL;
    }
    if (grow((void **)&st->all, &st->capall, st->nall + 1, sizeof(SpSymEntry *)) < 0) {
        sp_mem_free(ste);
        return NULL;
    }
    st->all[st->nall++] = ste;
    ste->type = type;
    ste->name = name;
    ste->key = key;
    ste->lineno = lineno;
    ste->col_offset = col;
    ste->end_lineno = end_lineno;
    ste->end_col_offset = end_col;
    if (st->cur != NULL && (st->cur->nested || st->cur->type == SP_BLOCK_FUNCTION)) {
        ste->nested = 1;
    }
    return ste;
}

// Names are not owned by entries (the arena or the table's `owned` hold them).
static void entry_free(SpSymEntry *ste) {
    sp_mem_free(ste->syms);
    sp_mem_free(ste->index);
    sp_mem_free(ste->params);
    sp_mem_free(ste->children);
    sp_mem_free(ste->directives);
    sp_mem_free(ste);
}

// Index of `name` among the entry's symbols, or -1 (linear probing).
static int entry_find(SpSymEntry *ste, SpObject *name) {
    if (ste->indexcap == 0) {
        return -1;
    }
    size_t mask = (size_t)ste->indexcap - 1;
    size_t i = (size_t)sp_str_hash(name) & mask;
    for (;;) {
        int k = ste->index[i];
        if (k < 0) {
            return -1;
        }
        if (names_equal(ste->syms[k].name, name)) {
            return k;
        }
        i = (i + 1) & mask;
    }
}

// Enter symbol k into the probe table (known to be absent).
static int index_insert(SpSymEntry *ste, int k) {
    size_t mask = (size_t)ste->indexcap - 1;
    size_t i = (size_t)sp_str_hash(ste->syms[k].name) & mask;
    while (ste->index[i] >= 0) {
        i = (i + 1) & mask;
    }
    ste->index[i] = k;
    return 0;
}

// Add a new symbol (the name must not be present). Returns its index.
static int entry_add(SpSymEntry *ste, SpObject *name, int flags) {
    if (grow((void **)&ste->syms, &ste->capsyms, ste->nsyms + 1, sizeof(SpSymbol)) < 0) {
        return -1;
    }
    int k = ste->nsyms++;
    ste->syms[k].name = name;
    ste->syms[k].flags = flags;
    ste->syms[k].scope = SP_SCOPE_NONE;
    // Keep the index at most half full.
    if ((ste->nsyms * 2) > ste->indexcap) {
        int ncap = ste->indexcap ? ste->indexcap * 2 : 16;
        int *idx = sp_mem_alloc((size_t)ncap * sizeof(int));
        if (idx == NULL) {
            ste->nsyms--;
            sp_err_no_memory();
            return -1;
        }
        for (int i = 0; i < ncap; i++) {
            idx[i] = -1;
        }
        sp_mem_free(ste->index);
        ste->index = idx;
        ste->indexcap = ncap;
        for (int i = 0; i < ste->nsyms; i++) {
            index_insert(ste, i);
        }
    } else {
        index_insert(ste, k);
    }
    return k;
}

// The symbol of `name` in a block, or NULL.
SpSymbol *sp_symtable_get(SpSymEntry *ste, SpObject *name) {
    int k = entry_find(ste, name);
    return k < 0 ? NULL : &ste->syms[k];
}

int sp_symtable_scope(SpSymEntry *ste, SpObject *name) {
    SpSymbol *s = sp_symtable_get(ste, name);
    return s == NULL ? SP_SCOPE_NONE : s->scope;
}

// Children are few per block: a linear search by AST node is enough.
SpSymEntry *sp_symtable_child(SpSymEntry *ste, const void *key) {
    for (int i = 0; i < ste->nchildren; i++) {
        if (ste->children[i]->key == key) {
            return ste->children[i];
        }
    }
    return NULL;
}

// Everything the table allocated, and the names it owns.
void sp_symtable_free(SpSymtable *st) {
    if (st == NULL) {
        return;
    }
    for (int i = 0; i < st->nall; i++) {
        entry_free(st->all[i]);
    }
    for (int i = 0; i < st->nowned; i++) {
        SP_DECREF(st->owned[i]);
    }
    sp_mem_free(st->all);
    sp_mem_free(st->owned);
    sp_mem_free(st->stack);
    sp_mem_free(st);
}

// ---------------------------------------------------------------------------
// Errors

// A SyntaxError in the symbol-table style at the given span.
#define ST_ERROR(st, ln, col, eln, ecol, ...)                                                      \
    sp_compile_error_attrs((st)->filename, (st)->src, (st)->srclen, ln, col, eln, ecol, __VA_ARGS__)
#define ST_ERROR_AT(st, node, ...)                                                                 \
    ST_ERROR(st, (node)->lineno, (node)->col_offset, (node)->end_lineno, (node)->end_col_offset,   \
             __VA_ARGS__)

// Location of a name's definition, for duplicate-argument errors.
typedef struct Loc {
    int lineno, col_offset, end_lineno, end_col_offset;
} Loc;
#define LOC_OF(node)                                                                               \
    ((Loc){(node)->lineno, (node)->col_offset, (node)->end_lineno, (node)->end_col_offset})

// ---------------------------------------------------------------------------
// Building: blocks and definitions

// Open a block for AST node `key` as a child of the current one.
static int enter_block(SpSymtable *st, SpObject *name, SpBlockType type, const void *key, Loc loc) {
    SpSymEntry *ste = entry_new(st, type, name, key, loc.lineno, loc.col_offset, loc.end_lineno,
                                loc.end_col_offset);
    if (ste == NULL) {
        return -1;
    }
    SpSymEntry *prev = st->cur;
    if (prev != NULL) {
        // bpo-37757: no walrus anywhere inside a comprehension's outermost
        // iterable, even in a nested lambda or comprehension.
        ste->comp_iter_expr = prev->comp_iter_expr;
        if (grow((void **)&prev->children, &prev->capchildren, prev->nchildren + 1,
                 sizeof(SpSymEntry *)) < 0) {
            return -1;
        }
        prev->children[prev->nchildren++] = ste;
    }
    if (grow((void **)&st->stack, &st->capstack, st->nstack + 1, sizeof(SpSymEntry *)) < 0) {
        return -1;
    }
    st->stack[st->nstack++] = ste;
    st->cur = ste;
    return 0;
}

// Back to the enclosing block.
static void exit_block(SpSymtable *st) {
    st->nstack--;
    st->cur = st->nstack > 0 ? st->stack[st->nstack - 1] : NULL;
}

// Record `flag` for `name` in block `ste` (CPython's symtable_add_def_helper).
static int add_def_in(SpSymtable *st, SpObject *name, int flag, SpSymEntry *ste, Loc loc) {
    SpObject *mangled = sp_mangle(st->private_name, name);
    if (mangled == NULL) {
        return -1;
    }
    if (mangled != name) {
        if (keep(st, mangled) < 0) {
            return -1;
        }
    } else {
        SP_DECREF(mangled);
    }
    int k = entry_find(ste, mangled);
    int val;
    if (k >= 0) {
        val = ste->syms[k].flags;
        if ((flag & SP_DEF_PARAM) && (val & SP_DEF_PARAM)) {
            ST_ERROR(st, loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset,
                     "duplicate argument '%U' in function definition", name);
            return -1;
        }
        val |= flag;
    } else {
        val = flag;
    }
    // While visiting a comprehension's `for` target every bound name is an
    // iteration variable.
    if (ste->comp_iter_target) {
        // An iteration variable of a comprehension: it may not also be a
        // walrus target (which made it global/nonlocal here).
        if (val & (SP_DEF_GLOBAL | SP_DEF_NONLOCAL)) {
            ST_ERROR(st, loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset,
                     "comprehension inner loop cannot rebind assignment expression target '%U'",
                     name);
            return -1;
        }
        val |= SP_DEF_COMP_ITER;
    }
    if (k >= 0) {
        ste->syms[k].flags = val;
    } else if (entry_add(ste, mangled, val) < 0) {
        return -1;
    }
    // Parameters are remembered in order: they become the first varnames.
    if (flag & SP_DEF_PARAM) {
        if (grow((void **)&ste->params, &ste->capparams, ste->nparams + 1, sizeof(SpObject *)) <
            0) {
            return -1;
        }
        ste->params[ste->nparams++] = mangled;
    } else if ((flag & SP_DEF_GLOBAL) && ste != st->top) {
        // A global declaration anywhere also makes the name known in the
        // module's table (CPython's st_global is the module's symbols).
        int g = entry_find(st->top, mangled);
        if (g >= 0) {
            st->top->syms[g].flags |= flag;
        } else if (entry_add(st->top, mangled, flag) < 0) {
            return -1;
        }
    }
    return 0;
}

// Record a use or binding in the current block.
static int add_def(SpSymtable *st, SpObject *name, int flag, Loc loc) {
    return add_def_in(st, name, flag, st->cur, loc);
}

// The flags recorded so far for `name` in the current block (0 if none).
static int lookup_flags(SpSymtable *st, SpObject *name) {
    SpObject *mangled = sp_mangle(st->private_name, name);
    if (mangled == NULL) {
        return -1;
    }
    int k = entry_find(st->cur, mangled);
    SP_DECREF(mangled);
    return k < 0 ? 0 : st->cur->syms[k].flags;
}

// Remember where a global/nonlocal statement named `name` (for errors the
// analysis finds later, which CPython reports at the statement).
static int record_directive(SpSymtable *st, SpObject *name, Loc loc) {
    SpSymEntry *ste = st->cur;
    if (grow((void **)&ste->directives, &ste->capdirectives, ste->ndirectives + 1,
             sizeof(SpDirective)) < 0) {
        return -1;
    }
    SpObject *mangled = sp_mangle(st->private_name, name);
    if (mangled == NULL || keep(st, mangled) < 0) {
        return -1;
    }
    ste->directives[ste->ndirectives++] =
        (SpDirective){mangled, loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset};
    return 0;
}

// ---------------------------------------------------------------------------
// The visitor

static int visit_stmt(SpSymtable *st, SpStmt *s);
static int visit_expr(SpSymtable *st, SpExpr *e);

// The visitor follows CPython's order exactly: the first error found in
// that order is the one reported.
static int visit_stmts(SpSymtable *st, SpStmtSeq seq) {
    for (ssize_t i = 0; i < seq.n; i++) {
        if (visit_stmt(st, seq.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_exprs(SpSymtable *st, SpExprSeq seq) {
    for (ssize_t i = 0; i < seq.n; i++) {
        if (seq.items[i] != NULL && visit_expr(st, seq.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_keywords(SpSymtable *st, SpKeywordSeq seq) {
    for (ssize_t i = 0; i < seq.n; i++) {
        if (visit_expr(st, seq.items[i]->value) < 0) {
            return -1;
        }
    }
    return 0;
}

// Parameters are definitions in the function's own block, in order.
static int visit_params(SpSymtable *st, SpArgSeq args) {
    for (ssize_t i = 0; i < args.n; i++) {
        if (add_def(st, args.items[i]->arg, SP_DEF_PARAM, LOC_OF(args.items[i])) < 0) {
            return -1;
        }
    }
    return 0;
}

// Positional-only, positional, keyword-only, then *args and **kwargs:
// the order of co_varnames.
static int visit_arguments(SpSymtable *st, SpArguments *a) {
    if (visit_params(st, a->posonlyargs) < 0 || visit_params(st, a->args) < 0 ||
        visit_params(st, a->kwonlyargs) < 0) {
        return -1;
    }
    if (a->vararg != NULL) {
        if (add_def(st, a->vararg->arg, SP_DEF_PARAM, LOC_OF(a->vararg)) < 0) {
            return -1;
        }
        st->cur->varargs = 1;
    }
    if (a->kwarg != NULL) {
        if (add_def(st, a->kwarg->arg, SP_DEF_PARAM, LOC_OF(a->kwarg)) < 0) {
            return -1;
        }
        st->cur->varkeywords = 1;
    }
    return 0;
}

// An annotation: with postponed annotations, yield, await and walrus are
// not allowed directly in it.
static int visit_annotation(SpSymtable *st, SpExpr *e) {
    if (st->future_annotations) {
        st->cur->annotation++;
    }
    int r = visit_expr(st, e);
    if (st->future_annotations) {
        st->cur->annotation--;
    }
    return r;
}

static int check_annotation(SpSymtable *st, SpExpr *e, const char *what) {
    if (st->cur->annotation > 0) {
        ST_ERROR_AT(st, e, "'%s' can not be used within an annotation", what);
        return -1;
    }
    return 0;
}

static int visit_arg_annotations(SpSymtable *st, SpArgSeq args) {
    for (ssize_t i = 0; i < args.n; i++) {
        if (args.items[i]->annotation != NULL &&
            visit_annotation(st, args.items[i]->annotation) < 0) {
            return -1;
        }
    }
    return 0;
}

// A def's annotations belong to the enclosing block (they are evaluated
// where the def runs).
static int visit_annotations(SpSymtable *st, SpArguments *a, SpExpr *returns) {
    if (visit_arg_annotations(st, a->posonlyargs) < 0 || visit_arg_annotations(st, a->args) < 0) {
        return -1;
    }
    if (a->vararg != NULL && a->vararg->annotation != NULL &&
        visit_annotation(st, a->vararg->annotation) < 0) {
        return -1;
    }
    if (a->kwarg != NULL && a->kwarg->annotation != NULL &&
        visit_annotation(st, a->kwarg->annotation) < 0) {
        return -1;
    }
    if (visit_arg_annotations(st, a->kwonlyargs) < 0) {
        return -1;
    }
    if (returns != NULL && visit_annotation(st, returns) < 0) {
        return -1;
    }
    return 0;
}

static int visit_alias(SpSymtable *st, SpAlias *a) {
    // `import a.b.c` binds `a`; `import a.b as c` binds `c`.
    SpObject *name = a->asname != NULL ? a->asname : a->name;
    if (sp_str_eq_cstr(name, "*")) {
        if (st->cur->type != SP_BLOCK_MODULE) {
            ST_ERROR_AT(st, a, "import * only allowed at module level");
            return -1;
        }
        return 0;
    }
    ssize_t n = SP_STR_LENGTH(name), dot = -1;
    for (ssize_t i = 0; i < n; i++) {
        if (SP_STR_READ_CHAR(name, i) == '.') {
            dot = i;
            break;
        }
    }
    if (dot < 0) {
        return add_def(st, name, SP_DEF_IMPORT, LOC_OF(a));
    }
    SpObject *store = sp_str_substring(name, 0, dot);
    if (store == NULL) {
        return -1;
    }
    sp_str_intern_in_place(&store);
    if (keep(st, store) < 0) {
        return -1;
    }
    return add_def(st, store, SP_DEF_IMPORT, LOC_OF(a));
}

// global / nonlocal statements.
static int visit_declaration(SpSymtable *st, SpStmt *s, int is_global) {
    SpIdentifierSeq names = is_global ? s->v.Global.names : s->v.Nonlocal.names;
    const char *kind = is_global ? "global" : "nonlocal";
    for (ssize_t i = 0; i < names.n; i++) {
        SpObject *name = names.items[i];
        int cur = lookup_flags(st, name);
        if (cur < 0) {
            return -1;
        }
        if (cur & (SP_DEF_PARAM | SP_DEF_LOCAL | SP_DEF_USE | SP_DEF_ANNOT)) {
            if (cur & SP_DEF_PARAM) {
                ST_ERROR_AT(st, s, "name '%U' is parameter and %s", name, kind);
            } else if (cur & SP_DEF_USE) {
                ST_ERROR_AT(st, s, "name '%U' is used prior to %s declaration", name, kind);
            } else if (cur & SP_DEF_ANNOT) {
                ST_ERROR_AT(st, s, "annotated name '%U' can't be %s", name, kind);
            } else {
                ST_ERROR_AT(st, s, "name '%U' is assigned to before %s declaration", name, kind);
            }
            return -1;
        }
        if (add_def(st, name, is_global ? SP_DEF_GLOBAL : SP_DEF_NONLOCAL, LOC_OF(s)) < 0 ||
            record_directive(st, name, LOC_OF(s)) < 0) {
            return -1;
        }
    }
    return 0;
}

// Defaults, annotations, decorators, bases and keywords are visited in the
// enclosing block; the body in a new one.
static int visit_stmt_inner(SpSymtable *st, SpStmt *s) {
    switch (s->kind) {
    case SP_STMT_FUNCTION_DEF: {
        SpArguments *a = s->v.FunctionDef.args;
        if (add_def(st, s->v.FunctionDef.name, SP_DEF_LOCAL, LOC_OF(s)) < 0 ||
            visit_exprs(st, a->defaults) < 0 || visit_exprs(st, a->kw_defaults) < 0 ||
            visit_annotations(st, a, s->v.FunctionDef.returns) < 0 ||
            visit_exprs(st, s->v.FunctionDef.decorator_list) < 0) {
            return -1;
        }
        if (enter_block(st, s->v.FunctionDef.name, SP_BLOCK_FUNCTION, s, LOC_OF(s)) < 0 ||
            visit_arguments(st, a) < 0 || visit_stmts(st, s->v.FunctionDef.body) < 0) {
            return -1;
        }
        exit_block(st);
        return 0;
    }
    case SP_STMT_CLASS_DEF: {
        if (add_def(st, s->v.ClassDef.name, SP_DEF_LOCAL, LOC_OF(s)) < 0 ||
            visit_exprs(st, s->v.ClassDef.bases) < 0 ||
            visit_keywords(st, s->v.ClassDef.keywords) < 0 ||
            visit_exprs(st, s->v.ClassDef.decorator_list) < 0) {
            return -1;
        }
        if (enter_block(st, s->v.ClassDef.name, SP_BLOCK_CLASS, s, LOC_OF(s)) < 0) {
            return -1;
        }
        SpObject *saved = st->private_name;
        st->private_name = s->v.ClassDef.name;
        int r = visit_stmts(st, s->v.ClassDef.body);
        st->private_name = saved;
        if (r < 0) {
            return -1;
        }
        exit_block(st);
        return 0;
    }
    case SP_STMT_RETURN:
        if (s->v.Return.value != NULL) {
            if (visit_expr(st, s->v.Return.value) < 0) {
                return -1;
            }
            st->cur->returns_value = 1;
        }
        return 0;
    case SP_STMT_DELETE:
        return visit_exprs(st, s->v.Delete.targets);
    case SP_STMT_ASSIGN:
        if (visit_exprs(st, s->v.Assign.targets) < 0) {
            return -1;
        }
        return visit_expr(st, s->v.Assign.value);
    case SP_STMT_ANN_ASSIGN: {
        SpExpr *target = s->v.AnnAssign.target;
        if (target->kind == SP_EXPR_NAME) {
            int cur = lookup_flags(st, target->v.Name.id);
            if (cur < 0) {
                return -1;
            }
            if ((cur & (SP_DEF_GLOBAL | SP_DEF_NONLOCAL)) && st->cur != st->top &&
                s->v.AnnAssign.simple) {
                ST_ERROR_AT(st, s, "annotated name '%U' can't be %s", target->v.Name.id,
                            (cur & SP_DEF_GLOBAL) ? "global" : "nonlocal");
                return -1;
            }
            if (s->v.AnnAssign.simple) {
                if (add_def(st, target->v.Name.id, SP_DEF_ANNOT | SP_DEF_LOCAL, LOC_OF(target)) <
                    0) {
                    return -1;
                }
            } else if (s->v.AnnAssign.value != NULL &&
                       add_def(st, target->v.Name.id, SP_DEF_LOCAL, LOC_OF(target)) < 0) {
                return -1;
            }
        } else if (visit_expr(st, target) < 0) {
            return -1;
        }
        if (visit_annotation(st, s->v.AnnAssign.annotation) < 0) {
            return -1;
        }
        if (s->v.AnnAssign.value != NULL && visit_expr(st, s->v.AnnAssign.value) < 0) {
            return -1;
        }
        return 0;
    }
    case SP_STMT_AUG_ASSIGN:
        if (visit_expr(st, s->v.AugAssign.target) < 0) {
            return -1;
        }
        return visit_expr(st, s->v.AugAssign.value);
    case SP_STMT_FOR:
        if (visit_expr(st, s->v.For.target) < 0 || visit_expr(st, s->v.For.iter) < 0 ||
            visit_stmts(st, s->v.For.body) < 0) {
            return -1;
        }
        return visit_stmts(st, s->v.For.orelse);
    case SP_STMT_WHILE:
        if (visit_expr(st, s->v.While.test) < 0 || visit_stmts(st, s->v.While.body) < 0) {
            return -1;
        }
        return visit_stmts(st, s->v.While.orelse);
    case SP_STMT_IF:
        if (visit_expr(st, s->v.If.test) < 0 || visit_stmts(st, s->v.If.body) < 0) {
            return -1;
        }
        return visit_stmts(st, s->v.If.orelse);
    case SP_STMT_RAISE:
        if (s->v.Raise.exc != NULL) {
            if (visit_expr(st, s->v.Raise.exc) < 0) {
                return -1;
            }
            if (s->v.Raise.cause != NULL && visit_expr(st, s->v.Raise.cause) < 0) {
                return -1;
            }
        }
        return 0;
    case SP_STMT_TRY:
        if (visit_stmts(st, s->v.Try.body) < 0 || visit_stmts(st, s->v.Try.orelse) < 0) {
            return -1;
        }
        for (ssize_t i = 0; i < s->v.Try.handlers.n; i++) {
            SpExceptHandler *h = s->v.Try.handlers.items[i];
            if (h->type != NULL && visit_expr(st, h->type) < 0) {
                return -1;
            }
            if (h->name != NULL && add_def(st, h->name, SP_DEF_LOCAL, LOC_OF(h)) < 0) {
                return -1;
            }
            if (visit_stmts(st, h->body) < 0) {
                return -1;
            }
        }
        return visit_stmts(st, s->v.Try.finalbody);
    case SP_STMT_ASSERT:
        if (visit_expr(st, s->v.Assert.test) < 0) {
            return -1;
        }
        if (s->v.Assert.msg != NULL && visit_expr(st, s->v.Assert.msg) < 0) {
            return -1;
        }
        return 0;
    case SP_STMT_IMPORT:
        for (ssize_t i = 0; i < s->v.Import.names.n; i++) {
            if (visit_alias(st, s->v.Import.names.items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    case SP_STMT_IMPORT_FROM:
        for (ssize_t i = 0; i < s->v.ImportFrom.names.n; i++) {
            if (visit_alias(st, s->v.ImportFrom.names.items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    case SP_STMT_GLOBAL:
        return visit_declaration(st, s, 1);
    case SP_STMT_NONLOCAL:
        return visit_declaration(st, s, 0);
    case SP_STMT_EXPR:
        return visit_expr(st, s->v.Expr.value);
    case SP_STMT_PASS:
    case SP_STMT_BREAK:
    case SP_STMT_CONTINUE:
        return 0;
    case SP_STMT_WITH:
        for (ssize_t i = 0; i < s->v.With.items.n; i++) {
            SpWithItem *item = s->v.With.items.items[i];
            if (visit_expr(st, item->context_expr) < 0) {
                return -1;
            }
            if (item->optional_vars != NULL && visit_expr(st, item->optional_vars) < 0) {
                return -1;
            }
        }
        return visit_stmts(st, s->v.With.body);
    }
    return 0;
}

// The recursion guard of both visitors.
static int too_deep(SpSymtable *st) {
    if (++st->depth > MAX_DEPTH) {
        sp_err_set_string(&SpExc_RecursionError,
                          "maximum recursion depth exceeded during compilation");
        return 1;
    }
    return 0;
}

static int visit_stmt(SpSymtable *st, SpStmt *s) {
    if (too_deep(st)) {
        return -1;
    }
    int r = visit_stmt_inner(st, s);
    st->depth--;
    return r;
}

// ---------------------------------------------------------------------------
// Expressions: comprehensions and walrus

static const char *comp_yield_message(SpCompKind k) {
    switch (k) {
    case SP_COMP_LIST:
        return "'yield' inside list comprehension";
    case SP_COMP_SET:
        return "'yield' inside set comprehension";
    case SP_COMP_DICT:
        return "'yield' inside dict comprehension";
    default:
        return "'yield' inside generator expression";
    }
}

// A walrus inside a comprehension binds in the nearest enclosing function
// (as nonlocal there) or module (as global); never in a class.
static int extend_namedexpr_scope(SpSymtable *st, SpExpr *target) {
    SpObject *name = target->v.Name.id;
    for (int i = st->nstack - 1; i >= 0; i--) {
        SpSymEntry *ste = st->stack[i];
        if (ste->comprehension != SP_COMP_NONE) {
            SpSymbol *sym = sp_symtable_get(ste, name);
            if (sym != NULL && (sym->flags & SP_DEF_COMP_ITER)) {
                ST_ERROR_AT(st, target,
                            "assignment expression cannot rebind comprehension iteration "
                            "variable '%U'",
                            name);
                return -1;
            }
            continue;
        }
        if (ste->type == SP_BLOCK_FUNCTION) {
            SpSymbol *sym = sp_symtable_get(ste, name);
            int flag =
                (sym != NULL && (sym->flags & SP_DEF_GLOBAL)) ? SP_DEF_GLOBAL : SP_DEF_NONLOCAL;
            if (add_def(st, name, flag, LOC_OF(target)) < 0 ||
                record_directive(st, name, LOC_OF(target)) < 0) {
                return -1;
            }
            return add_def_in(st, name, SP_DEF_LOCAL, ste, LOC_OF(target));
        }
        if (ste->type == SP_BLOCK_MODULE) {
            if (add_def(st, name, SP_DEF_GLOBAL, LOC_OF(target)) < 0 ||
                record_directive(st, name, LOC_OF(target)) < 0) {
                return -1;
            }
            return add_def_in(st, name, SP_DEF_GLOBAL, ste, LOC_OF(target));
        }
        ST_ERROR_AT(st, target,
                    "assignment expression within a comprehension cannot be used in a class body");
        return -1;
    }
    return 0;
}

// Every `for` after the first: target, iterable, conditions, all inside
// the comprehension's block.
static int visit_comprehension_rest(SpSymtable *st, SpComprehension *gen) {
    st->cur->comp_iter_target = 1;
    int r = visit_expr(st, gen->target);
    st->cur->comp_iter_target = 0;
    if (r < 0) {
        return -1;
    }
    st->cur->comp_iter_expr++;
    r = visit_expr(st, gen->iter);
    st->cur->comp_iter_expr--;
    if (r < 0) {
        return -1;
    }
    return visit_exprs(st, gen->ifs);
}

// A comprehension: the first iterable in the current block, the rest in a
// new function block whose only parameter is the iterator `.0`.
static int handle_comprehension(SpSymtable *st, SpExpr *e, const char *scope_name, SpCompKind kind,
                                SpComprehensionSeq gens, SpExpr *elt, SpExpr *value) {
    SpComprehension *outermost = gens.items[0];
    // The outermost iterable is evaluated in the enclosing scope.
    st->cur->comp_iter_expr++;
    int r = visit_expr(st, outermost->iter);
    st->cur->comp_iter_expr--;
    if (r < 0) {
        return -1;
    }
    SpObject *name = sp_str_intern_cstr(scope_name);
    if (name == NULL || keep(st, name) < 0) {
        return -1;
    }
    if (enter_block(st, name, SP_BLOCK_FUNCTION, e, LOC_OF(e)) < 0) {
        return -1;
    }
    st->cur->comprehension = kind;
    // The outermost iterator arrives as the implicit parameter ".0".
    SpObject *dot0 = sp_str_intern_cstr(".0");
    if (dot0 == NULL || keep(st, dot0) < 0 || add_def(st, dot0, SP_DEF_PARAM, LOC_OF(e)) < 0) {
        return -1;
    }
    st->cur->comp_iter_target = 1;
    r = visit_expr(st, outermost->target);
    st->cur->comp_iter_target = 0;
    if (r < 0 || visit_exprs(st, outermost->ifs) < 0) {
        return -1;
    }
    for (ssize_t i = 1; i < gens.n; i++) {
        if (visit_comprehension_rest(st, gens.items[i]) < 0) {
            return -1;
        }
    }
    if (value != NULL && visit_expr(st, value) < 0) {
        return -1;
    }
    if (visit_expr(st, elt) < 0) {
        return -1;
    }
    st->cur->generator = kind == SP_COMP_GENEXP;
    exit_block(st);
    return 0;
}

// Names are uses or bindings by context; lambdas and comprehensions open
// blocks; yield marks the block a generator.
static int visit_expr_inner(SpSymtable *st, SpExpr *e) {
    switch (e->kind) {
    case SP_EXPR_NAMED_EXPR:
        if (check_annotation(st, e, "named expression") < 0) {
            return -1;
        }
        if (st->cur->comp_iter_expr > 0) {
            ST_ERROR_AT(st, e,
                        "assignment expression cannot be used in a comprehension iterable "
                        "expression");
            return -1;
        }
        if (st->cur->comprehension != SP_COMP_NONE &&
            extend_namedexpr_scope(st, e->v.NamedExpr.target) < 0) {
            return -1;
        }
        if (visit_expr(st, e->v.NamedExpr.value) < 0) {
            return -1;
        }
        return visit_expr(st, e->v.NamedExpr.target);
    case SP_EXPR_BOOL_OP:
        return visit_exprs(st, e->v.BoolOp.values);
    case SP_EXPR_BIN_OP:
        if (visit_expr(st, e->v.BinOp.left) < 0) {
            return -1;
        }
        return visit_expr(st, e->v.BinOp.right);
    case SP_EXPR_UNARY_OP:
        return visit_expr(st, e->v.UnaryOp.operand);
    case SP_EXPR_LAMBDA: {
        SpArguments *a = e->v.Lambda.args;
        if (visit_exprs(st, a->defaults) < 0 || visit_exprs(st, a->kw_defaults) < 0) {
            return -1;
        }
        SpObject *name = sp_str_intern_cstr("lambda");
        if (name == NULL || keep(st, name) < 0) {
            return -1;
        }
        if (enter_block(st, name, SP_BLOCK_FUNCTION, e, LOC_OF(e)) < 0 ||
            visit_arguments(st, a) < 0 || visit_expr(st, e->v.Lambda.body) < 0) {
            return -1;
        }
        exit_block(st);
        return 0;
    }
    case SP_EXPR_IF_EXP:
        if (visit_expr(st, e->v.IfExp.test) < 0 || visit_expr(st, e->v.IfExp.body) < 0) {
            return -1;
        }
        return visit_expr(st, e->v.IfExp.orelse);
    case SP_EXPR_DICT:
        if (visit_exprs(st, e->v.Dict.keys) < 0) {
            return -1;
        }
        return visit_exprs(st, e->v.Dict.values);
    case SP_EXPR_SET:
        return visit_exprs(st, e->v.Set.elts);
    case SP_EXPR_GENERATOR_EXP:
        return handle_comprehension(st, e, "genexpr", SP_COMP_GENEXP, e->v.GeneratorExp.generators,
                                    e->v.GeneratorExp.elt, NULL);
    case SP_EXPR_LIST_COMP:
        return handle_comprehension(st, e, "listcomp", SP_COMP_LIST, e->v.ListComp.generators,
                                    e->v.ListComp.elt, NULL);
    case SP_EXPR_SET_COMP:
        return handle_comprehension(st, e, "setcomp", SP_COMP_SET, e->v.SetComp.generators,
                                    e->v.SetComp.elt, NULL);
    case SP_EXPR_DICT_COMP:
        return handle_comprehension(st, e, "dictcomp", SP_COMP_DICT, e->v.DictComp.generators,
                                    e->v.DictComp.key, e->v.DictComp.value);
    case SP_EXPR_YIELD:
        if (check_annotation(st, e, "yield expression") < 0) {
            return -1;
        }
        if (e->v.Yield.value != NULL && visit_expr(st, e->v.Yield.value) < 0) {
            return -1;
        }
        st->cur->generator = 1;
        if (st->cur->comprehension != SP_COMP_NONE) {
            ST_ERROR_AT(st, e, "%s", comp_yield_message(st->cur->comprehension));
            return -1;
        }
        return 0;
    case SP_EXPR_YIELD_FROM:
        if (check_annotation(st, e, "yield expression") < 0) {
            return -1;
        }
        if (visit_expr(st, e->v.YieldFrom.value) < 0) {
            return -1;
        }
        st->cur->generator = 1;
        if (st->cur->comprehension != SP_COMP_NONE) {
            ST_ERROR_AT(st, e, "%s", comp_yield_message(st->cur->comprehension));
            return -1;
        }
        return 0;
    case SP_EXPR_AWAIT:
        if (check_annotation(st, e, "await expression") < 0) {
            return -1;
        }
        if (visit_expr(st, e->v.Await.value) < 0) {
            return -1;
        }
        st->cur->coroutine = 1;
        return 0;
    case SP_EXPR_COMPARE:
        if (visit_expr(st, e->v.Compare.left) < 0) {
            return -1;
        }
        return visit_exprs(st, e->v.Compare.comparators);
    case SP_EXPR_CALL:
        if (visit_expr(st, e->v.Call.func) < 0 || visit_exprs(st, e->v.Call.args) < 0) {
            return -1;
        }
        return visit_keywords(st, e->v.Call.keywords);
    case SP_EXPR_FORMATTED_VALUE:
        if (visit_expr(st, e->v.FormattedValue.value) < 0) {
            return -1;
        }
        if (e->v.FormattedValue.format_spec != NULL) {
            return visit_expr(st, e->v.FormattedValue.format_spec);
        }
        return 0;
    case SP_EXPR_JOINED_STR:
        return visit_exprs(st, e->v.JoinedStr.values);
    case SP_EXPR_CONSTANT:
        return 0;
    case SP_EXPR_ATTRIBUTE:
        return visit_expr(st, e->v.Attribute.value);
    case SP_EXPR_SUBSCRIPT:
        if (visit_expr(st, e->v.Subscript.value) < 0) {
            return -1;
        }
        return visit_expr(st, e->v.Subscript.slice);
    case SP_EXPR_STARRED:
        return visit_expr(st, e->v.Starred.value);
    case SP_EXPR_SLICE:
        if (e->v.Slice.lower != NULL && visit_expr(st, e->v.Slice.lower) < 0) {
            return -1;
        }
        if (e->v.Slice.upper != NULL && visit_expr(st, e->v.Slice.upper) < 0) {
            return -1;
        }
        if (e->v.Slice.step != NULL && visit_expr(st, e->v.Slice.step) < 0) {
            return -1;
        }
        return 0;
    case SP_EXPR_NAME:
        if (add_def(st, e->v.Name.id, e->v.Name.ctx == SP_CTX_LOAD ? SP_DEF_USE : SP_DEF_LOCAL,
                    LOC_OF(e)) < 0) {
            return -1;
        }
        // A call of `super` in a function uses the implicit __class__ cell.
        if (e->v.Name.ctx == SP_CTX_LOAD && st->cur->type == SP_BLOCK_FUNCTION &&
            sp_str_eq_cstr(e->v.Name.id, "super")) {
            if (add_def(st, sp_id(__class__), SP_DEF_USE, LOC_OF(e)) < 0) {
                return -1;
            }
        }
        return 0;
    case SP_EXPR_LIST:
        return visit_exprs(st, e->v.List.elts);
    case SP_EXPR_TUPLE:
        return visit_exprs(st, e->v.Tuple.elts);
    }
    return 0;
}

static int visit_expr(SpSymtable *st, SpExpr *e) {
    if (too_deep(st)) {
        return -1;
    }
    int r = visit_expr_inner(st, e);
    st->depth--;
    return r;
}

// ---------------------------------------------------------------------------
// Analysis. Sets of names are small arrays (scopes rarely see more than a
// few dozen free or bound names).

typedef struct NameSet {
    SpObject **items;
    int n, cap;
} NameSet;

// Membership, add (no duplicates), discard, union and release.
static int set_has(const NameSet *s, SpObject *name) {
    for (int i = 0; i < s->n; i++) {
        if (names_equal(s->items[i], name)) {
            return 1;
        }
    }
    return 0;
}

static int set_add(NameSet *s, SpObject *name) {
    if (set_has(s, name)) {
        return 0;
    }
    if (grow((void **)&s->items, &s->cap, s->n + 1, sizeof(SpObject *)) < 0) {
        return -1;
    }
    s->items[s->n++] = name;
    return 0;
}

static void set_discard(NameSet *s, SpObject *name) {
    for (int i = 0; i < s->n; i++) {
        if (names_equal(s->items[i], name)) {
            s->items[i] = s->items[--s->n];
            return;
        }
    }
}

static int set_update(NameSet *s, const NameSet *other) {
    for (int i = 0; i < other->n; i++) {
        if (set_add(s, other->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static void set_clear(NameSet *s) {
    sp_mem_free(s->items);
    s->items = NULL;
    s->n = s->cap = 0;
}

// A SyntaxError located at the global/nonlocal statement that named `name`.
static SpObject *error_at_directive(SpSymtable *st, SpSymEntry *ste, SpObject *name,
                                    const char *fmt) {
    for (int i = 0; i < ste->ndirectives; i++) {
        SpDirective *d = &ste->directives[i];
        if (names_equal(d->name, name)) {
            return ST_ERROR(st, d->lineno, d->col_offset, d->end_lineno, d->end_col_offset, fmt,
                            name);
        }
    }
    return ST_ERROR(st, ste->lineno, ste->col_offset, ste->end_lineno, ste->end_col_offset, fmt,
                    name);
}

// Decide the scope of one name of block `ste` (CPython's analyze_name).
// `bound` is NULL at module level.
static int analyze_name(SpSymtable *st, SpSymEntry *ste, SpSymbol *sym, NameSet *bound,
                        NameSet *local, NameSet *free, NameSet *global) {
    SpObject *name = sym->name;
    int flags = sym->flags;
    // Explicit declarations decide first; a global also hides the name from
    // enclosing functions for the blocks below.
    if (flags & SP_DEF_GLOBAL) {
        if (flags & SP_DEF_NONLOCAL) {
            error_at_directive(st, ste, name, "name '%U' is nonlocal and global");
            return -1;
        }
        sym->scope = SP_SCOPE_GLOBAL_EXPLICIT;
        if (set_add(global, name) < 0) {
            return -1;
        }
        if (bound != NULL) {
            set_discard(bound, name);
        }
        return 0;
    }
    if (flags & SP_DEF_NONLOCAL) {
        if (bound == NULL) {
            error_at_directive(st, ste, name, "nonlocal declaration not allowed at module level");
            return -1;
        }
        if (!set_has(bound, name)) {
            error_at_directive(st, ste, name, "no binding for nonlocal '%U' found");
            return -1;
        }
        sym->scope = SP_SCOPE_FREE;
        ste->free = 1;
        return set_add(free, name);
    }
    // Bound here (assigned, a parameter, imported): local, and no longer a
    // global for the blocks below.
    if (flags & SP_DEF_BOUND) {
        sym->scope = SP_SCOPE_LOCAL;
        if (set_add(local, name) < 0) {
            return -1;
        }
        set_discard(global, name);
        return 0;
    }
    // Not bound here: free if an enclosing function binds it, else global.
    if (bound != NULL && set_has(bound, name)) {
        sym->scope = SP_SCOPE_FREE;
        ste->free = 1;
        return set_add(free, name);
    }
    if (set_has(global, name)) {
        sym->scope = SP_SCOPE_GLOBAL_IMPLICIT;
        return 0;
    }
    if (ste->nested) {
        ste->free = 1;
    }
    sym->scope = SP_SCOPE_GLOBAL_IMPLICIT;
    return 0;
}

static int analyze_block(SpSymtable *st, SpSymEntry *ste, NameSet *bound, NameSet *free,
                         NameSet *global);

// Children see copies of the sets, so their changes stay theirs; their free
// names are collected in child_free.
static int analyze_child_block(SpSymtable *st, SpSymEntry *child, NameSet *bound, NameSet *free,
                               NameSet *global, NameSet *child_free) {
    NameSet tb = {0}, tf = {0}, tg = {0};
    int r = -1;
    if (set_update(&tb, bound) < 0 || set_update(&tf, free) < 0 || set_update(&tg, global) < 0) {
        goto done;
    }
    if (analyze_block(st, child, &tb, &tf, &tg) < 0) {
        goto done;
    }
    r = set_update(child_free, &tf);
done:
    set_clear(&tb);
    set_clear(&tf);
    set_clear(&tg);
    return r;
}

// Record the scopes and the free names that pass through this block
// (CPython's update_symbols).
static int update_symbols(SpSymEntry *ste, NameSet *bound, NameSet *newfree, int is_class) {
    // Free names that only pass through this block (used by an inner function,
    // bound by an outer one) become FREE symbols here too, so the closure can
    // hand them down.
    for (int i = 0; i < newfree->n; i++) {
        SpObject *name = newfree->items[i];
        SpSymbol *sym = sp_symtable_get(ste, name);
        if (sym != NULL) {
            // A class that binds a name a method uses freely still passes
            // the enclosing function's cell through.
            if (is_class && (sym->flags & (SP_DEF_BOUND | SP_DEF_GLOBAL))) {
                sym->flags |= SP_DEF_FREE_CLASS;
            }
            continue;
        }
        if (bound != NULL && !set_has(bound, name)) {
            continue; // a global
        }
        int k = entry_add(ste, name, 0);
        if (k < 0) {
            return -1;
        }
        ste->syms[k].scope = SP_SCOPE_FREE;
    }
    return 0;
}

// Analyse one block given the names bound in enclosing functions (`bound`,
// NULL at module level) and declared global above (`global`); add to
// `free` the names this block and its children need from outside.
static int analyze_block(SpSymtable *st, SpSymEntry *ste, NameSet *bound, NameSet *free,
                         NameSet *global) {
    NameSet local = {0}, newbound = {0}, newglobal = {0}, newfree = {0}, allfree = {0};
    int r = -1;
    // Class scopes are not visible in nested functions: what they bind does
    // not reach the children, so the children's sets are made first.
    if (ste->type == SP_BLOCK_CLASS) {
        if (set_update(&newglobal, global) < 0) {
            goto done;
        }
        if (bound != NULL && set_update(&newbound, bound) < 0) {
            goto done;
        }
    }
    // (nsyms is read once: update_symbols may append pass-through names later.)
    int nsyms = ste->nsyms;
    for (int i = 0; i < nsyms; i++) {
        if (analyze_name(st, ste, &ste->syms[i], bound, &local, free, global) < 0) {
            goto done;
        }
    }
    if (ste->type != SP_BLOCK_CLASS) {
        if (ste->type == SP_BLOCK_FUNCTION && set_update(&newbound, &local) < 0) {
            goto done;
        }
        if (bound != NULL && set_update(&newbound, bound) < 0) {
            goto done;
        }
        if (set_update(&newglobal, global) < 0) {
            goto done;
        }
    } else if (set_add(&newbound, sp_id(__class__)) < 0) {
        goto done;
    }
    // Children see this block's view: function locals become bound for them;
    // a class's bindings do not (methods cannot see class attributes), but the
    // implicit __class__ does.
    for (int i = 0; i < ste->nchildren; i++) {
        SpSymEntry *child = ste->children[i];
        if (analyze_child_block(st, child, &newbound, &newfree, &newglobal, &allfree) < 0) {
            goto done;
        }
        if (child->free || child->child_free) {
            ste->child_free = 1;
        }
    }
    if (set_update(&newfree, &allfree) < 0) {
        goto done;
    }
    // Free names of the children: a function's own locals among them become
    // cells; a class passes __class__ up as "needs the implicit cell".
    if (ste->type == SP_BLOCK_FUNCTION) {
        // Locals that inner functions use become cells.
        for (int i = 0; i < ste->nsyms; i++) {
            SpSymbol *sym = &ste->syms[i];
            if (sym->scope == SP_SCOPE_LOCAL && set_has(&newfree, sym->name)) {
                sym->scope = SP_SCOPE_CELL;
                set_discard(&newfree, sym->name);
            }
        }
    } else if (ste->type == SP_BLOCK_CLASS && set_has(&newfree, sp_id(__class__))) {
        set_discard(&newfree, sp_id(__class__));
        ste->needs_class_closure = 1;
    }
    if (update_symbols(ste, bound, &newfree, ste->type == SP_BLOCK_CLASS) < 0) {
        goto done;
    }
    r = set_update(free, &newfree);
done:
    set_clear(&local);
    set_clear(&newbound);
    set_clear(&newglobal);
    set_clear(&newfree);
    set_clear(&allfree);
    return r;
}

// ---------------------------------------------------------------------------
// Entry point

// Build: visit the tree under a module block "top", then analyse.
SpSymtable *sp_symtable_build(SpAstMod *mod, SpObject *filename, const char *src, ssize_t len,
                              int future_annotations) {
    SpSymtable *st = sp_mem_calloc(sizeof(SpSymtable));
    if (st == NULL) {
        sp_err_no_memory();
        return NULL;
    }
    st->filename = filename;
    st->src = src;
    st->srclen = len;
    st->future_annotations = future_annotations;
    SpObject *top = sp_str_intern_cstr("top");
    if (top == NULL || keep(st, top) < 0) {
        goto fail;
    }
    if (enter_block(st, top, SP_BLOCK_MODULE, mod, (Loc){0, 0, 0, 0}) < 0) {
        goto fail;
    }
    st->top = st->cur;
    int r;
    switch (mod->kind) {
    case SP_MOD_MODULE:
        r = visit_stmts(st, mod->v.Module.body);
        break;
    case SP_MOD_INTERACTIVE:
        r = visit_stmts(st, mod->v.Interactive.body);
        break;
    default:
        r = visit_expr(st, mod->v.Expression.body);
        break;
    }
    if (r < 0) {
        goto fail;
    }
    exit_block(st);
    NameSet free = {0}, global = {0};
    r = analyze_block(st, st->top, NULL, &free, &global);
    set_clear(&free);
    set_clear(&global);
    if (r < 0) {
        goto fail;
    }
    return st;
fail:
    sp_symtable_free(st);
    return NULL;
}
