// smallpy: the expression grammar: operators by precedence, atoms and
// displays, comprehensions, calls and subscripts, lambda, and the second
// pass's expression diagnostics (invalid_expression, invalid_named_expression,
// invalid_comprehension, ...). Node spans follow CPython's EXTRA: from the
// first token of the rule to the last token consumed. Where a PEG rule would
// fall back to a shorter alternative (`a +` is `a` followed by a stray '+'),
// so do these functions. Counterpart: the expression rules of CPython 3.11
// Grammar/python.gram.
#define SP_COMPILER_INTERNAL
#include "compiler/parser_internal.h"

#include <string.h>

#include "core/err.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"

// Recursion guard for deeply nested expressions (`-` or `not` or lambda
// chains; brackets stop at 200 in the tokenizer). CPython accepts such
// chains in the parser and then fails in the compiler with this same
// RecursionError; we stop earlier to keep the C stack bounded.
#define MAX_EXPR_DEPTH 4000

static SpExpr *atom(Parser *p);
static SpExpr *lambdef(Parser *p);

int sp_p_enter(Parser *p) {
    if (++p->depth > MAX_EXPR_DEPTH) {
        if (!p->error) {
            sp_err_set_string(&SpExc_RecursionError,
                              "maximum recursion depth exceeded during compilation");
            p->error = 1;
        }
        return 0;
    }
    return 1;
}

int sp_p_can_start_expression(Parser *p) {
    SpToken *t = cur_tok(p);
    switch (t->type) {
    case SP_TOK_NAME:
        switch (t->kw) {
        case 0:
        case SP_KW_NOT:
        case SP_KW_LAMBDA:
        case SP_KW_AWAIT:
        case SP_KW_TRUE:
        case SP_KW_FALSE:
        case SP_KW_NONE:
            return 1;
        default:
            return 0;
        }
    case SP_TOK_NUMBER:
    case SP_TOK_STRING:
    case SP_TOK_LPAR:
    case SP_TOK_LSQB:
    case SP_TOK_LBRACE:
    case SP_TOK_MINUS:
    case SP_TOK_PLUS:
    case SP_TOK_TILDE:
    case SP_TOK_ELLIPSIS:
    case SP_TOK_STAR:
        return 1;
    default:
        return 0;
    }
}

// starts_at(p, e, i): does node e begin exactly at token i (i.e. it is not
// wrapped in parentheses that start there)?
static int starts_at(Parser *p, const SpExpr *e, int i) {
    const SpToken *t = &p->tokens[i];
    return e->lineno == t->lineno && e->col_offset == t->col_offset;
}

// ===========================================================================
// Second-pass memo. The diagnostics of the second pass re-parse the same
// expression several times (each level of parentheses would double the
// work); results are cached by start token, as CPython's memo rules are.
// As in CPython, the cache is shared by the parses with and without the
// diagnostics (expression_without_invalid): a disjunction first parsed
// without them is not searched again for errors.

typedef struct Memo {
    SpExpr *node;
    int end;
    int state;  // 0 unknown, 1 done
} Memo;

enum { MEMO_EXPRESSION, MEMO_DISJUNCTION, MEMO_ATOM, MEMO_KINDS };

// The memo tables live in the arena: MEMO_KINDS arrays of ntokens entries,
// made on first use in the second pass.
struct SpParserMemo {
    Memo *t[MEMO_KINDS];
};

static struct SpParserMemo *memo_tables(Parser *p) {
    if (p->memo != NULL) {
        return p->memo;
    }
    struct SpParserMemo *m = sp_p_alloc(p, sizeof(struct SpParserMemo));
    if (m == NULL) {
        return NULL;
    }
    for (int k = 0; k < MEMO_KINDS; k++) {
        m->t[k] = sp_p_alloc(p, (size_t)p->ntokens * sizeof(Memo));
        if (m->t[k] == NULL) {
            return NULL;
        }
    }
    p->memo = m;
    return m;
}

// memo_get(p, kind, &e): 1 with *e (possibly NULL = failed) and the position
// restored if this rule was already parsed here in this pass.
static int memo_get(Parser *p, int kind, SpExpr **e) {
    if (!p->pass2) {
        return 0;
    }
    struct SpParserMemo *m = memo_tables(p);
    if (m == NULL) {
        return 0;
    }
    Memo *slot = &m->t[kind][p->pos];
    if (slot->state) {
        *e = slot->node;
        p->pos = slot->end;
        return 1;
    }
    return 0;
}

static void memo_put(Parser *p, int kind, int start, SpExpr *e) {
    if (!p->pass2 || p->error) {
        return;
    }
    struct SpParserMemo *m = memo_tables(p);
    if (m == NULL) {
        return;
    }
    Memo *slot = &m->t[kind][start];
    slot->state = 1;
    slot->node = e;
    slot->end = e ? p->pos : start;
}

// ===========================================================================
// Operators

// Binary operator precedence for the levels from bitwise_or to term (all
// left-associative). 0: not a binary operator.
static int binop_prec(int type, int *op) {
    switch (type) {
    case SP_TOK_VBAR: *op = SP_BINOP_BITOR; return 1;
    case SP_TOK_CIRCUMFLEX: *op = SP_BINOP_BITXOR; return 2;
    case SP_TOK_AMPER: *op = SP_BINOP_BITAND; return 3;
    case SP_TOK_LEFTSHIFT: *op = SP_BINOP_LSHIFT; return 4;
    case SP_TOK_RIGHTSHIFT: *op = SP_BINOP_RSHIFT; return 4;
    case SP_TOK_PLUS: *op = SP_BINOP_ADD; return 5;
    case SP_TOK_MINUS: *op = SP_BINOP_SUB; return 5;
    case SP_TOK_STAR: *op = SP_BINOP_MULT; return 6;
    case SP_TOK_SLASH: *op = SP_BINOP_DIV; return 6;
    case SP_TOK_DOUBLESLASH: *op = SP_BINOP_FLOORDIV; return 6;
    case SP_TOK_PERCENT: *op = SP_BINOP_MOD; return 6;
    case SP_TOK_AT: *op = SP_BINOP_MATMULT; return 6;
    default: return 0;
    }
}

static SpExpr *factor(Parser *p);

// power: await_primary ['**' factor]; await_primary: AWAIT primary | primary
static SpExpr *power(Parser *p) {
    int start = p->pos;
    SpExpr *e;
    if (at_kw(p, SP_KW_AWAIT)) {
        p->pos++;
        SpExpr *value = sp_p_primary(p);
        if (value == NULL) {
            return NULL;
        }
        e = sp_p_expr(p, SP_EXPR_AWAIT, start);
        if (e == NULL) {
            return NULL;
        }
        e->v.Await.value = value;
    } else {
        e = sp_p_primary(p);
        if (e == NULL) {
            return NULL;
        }
    }
    if (cur_type(p) == SP_TOK_DOUBLESTAR) {
        int op_pos = p->pos++;
        SpExpr *right = factor(p);
        if (right == NULL) {
            if (p->error) {
                return NULL;
            }
            p->pos = op_pos;
            return e;
        }
        SpExpr *b = sp_p_expr(p, SP_EXPR_BIN_OP, start);
        if (b == NULL) {
            return NULL;
        }
        b->v.BinOp.left = e;
        b->v.BinOp.op = SP_BINOP_POW;
        b->v.BinOp.right = right;
        return b;
    }
    return e;
}

// factor: ('+' | '-' | '~') factor | power
static SpExpr *factor(Parser *p) {
    int start = p->pos;
    int type = cur_type(p), op;
    switch (type) {
    case SP_TOK_PLUS: op = SP_UNARY_UADD; break;
    case SP_TOK_MINUS: op = SP_UNARY_USUB; break;
    case SP_TOK_TILDE: op = SP_UNARY_INVERT; break;
    default: return power(p);
    }
    if (!sp_p_enter(p)) {
        return NULL;
    }
    p->pos++;
    SpExpr *operand = factor(p);
    p->depth--;
    if (operand == NULL) {
        return NULL;
    }
    SpExpr *e = sp_p_expr(p, SP_EXPR_UNARY_OP, start);
    if (e != NULL) {
        e->v.UnaryOp.op = (SpUnaryOp)op;
        e->v.UnaryOp.operand = operand;
    }
    return e;
}

// binary(p, min_prec): precedence climbing over bitwise_or .. term.
static SpExpr *binary(Parser *p, int min_prec) {
    int start = p->pos;
    SpExpr *left = factor(p);
    if (left == NULL) {
        return NULL;
    }
    for (;;) {
        int op, prec = binop_prec(cur_type(p), &op);
        if (prec < min_prec || prec == 0) {
            return left;
        }
        int op_pos = p->pos++;
        SpExpr *right = binary(p, prec + 1);
        if (right == NULL) {
            if (p->error) {
                return NULL;
            }
            // As PEG: the longest valid prefix wins; the caller meets the
            // dangling operator.
            p->pos = op_pos;
            return left;
        }
        SpExpr *e = sp_p_expr(p, SP_EXPR_BIN_OP, start);
        if (e == NULL) {
            return NULL;
        }
        e->v.BinOp.left = left;
        e->v.BinOp.op = (SpOperator)op;
        e->v.BinOp.right = right;
        left = e;
    }
}

SpExpr *sp_p_bitwise_or(Parser *p) {
    return binary(p, 1);
}

// comparison: bitwise_or (compare_op bitwise_or)*
static SpExpr *comparison(Parser *p) {
    int start = p->pos;
    SpExpr *left = sp_p_bitwise_or(p);
    if (left == NULL) {
        return NULL;
    }
    Vec ops, rights;
    sp_vec_init(&ops);
    sp_vec_init(&rights);
    for (;;) {
        SpToken *t = cur_tok(p);
        int op = 0, width = 1;
        switch (t->type) {
        case SP_TOK_EQEQUAL: op = SP_CMP_EQ; break;
        case SP_TOK_NOTEQUAL: op = SP_CMP_NOTEQ; break;
        case SP_TOK_LESS: op = SP_CMP_LT; break;
        case SP_TOK_LESSEQUAL: op = SP_CMP_LTE; break;
        case SP_TOK_GREATER: op = SP_CMP_GT; break;
        case SP_TOK_GREATEREQUAL: op = SP_CMP_GTE; break;
        case SP_TOK_NAME:
            if (t->kw == SP_KW_IN) {
                op = SP_CMP_IN;
            } else if (t->kw == SP_KW_IS) {
                SpToken *n = sp_p_tok_at(p, p->pos + 1);
                if (n->type == SP_TOK_NAME && n->kw == SP_KW_NOT) {
                    op = SP_CMP_ISNOT;
                    width = 2;
                } else {
                    op = SP_CMP_IS;
                }
            } else if (t->kw == SP_KW_NOT) {
                SpToken *n = sp_p_tok_at(p, p->pos + 1);
                if (n->type == SP_TOK_NAME && n->kw == SP_KW_IN) {
                    op = SP_CMP_NOTIN;
                    width = 2;
                }
            }
            break;
        default:
            break;
        }
        if (op == 0) {
            break;
        }
        int op_pos = p->pos;
        p->pos += width;
        SpExpr *right = sp_p_bitwise_or(p);
        if (right == NULL && !p->error) {
            p->pos = op_pos;  // the pairs parsed so far stand
            break;
        }
        if (right == NULL || sp_vec_push(p, &ops, (void *)(intptr_t)op) < 0 ||
            sp_vec_push(p, &rights, right) < 0) {
            goto fail;
        }
    }
    if (ops.n == 0) {
        sp_vec_free(&ops);
        sp_vec_free(&rights);
        return left;
    }
    SpExpr *e = sp_p_expr(p, SP_EXPR_COMPARE, start);
    if (e == NULL) {
        goto fail;
    }
    e->v.Compare.left = left;
    e->v.Compare.ops.n = ops.n;
    e->v.Compare.ops.items = sp_p_alloc(p, (size_t)ops.n * sizeof(int));
    if (e->v.Compare.ops.items == NULL) {
        goto fail;
    }
    for (ssize_t i = 0; i < ops.n; i++) {
        e->v.Compare.ops.items[i] = (int)(intptr_t)ops.items[i];
    }
    sp_vec_free(&ops);
    if (VEC_FINISH(p, &rights, e->v.Compare.comparators) < 0) {
        return NULL;
    }
    return e;
fail:
    sp_vec_free(&ops);
    sp_vec_free(&rights);
    return NULL;
}

// inversion: 'not' inversion | comparison
static SpExpr *inversion(Parser *p) {
    if (!at_kw(p, SP_KW_NOT)) {
        return comparison(p);
    }
    int start = p->pos++;
    if (!sp_p_enter(p)) {
        return NULL;
    }
    SpExpr *operand = inversion(p);
    p->depth--;
    if (operand == NULL) {
        return NULL;
    }
    SpExpr *e = sp_p_expr(p, SP_EXPR_UNARY_OP, start);
    if (e != NULL) {
        e->v.UnaryOp.op = SP_UNARY_NOT;
        e->v.UnaryOp.operand = operand;
    }
    return e;
}

// bool_chain(p, kw, sub): a=sub (kw sub)+ -> BoolOp, else sub.
static SpExpr *bool_chain(Parser *p, int kw, SpExpr *(*sub)(Parser *)) {
    int start = p->pos;
    SpExpr *first = sub(p);
    if (first == NULL || !at_kw(p, kw)) {
        return first;
    }
    Vec v;
    sp_vec_init(&v);
    if (sp_vec_push(p, &v, first) < 0) {
        return NULL;
    }
    while (at_kw(p, kw)) {
        int op_pos = p->pos++;
        SpExpr *e = sub(p);
        if (e == NULL && !p->error) {
            p->pos = op_pos;
            break;
        }
        if (e == NULL || sp_vec_push(p, &v, e) < 0) {
            sp_vec_free(&v);
            return NULL;
        }
    }
    if (v.n == 1) {
        sp_vec_free(&v);
        return first;
    }
    SpExpr *e = sp_p_expr(p, SP_EXPR_BOOL_OP, start);
    if (e == NULL) {
        sp_vec_free(&v);
        return NULL;
    }
    e->v.BoolOp.op = kw == SP_KW_AND ? SP_BOOL_AND : SP_BOOL_OR;
    if (VEC_FINISH(p, &v, e->v.BoolOp.values) < 0) {
        return NULL;
    }
    return e;
}

static SpExpr *conjunction(Parser *p) {
    return bool_chain(p, SP_KW_AND, inversion);
}

SpExpr *sp_p_disjunction(Parser *p) {
    int start = p->pos;
    SpExpr *e;
    if (memo_get(p, MEMO_DISJUNCTION, &e)) {
        return e;
    }
    e = bool_chain(p, SP_KW_OR, conjunction);
    memo_put(p, MEMO_DISJUNCTION, start, e);
    return e;
}

// ===========================================================================
// expression, with the second pass's diagnostics

static int is_legacy_name(const SpExpr *e) {
    if (e->kind != SP_EXPR_NAME) {
        return 0;
    }
    SpObject *id = e->v.Name.id;
    return sp_str_eq_cstr(id, "print") || sp_str_eq_cstr(id, "exec");
}

static int is_soft_keyword(const SpToken *t) {
    size_t n = (size_t)(t->end - t->start);
    return t->type == SP_TOK_NAME && t->kw == 0 &&
           ((n == 5 && memcmp(t->start, "match", 5) == 0) ||
            (n == 4 && memcmp(t->start, "case", 4) == 0) || (n == 1 && t->start[0] == '_'));
}

// expression_body: disjunction 'if' disjunction 'else' expression
//                | disjunction | lambdef
static SpExpr *expression_body(Parser *p) {
    if (at_kw(p, SP_KW_LAMBDA)) {
        return lambdef(p);
    }
    int start = p->pos;
    SpExpr *a = sp_p_disjunction(p);
    if (a == NULL || !at_kw(p, SP_KW_IF)) {
        return a;
    }
    int save = p->pos++;
    SpExpr *test = sp_p_disjunction(p);
    if (test == NULL || !sp_p_accept_kw(p, SP_KW_ELSE)) {
        if (p->error) {
            return NULL;
        }
        // PEG falls back to the plain disjunction; the caller then fails
        // at the 'if'.
        p->pos = save;
        return a;
    }
    SpExpr *orelse = sp_p_expression(p);
    if (orelse == NULL) {
        if (p->error) {
            return NULL;
        }
        p->pos = save;
        return a;
    }
    SpExpr *e = sp_p_expr(p, SP_EXPR_IF_EXP, start);
    if (e != NULL) {
        e->v.IfExp.test = test;
        e->v.IfExp.body = a;
        e->v.IfExp.orelse = orelse;
    }
    return e;
}

SpExpr *sp_p_expression_no_invalid(Parser *p) {
    int invalid = p->invalid;
    p->invalid = 0;
    SpExpr *e = expression_body(p);
    p->invalid = invalid;
    return e;
}

// invalid_expression and invalid_legacy_expression (second pass), tried
// before every expression as in CPython:
//  - two expressions in a row inside brackets: "Perhaps you forgot a comma?"
//    (not after a name followed by a string, `f"..."` style prefixes, nor
//    after soft keywords; at the top level `a b` is just "invalid syntax");
//  - `a if b` without else: "expected 'else' after 'if' expression";
//  - `print x` / `exec x`: "Missing parentheses in call to 'print'. ...".
// The second expression is parsed without the diagnostics, so the comma
// check does not look into it.
static void invalid_expression(Parser *p) {
    int start = p->pos;
    SpToken *t = cur_tok(p);
    // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
    if (!(t->type == SP_TOK_NAME && peek_type(p, 1) == SP_TOK_STRING) && !is_soft_keyword(t)) {
        SpExpr *a = sp_p_disjunction(p);
        if (a != NULL && sp_p_can_start_expression(p) && cur_type(p) != SP_TOK_STAR) {
            SpExpr *b = sp_p_expression_no_invalid(p);
            if (b != NULL && !is_legacy_name(a) && p->tokens[p->pos - 1].level != 0) {
                sp_p_raise_range(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
                return;
            }
        }
        if (p->error) {
            return;
        }
    }
    // a=disjunction 'if' b=disjunction !('else'|':')
    p->pos = start;
    SpExpr *a = sp_p_disjunction(p);
    if (a != NULL && sp_p_accept_kw(p, SP_KW_IF)) {
        SpExpr *b = sp_p_disjunction(p);
        if (b != NULL && !at_kw(p, SP_KW_ELSE) && cur_type(p) != SP_TOK_COLON) {
            sp_p_raise_range(p, a, b, "expected 'else' after 'if' expression");
            return;
        }
    }
    if (p->error) {
        return;
    }
    // invalid_legacy_expression: a=NAME !'(' b=star_expressions
    p->pos = start;
    if (at_name(p) && peek_type(p, 1) != SP_TOK_LPAR) {
        SpExpr *name = sp_p_name_expr(p, p->pos, SP_CTX_LOAD);
        if (name != NULL) {
            p->pos++;
            SpExpr *b = sp_p_star_expressions(p);
            if (b != NULL && is_legacy_name(name)) {
                sp_p_raise_range(p, name, b,
                                 "Missing parentheses in call to '%U'. Did you mean %U(...)?",
                                 name->v.Name.id, name->v.Name.id);
                return;
            }
        }
    }
    p->pos = start;
}

SpExpr *sp_p_expression(Parser *p) {
    int start = p->pos;
    SpExpr *e;
    if (memo_get(p, MEMO_EXPRESSION, &e)) {
        return e;
    }
    if (!sp_p_enter(p)) {
        return NULL;
    }
    if (p->invalid) {
        invalid_expression(p);
        if (p->error) {
            p->depth--;
            return NULL;
        }
        p->pos = start;
    }
    e = expression_body(p);
    p->depth--;
    memo_put(p, MEMO_EXPRESSION, start, e);
    return e;
}

// ===========================================================================
// named_expression, star expressions, yield

// lookahead_display(p): does a list, tuple or genexp display (or True,
// None, False) start here? (The !(list|tuple|genexp|...) of
// invalid_named_expression: `[a, b] = 1` inside a condition is a valid
// target, reported elsewhere.) A parenthesised expression that is not a
// tuple does not count: its node starts after the '('.
static int lookahead_display(Parser *p) {
    SpToken *t = cur_tok(p);
    if (t->type == SP_TOK_NAME) {
        return t->kw == SP_KW_TRUE || t->kw == SP_KW_NONE || t->kw == SP_KW_FALSE;
    }
    if (t->type != SP_TOK_LSQB && t->type != SP_TOK_LPAR) {
        return 0;
    }
    int start = p->pos;
    SpExpr *e = atom(p);
    int r = 0;
    if (e != NULL && starts_at(p, e, start)) {
        r = t->type == SP_TOK_LSQB ? e->kind == SP_EXPR_LIST
                                   : (e->kind == SP_EXPR_TUPLE || e->kind == SP_EXPR_GENERATOR_EXP);
    }
    p->pos = start;
    return r;
}

static void invalid_named_expression(Parser *p) {
    int start = p->pos;
    // a=expression ':=' expression
    SpExpr *a = sp_p_expression(p);
    if (a != NULL && sp_p_accept(p, SP_TOK_COLONEQUAL)) {
        if (sp_p_expression(p) != NULL) {
            sp_p_raise_expr(p, a, "cannot use assignment expressions with %s",
                            sp_p_expr_name(a));
            return;
        }
    }
    if (p->error) {
        return;
    }
    // a=NAME '=' b=bitwise_or !('='|':=')
    p->pos = start;
    if (at_name(p) && peek_type(p, 1) == SP_TOK_EQUAL) {
        SpExpr *name = sp_p_name_expr(p, p->pos, SP_CTX_LOAD);
        p->pos += 2;
        SpExpr *b = name ? sp_p_bitwise_or(p) : NULL;
        if (b != NULL && cur_type(p) != SP_TOK_EQUAL && cur_type(p) != SP_TOK_COLONEQUAL) {
            sp_p_raise_range(p, name, b,
                             "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            return;
        }
        if (p->error) {
            return;
        }
    }
    // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
    p->pos = start;
    if (!lookahead_display(p) && !p->error) {
        a = sp_p_bitwise_or(p);
        if (a != NULL && sp_p_accept(p, SP_TOK_EQUAL)) {
            SpExpr *b = sp_p_bitwise_or(p);
            if (b != NULL && cur_type(p) != SP_TOK_EQUAL && cur_type(p) != SP_TOK_COLONEQUAL) {
                sp_p_raise_expr(p, a,
                                "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                sp_p_expr_name(a));
                return;
            }
        }
    }
    p->pos = start;
}

// named_expression: NAME ':=' ~ expression | invalid_named_expression | expression !':='
SpExpr *sp_p_named_expression(Parser *p) {
    int start = p->pos;
    if (at_name(p) && peek_type(p, 1) == SP_TOK_COLONEQUAL) {
        SpExpr *target = sp_p_name_expr(p, p->pos, SP_CTX_STORE);
        p->pos += 2;
        SpExpr *value = target ? sp_p_expression(p) : NULL;
        if (value == NULL) {
            return NULL;
        }
        SpExpr *e = sp_p_expr(p, SP_EXPR_NAMED_EXPR, start);
        if (e != NULL) {
            e->v.NamedExpr.target = target;
            e->v.NamedExpr.value = value;
        }
        return e;
    }
    if (p->invalid) {
        invalid_named_expression(p);
        if (p->error) {
            return NULL;
        }
        p->pos = start;
    }
    SpExpr *e = sp_p_expression(p);
    if (e != NULL && cur_type(p) == SP_TOK_COLONEQUAL) {
        return NULL;
    }
    return e;
}

// '*' bitwise_or -> Starred (Load)
static SpExpr *starred_bitwise_or(Parser *p) {
    int start = p->pos++;
    SpExpr *value = sp_p_bitwise_or(p);
    if (value == NULL) {
        return NULL;
    }
    SpExpr *e = sp_p_expr(p, SP_EXPR_STARRED, start);
    if (e != NULL) {
        e->v.Starred.value = value;
        e->v.Starred.ctx = SP_CTX_LOAD;
    }
    return e;
}

// star_named_expression: '*' bitwise_or | named_expression
SpExpr *sp_p_star_named_expression(Parser *p) {
    if (cur_type(p) == SP_TOK_STAR) {
        return starred_bitwise_or(p);
    }
    return sp_p_named_expression(p);
}

// star_expression: '*' bitwise_or | expression
SpExpr *sp_p_star_expression(Parser *p) {
    if (cur_type(p) == SP_TOK_STAR) {
        return starred_bitwise_or(p);
    }
    return sp_p_expression(p);
}

// seq_rule(p, item, allow_star): item (',' item)* [','] -> Tuple if any comma.
static SpExpr *tuple_of(Parser *p, SpExpr *(*item)(Parser *)) {
    int start = p->pos;
    SpExpr *first = item(p);
    if (first == NULL || cur_type(p) != SP_TOK_COMMA) {
        return first;
    }
    Vec v;
    sp_vec_init(&v);
    if (sp_vec_push(p, &v, first) < 0) {
        return NULL;
    }
    while (sp_p_accept(p, SP_TOK_COMMA)) {
        if (!sp_p_can_start_expression(p)) {
            break;
        }
        int item_pos = p->pos;
        SpExpr *e = item(p);
        if (e == NULL && !p->error) {
            p->pos = item_pos;  // the comma before it ends the tuple
            break;
        }
        if (e == NULL || sp_vec_push(p, &v, e) < 0) {
            sp_vec_free(&v);
            return NULL;
        }
    }
    SpExpr *t = sp_p_expr(p, SP_EXPR_TUPLE, start);
    if (t == NULL || VEC_FINISH(p, &v, t->v.Tuple.elts) < 0) {
        sp_vec_free(&v);
        return NULL;
    }
    t->v.Tuple.ctx = SP_CTX_LOAD;
    return t;
}

SpExpr *sp_p_star_expressions(Parser *p) {
    return tuple_of(p, sp_p_star_expression);
}

static SpExpr *plain_expression(Parser *p) {
    if (cur_type(p) == SP_TOK_STAR) {
        return NULL;
    }
    return sp_p_expression(p);
}

SpExpr *sp_p_expressions(Parser *p) {
    return tuple_of(p, plain_expression);
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
SpExpr *sp_p_yield_expr(Parser *p) {
    int start = p->pos++;
    if (sp_p_accept_kw(p, SP_KW_FROM)) {
        SpExpr *value = sp_p_expression(p);
        if (value == NULL) {
            return NULL;
        }
        SpExpr *e = sp_p_expr(p, SP_EXPR_YIELD_FROM, start);
        if (e != NULL) {
            e->v.YieldFrom.value = value;
        }
        return e;
    }
    SpExpr *value = NULL;
    if (sp_p_can_start_expression(p)) {
        value = sp_p_star_expressions(p);
        if (value == NULL) {
            return NULL;
        }
    }
    SpExpr *e = sp_p_expr(p, SP_EXPR_YIELD, start);
    if (e != NULL) {
        e->v.Yield.value = value;
    }
    return e;
}

// ===========================================================================
// Atoms and displays

static SpExpr *constant(Parser *p, SpObject *value) {
    int start = p->pos++;
    SpExpr *e = sp_p_expr(p, SP_EXPR_CONSTANT, start);
    if (e != NULL) {
        e->v.Constant.value = value;
    }
    return e;
}

// comprehension(p, kind, start, elt, key): the for_if_clauses after the
// element, then the closing bracket `close`.
static SpExpr *comprehension(Parser *p, SpExprKind kind, int start, SpExpr *elt, SpExpr *value,
                             int close) {
    SpComprehensionSeq gens;
    if (sp_p_for_if_clauses(p, &gens) < 0 || !sp_p_accept(p, close)) {
        return NULL;
    }
    SpExpr *e = sp_p_expr(p, kind, start);
    if (e == NULL) {
        return NULL;
    }
    if (kind == SP_EXPR_DICT_COMP) {
        e->v.DictComp.key = elt;
        e->v.DictComp.value = value;
        e->v.DictComp.generators = gens;
    } else {
        e->v.ListComp.elt = elt;
        e->v.ListComp.generators = gens;
    }
    return e;
}

// invalid_comprehension for a starred element (second pass).
static void *starred_in_comprehension(Parser *p, SpExpr *elt) {
    if (p->invalid && elt->kind == SP_EXPR_STARRED) {
        return sp_p_raise_expr(p, elt, "iterable unpacking cannot be used in comprehension");
    }
    return NULL;
}

// The elements of a list/tuple/set display after the first one and its
// comma: star_named_expression (',' star_named_expression)* [','], up to
// `close` (not consumed). In the second pass, a 'for' after them is the
// "did you forget parentheses around the comprehension target?" error.
static int display_rest(Parser *p, Vec *v, int close, int open_tok) {
    for (;;) {
        if (cur_type(p) == close) {
            return 0;
        }
        SpExpr *e = sp_p_star_named_expression(p);
        if (e == NULL || sp_vec_push(p, v, e) < 0) {
            return -1;
        }
        if (!sp_p_accept(p, SP_TOK_COMMA)) {
            break;
        }
    }
    if (p->invalid && !p->error && at_kw(p, SP_KW_FOR) && open_tok != SP_TOK_LPAR) {
        SpComprehensionSeq gens;
        SpExpr *a = v->items[0], *b = v->items[v->n - 1];
        if (sp_p_for_if_clauses(p, &gens) == 0) {
            sp_p_raise_range(p, a, b,
                             "did you forget parentheses around the comprehension target?");
        }
        return -1;
    }
    return 0;
}

// '(' ... ')': tuple | group | genexp (and invalid_group).
static SpExpr *paren_atom(Parser *p) {
    int start = p->pos++;
    if (sp_p_accept(p, SP_TOK_RPAR)) {
        SpExpr *e = sp_p_expr(p, SP_EXPR_TUPLE, start);
        if (e != NULL) {
            e->v.Tuple.ctx = SP_CTX_LOAD;
        }
        return e;
    }
    if (at_kw(p, SP_KW_YIELD)) {
        SpExpr *y = sp_p_yield_expr(p);
        return y && sp_p_accept(p, SP_TOK_RPAR) ? y : NULL;
    }
    if (cur_type(p) == SP_TOK_DOUBLESTAR) {
        if (p->invalid) {
            // invalid_group: '(' a='**' expression ')'
            SpToken *a = cur_tok(p);
            p->pos++;
            if (sp_p_expression(p) != NULL && cur_type(p) == SP_TOK_RPAR) {
                return sp_p_raise_tok(p, a, "cannot use double starred expression here");
            }
        }
        return NULL;
    }
    SpExpr *first = sp_p_star_named_expression(p);
    if (first == NULL) {
        return NULL;
    }
    if (cur_type(p) == SP_TOK_COMMA) {
        p->pos++;
        Vec v;
        sp_vec_init(&v);
        if (sp_vec_push(p, &v, first) < 0 || display_rest(p, &v, SP_TOK_RPAR, SP_TOK_LPAR) < 0 ||
            !sp_p_accept(p, SP_TOK_RPAR)) {
            sp_vec_free(&v);
            return NULL;
        }
        SpExpr *e = sp_p_expr(p, SP_EXPR_TUPLE, start);
        if (e == NULL || VEC_FINISH(p, &v, e->v.Tuple.elts) < 0) {
            sp_vec_free(&v);
            return NULL;
        }
        e->v.Tuple.ctx = SP_CTX_LOAD;
        return e;
    }
    if (sp_p_accept(p, SP_TOK_RPAR)) {
        if (first->kind == SP_EXPR_STARRED) {
            if (p->invalid) {
                sp_p_raise_expr(p, first, "cannot use starred expression here");
            }
            return NULL;
        }
        return first;
    }
    if (at_kw(p, SP_KW_FOR) || at_kw(p, SP_KW_ASYNC)) {
        if (first->kind == SP_EXPR_STARRED) {
            if (p->invalid) {
                SpComprehensionSeq gens;
                if (sp_p_for_if_clauses(p, &gens) == 0) {
                    starred_in_comprehension(p, first);
                }
            }
            return NULL;
        }
        return comprehension(p, SP_EXPR_GENERATOR_EXP, start, first, NULL, SP_TOK_RPAR);
    }
    return NULL;
}

// '[' ... ']': list | listcomp
static SpExpr *list_atom(Parser *p) {
    int start = p->pos++;
    Vec v;
    sp_vec_init(&v);
    if (cur_type(p) != SP_TOK_RSQB) {
        SpExpr *first = sp_p_star_named_expression(p);
        if (first == NULL) {
            return NULL;
        }
        if (at_kw(p, SP_KW_FOR) || at_kw(p, SP_KW_ASYNC)) {
            if (first->kind == SP_EXPR_STARRED) {
                if (p->invalid) {
                    SpComprehensionSeq gens;
                    if (sp_p_for_if_clauses(p, &gens) == 0) {
                        starred_in_comprehension(p, first);
                    }
                }
                return NULL;
            }
            return comprehension(p, SP_EXPR_LIST_COMP, start, first, NULL, SP_TOK_RSQB);
        }
        if (sp_vec_push(p, &v, first) < 0) {
            return NULL;
        }
        if (cur_type(p) == SP_TOK_COMMA) {
            const SpToken *comma = cur_tok(p);
            p->pos++;
            if (p->invalid && at_kw(p, SP_KW_FOR)) {
                // ('[' | '{') a=star_named_expression b=',' for_if_clauses
                SpComprehensionSeq gens;
                if (sp_p_for_if_clauses(p, &gens) == 0) {
                    sp_p_raise_at(p, SP_EXC_SYNTAX, first->lineno, first->col_offset + 1,
                                  comma->end_lineno, comma->end_col_offset + 1,
                                  "did you forget parentheses around the comprehension target?");
                }
                sp_vec_free(&v);
                return NULL;
            }
            if (display_rest(p, &v, SP_TOK_RSQB, SP_TOK_LSQB) < 0) {
                sp_vec_free(&v);
                return NULL;
            }
        }
    }
    if (!sp_p_accept(p, SP_TOK_RSQB)) {
        sp_vec_free(&v);
        return NULL;
    }
    SpExpr *e = sp_p_expr(p, SP_EXPR_LIST, start);
    if (e == NULL || VEC_FINISH(p, &v, e->v.List.elts) < 0) {
        sp_vec_free(&v);
        return NULL;
    }
    e->v.List.ctx = SP_CTX_LOAD;
    return e;
}

// invalid_double_starred_kvpairs / invalid_kvpair after key `k` whose ':'
// is missing or whose value is bad (second pass).
static void invalid_kvpair(Parser *p, SpExpr *key) {
    if (!p->invalid || p->error) {
        return;
    }
    if (cur_type(p) != SP_TOK_COLON) {
        // a=expression !(':'): "':' expected after dictionary key"
        sp_p_raise_at(p, SP_EXC_SYNTAX, key->lineno, key->end_col_offset - 1 + 1, key->end_lineno,
                      -1 + 1, "':' expected after dictionary key");
        return;
    }
    SpToken *colon = cur_tok(p);
    int after = peek_type(p, 1);
    if (after == SP_TOK_STAR) {
        p->pos += 2;
        SpToken *star = &p->tokens[p->pos - 1];
        if (sp_p_bitwise_or(p) != NULL) {
            SpToken *last = sp_p_last_tok(p);
            sp_p_raise_at(p, SP_EXC_SYNTAX, star->lineno, star->col_offset + 1, last->end_lineno,
                          last->end_col_offset + 1,
                          "cannot use a starred expression in a dictionary value");
        }
        return;
    }
    if (after == SP_TOK_RBRACE || after == SP_TOK_COMMA) {
        sp_p_raise_tok(p, colon, "expression expected after dictionary key and ':'");
    }
}

// '{' ... '}': dict | set | dictcomp | setcomp
static SpExpr *brace_atom(Parser *p) {
    int start = p->pos++;
    Vec keys, values;
    sp_vec_init(&keys);
    sp_vec_init(&values);
    if (sp_p_accept(p, SP_TOK_RBRACE)) {
        SpExpr *e = sp_p_expr(p, SP_EXPR_DICT, start);
        return e;
    }
    int is_dict;
    SpExpr *first = NULL, *first_value = NULL;
    if (cur_type(p) == SP_TOK_DOUBLESTAR) {
        SpToken *stars = cur_tok(p);
        p->pos++;
        first_value = sp_p_bitwise_or(p);
        if (first_value == NULL) {
            return NULL;
        }
        if (at_kw(p, SP_KW_FOR)) {
            if (p->invalid) {
                SpComprehensionSeq gens;
                if (sp_p_for_if_clauses(p, &gens) == 0 && cur_type(p) == SP_TOK_RBRACE) {
                    sp_p_raise_tok(p, stars, "dict unpacking cannot be used in dict comprehension");
                }
            }
            return NULL;
        }
        is_dict = 1;
    } else {
        int first_start = p->pos;
        first = sp_p_star_named_expression(p);
        if (first == NULL) {
            return NULL;
        }
        is_dict = cur_type(p) == SP_TOK_COLON;
        if (is_dict) {
            if (first->kind == SP_EXPR_STARRED ||
                (first->kind == SP_EXPR_NAMED_EXPR && starts_at(p, first, first_start))) {
                return NULL;
            }
            p->pos++;
            if (cur_type(p) == SP_TOK_STAR || cur_type(p) == SP_TOK_RBRACE ||
                cur_type(p) == SP_TOK_COMMA) {
                p->pos--;
                invalid_kvpair(p, first);
                return NULL;
            }
            first_value = sp_p_expression(p);
            if (first_value == NULL) {
                return NULL;
            }
            if (at_kw(p, SP_KW_FOR) || at_kw(p, SP_KW_ASYNC)) {
                return comprehension(p, SP_EXPR_DICT_COMP, start, first, first_value,
                                     SP_TOK_RBRACE);
            }
        } else if (at_kw(p, SP_KW_FOR) || at_kw(p, SP_KW_ASYNC)) {
            if (first->kind == SP_EXPR_STARRED) {
                if (p->invalid) {
                    SpComprehensionSeq gens;
                    if (sp_p_for_if_clauses(p, &gens) == 0) {
                        starred_in_comprehension(p, first);
                    }
                }
                return NULL;
            }
            return comprehension(p, SP_EXPR_SET_COMP, start, first, NULL, SP_TOK_RBRACE);
        }
    }
    if (is_dict) {
        if (sp_vec_push(p, &keys, first) < 0 || sp_vec_push(p, &values, first_value) < 0) {
            goto fail;
        }
        while (sp_p_accept(p, SP_TOK_COMMA)) {
            if (cur_type(p) == SP_TOK_RBRACE) {
                break;
            }
            SpExpr *k = NULL, *val;
            if (sp_p_accept(p, SP_TOK_DOUBLESTAR)) {
                val = sp_p_bitwise_or(p);
            } else {
                if (p->invalid) {
                    // CPython reports a key after the first pair that is not
                    // followed by ':' as such, before looking into the key
                    // ("{1: 2, 'b' 2}" is "':' expected after dictionary key").
                    int key_pos = p->pos, pass2 = p->pass2;
                    p->pass2 = 0;  // a look-ahead: keep it out of the memo
                    k = sp_p_expression_no_invalid(p);
                    p->pass2 = pass2;
                    if (k != NULL && cur_type(p) != SP_TOK_COLON) {
                        invalid_kvpair(p, k);
                        goto fail;
                    }
                    if (p->error) {
                        goto fail;
                    }
                    p->pos = key_pos;
                }
                k = sp_p_expression(p);
                if (k == NULL) {
                    goto fail;
                }
                if (cur_type(p) != SP_TOK_COLON || peek_type(p, 1) == SP_TOK_STAR ||
                    peek_type(p, 1) == SP_TOK_RBRACE || peek_type(p, 1) == SP_TOK_COMMA) {
                    invalid_kvpair(p, k);
                    goto fail;
                }
                p->pos++;
                val = sp_p_expression(p);
            }
            if (val == NULL || sp_vec_push(p, &keys, k) < 0 || sp_vec_push(p, &values, val) < 0) {
                goto fail;
            }
        }
        if (!sp_p_accept(p, SP_TOK_RBRACE)) {
            goto fail;
        }
        SpExpr *e = sp_p_expr(p, SP_EXPR_DICT, start);
        if (e == NULL || VEC_FINISH(p, &keys, e->v.Dict.keys) < 0 ||
            VEC_FINISH(p, &values, e->v.Dict.values) < 0) {
            goto fail;
        }
        return e;
    }
    if (sp_vec_push(p, &keys, first) < 0) {
        goto fail;
    }
    if (cur_type(p) == SP_TOK_COMMA) {
        p->pos++;
        if (p->invalid && at_kw(p, SP_KW_FOR)) {
            goto fail;
        }
        if (display_rest(p, &keys, SP_TOK_RBRACE, SP_TOK_LBRACE) < 0) {
            goto fail;
        }
    }
    if (!sp_p_accept(p, SP_TOK_RBRACE)) {
        goto fail;
    }
    SpExpr *e = sp_p_expr(p, SP_EXPR_SET, start);
    if (e == NULL || VEC_FINISH(p, &keys, e->v.Set.elts) < 0) {
        goto fail;
    }
    return e;
fail:
    sp_vec_free(&keys);
    sp_vec_free(&values);
    return NULL;
}

static SpExpr *atom_body(Parser *p) {
    SpToken *t = cur_tok(p);
    switch (t->type) {
    case SP_TOK_NAME:
        switch (t->kw) {
        case 0: {
            SpExpr *e = sp_p_name_expr(p, p->pos, SP_CTX_LOAD);
            p->pos++;
            return e;
        }
        case SP_KW_TRUE: return constant(p, sp_True);
        case SP_KW_FALSE: return constant(p, sp_False);
        case SP_KW_NONE: return constant(p, sp_None);
        default: return NULL;
        }
    case SP_TOK_STRING: return sp_p_strings(p);
    case SP_TOK_NUMBER: return sp_p_number(p);
    case SP_TOK_ELLIPSIS: return constant(p, sp_Ellipsis);
    case SP_TOK_LPAR:
    case SP_TOK_LSQB:
    case SP_TOK_LBRACE: {
        if (!sp_p_enter(p)) {
            return NULL;
        }
        SpExpr *e = t->type == SP_TOK_LPAR ? paren_atom(p)
                  : t->type == SP_TOK_LSQB ? list_atom(p) : brace_atom(p);
        p->depth--;
        return e;
    }
    default:
        return NULL;
    }
}

static SpExpr *atom(Parser *p) {
    int start = p->pos;
    SpExpr *e;
    if (memo_get(p, MEMO_ATOM, &e)) {
        return e;
    }
    e = atom_body(p);
    memo_put(p, MEMO_ATOM, start, e);
    return e;
}

// ===========================================================================
// Primaries: calls, attributes, subscripts

// One slice or subscript element: [expression] ':' [expression] [':' [expression]]
// | named_expression; `star` also allows '*' expression (tuple elements).
static SpExpr *slice_item(Parser *p, int star) {
    int start = p->pos;
    if (star && cur_type(p) == SP_TOK_STAR) {
        p->pos++;
        SpExpr *value = sp_p_expression(p);
        if (value == NULL) {
            return NULL;
        }
        SpExpr *e = sp_p_expr(p, SP_EXPR_STARRED, start);
        if (e != NULL) {
            e->v.Starred.value = value;
            e->v.Starred.ctx = SP_CTX_LOAD;
        }
        return e;
    }
    SpExpr *lower = NULL;
    if (cur_type(p) != SP_TOK_COLON) {
        lower = sp_p_named_expression(p);
        if (lower == NULL) {
            return NULL;
        }
        if (cur_type(p) != SP_TOK_COLON) {
            return lower;
        }
        if (lower->kind == SP_EXPR_NAMED_EXPR && starts_at(p, lower, start)) {
            return NULL;
        }
    }
    p->pos++;  // ':'
    SpExpr *upper = NULL, *step = NULL;
    int t = cur_type(p);
    if (t != SP_TOK_COLON && t != SP_TOK_COMMA && t != SP_TOK_RSQB) {
        upper = sp_p_expression(p);
        if (upper == NULL) {
            return NULL;
        }
    }
    if (sp_p_accept(p, SP_TOK_COLON)) {
        t = cur_type(p);
        if (t != SP_TOK_COMMA && t != SP_TOK_RSQB) {
            step = sp_p_expression(p);
            if (step == NULL) {
                return NULL;
            }
        }
    }
    SpExpr *e = sp_p_expr(p, SP_EXPR_SLICE, start);
    if (e != NULL) {
        e->v.Slice.lower = lower;
        e->v.Slice.upper = upper;
        e->v.Slice.step = step;
    }
    return e;
}

// slices: slice !',' | ','.(slice | starred_expression)+ [','] -> Tuple
SpExpr *sp_p_slices(Parser *p) {
    int start = p->pos;
    SpExpr *first = slice_item(p, 1);
    if (first == NULL) {
        return NULL;
    }
    if (cur_type(p) != SP_TOK_COMMA && first->kind != SP_EXPR_STARRED) {
        return first;
    }
    Vec v;
    sp_vec_init(&v);
    if (sp_vec_push(p, &v, first) < 0) {
        return NULL;
    }
    while (sp_p_accept(p, SP_TOK_COMMA)) {
        if (cur_type(p) == SP_TOK_RSQB) {
            break;
        }
        SpExpr *e = slice_item(p, 1);
        if (e == NULL || sp_vec_push(p, &v, e) < 0) {
            sp_vec_free(&v);
            return NULL;
        }
    }
    SpExpr *t = sp_p_expr(p, SP_EXPR_TUPLE, start);
    if (t == NULL || VEC_FINISH(p, &v, t->v.Tuple.elts) < 0) {
        sp_vec_free(&v);
        return NULL;
    }
    t->v.Tuple.ctx = SP_CTX_LOAD;
    return t;
}

// call(p, start, func): after the '(' of a call.
static SpExpr *call(Parser *p, int start, SpExpr *func) {
    int open = p->pos++;
    SpExprSeq args = {0, NULL};
    SpKeywordSeq keywords = {0, NULL};
    if (cur_type(p) != SP_TOK_RPAR && sp_p_call_args(p, open, &args, &keywords) < 0) {
        return NULL;
    }
    if (!sp_p_accept(p, SP_TOK_RPAR)) {
        return NULL;
    }
    SpExpr *e = sp_p_expr(p, SP_EXPR_CALL, start);
    if (e != NULL) {
        e->v.Call.func = func;
        e->v.Call.args = args;
        e->v.Call.keywords = keywords;
    }
    return e;
}

// primary: atom ('.' NAME | '(' arguments ')' | genexp | '[' slices ']')*
SpExpr *sp_p_primary(Parser *p) {
    int start = p->pos;
    SpExpr *e = atom(p);
    while (e != NULL) {
        int t = cur_type(p), trailer = p->pos;
        SpExpr *next = NULL;
        if (t == SP_TOK_DOT) {
            SpToken *name = sp_p_tok_at(p, p->pos + 1);
            if (name->type == SP_TOK_NAME && name->kw == 0) {
                p->pos += 2;
                next = sp_p_expr(p, SP_EXPR_ATTRIBUTE, start);
                if (next != NULL) {
                    next->v.Attribute.value = e;
                    next->v.Attribute.attr = sp_p_name_of(p, name);
                    next->v.Attribute.ctx = SP_CTX_LOAD;
                }
            }
        } else if (t == SP_TOK_LPAR) {
            if (!sp_p_enter(p)) {
                return NULL;
            }
            next = call(p, start, e);
            p->depth--;
        } else if (t == SP_TOK_LSQB) {
            if (!sp_p_enter(p)) {
                return NULL;
            }
            p->pos++;
            SpExpr *slice = sp_p_slices(p);
            p->depth--;
            if (slice != NULL && sp_p_accept(p, SP_TOK_RSQB)) {
                next = sp_p_expr(p, SP_EXPR_SUBSCRIPT, start);
                if (next != NULL) {
                    next->v.Subscript.value = e;
                    next->v.Subscript.slice = slice;
                    next->v.Subscript.ctx = SP_CTX_LOAD;
                }
            }
        } else {
            break;
        }
        if (p->error) {
            return NULL;
        }
        if (next == NULL) {
            // A trailer that does not parse is left for the caller (PEG
            // backtracking to the shorter primary).
            p->pos = trailer;
            break;
        }
        e = next;
    }
    return e;
}

// ===========================================================================
// Comprehensions

// for_if_clauses: ('for' star_targets 'in' ~ disjunction ('if' disjunction)*)+
int sp_p_for_if_clauses(Parser *p, SpComprehensionSeq *out) {
    Vec gens;
    sp_vec_init(&gens);
    while (at_kw(p, SP_KW_FOR) || at_kw(p, SP_KW_ASYNC)) {
        if (at_kw(p, SP_KW_ASYNC)) {
            sp_p_raise_tok(p, cur_tok(p), "async is not supported yet");
            goto fail;
        }
        p->pos++;
        int target_pos = p->pos;
        SpExpr *target = sp_p_star_targets(p);
        if (target == NULL || !sp_p_accept_kw(p, SP_KW_IN)) {
            if (p->invalid && !p->error) {
                // invalid_for_target: 'for' star_expressions
                p->pos = target_pos;
                SpExpr *e = sp_p_star_expressions(p);
                if (e != NULL && !p->error && sp_p_invalid_target(TARGETS_FOR, e) != NULL) {
                    sp_p_raise_invalid_target(p, TARGETS_FOR, e);
                }
            }
            goto fail;
        }
        SpExpr *iter = sp_p_disjunction(p);
        if (iter == NULL) {
            goto fail;
        }
        Vec ifs;
        sp_vec_init(&ifs);
        while (sp_p_accept_kw(p, SP_KW_IF)) {
            SpExpr *cond = sp_p_disjunction(p);
            if (cond == NULL || sp_vec_push(p, &ifs, cond) < 0) {
                sp_vec_free(&ifs);
                goto fail;
            }
        }
        SpComprehension *c = sp_p_alloc(p, sizeof(SpComprehension));
        if (c == NULL || VEC_FINISH(p, &ifs, c->ifs) < 0 || sp_vec_push(p, &gens, c) < 0) {
            sp_vec_free(&ifs);
            goto fail;
        }
        c->target = target;
        c->iter = iter;
    }
    if (gens.n == 0) {
        goto fail;
    }
    return VEC_FINISH(p, &gens, *out);
fail:
    sp_vec_free(&gens);
    return -1;
}

// ===========================================================================
// Lambda

// lambdef: 'lambda' [lambda_params] ':' expression
static SpExpr *lambdef(Parser *p) {
    int start = p->pos++;
    SpArguments *args = cur_type(p) == SP_TOK_COLON ? sp_p_empty_arguments(p) : sp_p_params(p, 1);
    if (args == NULL || !sp_p_accept(p, SP_TOK_COLON)) {
        return NULL;
    }
    SpExpr *body = sp_p_expression(p);
    if (body == NULL) {
        return NULL;
    }
    SpExpr *e = sp_p_expr(p, SP_EXPR_LAMBDA, start);
    if (e != NULL) {
        e->v.Lambda.args = args;
        e->v.Lambda.body = body;
    }
    return e;
}
