// smallpy: code generation for expressions: operators, comparisons (chained
// and in conditional jumps), boolean short-circuits, displays with star
// unpacking, calls (plain, method, keyword, *args/**kwargs), attributes,
// subscripts and slices, f-strings, yield, walrus, unpacking targets.
// Counterpart: CPython 3.11 Python/compile.c (compiler_visit_expr1 and
// helpers).
#define SP_COMPILER_INTERNAL
#include "compiler/codegen.h"

#include "core/abstract.h"
#include "core/err.h"
#include "objects/bytes.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

#define MAX_DEPTH 3000
// Beyond this many items, displays and calls are built incrementally so the
// value stack stays small (CPython's STACK_USE_GUIDELINE).
#define STACK_USE_GUIDELINE 30

// Each expression of a sequence, left to right, each leaving one value.
int sp_cg_exprs(SpCompiler *c, SpExprSeq seq) {
    for (ssize_t i = 0; i < seq.n; i++) {
        if (sp_cg_expr(c, seq.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// When an attribute spans lines, the instruction points at the attribute
// name (so a traceback marks `.name`, not the whole chain).
void sp_cg_attr_location(SpCompiler *c, SpExpr *attr) {
    SpCodePosition *loc = &c->u->loc;
    if (loc->line != attr->end_lineno) {
        loc->line = attr->end_lineno;
        int len = (int)SP_STR_LENGTH(attr->v.Attribute.attr);
        if (len <= attr->end_col_offset) {
            loc->col = attr->end_col_offset - len;
        } else {
            loc->col = -1;
            loc->end_col = -1;
        }
        if (loc->end_line < loc->line) {
            loc->end_line = loc->line;
        }
        if (loc->line == loc->end_line && loc->end_col < loc->col) {
            loc->end_col = loc->col;
        }
    }
}

// ---------------------------------------------------------------------------
// Comparisons and conditions

// A JUMP without a position of its own (CPython's ADDOP_JUMP_NOLINE): it
// takes its block's, and may be threaded through like other artificial code.
static int emit_artificial_jump(SpCompiler *c, int label) {
    SpCodePosition saved = c->u->loc;
    SP_UNSET_LOC(c);
    int r = sp_cg_emit(c, SP_OP_JUMP, label);
    c->u->loc = saved;
    return r;
}

// One comparison operator: COMPARE_OP for the rich comparisons, IS_OP and
// CONTAINS_OP (with the negation in the argument) for the others.
static int compare_op(SpCompiler *c, int op) {
    switch (op) {
    case SP_CMP_EQ:
        return sp_cg_emit(c, SP_OP_COMPARE_OP, SP_EQ);
    case SP_CMP_NOTEQ:
        return sp_cg_emit(c, SP_OP_COMPARE_OP, SP_NE);
    case SP_CMP_LT:
        return sp_cg_emit(c, SP_OP_COMPARE_OP, SP_LT);
    case SP_CMP_LTE:
        return sp_cg_emit(c, SP_OP_COMPARE_OP, SP_LE);
    case SP_CMP_GT:
        return sp_cg_emit(c, SP_OP_COMPARE_OP, SP_GT);
    case SP_CMP_GTE:
        return sp_cg_emit(c, SP_OP_COMPARE_OP, SP_GE);
    case SP_CMP_IS:
        return sp_cg_emit(c, SP_OP_IS_OP, 0);
    case SP_CMP_ISNOT:
        return sp_cg_emit(c, SP_OP_IS_OP, 1);
    case SP_CMP_IN:
        return sp_cg_emit(c, SP_OP_CONTAINS_OP, 0);
    default:
        return sp_cg_emit(c, SP_OP_CONTAINS_OP, 1);
    }
}

// ---------------------------------------------------------------------------
// SyntaxWarnings for code that is surely a mistake (CPython's check_compare,
// check_caller, check_subscripter, check_index).

// The type a literal expression evaluates to, or NULL if unknown.
static const char *infer_type_name(SpExpr *e) {
    switch (e->kind) {
    case SP_EXPR_TUPLE:
        return "tuple";
    case SP_EXPR_LIST:
    case SP_EXPR_LIST_COMP:
        return "list";
    case SP_EXPR_DICT:
    case SP_EXPR_DICT_COMP:
        return "dict";
    case SP_EXPR_SET:
    case SP_EXPR_SET_COMP:
        return "set";
    case SP_EXPR_GENERATOR_EXP:
        return "generator";
    case SP_EXPR_LAMBDA:
        return "function";
    case SP_EXPR_JOINED_STR:
    case SP_EXPR_FORMATTED_VALUE:
        return "str";
    case SP_EXPR_CONSTANT:
        return sp_object_type_name(e->v.Constant.value);
    default:
        return NULL;
    }
}

// `is` makes sense with None, True, False, ... but not with other literals.
static int is_ok_with_is(SpExpr *e) {
    if (e->kind != SP_EXPR_CONSTANT) {
        return 1;
    }
    SpObject *v = e->v.Constant.value;
    return v == sp_None || v == sp_False || v == sp_True || v == sp_Ellipsis;
}

static int check_compare(SpCompiler *c, SpExpr *e) {
    int left = is_ok_with_is(e->v.Compare.left);
    for (ssize_t i = 0; i < e->v.Compare.ops.n; i++) {
        int op = e->v.Compare.ops.items[i];
        int right = is_ok_with_is(e->v.Compare.comparators.items[i]);
        if ((op == SP_CMP_IS || op == SP_CMP_ISNOT) && (!left || !right)) {
            return sp_cg_warn(c, op == SP_CMP_IS
                                     ? "\"is\" with a literal. Did you mean \"==\"?"
                                     : "\"is not\" with a literal. Did you mean \"!=\"?");
        }
        left = right;
    }
    return 0;
}

static int check_caller(SpCompiler *c, SpExpr *e) {
    switch (e->kind) {
    case SP_EXPR_CONSTANT:
    case SP_EXPR_TUPLE:
    case SP_EXPR_LIST:
    case SP_EXPR_LIST_COMP:
    case SP_EXPR_DICT:
    case SP_EXPR_DICT_COMP:
    case SP_EXPR_SET:
    case SP_EXPR_SET_COMP:
    case SP_EXPR_GENERATOR_EXP:
    case SP_EXPR_JOINED_STR:
    case SP_EXPR_FORMATTED_VALUE:
        return sp_cg_warn(c, "'%.200s' object is not callable; perhaps you missed a comma?",
                          infer_type_name(e));
    default:
        return 0;
    }
}

static int check_subscripter(SpCompiler *c, SpExpr *e) {
    switch (e->kind) {
    case SP_EXPR_CONSTANT: {
        SpObject *v = e->v.Constant.value;
        if (!(v == sp_None || v == sp_Ellipsis || SP_INT_CHECK(v) || SP_FLOAT_CHECK(v) ||
              SP_ANYSET_CHECK(v))) {
            return 0;
        }
    }
        // fall through
    case SP_EXPR_SET:
    case SP_EXPR_SET_COMP:
    case SP_EXPR_GENERATOR_EXP:
    case SP_EXPR_LAMBDA:
        return sp_cg_warn(c, "'%.200s' object is not subscriptable; perhaps you missed a comma?",
                          infer_type_name(e));
    default:
        return 0;
    }
}

static int check_index(SpCompiler *c, SpExpr *e, SpExpr *s) {
    const char *index_type = infer_type_name(s);
    if (index_type == NULL || s->kind == SP_EXPR_SLICE ||
        (s->kind == SP_EXPR_CONSTANT && SP_INT_CHECK(s->v.Constant.value))) {
        return 0;
    }
    switch (e->kind) {
    case SP_EXPR_CONSTANT: {
        SpObject *v = e->v.Constant.value;
        if (!(SP_STR_CHECK(v) || SP_BYTES_CHECK(v) || SP_TUPLE_CHECK(v))) {
            return 0;
        }
    }
        // fall through
    case SP_EXPR_TUPLE:
    case SP_EXPR_LIST:
    case SP_EXPR_LIST_COMP:
    case SP_EXPR_JOINED_STR:
    case SP_EXPR_FORMATTED_VALUE:
        return sp_cg_warn(c,
                          "%.200s indices must be integers or slices, not %.200s; perhaps you "
                          "missed a comma?",
                          infer_type_name(e), index_type);
    default:
        return 0;
    }
}

// A comparison as a value. A chain a < b < c evaluates b once: it is kept
// under the first result (SWAP 2, COPY 2) for the next comparison, and a
// false result jumps to a cleanup that drops it.
static int compile_compare(SpCompiler *c, SpExpr *e) {
    ssize_t n = e->v.Compare.ops.n - 1;
    if (check_compare(c, e) < 0) {
        return -1;
    }
    if (sp_cg_expr(c, e->v.Compare.left) < 0) {
        return -1;
    }
    if (n == 0) {
        if (sp_cg_expr(c, e->v.Compare.comparators.items[0]) < 0) {
            return -1;
        }
        return compare_op(c, e->v.Compare.ops.items[0]);
    }
    // a < b < c: keep b for the next comparison; stop at the first false.
    int cleanup = sp_cg_new_label(c), end = sp_cg_new_label(c);
    if (cleanup < 0 || end < 0) {
        return -1;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (sp_cg_expr(c, e->v.Compare.comparators.items[i]) < 0 ||
            sp_cg_emit(c, SP_OP_SWAP, 2) < 0 || sp_cg_emit(c, SP_OP_COPY, 2) < 0 ||
            compare_op(c, e->v.Compare.ops.items[i]) < 0 ||
            sp_cg_emit(c, SP_OP_JUMP_IF_FALSE_OR_POP, cleanup) < 0) {
            return -1;
        }
    }
    if (sp_cg_expr(c, e->v.Compare.comparators.items[n]) < 0 ||
        compare_op(c, e->v.Compare.ops.items[n]) < 0 || emit_artificial_jump(c, end) < 0) {
        return -1;
    }
    sp_cg_use_label(c, cleanup);
    if (sp_cg_emit(c, SP_OP_SWAP, 2) < 0 || sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0) {
        return -1;
    }
    sp_cg_use_label(c, end);
    return 0;
}

// Conditions are compiled as jumps, never as a bool that is then tested:
// `not` flips the sense, and/or become chains of jumps, a conditional
// expression jumps from both arms, a chained comparison jumps on the first
// false link. Constant conditions are folded later by sp_cg_emit.
int sp_cg_jump_if(SpCompiler *c, SpExpr *e, int label, int cond) {
    switch (e->kind) {
    case SP_EXPR_UNARY_OP:
        if (e->v.UnaryOp.op == SP_UNARY_NOT) {
            return sp_cg_jump_if(c, e->v.UnaryOp.operand, label, !cond);
        }
        break;
    case SP_EXPR_BOOL_OP: {
        SpExprSeq s = e->v.BoolOp.values;
        int cond2 = e->v.BoolOp.op == SP_BOOL_OR;
        int next2 = label;
        if (!cond2 != !cond && (next2 = sp_cg_new_label(c)) < 0) {
            return -1;
        }
        for (ssize_t i = 0; i < s.n - 1; i++) {
            if (sp_cg_jump_if(c, s.items[i], next2, cond2) < 0) {
                return -1;
            }
        }
        if (sp_cg_jump_if(c, s.items[s.n - 1], label, cond) < 0) {
            return -1;
        }
        if (next2 != label) {
            sp_cg_use_label(c, next2);
        }
        return 0;
    }
    case SP_EXPR_IF_EXP: {
        int end = sp_cg_new_label(c), next2 = sp_cg_new_label(c);
        if (end < 0 || next2 < 0 || sp_cg_jump_if(c, e->v.IfExp.test, next2, 0) < 0 ||
            sp_cg_jump_if(c, e->v.IfExp.body, label, cond) < 0) {
            return -1;
        }
        if (emit_artificial_jump(c, end) < 0) {
            return -1;
        }
        sp_cg_use_label(c, next2);
        if (sp_cg_jump_if(c, e->v.IfExp.orelse, label, cond) < 0) {
            return -1;
        }
        sp_cg_use_label(c, end);
        return 0;
    }
    case SP_EXPR_COMPARE: {
        // As CPython 3.11, the comparison's position stays current
        // afterwards: the jump (and an assert's raise) take it.
        c->u->loc = SP_POS_OF(e);
        ssize_t n = e->v.Compare.ops.n - 1;
        if (n == 0) {
            break;
        }
        if (check_compare(c, e) < 0) {
            return -1;
        }
        int cleanup = sp_cg_new_label(c), end = sp_cg_new_label(c);
        if (cleanup < 0 || end < 0 || sp_cg_expr(c, e->v.Compare.left) < 0) {
            return -1;
        }
        for (ssize_t i = 0; i < n; i++) {
            if (sp_cg_expr(c, e->v.Compare.comparators.items[i]) < 0 ||
                sp_cg_emit(c, SP_OP_SWAP, 2) < 0 || sp_cg_emit(c, SP_OP_COPY, 2) < 0 ||
                compare_op(c, e->v.Compare.ops.items[i]) < 0 ||
                sp_cg_emit(c, SP_OP_POP_JUMP_IF_FALSE, cleanup) < 0) {
                return -1;
            }
        }
        if (sp_cg_expr(c, e->v.Compare.comparators.items[n]) < 0 ||
            compare_op(c, e->v.Compare.ops.items[n]) < 0 ||
            sp_cg_emit(c, cond ? SP_OP_POP_JUMP_IF_TRUE : SP_OP_POP_JUMP_IF_FALSE, label) < 0 ||
            emit_artificial_jump(c, end) < 0) {
            return -1;
        }
        sp_cg_use_label(c, cleanup);
        if (sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0) {
            return -1;
        }
        if (!cond && emit_artificial_jump(c, label) < 0) {
            return -1;
        }
        sp_cg_use_label(c, end);
        return 0;
    }
    default:
        break;
    }
    if (sp_cg_expr(c, e) < 0) {
        return -1;
    }
    return sp_cg_emit(c, cond ? SP_OP_POP_JUMP_IF_TRUE : SP_OP_POP_JUMP_IF_FALSE, label);
}

// a and b and c as a value: each operand but the last is tested with
// JUMP_IF_FALSE_OR_POP (keep it if it decides, else drop it and go on).
static int compile_boolop(SpCompiler *c, SpExpr *e) {
    int jump =
        e->v.BoolOp.op == SP_BOOL_AND ? SP_OP_JUMP_IF_FALSE_OR_POP : SP_OP_JUMP_IF_TRUE_OR_POP;
    int end = sp_cg_new_label(c);
    if (end < 0) {
        return -1;
    }
    SpExprSeq s = e->v.BoolOp.values;
    for (ssize_t i = 0; i < s.n - 1; i++) {
        if (sp_cg_expr(c, s.items[i]) < 0 || sp_cg_emit(c, jump, end) < 0) {
            return -1;
        }
    }
    if (sp_cg_expr(c, s.items[s.n - 1]) < 0) {
        return -1;
    }
    sp_cg_use_label(c, end);
    return 0;
}

// body if test else orelse.
static int compile_ifexp(SpCompiler *c, SpExpr *e) {
    int end = sp_cg_new_label(c), next = sp_cg_new_label(c);
    if (end < 0 || next < 0 || sp_cg_jump_if(c, e->v.IfExp.test, next, 0) < 0 ||
        sp_cg_expr(c, e->v.IfExp.body) < 0) {
        return -1;
    }
    if (emit_artificial_jump(c, end) < 0) {
        return -1;
    }
    sp_cg_use_label(c, next);
    if (sp_cg_expr(c, e->v.IfExp.orelse) < 0) {
        return -1;
    }
    sp_cg_use_label(c, end);
    return 0;
}

// ---------------------------------------------------------------------------
// Displays

// Are items [begin, end) all constants (NULL, a ** entry, is not)?
static int all_constant(SpExprSeq seq, ssize_t begin, ssize_t end) {
    for (ssize_t i = begin; i < end; i++) {
        if (seq.items[i] == NULL || seq.items[i]->kind != SP_EXPR_CONSTANT) {
            return 0;
        }
    }
    return 1;
}

// A list, tuple or set display (or a call's positional arguments) with
// `pushed` items already on the stack; star items are spliced in with
// `extend`. tuple: the result is a tuple (built as a list if needed).
static int starunpack(SpCompiler *c, SpExprSeq elts, int pushed, int build, int add, int extend,
                      int tuple) {
    ssize_t n = elts.n;
    if (n > 2 && all_constant(elts, 0, n)) {
        // [1, 2, 3] is BUILD_LIST 0 + LIST_EXTEND of the constant (1, 2, 3).
        SpObject *folded = sp_tuple_new(n);
        if (folded == NULL) {
            return -1;
        }
        for (ssize_t i = 0; i < n; i++) {
            SP_TUPLE_SET_ITEM(folded, i, sp_newref(elts.items[i]->v.Constant.value));
        }
        if (tuple && pushed == 0) {
            return sp_cg_emit_const_steal(c, folded);
        }
        if (add == SP_OP_SET_ADD) {
            SpObject *fs = sp_frozenset_new(folded);
            SP_DECREF(folded);
            if ((folded = fs) == NULL) {
                return -1;
            }
        }
        if (sp_cg_emit(c, build, pushed) < 0) {
            SP_DECREF(folded);
            return -1;
        }
        if (sp_cg_emit_const_steal(c, folded) < 0 || sp_cg_emit(c, extend, 1) < 0) {
            return -1;
        }
        return tuple ? sp_cg_emit(c, SP_OP_LIST_TO_TUPLE, 0) : 0;
    }
    // Without stars and within the stack budget: push everything and build
    // once. Otherwise build early and append/extend item by item.
    int big = n + pushed > STACK_USE_GUIDELINE;
    int seen_star = 0;
    for (ssize_t i = 0; i < n; i++) {
        seen_star |= elts.items[i]->kind == SP_EXPR_STARRED;
    }
    if (!seen_star && !big) {
        if (sp_cg_exprs(c, elts) < 0) {
            return -1;
        }
        return sp_cg_emit(c, tuple ? SP_OP_BUILD_TUPLE : build, (int)n + pushed);
    }
    int built = 0;
    if (big) {
        if (sp_cg_emit(c, build, pushed) < 0) {
            return -1;
        }
        built = 1;
    }
    for (ssize_t i = 0; i < n; i++) {
        SpExpr *elt = elts.items[i];
        if (elt->kind == SP_EXPR_STARRED) {
            if (!built) {
                if (sp_cg_emit(c, build, (int)i + pushed) < 0) {
                    return -1;
                }
                built = 1;
            }
            if (sp_cg_expr(c, elt->v.Starred.value) < 0 || sp_cg_emit(c, extend, 1) < 0) {
                return -1;
            }
        } else {
            if (sp_cg_expr(c, elt) < 0) {
                return -1;
            }
            if (built && sp_cg_emit(c, add, 1) < 0) {
                return -1;
            }
        }
    }
    return tuple ? sp_cg_emit(c, SP_OP_LIST_TO_TUPLE, 0) : 0;
}

// Unpacking into targets: UNPACK_SEQUENCE, or UNPACK_EX around one star.
static int assignment_helper(SpCompiler *c, SpExprSeq elts) {
    ssize_t n = elts.n;
    int seen_star = 0;
    for (ssize_t i = 0; i < n; i++) {
        SpExpr *elt = elts.items[i];
        if (elt->kind == SP_EXPR_STARRED && !seen_star) {
            // UNPACK_EX's argument packs the counts before (8 bits) and after the
            // star; larger targets cannot be encoded.
            if (i >= (1 << 8) || n - i - 1 >= (1 << 16)) {
                sp_cg_error(c, "too many expressions in star-unpacking assignment");
                return -1;
            }
            if (sp_cg_emit(c, SP_OP_UNPACK_EX, (int)(i + ((n - i - 1) << 8))) < 0) {
                return -1;
            }
            seen_star = 1;
        } else if (elt->kind == SP_EXPR_STARRED) {
            sp_cg_error(c, "multiple starred expressions in assignment");
            return -1;
        }
    }
    if (!seen_star && sp_cg_emit(c, SP_OP_UNPACK_SEQUENCE, (int)n) < 0) {
        return -1;
    }
    for (ssize_t i = 0; i < n; i++) {
        SpExpr *elt = elts.items[i];
        if (sp_cg_expr(c, elt->kind == SP_EXPR_STARRED ? elt->v.Starred.value : elt) < 0) {
            return -1;
        }
    }
    return 0;
}

// A list or tuple display: built (load), unpacked into (store) or each item
// deleted (del a, b).
static int compile_sequence(SpCompiler *c, SpExprSeq elts, SpExprContext ctx, int tuple) {
    if (ctx == SP_CTX_STORE) {
        return assignment_helper(c, elts);
    }
    if (ctx == SP_CTX_LOAD) {
        return starunpack(c, elts, 0, SP_OP_BUILD_LIST, SP_OP_LIST_APPEND, SP_OP_LIST_EXTEND,
                          tuple);
    }
    return sp_cg_exprs(c, elts);
}

// Items [begin, end) of a dict display (no ** among them) as one dict.
static int subdict(SpCompiler *c, SpExpr *e, ssize_t begin, ssize_t end) {
    ssize_t n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    SpExprSeq keys = e->v.Dict.keys, values = e->v.Dict.values;
    if (n > 1 && !big && all_constant(keys, begin, end)) {
        for (ssize_t i = begin; i < end; i++) {
            if (sp_cg_expr(c, values.items[i]) < 0) {
                return -1;
            }
        }
        SpObject *t = sp_tuple_new(n);
        if (t == NULL) {
            return -1;
        }
        for (ssize_t i = begin; i < end; i++) {
            SP_TUPLE_SET_ITEM(t, i - begin, sp_newref(keys.items[i]->v.Constant.value));
        }
        if (sp_cg_emit_const_steal(c, t) < 0) {
            return -1;
        }
        return sp_cg_emit(c, SP_OP_BUILD_CONST_KEY_MAP, (int)n);
    }
    if (big && sp_cg_emit(c, SP_OP_BUILD_MAP, 0) < 0) {
        return -1;
    }
    for (ssize_t i = begin; i < end; i++) {
        if (sp_cg_expr(c, keys.items[i]) < 0 || sp_cg_expr(c, values.items[i]) < 0) {
            return -1;
        }
        if (big && sp_cg_emit(c, SP_OP_MAP_ADD, 1) < 0) {
            return -1;
        }
    }
    return big ? 0 : sp_cg_emit(c, SP_OP_BUILD_MAP, (int)n);
}

// A dict display: runs of key: value items become one dict each (merged
// with DICT_UPDATE), ** items are merged in place, so {**a, 'k': 1, **b}
// keeps CPython's evaluation and override order.
static int compile_dict(SpCompiler *c, SpExpr *e) {
    ssize_t n = e->v.Dict.values.n, elements = 0;
    int have_dict = 0;
    // elements counts the pending key: value items not yet built into a dict.
    for (ssize_t i = 0; i < n; i++) {
        if (e->v.Dict.keys.items[i] == NULL) {
            // {**m}: merge the pending items, then m.
            if (elements > 0) {
                if (subdict(c, e, i - elements, i) < 0) {
                    return -1;
                }
                if (have_dict && sp_cg_emit(c, SP_OP_DICT_UPDATE, 1) < 0) {
                    return -1;
                }
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                if (sp_cg_emit(c, SP_OP_BUILD_MAP, 0) < 0) {
                    return -1;
                }
                have_dict = 1;
            }
            if (sp_cg_expr(c, e->v.Dict.values.items[i]) < 0 ||
                sp_cg_emit(c, SP_OP_DICT_UPDATE, 1) < 0) {
                return -1;
            }
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            if (subdict(c, e, i - elements, i + 1) < 0) {
                return -1;
            }
            if (have_dict && sp_cg_emit(c, SP_OP_DICT_UPDATE, 1) < 0) {
                return -1;
            }
            have_dict = 1;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements > 0) {
        if (subdict(c, e, n - elements, n) < 0) {
            return -1;
        }
        if (have_dict && sp_cg_emit(c, SP_OP_DICT_UPDATE, 1) < 0) {
            return -1;
        }
        have_dict = 1;
    }
    if (!have_dict) {
        return sp_cg_emit(c, SP_OP_BUILD_MAP, 0);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Calls

// f(a=1, a=2) is a SyntaxError at the repeated keyword.
static int validate_keywords(SpCompiler *c, SpKeywordSeq keywords) {
    for (ssize_t i = 0; i < keywords.n; i++) {
        SpKeyword *key = keywords.items[i];
        if (key->arg == NULL) {
            continue;
        }
        for (ssize_t j = i + 1; j < keywords.n; j++) {
            SpKeyword *other = keywords.items[j];
            if (other->arg != NULL && sp_str_eq(key->arg, other->arg)) {
                c->u->loc = SP_POS_OF(other);
                sp_cg_error(c, "keyword argument repeated: %U", key->arg);
                return -1;
            }
        }
    }
    return 0;
}

// The names of keyword arguments as a constant for KW_NAMES.
static int kw_names(SpCompiler *c, SpKeywordSeq keywords) {
    SpObject *names = sp_tuple_new(keywords.n);
    if (names == NULL) {
        return -1;
    }
    for (ssize_t i = 0; i < keywords.n; i++) {
        SP_TUPLE_SET_ITEM(names, i, sp_newref(keywords.items[i]->arg));
    }
    int k = sp_cg_add_const(c, names);
    SP_DECREF(names);
    return k < 0 ? -1 : sp_cg_emit(c, SP_OP_KW_NAMES, k);
}

// Keywords [begin, end) (no ** among them) as one dict.
static int subkwargs(SpCompiler *c, SpKeywordSeq keywords, ssize_t begin, ssize_t end) {
    ssize_t n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        for (ssize_t i = begin; i < end; i++) {
            if (sp_cg_expr(c, keywords.items[i]->value) < 0) {
                return -1;
            }
        }
        SpObject *keys = sp_tuple_new(n);
        if (keys == NULL) {
            return -1;
        }
        for (ssize_t i = begin; i < end; i++) {
            SP_TUPLE_SET_ITEM(keys, i - begin, sp_newref(keywords.items[i]->arg));
        }
        if (sp_cg_emit_const_steal(c, keys) < 0) {
            return -1;
        }
        return sp_cg_emit(c, SP_OP_BUILD_CONST_KEY_MAP, (int)n);
    }
    if (big) {
        SpCodePosition saved = c->u->loc;
        SP_UNSET_LOC(c);
        int r = sp_cg_emit(c, SP_OP_BUILD_MAP, 0);
        c->u->loc = saved;
        if (r < 0) {
            return -1;
        }
    }
    for (ssize_t i = begin; i < end; i++) {
        if (sp_cg_emit_const(c, keywords.items[i]->arg) < 0 ||
            sp_cg_expr(c, keywords.items[i]->value) < 0) {
            return -1;
        }
        if (big) {
            SpCodePosition saved = c->u->loc;
            SP_UNSET_LOC(c);
            int r = sp_cg_emit(c, SP_OP_MAP_ADD, 1);
            c->u->loc = saved;
            if (r < 0) {
                return -1;
            }
        }
    }
    return big ? 0 : sp_cg_emit(c, SP_OP_BUILD_MAP, (int)n);
}

// Plain calls push the arguments and CALL n (keyword names in KW_NAMES).
// Star arguments, ** arguments or very many arguments switch to
// CALL_FUNCTION_EX with one positional iterable and one dict.
int sp_cg_call_helper(SpCompiler *c, int n, SpExprSeq args, SpKeywordSeq keywords) {
    if (validate_keywords(c, keywords) < 0) {
        return -1;
    }
    ssize_t nelts = args.n, nkw = keywords.n;
    int ex_call = nelts + nkw * 2 > STACK_USE_GUIDELINE;
    for (ssize_t i = 0; i < nelts && !ex_call; i++) {
        ex_call = args.items[i]->kind == SP_EXPR_STARRED;
    }
    for (ssize_t i = 0; i < nkw && !ex_call; i++) {
        ex_call = keywords.items[i]->arg == NULL;
    }
    if (!ex_call) {
        if (sp_cg_exprs(c, args) < 0) {
            return -1;
        }
        if (nkw > 0) {
            for (ssize_t i = 0; i < nkw; i++) {
                if (sp_cg_expr(c, keywords.items[i]->value) < 0) {
                    return -1;
                }
            }
            if (kw_names(c, keywords) < 0) {
                return -1;
            }
        }
        return sp_cg_emit(c, SP_OP_CALL, n + (int)(nelts + nkw));
    }
    // CALL_FUNCTION_EX: positional arguments as one iterable (f(*a) passes
    // `a` itself), keywords as one dict.
    // f(*a) alone passes `a` as is; CALL_FUNCTION_EX turns a non-tuple into
    // a tuple (with CPython's "argument after * must be an iterable").
    if (n == 0 && nelts == 1 && args.items[0]->kind == SP_EXPR_STARRED) {
        if (sp_cg_expr(c, args.items[0]->v.Starred.value) < 0) {
            return -1;
        }
    } else if (starunpack(c, args, n, SP_OP_BUILD_LIST, SP_OP_LIST_APPEND, SP_OP_LIST_EXTEND, 1) <
               0) {
        return -1;
    }
    if (nkw > 0) {
        int have_dict = 0;
        ssize_t nseen = 0;
        for (ssize_t i = 0; i < nkw; i++) {
            SpKeyword *kw = keywords.items[i];
            if (kw->arg == NULL) {
                if (nseen > 0) {
                    if (subkwargs(c, keywords, i - nseen, i) < 0) {
                        return -1;
                    }
                    if (have_dict && sp_cg_emit(c, SP_OP_DICT_MERGE, 1) < 0) {
                        return -1;
                    }
                    have_dict = 1;
                    nseen = 0;
                }
                if (!have_dict) {
                    if (sp_cg_emit(c, SP_OP_BUILD_MAP, 0) < 0) {
                        return -1;
                    }
                    have_dict = 1;
                }
                if (sp_cg_expr(c, kw->value) < 0 || sp_cg_emit(c, SP_OP_DICT_MERGE, 1) < 0) {
                    return -1;
                }
            } else {
                nseen++;
            }
        }
        if (nseen > 0) {
            if (subkwargs(c, keywords, nkw - nseen, nkw) < 0) {
                return -1;
            }
            if (have_dict && sp_cg_emit(c, SP_OP_DICT_MERGE, 1) < 0) {
                return -1;
            }
        }
    }
    return sp_cg_emit(c, SP_OP_CALL_FUNCTION_EX, nkw > 0);
}

// Is e a name bound by an import at module level? Then `e.f()` is a module
// function call, compiled as LOAD_ATTR + CALL (as CPython does).
static int is_import_originated(SpCompiler *c, SpExpr *e) {
    if (e->kind != SP_EXPR_NAME) {
        return 0;
    }
    SpSymbol *sym = sp_symtable_get(c->st->top, e->v.Name.id);
    return sym != NULL && (sym->flags & SP_DEF_IMPORT);
}

// obj.meth(args) as LOAD_METHOD + CALL when the arguments are simple.
// Returns 1 if compiled, 0 if not applicable, -1 on error.
static int maybe_method_call(SpCompiler *c, SpExpr *e) {
    SpExpr *meth = e->v.Call.func;
    SpExprSeq args = e->v.Call.args;
    SpKeywordSeq kws = e->v.Call.keywords;
    // Only obj.name(...) with plain arguments; module.func(...) stays a
    // LOAD_ATTR call, as CPython decides.
    if (meth->kind != SP_EXPR_ATTRIBUTE || meth->v.Attribute.ctx != SP_CTX_LOAD ||
        is_import_originated(c, meth->v.Attribute.value)) {
        return 0;
    }
    if (args.n + kws.n + (kws.n != 0) >= STACK_USE_GUIDELINE) {
        return 0;
    }
    for (ssize_t i = 0; i < args.n; i++) {
        if (args.items[i]->kind == SP_EXPR_STARRED) {
            return 0;
        }
    }
    for (ssize_t i = 0; i < kws.n; i++) {
        if (kws.items[i]->arg == NULL) {
            return 0;
        }
    }
    if (validate_keywords(c, kws) < 0) {
        return -1;
    }
    if (sp_cg_expr(c, meth->v.Attribute.value) < 0) {
        return -1;
    }
    // KW_NAMES and the call follow CPython's positions: the attribute's for the
    // former, the call's for the latter (both moved to the method name when the
    // attribute spans lines).
    // LOAD_METHOD at the attribute; multi-line: at the method name.
    c->u->loc = SP_POS_OF(meth);
    if (meth->lineno != meth->end_lineno) {
        c->u->loc.line = meth->end_lineno;
        c->u->loc.col = meth->end_col_offset - (int)SP_STR_LENGTH(meth->v.Attribute.attr);
    }
    SpCodePosition attr_loc = c->u->loc;
    if (sp_cg_emit_name(c, SP_OP_LOAD_METHOD, meth->v.Attribute.attr) < 0 ||
        sp_cg_exprs(c, args) < 0) {
        return -1;
    }
    if (kws.n > 0) {
        for (ssize_t i = 0; i < kws.n; i++) {
            if (sp_cg_expr(c, kws.items[i]->value) < 0) {
                return -1;
            }
        }
        c->u->loc = attr_loc;
        if (kw_names(c, kws) < 0) {
            return -1;
        }
    }
    c->u->loc = SP_POS_OF(e);
    if (meth->lineno != meth->end_lineno) {
        c->u->loc.line = meth->end_lineno;
        c->u->loc.col = meth->end_col_offset - (int)SP_STR_LENGTH(meth->v.Attribute.attr);
    }
    if (sp_cg_emit(c, SP_OP_CALL, (int)(args.n + kws.n)) < 0) {
        return -1;
    }
    return 1;
}

// A call: method calls first; otherwise the NULL slot, the callable and
// the arguments. The NULL has the callable's position, as in CPython.
static int compile_call(SpCompiler *c, SpExpr *e) {
    int r = maybe_method_call(c, e);
    if (r != 0) {
        return r < 0 ? -1 : 0;
    }
    if (check_caller(c, e->v.Call.func) < 0) {
        return -1;
    }
    // NULL, callable, args: the NULL is where a method call keeps `self`.
    c->u->loc = SP_POS_OF(e->v.Call.func);
    if (sp_cg_emit(c, SP_OP_PUSH_NULL, 0) < 0) {
        return -1;
    }
    c->u->loc = SP_POS_OF(e);
    if (sp_cg_expr(c, e->v.Call.func) < 0) {
        return -1;
    }
    return sp_cg_call_helper(c, 0, e->v.Call.args, e->v.Call.keywords);
}

// ---------------------------------------------------------------------------
// f-strings

// An f-string: its parts (constants and formatted values) concatenated by
// BUILD_STRING; a single part is already the string.
static int compile_joined_str(SpCompiler *c, SpExpr *e) {
    SpExprSeq values = e->v.JoinedStr.values;
    if (values.n > STACK_USE_GUIDELINE) {
        // "".join([...]) for long f-strings.
        SpObject *join = sp_str_intern_cstr("join");
        if (join == NULL) {
            return -1;
        }
        int r = sp_cg_emit_const(c, sp_str_empty_borrow()) < 0 ||
                        sp_cg_emit_name(c, SP_OP_LOAD_METHOD, join) < 0
                    ? -1
                    : 0;
        SP_DECREF(join);
        if (r < 0 || sp_cg_emit(c, SP_OP_BUILD_LIST, 0) < 0) {
            return -1;
        }
        for (ssize_t i = 0; i < values.n; i++) {
            if (sp_cg_expr(c, values.items[i]) < 0 || sp_cg_emit(c, SP_OP_LIST_APPEND, 1) < 0) {
                return -1;
            }
        }
        return sp_cg_emit(c, SP_OP_CALL, 1);
    }
    if (sp_cg_exprs(c, values) < 0) {
        return -1;
    }
    if (values.n != 1) {
        return sp_cg_emit(c, SP_OP_BUILD_STRING, (int)values.n);
    }
    return 0;
}

// {value!conv:spec}: FORMAT_VALUE with the conversion in the low bits and
// bit 4 when the spec (itself an f-string) was pushed.
static int compile_formatted_value(SpCompiler *c, SpExpr *e) {
    int arg;
    switch (e->v.FormattedValue.conversion) {
    case SP_CONV_STR:
        arg = 1;
        break;
    case SP_CONV_REPR:
        arg = 2;
        break;
    case SP_CONV_ASCII:
        arg = 3;
        break;
    default:
        arg = 0;
        break;
    }
    if (sp_cg_expr(c, e->v.FormattedValue.value) < 0) {
        return -1;
    }
    if (e->v.FormattedValue.format_spec != NULL) {
        if (sp_cg_expr(c, e->v.FormattedValue.format_spec) < 0) {
            return -1;
        }
        arg |= 4;
    }
    return sp_cg_emit(c, SP_OP_FORMAT_VALUE, arg);
}

// ---------------------------------------------------------------------------
// The dispatcher

// a[lo:hi:step] builds a slice object; missing bounds are None.
static int compile_slice(SpCompiler *c, SpExpr *s) {
    int n = 2;
    SpExpr *parts[2] = {s->v.Slice.lower, s->v.Slice.upper};
    for (int i = 0; i < 2; i++) {
        if ((parts[i] != NULL ? sp_cg_expr(c, parts[i]) : sp_cg_emit_const(c, sp_None)) < 0) {
            return -1;
        }
    }
    if (s->v.Slice.step != NULL) {
        n++;
        if (sp_cg_expr(c, s->v.Slice.step) < 0) {
            return -1;
        }
    }
    return sp_cg_emit(c, SP_OP_BUILD_SLICE, n);
}

// The dispatcher: one case per expression kind.
static int expr_inner(SpCompiler *c, SpExpr *e) {
    switch (e->kind) {
    case SP_EXPR_NAMED_EXPR:
        if (sp_cg_expr(c, e->v.NamedExpr.value) < 0 || sp_cg_emit(c, SP_OP_COPY, 1) < 0) {
            return -1;
        }
        return sp_cg_expr(c, e->v.NamedExpr.target);
    case SP_EXPR_BOOL_OP:
        return compile_boolop(c, e);
    case SP_EXPR_BIN_OP:
        if (sp_cg_expr(c, e->v.BinOp.left) < 0 || sp_cg_expr(c, e->v.BinOp.right) < 0) {
            return -1;
        }
        return sp_cg_emit(c, SP_OP_BINARY_OP, sp_cg_binop_arg(e->v.BinOp.op));
    case SP_EXPR_UNARY_OP: {
        if (sp_cg_expr(c, e->v.UnaryOp.operand) < 0) {
            return -1;
        }
        int op = e->v.UnaryOp.op == SP_UNARY_INVERT ? SP_OP_UNARY_INVERT
                 : e->v.UnaryOp.op == SP_UNARY_NOT  ? SP_OP_UNARY_NOT
                 : e->v.UnaryOp.op == SP_UNARY_UADD ? SP_OP_UNARY_POSITIVE
                                                    : SP_OP_UNARY_NEGATIVE;
        return sp_cg_emit(c, op, 0);
    }
    case SP_EXPR_LAMBDA:
        return sp_cg_lambda(c, e);
    case SP_EXPR_IF_EXP:
        return compile_ifexp(c, e);
    case SP_EXPR_DICT:
        return compile_dict(c, e);
    case SP_EXPR_SET:
        return starunpack(c, e->v.Set.elts, 0, SP_OP_BUILD_SET, SP_OP_SET_ADD, SP_OP_SET_UPDATE, 0);
    case SP_EXPR_GENERATOR_EXP:
    case SP_EXPR_LIST_COMP:
    case SP_EXPR_SET_COMP:
    case SP_EXPR_DICT_COMP:
        return sp_cg_comprehension(c, e);
    case SP_EXPR_YIELD:
        if (c->u->ste->type != SP_BLOCK_FUNCTION) {
            sp_cg_error(c, "'yield' outside function");
            return -1;
        }
        if ((e->v.Yield.value != NULL ? sp_cg_expr(c, e->v.Yield.value)
                                      : sp_cg_emit_const(c, sp_None)) < 0) {
            return -1;
        }
        return sp_cg_emit(c, SP_OP_YIELD_VALUE, 0);
    case SP_EXPR_YIELD_FROM:
        if (c->u->ste->type != SP_BLOCK_FUNCTION) {
            sp_cg_error(c, "'yield' outside function");
            return -1;
        }
        if (sp_cg_expr(c, e->v.YieldFrom.value) < 0 ||
            sp_cg_emit(c, SP_OP_GET_YIELD_FROM_ITER, 0) < 0 || sp_cg_emit_const(c, sp_None) < 0) {
            return -1;
        }
        return sp_cg_emit(c, SP_OP_YIELD_FROM, 0);
    case SP_EXPR_AWAIT:
        // No async functions: every await is misplaced.
        if (c->u->ste->type != SP_BLOCK_FUNCTION) {
            sp_cg_error(c, "'await' outside function");
        } else {
            sp_cg_error(c, "'await' outside async function");
        }
        return -1;
    case SP_EXPR_COMPARE:
        return compile_compare(c, e);
    case SP_EXPR_CALL:
        return compile_call(c, e);
    case SP_EXPR_FORMATTED_VALUE:
        return compile_formatted_value(c, e);
    case SP_EXPR_JOINED_STR:
        return compile_joined_str(c, e);
    case SP_EXPR_CONSTANT:
        return sp_cg_emit_const(c, e->v.Constant.value);
    case SP_EXPR_ATTRIBUTE:
        if (sp_cg_expr(c, e->v.Attribute.value) < 0) {
            return -1;
        }
        sp_cg_attr_location(c, e);
        switch (e->v.Attribute.ctx) {
        case SP_CTX_LOAD:
            return sp_cg_emit_name(c, SP_OP_LOAD_ATTR, e->v.Attribute.attr);
        case SP_CTX_STORE:
            return sp_cg_emit_name(c, SP_OP_STORE_ATTR, e->v.Attribute.attr);
        default:
            return sp_cg_emit_name(c, SP_OP_DELETE_ATTR, e->v.Attribute.attr);
        }
    case SP_EXPR_SUBSCRIPT: {
        if (e->v.Subscript.ctx == SP_CTX_LOAD &&
            (check_subscripter(c, e->v.Subscript.value) < 0 ||
             check_index(c, e->v.Subscript.value, e->v.Subscript.slice) < 0)) {
            return -1;
        }
        if (sp_cg_expr(c, e->v.Subscript.value) < 0 || sp_cg_expr(c, e->v.Subscript.slice) < 0) {
            return -1;
        }
        int op = e->v.Subscript.ctx == SP_CTX_LOAD    ? SP_OP_BINARY_SUBSCR
                 : e->v.Subscript.ctx == SP_CTX_STORE ? SP_OP_STORE_SUBSCR
                                                      : SP_OP_DELETE_SUBSCR;
        return sp_cg_emit(c, op, 0);
    }
    case SP_EXPR_STARRED:
        if (e->v.Starred.ctx == SP_CTX_STORE) {
            sp_cg_error(c, "starred assignment target must be in a list or tuple");
        } else {
            sp_cg_error(c, "can't use starred expression here");
        }
        return -1;
    case SP_EXPR_SLICE:
        return compile_slice(c, e);
    case SP_EXPR_NAME:
        return sp_cg_nameop(c, e->v.Name.id, e->v.Name.ctx);
    case SP_EXPR_LIST:
        return compile_sequence(c, e->v.List.elts, e->v.List.ctx, 0);
    case SP_EXPR_TUPLE:
        return compile_sequence(c, e->v.Tuple.elts, e->v.Tuple.ctx, 1);
    }
    return 0;
}

// Every expression sets the position of its instructions to its own span
// and restores the enclosing one afterwards, so an operator's instruction
// carries the operator's whole expression, as CPython's co_positions().
int sp_cg_expr(SpCompiler *c, SpExpr *e) {
    if (++c->depth > MAX_DEPTH) {
        sp_err_set_string(&SpExc_RecursionError,
                          "maximum recursion depth exceeded during compilation");
        return -1;
    }
    SpCodePosition saved = c->u->loc;
    c->u->loc = SP_POS_OF(e);
    int r = expr_inner(c, e);
    c->u->loc = saved;
    c->depth--;
    return r;
}
