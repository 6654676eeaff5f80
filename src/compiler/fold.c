// smallpy: the AST optimizer: constant folding before code generation, with
// CPython 3.11's choices: unary and binary operations on constants (within
// size limits), tuples of constants, subscripts of constants, lists and
// sets after `in` and in `for` become tuples and frozensets, `not (a is b)`
// becomes `a is not b`, and `__debug__` is True. An operation that raises
// (1/0) is simply left alone. Folding runs the real object operations.
// Counterpart: CPython 3.11 Python/ast_opt.c.
#define SP_COMPILER_INTERNAL
#include "compiler/codegen.h"

#include "core/abstract.h"
#include <stdio.h>

#include "core/err.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

// CPython's limits on folded results.
#define MAX_INT_SIZE 128        // bits
#define MAX_COLLECTION_SIZE 256 // items
#define MAX_STR_SIZE 4096       // characters or bytes
#define MAX_TOTAL_ITEMS 1024    // including nested collections
#define MAX_DEPTH 3000

typedef struct Folder {
    SpArena *arena;
    int depth;
    int keep_annotations; // postponed annotations are unparsed, not folded
} Folder;

static int fold_expr(Folder *f, SpExpr *e);
static int fold_stmts(Folder *f, SpStmtSeq seq);

// Make `e` the constant `val` (stolen). A NULL val means the operation
// failed or was refused: the error (if any) is dropped and `e` stays.
static int make_const(Folder *f, SpExpr *e, SpObject *val) {
    // Only a KeyboardInterrupt stops compilation; any other error just means
    // "not foldable" (the operation will raise at run time, if it runs).
    if (val == NULL) {
        if (sp_err_occurred() != NULL) {
            if (sp_err_matches_type(&SpExc_KeyboardInterrupt)) {
                return -1;
            }
            sp_err_clear();
        }
        return 0;
    }
    if (sp_arena_add_object(f->arena, val) < 0) {
        return -1;
    }
    e->kind = SP_EXPR_CONSTANT;
    e->v.Constant.value = val;
    e->v.Constant.kind = NULL;
    return 0;
}

// frozenset constants come from `x in {1, 2}`.
static int is_frozenset(SpObject *o) { return SP_OBJECT_TYPE_CHECK(o, &SpFrozenSet_Type); }

// Bits in |v| of an int (CPython's _PyLong_NumBits).
static size_t int_numbits(SpObject *v) {
    ssize_t n = SP_SIZE(v) < 0 ? -SP_SIZE(v) : SP_SIZE(v);
    if (n == 0) {
        return 0;
    }
    SpDigit top = ((SpIntObject *)v)->ob_digit[n - 1];
    size_t bits = (size_t)(n - 1) * SP_INT_SHIFT;
    while (top != 0) {
        bits++;
        top >>= 1;
    }
    return bits;
}

// A non-negative int as size_t, or (size_t)-1 when negative or too big.
static size_t int_as_size(SpObject *v) {
    int overflow = 0;
    long x = sp_int_as_long_and_overflow(v, &overflow);
    if (overflow != 0 || x < 0) {
        return (size_t)-1;
    }
    return (size_t)x;
}

// Items in a tuple/frozenset counted recursively; negative past `limit`.
static ssize_t check_complexity(SpObject *obj, ssize_t limit) {
    if (SP_TUPLE_CHECK(obj)) {
        limit -= SP_TUPLE_SIZE(obj);
        for (ssize_t i = 0; limit >= 0 && i < SP_TUPLE_SIZE(obj); i++) {
            limit = check_complexity(SP_TUPLE_GET_ITEM(obj, i), limit);
        }
    } else if (is_frozenset(obj)) {
        limit -= sp_set_size(obj);
        SpObject *it = sp_object_get_iter(obj);
        if (it == NULL) {
            sp_err_clear();
            return -1;
        }
        SpObject *item;
        while (limit >= 0 && (item = sp_iter_next(it)) != NULL) {
            limit = check_complexity(item, limit);
            SP_DECREF(item);
        }
        SP_DECREF(it);
        sp_err_clear();
    }
    return limit;
}

// v * w unless the result would be too big to be worth a constant: ints of
// more than 128 bits, sequences of more than 256 items (1024 counting
// nested ones), strings and bytes of more than 4096.
static SpObject *safe_multiply(SpObject *v, SpObject *w) {
    if (SP_INT_CHECK(v) && SP_INT_CHECK(w) && SP_SIZE(v) != 0 && SP_SIZE(w) != 0) {
        if (int_numbits(v) + int_numbits(w) > MAX_INT_SIZE) {
            return NULL;
        }
    } else if (SP_INT_CHECK(v) && (SP_TUPLE_CHECK(w) || is_frozenset(w))) {
        ssize_t size = SP_TUPLE_CHECK(w) ? SP_TUPLE_SIZE(w) : sp_set_size(w);
        if (size != 0) {
            int overflow = 0;
            long n = sp_int_as_long_and_overflow(v, &overflow);
            if (overflow != 0 || n < 0 || n > MAX_COLLECTION_SIZE / size) {
                return NULL;
            }
            if (n != 0 && check_complexity(w, MAX_TOTAL_ITEMS / n) < 0) {
                return NULL;
            }
        }
    } else if (SP_INT_CHECK(v) && (SP_STR_CHECK(w) || SP_BYTES_CHECK(w))) {
        ssize_t size = SP_STR_CHECK(w) ? SP_STR_LENGTH(w) : SP_BYTES_SIZE(w);
        if (size != 0) {
            int overflow = 0;
            long n = sp_int_as_long_and_overflow(v, &overflow);
            if (overflow != 0 || n < 0 || n > MAX_STR_SIZE / size) {
                return NULL;
            }
        }
    } else if (SP_INT_CHECK(w) &&
               (SP_TUPLE_CHECK(v) || is_frozenset(v) || SP_STR_CHECK(v) || SP_BYTES_CHECK(v))) {
        return safe_multiply(w, v);
    }
    return sp_number_multiply(v, w);
}

// v ** w, refused for int results beyond 128 bits.
static SpObject *safe_power(SpObject *v, SpObject *w) {
    if (SP_INT_CHECK(v) && SP_INT_CHECK(w) && SP_SIZE(v) != 0 && SP_SIZE(w) > 0) {
        size_t vbits = int_numbits(v);
        size_t wbits = int_as_size(w);
        if (wbits == (size_t)-1 || vbits > MAX_INT_SIZE / wbits) {
            return NULL;
        }
    }
    return sp_number_power(v, w, sp_None);
}

// v << w, refused for int results beyond 128 bits.
static SpObject *safe_lshift(SpObject *v, SpObject *w) {
    if (SP_INT_CHECK(v) && SP_INT_CHECK(w) && SP_SIZE(v) != 0 && SP_SIZE(w) != 0) {
        size_t vbits = int_numbits(v);
        size_t wbits = int_as_size(w);
        if (wbits == (size_t)-1 || wbits > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wbits) {
            return NULL;
        }
    }
    return sp_number_lshift(v, w);
}

static SpObject *safe_mod(SpObject *v, SpObject *w) {
    // "%s" % x formats at run time (the format may be a surprise).
    if (SP_STR_CHECK(v) || SP_BYTES_CHECK(v)) {
        return NULL;
    }
    return sp_number_remainder(v, w);
}

// ---------------------------------------------------------------------------
// "%s, %r" % (a, b) becomes f"{a!s}, {b!r}" when every unit is a simple
// %s, %r or %a (CPython 3.11's optimize_format).

#define MAXDIGITS 3

// A constant str node without position (in the arena); val is stolen.
static SpExpr *str_node(Folder *f, SpObject *val) {
    if (val == NULL || sp_arena_add_object(f->arena, val) < 0) {
        return NULL;
    }
    SpExpr *e = sp_ast_new_expr(f->arena, SP_EXPR_CONSTANT, -1, -1, -1, -1);
    if (e != NULL) {
        e->v.Constant.value = val;
    }
    return e;
}

// The literal text at *pos up to the next lone '%' ("%%" becomes "%"), or
// NULL (no error) when there is none.
static SpExpr *parse_literal(Folder *f, SpObject *fmt, ssize_t *pos, int *error) {
    ssize_t size = SP_STR_LENGTH(fmt), start = *pos, p = start;
    int has_percents = 0;
    while (p < size) {
        if (SP_STR_READ_CHAR(fmt, p) != '%') {
            p++;
        } else if (p + 1 < size && SP_STR_READ_CHAR(fmt, p + 1) == '%') {
            has_percents = 1;
            p += 2;
        } else {
            break;
        }
    }
    *pos = p;
    if (p == start) {
        return NULL;
    }
    SpObject *str;
    if (!has_percents) {
        str = sp_str_substring(fmt, start, p);
    } else {
        SpStrWriter w;
        sp_str_writer_init(&w);
        for (ssize_t i = start; i < p; i++) {
            SpUCS4 ch = SP_STR_READ_CHAR(fmt, i);
            if (sp_str_writer_write_char(&w, ch) < 0) {
                sp_str_writer_discard(&w);
                *error = 1;
                return NULL;
            }
            if (ch == '%') {
                i++;
            }
        }
        str = sp_str_writer_finish(&w);
    }
    SpExpr *e = str_node(f, str);
    if (e == NULL) {
        *error = 1;
    }
    return e;
}

// One conversion after '%': flags, width and precision of at most two
// digits, then s, r or a. NULL (no error) when unsupported.
static SpExpr *parse_format(Folder *f, SpObject *fmt, ssize_t *ppos, SpExpr *arg, int *error) {
    ssize_t pos = *ppos, len = SP_STR_LENGTH(fmt);
    SpUCS4 ch;
    int ljust = 0, width = -1, prec = -1;
#define NEXTC                                                                                      \
    do {                                                                                           \
        if (pos >= len) {                                                                          \
            return NULL;                                                                           \
        }                                                                                          \
        ch = SP_STR_READ_CHAR(fmt, pos);                                                           \
        pos++;                                                                                     \
    } while (0)
    for (;;) {
        NEXTC;
        if (ch == '-') {
            ljust = 1;
        } else if (ch != '+' && ch != ' ' && ch != '#' && ch != '0') {
            break;
        }
    }
    if (ch >= '0' && ch <= '9') {
        width = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            width = width * 10 + (int)(ch - '0');
            NEXTC;
            if (++digits >= MAXDIGITS) {
                return NULL;
            }
        }
    }
    if (ch == '.') {
        NEXTC;
        prec = 0;
        int digits = 0;
        while (ch >= '0' && ch <= '9') {
            prec = prec * 10 + (int)(ch - '0');
            NEXTC;
            if (++digits >= MAXDIGITS) {
                return NULL;
            }
        }
    }
#undef NEXTC
    if (ch != 's' && ch != 'r' && ch != 'a') {
        return NULL;
    }
    *ppos = pos;
    // %-5s is left-justified, which is also the default for format(str): the
    // spec is ">5" only for right justification.
    char buf[1 + MAXDIGITS + 1 + MAXDIGITS + 1], *p = buf;
    if (!ljust && width > 0) {
        *p++ = '>';
    }
    if (width >= 0) {
        p += snprintf(p, MAXDIGITS + 1, "%d", width);
    }
    if (prec >= 0) {
        p += snprintf(p, MAXDIGITS + 2, ".%d", prec);
    }
    *p = '\0';
    SpExpr *spec = NULL;
    if (p != buf && (spec = str_node(f, sp_str_from_cstr(buf))) == NULL) {
        *error = 1;
        return NULL;
    }
    SpExpr *fv = sp_ast_new_expr(f->arena, SP_EXPR_FORMATTED_VALUE, arg->lineno, arg->col_offset,
                                 arg->end_lineno, arg->end_col_offset);
    if (fv == NULL) {
        *error = 1;
        return NULL;
    }
    fv->v.FormattedValue.value = arg;
    fv->v.FormattedValue.conversion = (int)ch;
    fv->v.FormattedValue.format_spec = spec;
    return fv;
}

static int optimize_format(Folder *f, SpExpr *node, SpObject *fmt, SpExprSeq elts) {
    SpExpr **items = sp_arena_alloc(f->arena, sizeof(SpExpr *) * (size_t)(elts.n * 2 + 1));
    if (items == NULL) {
        return -1;
    }
    ssize_t n = 0, pos = 0, cnt = 0;
    int error = 0;
    // Alternate literal text and conversions; any unit the rewrite cannot
    // express exactly leaves the expression as it was.
    for (;;) {
        SpExpr *lit = parse_literal(f, fmt, &pos, &error);
        if (error) {
            return -1;
        }
        if (lit != NULL) {
            items[n++] = lit;
        }
        if (pos >= SP_STR_LENGTH(fmt)) {
            break;
        }
        if (cnt >= elts.n) {
            return 0; // more units than items: the run-time error stays
        }
        pos++; // the '%'
        SpExpr *fv = parse_format(f, fmt, &pos, elts.items[cnt++], &error);
        if (fv == NULL) {
            return error ? -1 : 0;
        }
        items[n++] = fv;
    }
    if (cnt < elts.n) {
        return 0; // more items than units
    }
    node->kind = SP_EXPR_JOINED_STR;
    node->v.JoinedStr.values.n = n;
    node->v.JoinedStr.values.items = items;
    return 0;
}

// A binary operation on two constants (or the %-format rewrite above).
static int fold_binop(Folder *f, SpExpr *e) {
    SpExpr *l = e->v.BinOp.left, *r = e->v.BinOp.right;
    if (l->kind != SP_EXPR_CONSTANT) {
        return 0;
    }
    if (e->v.BinOp.op == SP_BINOP_MOD && r->kind == SP_EXPR_TUPLE &&
        SP_STR_CHECK(l->v.Constant.value)) {
        for (ssize_t i = 0; i < r->v.Tuple.elts.n; i++) {
            if (r->v.Tuple.elts.items[i]->kind == SP_EXPR_STARRED) {
                return 0;
            }
        }
        return optimize_format(f, e, l->v.Constant.value, r->v.Tuple.elts);
    }
    if (r->kind != SP_EXPR_CONSTANT) {
        return 0;
    }
    SpObject *lv = l->v.Constant.value, *rv = r->v.Constant.value, *val = NULL;
    switch (e->v.BinOp.op) {
    case SP_BINOP_ADD:
        val = sp_number_add(lv, rv);
        break;
    case SP_BINOP_SUB:
        val = sp_number_subtract(lv, rv);
        break;
    case SP_BINOP_MULT:
        val = safe_multiply(lv, rv);
        break;
    case SP_BINOP_DIV:
        val = sp_number_true_divide(lv, rv);
        break;
    case SP_BINOP_FLOORDIV:
        val = sp_number_floor_divide(lv, rv);
        break;
    case SP_BINOP_MOD:
        val = safe_mod(lv, rv);
        break;
    case SP_BINOP_POW:
        val = safe_power(lv, rv);
        break;
    case SP_BINOP_LSHIFT:
        val = safe_lshift(lv, rv);
        break;
    case SP_BINOP_RSHIFT:
        val = sp_number_rshift(lv, rv);
        break;
    case SP_BINOP_BITOR:
        val = sp_number_or(lv, rv);
        break;
    case SP_BINOP_BITXOR:
        val = sp_number_xor(lv, rv);
        break;
    case SP_BINOP_BITAND:
        val = sp_number_and(lv, rv);
        break;
    case SP_BINOP_MATMULT:
        return 0; // no built-in constant implements @
    }
    return make_const(f, e, val);
}

// A unary operation on a constant, or `not` over a single is/in test.
static int fold_unaryop(Folder *f, SpExpr *e) {
    SpExpr *arg = e->v.UnaryOp.operand;
    if (arg->kind != SP_EXPR_CONSTANT) {
        // not (a is b) -> a is not b, and the same for in. The node takes
        // the comparison's place, position included.
        if (e->v.UnaryOp.op == SP_UNARY_NOT && arg->kind == SP_EXPR_COMPARE &&
            arg->v.Compare.ops.n == 1) {
            int op = arg->v.Compare.ops.items[0];
            int inv = op == SP_CMP_IS      ? SP_CMP_ISNOT
                      : op == SP_CMP_ISNOT ? SP_CMP_IS
                      : op == SP_CMP_IN    ? SP_CMP_NOTIN
                      : op == SP_CMP_NOTIN ? SP_CMP_IN
                                           : 0;
            if (inv != 0) {
                arg->v.Compare.ops.items[0] = inv;
                *e = *arg;
            }
        }
        return 0;
    }
    SpObject *v = arg->v.Constant.value, *val = NULL;
    switch (e->v.UnaryOp.op) {
    case SP_UNARY_INVERT:
        val = sp_number_invert(v);
        break;
    case SP_UNARY_NOT: {
        int r = sp_object_not(v);
        val = r < 0 ? NULL : sp_bool_from_long(r);
        break;
    }
    case SP_UNARY_UADD:
        val = sp_number_positive(v);
        break;
    case SP_UNARY_USUB:
        val = sp_number_negative(v);
        break;
    }
    return make_const(f, e, val);
}

// A tuple of the constants `elts`, or NULL (no error) if one is not constant.
static SpObject *make_const_tuple(SpExprSeq elts) {
    for (ssize_t i = 0; i < elts.n; i++) {
        if (elts.items[i]->kind != SP_EXPR_CONSTANT) {
            return NULL;
        }
    }
    SpObject *t = sp_tuple_new(elts.n);
    if (t == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < elts.n; i++) {
        SP_TUPLE_SET_ITEM(t, i, sp_newref(elts.items[i]->v.Constant.value));
    }
    return t;
}

// A tuple display of constants (in a load) is a constant.
static int fold_tuple(Folder *f, SpExpr *e) {
    if (e->v.Tuple.ctx != SP_CTX_LOAD) {
        return 0;
    }
    return make_const(f, e, make_const_tuple(e->v.Tuple.elts));
}

// A constant indexed by a constant ("abc"[1], (1, 2)[0]).
static int fold_subscr(Folder *f, SpExpr *e) {
    SpExpr *value = e->v.Subscript.value, *slice = e->v.Subscript.slice;
    if (e->v.Subscript.ctx != SP_CTX_LOAD || value->kind != SP_EXPR_CONSTANT ||
        slice->kind != SP_EXPR_CONSTANT) {
        return 0;
    }
    return make_const(f, e, sp_object_getitem(value->v.Constant.value, slice->v.Constant.value));
}

// The iterable of `in`, `for` and comprehensions: a list display becomes a
// tuple (constant if it can be), a set display of constants a frozenset.
static int fold_iter(Folder *f, SpExpr *arg) {
    SpObject *val;
    if (arg->kind == SP_EXPR_LIST) {
        SpExprSeq elts = arg->v.List.elts;
        for (ssize_t i = 0; i < elts.n; i++) {
            if (elts.items[i]->kind == SP_EXPR_STARRED) {
                return 0;
            }
        }
        SpExprContext ctx = arg->v.List.ctx;
        arg->kind = SP_EXPR_TUPLE;
        arg->v.Tuple.elts = elts;
        arg->v.Tuple.ctx = ctx;
        val = make_const_tuple(elts);
    } else if (arg->kind == SP_EXPR_SET) {
        val = make_const_tuple(arg->v.Set.elts);
        if (val != NULL) {
            SpObject *fs = sp_frozenset_new(val);
            SP_DECREF(val);
            val = fs;
        }
    } else {
        return 0;
    }
    return make_const(f, arg, val);
}

// x in [1, 2]: only the last comparator of a chain is rewritten.
static int fold_compare(Folder *f, SpExpr *e) {
    ssize_t last = e->v.Compare.ops.n - 1;
    int op = e->v.Compare.ops.items[last];
    if (op == SP_CMP_IN || op == SP_CMP_NOTIN) {
        return fold_iter(f, e->v.Compare.comparators.items[last]);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// The walk

// The walk mirrors CPython's astfold_*: children first, then the node.
static int fold_exprs(Folder *f, SpExprSeq seq) {
    for (ssize_t i = 0; i < seq.n; i++) {
        if (seq.items[i] != NULL && fold_expr(f, seq.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int fold_opt(Folder *f, SpExpr *e) { return e != NULL ? fold_expr(f, e) : 0; }

static int fold_keywords(Folder *f, SpKeywordSeq seq) {
    for (ssize_t i = 0; i < seq.n; i++) {
        if (fold_expr(f, seq.items[i]->value) < 0) {
            return -1;
        }
    }
    return 0;
}

// The iterables of comprehensions are rewritten like `for` iterables.
static int fold_comprehensions(Folder *f, SpComprehensionSeq gens) {
    for (ssize_t i = 0; i < gens.n; i++) {
        SpComprehension *g = gens.items[i];
        if (fold_expr(f, g->target) < 0 || fold_expr(f, g->iter) < 0 || fold_exprs(f, g->ifs) < 0 ||
            fold_iter(f, g->iter) < 0) {
            return -1;
        }
    }
    return 0;
}

static int fold_args(Folder *f, SpArgSeq args) {
    for (ssize_t i = 0; i < args.n && !f->keep_annotations; i++) {
        if (fold_opt(f, args.items[i]->annotation) < 0) {
            return -1;
        }
    }
    return 0;
}

// Parameters: annotations (unless postponed) and defaults.
static int fold_arguments(Folder *f, SpArguments *a) {
    if (fold_args(f, a->posonlyargs) < 0 || fold_args(f, a->args) < 0) {
        return -1;
    }
    if (a->vararg != NULL && !f->keep_annotations && fold_opt(f, a->vararg->annotation) < 0) {
        return -1;
    }
    if (fold_args(f, a->kwonlyargs) < 0 || fold_exprs(f, a->kw_defaults) < 0) {
        return -1;
    }
    if (a->kwarg != NULL && !f->keep_annotations && fold_opt(f, a->kwarg->annotation) < 0) {
        return -1;
    }
    return fold_exprs(f, a->defaults);
}

// The dispatcher over expression kinds.
static int fold_expr_inner(Folder *f, SpExpr *e) {
    switch (e->kind) {
    case SP_EXPR_BOOL_OP:
        return fold_exprs(f, e->v.BoolOp.values);
    case SP_EXPR_BIN_OP:
        if (fold_expr(f, e->v.BinOp.left) < 0 || fold_expr(f, e->v.BinOp.right) < 0) {
            return -1;
        }
        return fold_binop(f, e);
    case SP_EXPR_UNARY_OP:
        if (fold_expr(f, e->v.UnaryOp.operand) < 0) {
            return -1;
        }
        return fold_unaryop(f, e);
    case SP_EXPR_LAMBDA:
        if (fold_arguments(f, e->v.Lambda.args) < 0) {
            return -1;
        }
        return fold_expr(f, e->v.Lambda.body);
    case SP_EXPR_IF_EXP:
        if (fold_expr(f, e->v.IfExp.test) < 0 || fold_expr(f, e->v.IfExp.body) < 0) {
            return -1;
        }
        return fold_expr(f, e->v.IfExp.orelse);
    case SP_EXPR_DICT:
        if (fold_exprs(f, e->v.Dict.keys) < 0) {
            return -1;
        }
        return fold_exprs(f, e->v.Dict.values);
    case SP_EXPR_SET:
        return fold_exprs(f, e->v.Set.elts);
    case SP_EXPR_LIST_COMP:
        if (fold_expr(f, e->v.ListComp.elt) < 0) {
            return -1;
        }
        return fold_comprehensions(f, e->v.ListComp.generators);
    case SP_EXPR_SET_COMP:
        if (fold_expr(f, e->v.SetComp.elt) < 0) {
            return -1;
        }
        return fold_comprehensions(f, e->v.SetComp.generators);
    case SP_EXPR_DICT_COMP:
        if (fold_expr(f, e->v.DictComp.key) < 0 || fold_expr(f, e->v.DictComp.value) < 0) {
            return -1;
        }
        return fold_comprehensions(f, e->v.DictComp.generators);
    case SP_EXPR_GENERATOR_EXP:
        if (fold_expr(f, e->v.GeneratorExp.elt) < 0) {
            return -1;
        }
        return fold_comprehensions(f, e->v.GeneratorExp.generators);
    case SP_EXPR_AWAIT:
        return fold_expr(f, e->v.Await.value);
    case SP_EXPR_YIELD:
        return fold_opt(f, e->v.Yield.value);
    case SP_EXPR_YIELD_FROM:
        return fold_expr(f, e->v.YieldFrom.value);
    case SP_EXPR_COMPARE:
        if (fold_expr(f, e->v.Compare.left) < 0 || fold_exprs(f, e->v.Compare.comparators) < 0) {
            return -1;
        }
        return fold_compare(f, e);
    case SP_EXPR_CALL:
        if (fold_expr(f, e->v.Call.func) < 0 || fold_exprs(f, e->v.Call.args) < 0) {
            return -1;
        }
        return fold_keywords(f, e->v.Call.keywords);
    case SP_EXPR_FORMATTED_VALUE:
        if (fold_expr(f, e->v.FormattedValue.value) < 0) {
            return -1;
        }
        return fold_opt(f, e->v.FormattedValue.format_spec);
    case SP_EXPR_JOINED_STR:
        return fold_exprs(f, e->v.JoinedStr.values);
    case SP_EXPR_ATTRIBUTE:
        return fold_expr(f, e->v.Attribute.value);
    case SP_EXPR_SUBSCRIPT:
        if (fold_expr(f, e->v.Subscript.value) < 0 || fold_expr(f, e->v.Subscript.slice) < 0) {
            return -1;
        }
        return fold_subscr(f, e);
    case SP_EXPR_STARRED:
        return fold_expr(f, e->v.Starred.value);
    case SP_EXPR_SLICE:
        if (fold_opt(f, e->v.Slice.lower) < 0 || fold_opt(f, e->v.Slice.upper) < 0) {
            return -1;
        }
        return fold_opt(f, e->v.Slice.step);
    case SP_EXPR_LIST:
        return fold_exprs(f, e->v.List.elts);
    case SP_EXPR_TUPLE:
        if (fold_exprs(f, e->v.Tuple.elts) < 0) {
            return -1;
        }
        return fold_tuple(f, e);
    case SP_EXPR_NAME:
        // No -O: __debug__ is always True.
        if (e->v.Name.ctx == SP_CTX_LOAD && sp_str_eq_cstr(e->v.Name.id, "__debug__")) {
            return make_const(f, e, sp_newref(sp_True));
        }
        return 0;
    case SP_EXPR_NAMED_EXPR:
        return fold_expr(f, e->v.NamedExpr.value);
    case SP_EXPR_CONSTANT:
        return 0;
    }
    return 0;
}

static int fold_expr(Folder *f, SpExpr *e) {
    if (++f->depth > MAX_DEPTH) {
        sp_err_set_string(&SpExc_RecursionError,
                          "maximum recursion depth exceeded during compilation");
        return -1;
    }
    int r = fold_expr_inner(f, e);
    f->depth--;
    return r;
}

// A body: if folding turned the first statement into a string constant
// ("a" + "b"), it must not become a docstring, so it is wrapped in a
// JoinedStr as CPython does.
static int fold_body(Folder *f, SpStmtSeq body) {
    int had_doc = sp_codegen_docstring(body) != NULL;
    if (fold_stmts(f, body) < 0) {
        return -1;
    }
    if (!had_doc && sp_codegen_docstring(body) != NULL) {
        SpStmt *st = body.items[0];
        SpExpr *j = sp_ast_new_expr(f->arena, SP_EXPR_JOINED_STR, st->lineno, st->col_offset,
                                    st->end_lineno, st->end_col_offset);
        SpExpr **items = j != NULL ? sp_arena_alloc(f->arena, sizeof(SpExpr *)) : NULL;
        if (items == NULL) {
            return -1;
        }
        items[0] = st->v.Expr.value;
        j->v.JoinedStr.values.n = 1;
        j->v.JoinedStr.values.items = items;
        st->v.Expr.value = j;
    }
    return 0;
}

// Statements: their expressions and bodies.
static int fold_stmt(Folder *f, SpStmt *s) {
    switch (s->kind) {
    case SP_STMT_FUNCTION_DEF:
        if (fold_arguments(f, s->v.FunctionDef.args) < 0 ||
            fold_body(f, s->v.FunctionDef.body) < 0 ||
            fold_exprs(f, s->v.FunctionDef.decorator_list) < 0) {
            return -1;
        }
        return f->keep_annotations ? 0 : fold_opt(f, s->v.FunctionDef.returns);
    case SP_STMT_CLASS_DEF:
        if (fold_exprs(f, s->v.ClassDef.bases) < 0 ||
            fold_keywords(f, s->v.ClassDef.keywords) < 0 || fold_body(f, s->v.ClassDef.body) < 0) {
            return -1;
        }
        return fold_exprs(f, s->v.ClassDef.decorator_list);
    case SP_STMT_RETURN:
        return fold_opt(f, s->v.Return.value);
    case SP_STMT_DELETE:
        return fold_exprs(f, s->v.Delete.targets);
    case SP_STMT_ASSIGN:
        if (fold_exprs(f, s->v.Assign.targets) < 0) {
            return -1;
        }
        return fold_expr(f, s->v.Assign.value);
    case SP_STMT_AUG_ASSIGN:
        if (fold_expr(f, s->v.AugAssign.target) < 0) {
            return -1;
        }
        return fold_expr(f, s->v.AugAssign.value);
    case SP_STMT_ANN_ASSIGN:
        if (fold_expr(f, s->v.AnnAssign.target) < 0 ||
            (!f->keep_annotations && fold_expr(f, s->v.AnnAssign.annotation) < 0)) {
            return -1;
        }
        return fold_opt(f, s->v.AnnAssign.value);
    case SP_STMT_FOR:
        if (fold_expr(f, s->v.For.target) < 0 || fold_expr(f, s->v.For.iter) < 0 ||
            fold_stmts(f, s->v.For.body) < 0 || fold_stmts(f, s->v.For.orelse) < 0) {
            return -1;
        }
        return fold_iter(f, s->v.For.iter);
    case SP_STMT_WHILE:
        if (fold_expr(f, s->v.While.test) < 0 || fold_stmts(f, s->v.While.body) < 0) {
            return -1;
        }
        return fold_stmts(f, s->v.While.orelse);
    case SP_STMT_IF:
        if (fold_expr(f, s->v.If.test) < 0 || fold_stmts(f, s->v.If.body) < 0) {
            return -1;
        }
        return fold_stmts(f, s->v.If.orelse);
    case SP_STMT_WITH:
        for (ssize_t i = 0; i < s->v.With.items.n; i++) {
            SpWithItem *item = s->v.With.items.items[i];
            if (fold_expr(f, item->context_expr) < 0 || fold_opt(f, item->optional_vars) < 0) {
                return -1;
            }
        }
        return fold_stmts(f, s->v.With.body);
    case SP_STMT_RAISE:
        if (fold_opt(f, s->v.Raise.exc) < 0) {
            return -1;
        }
        return fold_opt(f, s->v.Raise.cause);
    case SP_STMT_TRY:
        if (fold_stmts(f, s->v.Try.body) < 0) {
            return -1;
        }
        for (ssize_t i = 0; i < s->v.Try.handlers.n; i++) {
            SpExceptHandler *h = s->v.Try.handlers.items[i];
            if (fold_opt(f, h->type) < 0 || fold_stmts(f, h->body) < 0) {
                return -1;
            }
        }
        if (fold_stmts(f, s->v.Try.orelse) < 0) {
            return -1;
        }
        return fold_stmts(f, s->v.Try.finalbody);
    case SP_STMT_ASSERT:
        if (fold_expr(f, s->v.Assert.test) < 0) {
            return -1;
        }
        return fold_opt(f, s->v.Assert.msg);
    case SP_STMT_EXPR:
        return fold_expr(f, s->v.Expr.value);
    default:
        return 0;
    }
}

static int fold_stmts(Folder *f, SpStmtSeq seq) {
    for (ssize_t i = 0; i < seq.n; i++) {
        if (++f->depth > MAX_DEPTH) {
            sp_err_set_string(&SpExc_RecursionError,
                              "maximum recursion depth exceeded during compilation");
            return -1;
        }
        int r = fold_stmt(f, seq.items[i]);
        f->depth--;
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

// Entry point: the module's body is a body (docstring rule), an
// interactive statement list is not.
int sp_fold_constants(SpAstMod *mod, SpArena *arena, int future_annotations) {
    Folder f = {arena, 0, future_annotations};
    switch (mod->kind) {
    case SP_MOD_MODULE:
        return fold_body(&f, mod->v.Module.body);
    case SP_MOD_INTERACTIVE:
        return fold_stmts(&f, mod->v.Interactive.body);
    default:
        return fold_expr(&f, mod->v.Expression.body);
    }
}
