// smallpy: expressions back to source text, for `from __future__ import
// annotations` (annotations are stored as strings). The text is CPython's
// normalised form: minimal parentheses by precedence, ", " between items,
// repr() of constants. Counterpart: CPython 3.11 Python/ast_unparse.c.
#define SP_COMPILER_INTERNAL
#include "compiler/codegen.h"

#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

// Precedence levels, loosest first.
enum {
    PR_TUPLE,
    PR_TEST, // if-else, lambda
    PR_OR,
    PR_AND,
    PR_NOT,
    PR_CMP,
    PR_EXPR,
    PR_BOR = PR_EXPR,
    PR_BXOR,
    PR_BAND,
    PR_SHIFT,
    PR_ARITH,
    PR_TERM,
    PR_FACTOR,
    PR_POWER,
    PR_AWAIT,
    PR_ATOM,
};

static int unparse(SpStrWriter *w, SpExpr *e, int level);

// Small writers: ASCII text, conditional text, repr() of an object.
static int put(SpStrWriter *w, const char *s) {
    return sp_str_writer_write_ascii(w, s, (ssize_t)strlen(s));
}

static int put_if(SpStrWriter *w, int cond, const char *s) { return cond ? put(w, s) : 0; }

static int put_repr(SpStrWriter *w, SpObject *o) {
    SpObject *r = sp_object_repr(o);
    if (r == NULL) {
        return -1;
    }
    int rc = sp_str_writer_write_str(w, r);
    SP_DECREF(r);
    return rc;
}

static int put_constant(SpStrWriter *w, SpObject *v) {
    if (v == sp_Ellipsis) {
        return put(w, "...");
    }
    if (SP_FLOAT_CHECK_EXACT(v)) {
        // inf and nan have no literal: CPython writes 1e309 (and 1e309-1e309).
        double d = SP_FLOAT_VALUE(v);
        if (d != d) {
            return put(w, "(1e309-1e309)");
        }
        if (d > 1e308 || d < -1e308) {
            return put(w, d > 0 ? "1e309" : "-1e309");
        }
    }
    return put_repr(w, v);
}

// Items separated by ", ".
static int unparse_seq(SpStrWriter *w, SpExprSeq seq, int level) {
    for (ssize_t i = 0; i < seq.n; i++) {
        if (put_if(w, i > 0, ", ") < 0 || unparse(w, seq.items[i], level) < 0) {
            return -1;
        }
    }
    return 0;
}

// A lambda's parameters: defaults attach to the last positional ones; a
// bare * separates keyword-only parameters when there is no *args.
static int unparse_args(SpStrWriter *w, SpArguments *a) {
    int first = 1;
    ssize_t npos = a->posonlyargs.n + a->args.n;
    ssize_t di = npos - a->defaults.n; // first argument with a default
    for (ssize_t i = 0; i < npos; i++) {
        SpArg *arg =
            i < a->posonlyargs.n ? a->posonlyargs.items[i] : a->args.items[i - a->posonlyargs.n];
        if (put_if(w, !first, ", ") < 0 || sp_str_writer_write_str(w, arg->arg) < 0) {
            return -1;
        }
        first = 0;
        if (i >= di && (put(w, "=") < 0 || unparse(w, a->defaults.items[i - di], PR_TEST) < 0)) {
            return -1;
        }
        if (a->posonlyargs.n > 0 && i + 1 == a->posonlyargs.n && put(w, ", /") < 0) {
            return -1;
        }
    }
    if (a->vararg != NULL || a->kwonlyargs.n > 0) {
        if (put_if(w, !first, ", ") < 0 || put(w, "*") < 0) {
            return -1;
        }
        first = 0;
        if (a->vararg != NULL && sp_str_writer_write_str(w, a->vararg->arg) < 0) {
            return -1;
        }
    }
    for (ssize_t i = 0; i < a->kwonlyargs.n; i++) {
        if (put(w, ", ") < 0 || sp_str_writer_write_str(w, a->kwonlyargs.items[i]->arg) < 0) {
            return -1;
        }
        SpExpr *d = a->kw_defaults.items[i];
        if (d != NULL && (put(w, "=") < 0 || unparse(w, d, PR_TEST) < 0)) {
            return -1;
        }
    }
    if (a->kwarg != NULL) {
        if (put_if(w, !first, ", ") < 0 || put(w, "**") < 0 ||
            sp_str_writer_write_str(w, a->kwarg->arg) < 0) {
            return -1;
        }
    }
    return 0;
}

// " for target in iter if cond" for each generator of a comprehension.
static int unparse_comprehensions(SpStrWriter *w, SpComprehensionSeq gens) {
    for (ssize_t i = 0; i < gens.n; i++) {
        SpComprehension *g = gens.items[i];
        if (put(w, " for ") < 0 || unparse(w, g->target, PR_TUPLE) < 0 || put(w, " in ") < 0 ||
            unparse(w, g->iter, PR_TEST + 1) < 0) {
            return -1;
        }
        for (ssize_t j = 0; j < g->ifs.n; j++) {
            if (put(w, " if ") < 0 || unparse(w, g->ifs.items[j], PR_TEST + 1) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

// The inside of an f-string (without f and quotes): literal braces doubled.
static int fstring_body(SpStrWriter *w, SpExpr *e);

static int fstring_element(SpStrWriter *w, SpExpr *e) {
    if (e->kind == SP_EXPR_CONSTANT && SP_STR_CHECK(e->v.Constant.value)) {
        SpObject *s = e->v.Constant.value;
        for (ssize_t i = 0; i < SP_STR_LENGTH(s); i++) {
            SpUCS4 ch = SP_STR_READ_CHAR(s, i);
            if (sp_str_writer_write_char(w, ch) < 0) {
                return -1;
            }
            if ((ch == '{' || ch == '}') && sp_str_writer_write_char(w, ch) < 0) {
                return -1;
            }
        }
        return 0;
    }
    if (e->kind == SP_EXPR_JOINED_STR) {
        return fstring_body(w, e);
    }
    // A replacement field; a leading '{' in the expression needs a space.
    SpStrWriter inner;
    sp_str_writer_init(&inner);
    if (unparse(&inner, e->v.FormattedValue.value, PR_TEST + 1) < 0) {
        sp_str_writer_discard(&inner);
        return -1;
    }
    SpObject *text = sp_str_writer_finish(&inner);
    if (text == NULL || put(w, "{") < 0) {
        SP_XDECREF(text);
        return -1;
    }
    int rc = put_if(w, SP_STR_LENGTH(text) > 0 && SP_STR_READ_CHAR(text, 0) == '{', " ");
    if (rc == 0) {
        rc = sp_str_writer_write_str(w, text);
    }
    SP_DECREF(text);
    if (rc < 0) {
        return -1;
    }
    int conv = e->v.FormattedValue.conversion;
    if (conv != SP_CONV_NONE) {
        char buf[3] = {'!', (char)conv, 0};
        if (put(w, buf) < 0) {
            return -1;
        }
    }
    SpExpr *spec = e->v.FormattedValue.format_spec;
    if (spec != NULL && (put(w, ":") < 0 || fstring_element(w, spec) < 0)) {
        return -1;
    }
    return put(w, "}");
}

static int fstring_body(SpStrWriter *w, SpExpr *e) {
    for (ssize_t i = 0; i < e->v.JoinedStr.values.n; i++) {
        if (fstring_element(w, e->v.JoinedStr.values.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// f'...': the body is built first and then written with repr(), which
// chooses the quotes.
static int unparse_fstring(SpStrWriter *w, SpExpr *e) {
    SpStrWriter body;
    sp_str_writer_init(&body);
    int rc = e->kind == SP_EXPR_JOINED_STR ? fstring_body(&body, e) : fstring_element(&body, e);
    if (rc < 0) {
        sp_str_writer_discard(&body);
        return -1;
    }
    SpObject *s = sp_str_writer_finish(&body);
    if (s == NULL || put(w, "f") < 0) {
        SP_XDECREF(s);
        return -1;
    }
    rc = put_repr(w, s);
    SP_DECREF(s);
    return rc;
}

// Operator text with its surrounding spaces, and its precedence.
static const char *binop_text(SpOperator op, int *pr) {
    switch (op) {
    case SP_BINOP_ADD:
        return *pr = PR_ARITH, " + ";
    case SP_BINOP_SUB:
        return *pr = PR_ARITH, " - ";
    case SP_BINOP_MULT:
        return *pr = PR_TERM, " * ";
    case SP_BINOP_MATMULT:
        return *pr = PR_TERM, " @ ";
    case SP_BINOP_DIV:
        return *pr = PR_TERM, " / ";
    case SP_BINOP_MOD:
        return *pr = PR_TERM, " % ";
    case SP_BINOP_FLOORDIV:
        return *pr = PR_TERM, " // ";
    case SP_BINOP_LSHIFT:
        return *pr = PR_SHIFT, " << ";
    case SP_BINOP_RSHIFT:
        return *pr = PR_SHIFT, " >> ";
    case SP_BINOP_BITOR:
        return *pr = PR_BOR, " | ";
    case SP_BINOP_BITXOR:
        return *pr = PR_BXOR, " ^ ";
    case SP_BINOP_BITAND:
        return *pr = PR_BAND, " & ";
    case SP_BINOP_POW:
        return *pr = PR_POWER, " ** ";
    }
    return *pr = PR_ARITH, " ? ";
}

// Comparison operators, indexed by SpCmpOp.
static const char *cmpop_text(int op) {
    static const char *const names[] = {"",     " == ", " != ",     " < ",  " <= ",    " > ",
                                        " >= ", " is ", " is not ", " in ", " not in "};
    return op >= 1 && op <= 10 ? names[op] : " ? ";
}

// Write e where the context binds at `level`: parentheses are added when
// the expression binds more loosely than its context.
static int unparse(SpStrWriter *w, SpExpr *e, int level) {
    switch (e->kind) {
    case SP_EXPR_BOOL_OP: {
        int pr = e->v.BoolOp.op == SP_BOOL_AND ? PR_AND : PR_OR;
        const char *op = e->v.BoolOp.op == SP_BOOL_AND ? " and " : " or ";
        if (put_if(w, level > pr, "(") < 0) {
            return -1;
        }
        for (ssize_t i = 0; i < e->v.BoolOp.values.n; i++) {
            if (put_if(w, i > 0, op) < 0 || unparse(w, e->v.BoolOp.values.items[i], pr + 1) < 0) {
                return -1;
            }
        }
        return put_if(w, level > pr, ")");
    }
    case SP_EXPR_BIN_OP: {
        int pr;
        const char *op = binop_text(e->v.BinOp.op, &pr);
        int rassoc = e->v.BinOp.op == SP_BINOP_POW;
        if (put_if(w, level > pr, "(") < 0 || unparse(w, e->v.BinOp.left, pr + rassoc) < 0 ||
            put(w, op) < 0 || unparse(w, e->v.BinOp.right, pr + !rassoc) < 0) {
            return -1;
        }
        return put_if(w, level > pr, ")");
    }
    case SP_EXPR_UNARY_OP: {
        const char *op = "~";
        int pr = PR_FACTOR;
        switch (e->v.UnaryOp.op) {
        case SP_UNARY_NOT:
            op = "not ", pr = PR_NOT;
            break;
        case SP_UNARY_UADD:
            op = "+";
            break;
        case SP_UNARY_USUB:
            op = "-";
            break;
        default:
            break;
        }
        if (put_if(w, level > pr, "(") < 0 || put(w, op) < 0 ||
            unparse(w, e->v.UnaryOp.operand, pr) < 0) {
            return -1;
        }
        return put_if(w, level > pr, ")");
    }
    case SP_EXPR_LAMBDA: {
        SpArguments *a = e->v.Lambda.args;
        int has_args = a->posonlyargs.n + a->args.n + a->kwonlyargs.n > 0 || a->vararg != NULL ||
                       a->kwarg != NULL;
        if (put_if(w, level > PR_TEST, "(") < 0 || put(w, "lambda") < 0) {
            return -1;
        }
        if (has_args && (put(w, " ") < 0 || unparse_args(w, a) < 0)) {
            return -1;
        }
        if (put(w, ": ") < 0 || unparse(w, e->v.Lambda.body, PR_TEST) < 0) {
            return -1;
        }
        return put_if(w, level > PR_TEST, ")");
    }
    case SP_EXPR_IF_EXP:
        if (put_if(w, level > PR_TEST, "(") < 0 || unparse(w, e->v.IfExp.body, PR_TEST + 1) < 0 ||
            put(w, " if ") < 0 || unparse(w, e->v.IfExp.test, PR_TEST + 1) < 0 ||
            put(w, " else ") < 0 || unparse(w, e->v.IfExp.orelse, PR_TEST) < 0) {
            return -1;
        }
        return put_if(w, level > PR_TEST, ")");
    case SP_EXPR_DICT:
        if (put(w, "{") < 0) {
            return -1;
        }
        for (ssize_t i = 0; i < e->v.Dict.values.n; i++) {
            if (put_if(w, i > 0, ", ") < 0) {
                return -1;
            }
            SpExpr *k = e->v.Dict.keys.items[i];
            if (k == NULL) {
                if (put(w, "**") < 0 || unparse(w, e->v.Dict.values.items[i], PR_EXPR) < 0) {
                    return -1;
                }
            } else if (unparse(w, k, PR_TEST) < 0 || put(w, ": ") < 0 ||
                       unparse(w, e->v.Dict.values.items[i], PR_TEST) < 0) {
                return -1;
            }
        }
        return put(w, "}");
    case SP_EXPR_SET:
        if (e->v.Set.elts.n == 0) {
            return put(w, "{*()}");
        }
        if (put(w, "{") < 0 || unparse_seq(w, e->v.Set.elts, PR_TEST) < 0) {
            return -1;
        }
        return put(w, "}");
    case SP_EXPR_LIST_COMP:
        if (put(w, "[") < 0 || unparse(w, e->v.ListComp.elt, PR_TEST) < 0 ||
            unparse_comprehensions(w, e->v.ListComp.generators) < 0) {
            return -1;
        }
        return put(w, "]");
    case SP_EXPR_SET_COMP:
        if (put(w, "{") < 0 || unparse(w, e->v.SetComp.elt, PR_TEST) < 0 ||
            unparse_comprehensions(w, e->v.SetComp.generators) < 0) {
            return -1;
        }
        return put(w, "}");
    case SP_EXPR_DICT_COMP:
        if (put(w, "{") < 0 || unparse(w, e->v.DictComp.key, PR_TEST) < 0 || put(w, ": ") < 0 ||
            unparse(w, e->v.DictComp.value, PR_TEST) < 0 ||
            unparse_comprehensions(w, e->v.DictComp.generators) < 0) {
            return -1;
        }
        return put(w, "}");
    case SP_EXPR_GENERATOR_EXP:
        if (put(w, "(") < 0 || unparse(w, e->v.GeneratorExp.elt, PR_TEST) < 0 ||
            unparse_comprehensions(w, e->v.GeneratorExp.generators) < 0) {
            return -1;
        }
        return put(w, ")");
    case SP_EXPR_AWAIT:
        if (put_if(w, level > PR_AWAIT, "(") < 0 || put(w, "await ") < 0 ||
            unparse(w, e->v.Await.value, PR_ATOM) < 0) {
            return -1;
        }
        return put_if(w, level > PR_AWAIT, ")");
    case SP_EXPR_YIELD:
        if (e->v.Yield.value == NULL) {
            return put(w, "(yield)");
        }
        if (put(w, "(yield ") < 0 || unparse(w, e->v.Yield.value, PR_TEST) < 0) {
            return -1;
        }
        return put(w, ")");
    case SP_EXPR_YIELD_FROM:
        if (put(w, "(yield from ") < 0 || unparse(w, e->v.YieldFrom.value, PR_TEST) < 0) {
            return -1;
        }
        return put(w, ")");
    case SP_EXPR_COMPARE:
        if (put_if(w, level > PR_CMP, "(") < 0 || unparse(w, e->v.Compare.left, PR_CMP + 1) < 0) {
            return -1;
        }
        for (ssize_t i = 0; i < e->v.Compare.ops.n; i++) {
            if (put(w, cmpop_text(e->v.Compare.ops.items[i])) < 0 ||
                unparse(w, e->v.Compare.comparators.items[i], PR_CMP + 1) < 0) {
                return -1;
            }
        }
        return put_if(w, level > PR_CMP, ")");
    case SP_EXPR_CALL: {
        SpExprSeq args = e->v.Call.args;
        SpKeywordSeq kws = e->v.Call.keywords;
        if (unparse(w, e->v.Call.func, PR_ATOM) < 0) {
            return -1;
        }
        // f(x for x in y): the generator's own parentheses suffice.
        if (args.n == 1 && kws.n == 0 && args.items[0]->kind == SP_EXPR_GENERATOR_EXP) {
            return unparse(w, args.items[0], PR_TEST);
        }
        if (put(w, "(") < 0 || unparse_seq(w, args, PR_TEST) < 0) {
            return -1;
        }
        for (ssize_t i = 0; i < kws.n; i++) {
            SpKeyword *k = kws.items[i];
            if (put_if(w, i > 0 || args.n > 0, ", ") < 0) {
                return -1;
            }
            if (k->arg == NULL) {
                if (put(w, "**") < 0) {
                    return -1;
                }
            } else if (sp_str_writer_write_str(w, k->arg) < 0 || put(w, "=") < 0) {
                return -1;
            }
            if (unparse(w, k->value, PR_TEST) < 0) {
                return -1;
            }
        }
        return put(w, ")");
    }
    case SP_EXPR_FORMATTED_VALUE:
    case SP_EXPR_JOINED_STR:
        return unparse_fstring(w, e);
    case SP_EXPR_CONSTANT:
        if (e->v.Constant.kind != NULL && put(w, "u") < 0) {
            return -1;
        }
        return put_constant(w, e->v.Constant.value);
    case SP_EXPR_ATTRIBUTE: {
        SpExpr *v = e->v.Attribute.value;
        if (unparse(w, v, PR_ATOM) < 0) {
            return -1;
        }
        // 1 .real: an int needs the space.
        int space = v->kind == SP_EXPR_CONSTANT && SP_INT_CHECK_EXACT(v->v.Constant.value);
        if (put(w, space ? " ." : ".") < 0) {
            return -1;
        }
        return sp_str_writer_write_str(w, e->v.Attribute.attr);
    }
    case SP_EXPR_SUBSCRIPT:
        if (unparse(w, e->v.Subscript.value, PR_ATOM) < 0 || put(w, "[") < 0 ||
            unparse(w, e->v.Subscript.slice, PR_TUPLE) < 0) {
            return -1;
        }
        return put(w, "]");
    case SP_EXPR_STARRED:
        if (put(w, "*") < 0) {
            return -1;
        }
        return unparse(w, e->v.Starred.value, PR_EXPR);
    case SP_EXPR_NAME:
        return sp_str_writer_write_str(w, e->v.Name.id);
    case SP_EXPR_LIST:
        if (put(w, "[") < 0 || unparse_seq(w, e->v.List.elts, PR_TEST) < 0) {
            return -1;
        }
        return put(w, "]");
    case SP_EXPR_TUPLE: {
        ssize_t n = e->v.Tuple.elts.n;
        if (n == 0) {
            return put(w, "()");
        }
        if (put_if(w, level > PR_TUPLE, "(") < 0 || unparse_seq(w, e->v.Tuple.elts, PR_TEST) < 0 ||
            put_if(w, n == 1, ",") < 0) {
            return -1;
        }
        return put_if(w, level > PR_TUPLE, ")");
    }
    case SP_EXPR_SLICE:
        if (e->v.Slice.lower != NULL && unparse(w, e->v.Slice.lower, PR_TEST) < 0) {
            return -1;
        }
        if (put(w, ":") < 0) {
            return -1;
        }
        if (e->v.Slice.upper != NULL && unparse(w, e->v.Slice.upper, PR_TEST) < 0) {
            return -1;
        }
        if (e->v.Slice.step != NULL &&
            (put(w, ":") < 0 || unparse(w, e->v.Slice.step, PR_TEST) < 0)) {
            return -1;
        }
        return 0;
    case SP_EXPR_NAMED_EXPR:
        if (put_if(w, level > PR_TUPLE, "(") < 0 ||
            unparse(w, e->v.NamedExpr.target, PR_ATOM) < 0 || put(w, " := ") < 0 ||
            unparse(w, e->v.NamedExpr.value, PR_ATOM) < 0) {
            return -1;
        }
        return put_if(w, level > PR_TUPLE, ")");
    }
    return 0;
}

// An annotation is written at the level of a test (no tuple parentheses).
SpObject *sp_ast_unparse(SpExpr *e) {
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (unparse(&w, e, PR_TEST) < 0) {
        sp_str_writer_discard(&w);
        return NULL;
    }
    return sp_str_writer_finish(&w);
}
