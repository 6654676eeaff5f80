// smallpy: the statement grammar and the start rules (file, interactive,
// eval, and the f-string expression rule), with the second pass's
// diagnostics for statements. Counterpart: the statement rules of CPython
// 3.11 Grammar/python.gram.
#define SP_COMPILER_INTERNAL
#include "compiler/parser_internal.h"

#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "objects/exc.h"
#include "objects/str.h"

// Recursion guard: nested blocks recurse in C.
#define MAX_DEPTH 3000

// ===========================================================================
// Statements

static int statement(Parser *p, Vec *out);
static int simple_stmts(Parser *p, Vec *out);

// block: NEWLINE INDENT statements DEDENT | simple_stmts. `kw` is the
// keyword token that opened the compound statement and `what` its name in
// "expected an indented block after 'if' statement on line 3".
//
// CPython finds that error with an invalid_<stmt> rule per statement
// (`'if' named_expression ':' NEWLINE !INDENT`), tried in the second pass
// before the statement itself; the header has been parsed by the time we
// get here, so one check covers them all. RAISE_INDENTATION_ERROR reports at
// the furthest token: the one after the NEWLINE that is not an INDENT.
int sp_p_block(Parser *p, SpStmtSeq *out, const SpToken *kw, const char *what) {
    Vec v;
    sp_vec_init(&v);
    if (cur_type(p) == SP_TOK_NEWLINE) {
        if (peek_type(p, 1) != SP_TOK_INDENT) {
            if (p->error) {
                goto fail;
            }
            if (p->invalid) {
                if (what != NULL) {
                    sp_p_raise(p, SP_EXC_INDENTATION,
                               "expected an indented block after %s on line %d", what,
                               kw->lineno);
                } else {
                    sp_p_raise(p, SP_EXC_INDENTATION, "expected an indented block");
                }
            }
            goto fail;
        }
        p->pos += 2;
        // statements: statement+, up to the DEDENT closing the block. A
        // statement that fails ends the block; its failure is the caller's.
        while (cur_type(p) != SP_TOK_DEDENT) {
            if (p->error || cur_type(p) == SP_TOK_ENDMARKER || statement(p, &v) < 0) {
                goto fail;
            }
        }
        p->pos++;
    } else {
        // A block on the same line: simple statements only.
        if (p->error || simple_stmts(p, &v) < 0) {
            goto fail;
        }
    }
    return VEC_FINISH(p, &v, *out);
fail:
    sp_vec_free(&v);
    return -1;
}

static SpStmt *function_def(Parser *p, SpExprSeq *decorators, int start);
static SpStmt *class_def(Parser *p, SpExprSeq *decorators, int start);

// decorators: ('@' named_expression NEWLINE)+ then a def or class. The
// decorated node keeps the position of its `def` / `class` line, as in
// CPython (_PyPegen_function_def_decorators).
static SpStmt *decorated(Parser *p) {
    Vec v;
    sp_vec_init(&v);
    while (sp_p_accept(p, SP_TOK_AT)) {
        SpExpr *e = sp_p_named_expression(p);
        if (e == NULL || !sp_p_accept(p, SP_TOK_NEWLINE) || sp_vec_push(p, &v, e) < 0) {
            goto fail;
        }
    }
    SpExprSeq decos;
    if (VEC_FINISH(p, &v, decos) < 0) {
        return NULL;
    }
    if (at_kw(p, SP_KW_DEF)) {
        return function_def(p, &decos, p->pos);
    }
    if (at_kw(p, SP_KW_CLASS)) {
        return class_def(p, &decos, p->pos);
    }
    if (at_kw(p, SP_KW_ASYNC)) {
        return sp_p_raise_tok(p, cur_tok(p), "async is not supported yet");
    }
    return NULL;
fail:
    sp_vec_free(&v);
    return NULL;
}

// 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
static SpStmt *function_def(Parser *p, SpExprSeq *decorators, int start) {
    SpToken *def = cur_tok(p);
    p->pos++;
    if (!at_name(p)) {
        return NULL;
    }
    int name_pos = p->pos++;
    if (!sp_p_expect_forced(p, SP_TOK_LPAR, "(")) {
        return NULL;
    }
    SpArguments *args;
    if (cur_type(p) == SP_TOK_RPAR) {
        args = sp_p_empty_arguments(p);
    } else {
        args = sp_p_params(p, 0);
    }
    if (args == NULL || !sp_p_accept(p, SP_TOK_RPAR)) {
        return NULL;
    }
    // ['->' expression] is optional: when the expression is missing the
    // group backtracks and the forced ':' reports "expected ':'" at '->'.
    SpExpr *returns = NULL;
    if (cur_type(p) == SP_TOK_RARROW) {
        int save = p->pos++;
        returns = sp_p_expression(p);
        if (returns == NULL) {
            if (p->error) {
                return NULL;
            }
            p->pos = save;  // the optional part fails: &&':' reports it
        }
    }
    if (!sp_p_expect_forced(p, SP_TOK_COLON, ":")) {
        return NULL;
    }
    SpStmtSeq body;
    if (sp_p_block(p, &body, def, "function definition") < 0) {
        return NULL;
    }
    SpStmt *s = sp_p_stmt(p, SP_STMT_FUNCTION_DEF, start);
    if (s == NULL) {
        return NULL;
    }
    s->v.FunctionDef.name = sp_p_name_of(p, &p->tokens[name_pos]);
    s->v.FunctionDef.args = args;
    s->v.FunctionDef.body = body;
    if (decorators) {
        s->v.FunctionDef.decorator_list = *decorators;
    }
    s->v.FunctionDef.returns = returns;
    return s->v.FunctionDef.name ? s : NULL;
}

// 'class' NAME ['(' [arguments] ')'] ':' block
static SpStmt *class_def(Parser *p, SpExprSeq *decorators, int start) {
    SpToken *cls = cur_tok(p);
    p->pos++;
    if (!at_name(p)) {
        return NULL;
    }
    int name_pos = p->pos++;
    SpExprSeq bases = {0, NULL};
    SpKeywordSeq keywords = {0, NULL};
    if (sp_p_accept(p, SP_TOK_LPAR)) {
        if (cur_type(p) != SP_TOK_RPAR && sp_p_call_args(p, -1, &bases, &keywords) < 0) {
            return NULL;
        }
        if (!sp_p_accept(p, SP_TOK_RPAR)) {
            return NULL;
        }
    }
    if (!sp_p_accept(p, SP_TOK_COLON)) {
        if (p->invalid && cur_type(p) == SP_TOK_NEWLINE) {
            sp_p_raise(p, SP_EXC_SYNTAX, "expected ':'");
        }
        return NULL;
    }
    SpStmtSeq body;
    if (sp_p_block(p, &body, cls, "class definition") < 0) {
        return NULL;
    }
    SpStmt *s = sp_p_stmt(p, SP_STMT_CLASS_DEF, start);
    if (s == NULL) {
        return NULL;
    }
    s->v.ClassDef.name = sp_p_name_of(p, &p->tokens[name_pos]);
    s->v.ClassDef.bases = bases;
    s->v.ClassDef.keywords = keywords;
    s->v.ClassDef.body = body;
    if (decorators) {
        s->v.ClassDef.decorator_list = *decorators;
    }
    return s->v.ClassDef.name ? s : NULL;
}

// expect_colon(p): the ':' ending a compound statement header. In the
// second pass a NEWLINE instead gives "expected ':'".
static int expect_colon(Parser *p) {
    if (sp_p_accept(p, SP_TOK_COLON)) {
        return 0;
    }
    if (p->invalid && !p->error && cur_type(p) == SP_TOK_NEWLINE) {
        sp_p_raise(p, SP_EXC_SYNTAX, "expected ':'");
    }
    return -1;
}

// else_block: 'else' &&':' block
static int else_block(Parser *p, SpStmtSeq *out) {
    SpToken *kw = cur_tok(p);
    p->pos++;
    if (!sp_p_expect_forced(p, SP_TOK_COLON, ":")) {
        return -1;
    }
    return sp_p_block(p, out, kw, "'else' statement");
}

// if / elif: 'if' named_expression ':' block (elif_stmt | [else_block])
static SpStmt *if_stmt(Parser *p) {
    int start = p->pos;
    SpToken *kw = cur_tok(p);
    p->pos++;
    SpExpr *test = sp_p_named_expression(p);
    if (test == NULL || expect_colon(p) < 0) {
        return NULL;
    }
    SpStmtSeq body, orelse = {0, NULL};
    if (sp_p_block(p, &body, kw, kw->kw == SP_KW_IF ? "'if' statement" : "'elif' statement") < 0) {
        return NULL;
    }
    if (at_kw(p, SP_KW_ELIF)) {
        SpStmt *elif = if_stmt(p);
        if (elif == NULL) {
            return NULL;
        }
        orelse.items = sp_p_alloc(p, sizeof(SpStmt *));
        if (orelse.items == NULL) {
            return NULL;
        }
        orelse.items[0] = elif;
        orelse.n = 1;
    } else if (at_kw(p, SP_KW_ELSE)) {
        if (else_block(p, &orelse) < 0) {
            return NULL;
        }
    }
    SpStmt *s = sp_p_stmt(p, SP_STMT_IF, start);
    if (s != NULL) {
        s->v.If.test = test;
        s->v.If.body = body;
        s->v.If.orelse = orelse;
    }
    return s;
}

// 'while' named_expression ':' block [else_block]
static SpStmt *while_stmt(Parser *p) {
    int start = p->pos;
    SpToken *kw = cur_tok(p);
    p->pos++;
    SpExpr *test = sp_p_named_expression(p);
    if (test == NULL || expect_colon(p) < 0) {
        return NULL;
    }
    SpStmtSeq body, orelse = {0, NULL};
    if (sp_p_block(p, &body, kw, "'while' statement") < 0) {
        return NULL;
    }
    if (at_kw(p, SP_KW_ELSE) && else_block(p, &orelse) < 0) {
        return NULL;
    }
    SpStmt *s = sp_p_stmt(p, SP_STMT_WHILE, start);
    if (s != NULL) {
        s->v.While.test = test;
        s->v.While.body = body;
        s->v.While.orelse = orelse;
    }
    return s;
}

// 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
static SpStmt *for_stmt(Parser *p) {
    int start = p->pos;
    SpToken *kw = cur_tok(p);
    p->pos++;
    int target_pos = p->pos;
    SpExpr *target = sp_p_star_targets(p);
    if (target == NULL || !sp_p_accept_kw(p, SP_KW_IN)) {
        if (p->invalid && !p->error) {
            // invalid_for_target: 'for' star_expressions
            p->pos = target_pos;
            SpExpr *e = sp_p_star_expressions(p);
            if (e != NULL && !p->error) {
                SpExpr *bad = sp_p_invalid_target(TARGETS_FOR, e);
                if (bad != NULL) {
                    sp_p_raise_invalid_target(p, TARGETS_FOR, e);
                }
            }
        }
        return NULL;
    }
    SpExpr *iter = sp_p_star_expressions(p);
    if (iter == NULL || expect_colon(p) < 0) {
        return NULL;
    }
    SpStmtSeq body, orelse = {0, NULL};
    if (sp_p_block(p, &body, kw, "'for' statement") < 0) {
        return NULL;
    }
    if (at_kw(p, SP_KW_ELSE) && else_block(p, &orelse) < 0) {
        return NULL;
    }
    SpStmt *s = sp_p_stmt(p, SP_STMT_FOR, start);
    if (s != NULL) {
        s->v.For.target = target;
        s->v.For.iter = iter;
        s->v.For.body = body;
        s->v.For.orelse = orelse;
    }
    return s;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
static SpWithItem *with_item(Parser *p) {
    SpExpr *e = sp_p_expression(p);
    if (e == NULL) {
        return NULL;
    }
    SpExpr *target = NULL;
    if (at_kw(p, SP_KW_AS)) {
        int save = p->pos++;
        target = sp_p_star_target(p);
        int t = target ? cur_type(p) : -1;
        if (target != NULL && !sp_p_set_context(p, target, SP_CTX_STORE)) {
            target = NULL;
        }
        if (target == NULL || !(t == SP_TOK_COMMA || t == SP_TOK_RPAR || t == SP_TOK_COLON)) {
            if (p->error) {
                return NULL;
            }
            if (p->invalid) {
                // invalid_with_item: expression 'as' expression &(',' | ')' | ':')
                p->pos = save + 1;
                SpExpr *bad = sp_p_expression(p);
                t = bad ? cur_type(p) : -1;
                if (bad != NULL && (t == SP_TOK_COMMA || t == SP_TOK_RPAR || t == SP_TOK_COLON)) {
                    return sp_p_raise_invalid_target(p, TARGETS_STAR, bad);
                }
                if (p->error) {
                    return NULL;
                }
            }
            // Fall back to the item without 'as' (the caller then fails).
            p->pos = save;
            target = NULL;
        }
    }
    SpWithItem *w = sp_p_alloc(p, sizeof(SpWithItem));
    if (w != NULL) {
        w->context_expr = e;
        w->optional_vars = target;
    }
    return w;
}

static int with_items(Parser *p, Vec *v, int parenthesized) {
    for (;;) {
        SpWithItem *w = with_item(p);
        if (w == NULL || sp_vec_push(p, v, w) < 0) {
            return -1;
        }
        if (!sp_p_accept(p, SP_TOK_COMMA)) {
            return 0;
        }
        if (parenthesized && cur_type(p) == SP_TOK_RPAR) {
            return 0;
        }
    }
}

// invalid_with_stmt (second pass): the items are fine but the ':' is
// missing: 'with' ','.(expression ['as' star_target])+ NEWLINE, or the
// parenthesised form '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE.
static void invalid_with_stmt(Parser *p, int start) {
    for (int paren = 0; paren < 2 && !p->error; paren++) {
        p->pos = start + 1;
        if (paren && !sp_p_accept(p, SP_TOK_LPAR)) {
            break;
        }
        int ok = 1;
        do {
            if (paren && cur_type(p) == SP_TOK_RPAR) {
                break;
            }
            SpExpr *e = paren ? sp_p_expressions(p) : sp_p_expression(p);
            if (e == NULL) {
                ok = 0;
                break;
            }
            if (sp_p_accept_kw(p, SP_KW_AS)) {
                SpExpr *t = sp_p_star_target(p);
                if (t == NULL || !sp_p_set_context(p, t, SP_CTX_STORE)) {
                    ok = 0;
                    break;
                }
            }
        } while (sp_p_accept(p, SP_TOK_COMMA));
        if (ok && paren && !sp_p_accept(p, SP_TOK_RPAR)) {
            ok = 0;
        }
        if (ok && cur_type(p) == SP_TOK_NEWLINE) {
            sp_p_raise(p, SP_EXC_SYNTAX, "expected ':'");
            return;
        }
    }
}

// 'with' '(' ','.with_item+ ','? ')' ':' block | 'with' ','.with_item+ ':' block
static SpStmt *with_stmt(Parser *p) {
    int start = p->pos;
    SpToken *kw = cur_tok(p);
    p->pos++;
    Vec v;
    sp_vec_init(&v);
    int ok = 0;
    if (cur_type(p) == SP_TOK_LPAR) {
        // The parenthesised form first; `with (a, b) as c:` and
        // `with (yield):` fall back to the plain form.
        int save = p->pos++;
        if (with_items(p, &v, 1) == 0 && sp_p_accept(p, SP_TOK_RPAR) &&
            sp_p_accept(p, SP_TOK_COLON)) {
            ok = 1;
        } else {
            if (p->error) {
                goto fail;
            }
            sp_vec_free(&v);
            p->pos = save;
        }
    }
    if (!ok) {
        if (with_items(p, &v, 0) < 0 || expect_colon(p) < 0) {
            if (p->invalid && !p->error) {
                invalid_with_stmt(p, start);
            }
            goto fail;
        }
    }
    SpStmtSeq body;
    SpWithItemSeq items;
    if (VEC_FINISH(p, &v, items) < 0 || sp_p_block(p, &body, kw, "'with' statement") < 0) {
        return NULL;
    }
    SpStmt *s = sp_p_stmt(p, SP_STMT_WITH, start);
    if (s != NULL) {
        s->v.With.items = items;
        s->v.With.body = body;
    }
    return s;
fail:
    sp_vec_free(&v);
    return NULL;
}

// except_block: 'except' [expression ['as' NAME]] ':' block
static SpExceptHandler *except_block(Parser *p) {
    int start = p->pos;
    SpToken *kw = cur_tok(p);
    p->pos++;
    if (cur_type(p) == SP_TOK_STAR) {
        return sp_p_raise_tok(p, cur_tok(p), "except* is not supported yet");
    }
    SpExpr *type = NULL;
    SpObject *name = NULL;
    if (cur_type(p) == SP_TOK_NEWLINE) {
        if (p->invalid && !p->error) {
            sp_p_raise(p, SP_EXC_SYNTAX, "expected ':'");
        }
        return NULL;
    }
    if (cur_type(p) != SP_TOK_COLON) {
        type = sp_p_expression(p);
        if (type == NULL) {
            return NULL;
        }
        if (sp_p_accept_kw(p, SP_KW_AS)) {
            if (!at_name(p)) {
                return NULL;
            }
            name = sp_p_name_of(p, cur_tok(p));
            p->pos++;
            if (name == NULL) {
                return NULL;
            }
        }
    }
    if (!sp_p_accept(p, SP_TOK_COLON)) {
        if (p->invalid && !p->error && type != NULL && cur_type(p) == SP_TOK_COMMA &&
            name == NULL) {
            // invalid_except_stmt: 'except' expression ',' expressions ['as' NAME] ':'
            int save = p->pos++;
            SpExpr *rest = sp_p_expressions(p);
            if (rest != NULL && sp_p_accept_kw(p, SP_KW_AS)) {
                rest = at_name(p) ? (p->pos++, rest) : NULL;
            }
            if (rest != NULL && cur_type(p) == SP_TOK_COLON) {
                return sp_p_raise_from(p, type, "multiple exception types must be parenthesized");
            }
            if (p->error) {
                return NULL;
            }
            p->pos = save;
        }
        if (p->invalid && !p->error && cur_type(p) == SP_TOK_NEWLINE) {
            sp_p_raise(p, SP_EXC_SYNTAX, "expected ':'");
        }
        return NULL;
    }
    SpStmtSeq body;
    if (sp_p_block(p, &body, kw, "'except' statement") < 0) {
        return NULL;
    }
    SpExceptHandler *h = sp_p_alloc(p, sizeof(SpExceptHandler));
    if (h == NULL) {
        return NULL;
    }
    const SpToken *a = &p->tokens[start], *b = sp_p_last_tok(p);
    h->lineno = a->lineno;
    h->col_offset = a->col_offset;
    h->end_lineno = b->end_lineno;
    h->end_col_offset = b->end_col_offset;
    h->type = type;
    h->name = name;
    h->body = body;
    return h;
}

// 'try' &&':' block (finally_block | except_block+ [else_block] [finally_block])
static SpStmt *try_stmt(Parser *p) {
    int start = p->pos;
    SpToken *kw = cur_tok(p);
    p->pos++;
    if (!sp_p_expect_forced(p, SP_TOK_COLON, ":")) {
        return NULL;
    }
    SpStmtSeq body, orelse = {0, NULL}, finalbody = {0, NULL};
    SpExceptHandlerSeq handlers = {0, NULL};
    if (sp_p_block(p, &body, kw, "'try' statement") < 0) {
        return NULL;
    }
    if (at_kw(p, SP_KW_EXCEPT)) {
        Vec v;
        sp_vec_init(&v);
        while (at_kw(p, SP_KW_EXCEPT)) {
            SpExceptHandler *h = except_block(p);
            if (h == NULL || sp_vec_push(p, &v, h) < 0) {
                sp_vec_free(&v);
                return NULL;
            }
        }
        if (VEC_FINISH(p, &v, handlers) < 0) {
            return NULL;
        }
        if (at_kw(p, SP_KW_ELSE) && else_block(p, &orelse) < 0) {
            return NULL;
        }
    } else if (!at_kw(p, SP_KW_FINALLY)) {
        if (p->invalid && !p->error) {
            sp_p_raise(p, SP_EXC_SYNTAX, "expected 'except' or 'finally' block");
        }
        return NULL;
    }
    if (at_kw(p, SP_KW_FINALLY)) {
        SpToken *fkw = cur_tok(p);
        p->pos++;
        if (!sp_p_expect_forced(p, SP_TOK_COLON, ":") ||
            sp_p_block(p, &finalbody, fkw, "'finally' statement") < 0) {
            return NULL;
        }
    }
    SpStmt *s = sp_p_stmt(p, SP_STMT_TRY, start);
    if (s != NULL) {
        s->v.Try.body = body;
        s->v.Try.handlers = handlers;
        s->v.Try.orelse = orelse;
        s->v.Try.finalbody = finalbody;
    }
    return s;
}

// match_stmt: CPython's "match" soft keyword. We do not support pattern
// matching, but must tell `match x:` (a statement) from `match = 3` or
// `match(x)` (a name): parse "match" subject_expr ':' NEWLINE tentatively,
// as CPython tries match_stmt before the simple statements (in the second
// pass with its diagnostics, so `match (a b)` reports the missing comma).
static int is_match_stmt(Parser *p) {
    SpToken *t = cur_tok(p);
    if (t->type != SP_TOK_NAME || t->kw || t->end - t->start != 5 ||
        memcmp(t->start, "match", 5) != 0) {
        return 0;
    }
    int save = p->pos;
    p->pos++;
    SpExpr *subject = sp_p_star_named_expression(p);
    int result = 0;
    if (subject != NULL && cur_type(p) == SP_TOK_COMMA) {
        // subject_expr: star_named_expression ',' star_named_expressions?
        while (subject != NULL && sp_p_accept(p, SP_TOK_COMMA)) {
            if (cur_type(p) == SP_TOK_COLON) {
                break;
            }
            subject = sp_p_star_named_expression(p);
        }
    }
    if (subject != NULL && cur_type(p) == SP_TOK_COLON && peek_type(p, 1) == SP_TOK_NEWLINE) {
        result = 1;
    }
    if (subject != NULL && p->invalid && !p->error && cur_type(p) == SP_TOK_NEWLINE) {
        // invalid_match_stmt: "match" subject_expr NEWLINE
        sp_p_raise(p, SP_EXC_SYNTAX, "expected ':'");
    }
    p->pos = save;
    return result;
}

static SpStmt *compound_stmt(Parser *p) {
    SpToken *t = cur_tok(p);
    switch (t->kw) {
    case SP_KW_DEF: return function_def(p, NULL, p->pos);
    case SP_KW_CLASS: return class_def(p, NULL, p->pos);
    case SP_KW_IF: return if_stmt(p);
    case SP_KW_WHILE: return while_stmt(p);
    case SP_KW_FOR: return for_stmt(p);
    case SP_KW_WITH: return with_stmt(p);
    case SP_KW_TRY: return try_stmt(p);
    default: return NULL;
    }
}

// statement: compound_stmt | simple_stmts. Appends to out; 0 or -1.
// Compound statements are told by their first keyword; `match` is a soft
// keyword, recognised only when a whole `match subject:` header follows.
static int statement(Parser *p, Vec *out) {
    if (++p->depth > MAX_DEPTH) {
        sp_p_raise(p, SP_EXC_SYNTAX, "too many nested blocks");
        return -1;
    }
    SpToken *t = cur_tok(p);
    SpStmt *s = NULL;
    int r = -1;
    if (p->error) {
        goto done;
    }
    if (t->type == SP_TOK_AT) {
        s = decorated(p);
    } else if (t->type == SP_TOK_NAME && t->kw) {
        switch (t->kw) {
        case SP_KW_DEF:
        case SP_KW_CLASS:
        case SP_KW_IF:
        case SP_KW_WHILE:
        case SP_KW_FOR:
        case SP_KW_WITH:
        case SP_KW_TRY:
            s = compound_stmt(p);
            break;
        case SP_KW_ASYNC:
            sp_p_raise_tok(p, t, "async is not supported yet");
            goto done;
        default:
            r = simple_stmts(p, out);
            goto done;
        }
    } else if (t->type == SP_TOK_NAME && is_match_stmt(p)) {
        sp_p_raise_tok(p, t, "match statements are not supported yet");
        goto done;
    } else if (p->error) {
        goto done;
    } else {
        r = simple_stmts(p, out);
        goto done;
    }
    if (s != NULL && sp_vec_push(p, out, s) == 0) {
        r = 0;
    }
done:
    p->depth--;
    return r;
}

// ---------------------------------------------------------------------------
// Simple statements.

static SpStmt *simple_stmt(Parser *p);

// simple_stmts: ';'.simple_stmt+ [';'] NEWLINE
static int simple_stmts(Parser *p, Vec *out) {
    for (;;) {
        SpStmt *s = simple_stmt(p);
        if (s == NULL || sp_vec_push(p, out, s) < 0) {
            return -1;
        }
        if (!sp_p_accept(p, SP_TOK_SEMI)) {
            break;
        }
        if (cur_type(p) == SP_TOK_NEWLINE) {
            break;
        }
    }
    return sp_p_accept(p, SP_TOK_NEWLINE) ? 0 : -1;
}

// dotted_name: NAME ('.' NAME)*, as one interned "a.b.c".
static SpObject *dotted_name(Parser *p) {
    if (!at_name(p)) {
        return NULL;
    }
    SpToken *first = cur_tok(p);
    p->pos++;
    if (cur_type(p) != SP_TOK_DOT) {
        return sp_p_name_of(p, first);
    }
    // Join the parts without the spaces the source may have around dots.
    size_t len = (size_t)(first->end - first->start), cap = 64;
    char *buf = sp_mem_alloc(cap);
    if (buf == NULL) {
        sp_err_no_memory();
        p->error = 1;
        return NULL;
    }
    memcpy(buf, first->start, len);
    SpObject *result = NULL;
    while (cur_type(p) == SP_TOK_DOT && peek_type(p, 1) == SP_TOK_NAME &&
           sp_p_tok_at(p, p->pos + 1)->kw == 0) {
        SpToken *part = sp_p_tok_at(p, p->pos + 1);
        size_t n = (size_t)(part->end - part->start);
        if (len + n + 1 > cap || len + n + 1 > 64) {
            while (len + n + 1 > cap) {
                cap *= 2;
            }
            char *nb = sp_mem_realloc(buf, cap);
            if (nb == NULL) {
                sp_err_no_memory();
                p->error = 1;
                goto done;
            }
            buf = nb;
        }
        buf[len++] = '.';
        memcpy(buf + len, part->start, n);
        len += n;
        p->pos += 2;
    }
    if (cur_type(p) == SP_TOK_DOT) {
        goto done;  // a dot not followed by a name
    }
    {
        SpObject *s = sp_str_from_utf8(buf, (ssize_t)len);
        if (s == NULL) {
            p->error = 1;
            goto done;
        }
        sp_str_intern_in_place(&s);
        if (sp_arena_add_object(p->arena, s) < 0) {
            p->error = 1;
            goto done;
        }
        result = s;
    }
done:
    sp_mem_free(buf);
    return result;
}

static SpAlias *make_alias(Parser *p, int start, SpObject *name, SpObject *asname) {
    SpAlias *a = sp_p_alloc(p, sizeof(SpAlias));
    if (a == NULL) {
        return NULL;
    }
    const SpToken *s = &p->tokens[start], *e = sp_p_last_tok(p);
    a->lineno = s->lineno;
    a->col_offset = s->col_offset;
    a->end_lineno = e->end_lineno;
    a->end_col_offset = e->end_col_offset;
    a->name = name;
    a->asname = asname;
    return a;
}

// ['as' NAME]: 0 with *asname set (or NULL), -1 on failure.
static int as_name(Parser *p, SpObject **asname) {
    *asname = NULL;
    if (!sp_p_accept_kw(p, SP_KW_AS)) {
        return 0;
    }
    if (!at_name(p)) {
        return -1;
    }
    *asname = sp_p_name_of(p, cur_tok(p));
    p->pos++;
    return *asname ? 0 : -1;
}

// 'import' ','.(dotted_name ['as' NAME])+
static SpStmt *import_name(Parser *p, int start) {
    Vec v;
    sp_vec_init(&v);
    p->pos++;
    do {
        int astart = p->pos;
        SpObject *name = dotted_name(p), *asname;
        if (name == NULL || as_name(p, &asname) < 0) {
            goto fail;
        }
        SpAlias *a = make_alias(p, astart, name, asname);
        if (a == NULL || sp_vec_push(p, &v, a) < 0) {
            goto fail;
        }
    } while (sp_p_accept(p, SP_TOK_COMMA));
    SpStmt *s = sp_p_stmt(p, SP_STMT_IMPORT, start);
    if (s == NULL || VEC_FINISH(p, &v, s->v.Import.names) < 0) {
        return NULL;
    }
    return s;
fail:
    sp_vec_free(&v);
    return NULL;
}

// 'from' ('.' | '...')* dotted_name 'import' targets | 'from' ('.' | '...')+ 'import' targets
static SpStmt *import_from(Parser *p, int start) {
    Vec v;
    sp_vec_init(&v);
    p->pos++;
    int level = 0;
    for (;;) {
        if (sp_p_accept(p, SP_TOK_DOT)) {
            level++;
        } else if (sp_p_accept(p, SP_TOK_ELLIPSIS)) {
            level += 3;
        } else {
            break;
        }
    }
    SpObject *module = NULL;
    if (!at_kw(p, SP_KW_IMPORT) || level == 0) {
        module = dotted_name(p);
        if (module == NULL) {
            return NULL;
        }
    }
    if (!sp_p_accept_kw(p, SP_KW_IMPORT)) {
        return NULL;
    }
    if (cur_type(p) == SP_TOK_STAR) {
        int astart = p->pos++;
        SpAlias *a = make_alias(p, astart, sp_p_intern(p, "*", 1), NULL);
        if (a == NULL || a->name == NULL || sp_vec_push(p, &v, a) < 0) {
            goto fail;
        }
    } else {
        int paren = sp_p_accept(p, SP_TOK_LPAR) != NULL;
        for (;;) {
            int astart = p->pos;
            if (!at_name(p)) {
                goto fail;
            }
            SpObject *name = sp_p_name_of(p, cur_tok(p)), *asname;
            p->pos++;
            if (name == NULL || as_name(p, &asname) < 0) {
                goto fail;
            }
            SpAlias *a = make_alias(p, astart, name, asname);
            if (a == NULL || sp_vec_push(p, &v, a) < 0) {
                goto fail;
            }
            if (!sp_p_accept(p, SP_TOK_COMMA)) {
                break;
            }
            if (paren && cur_type(p) == SP_TOK_RPAR) {
                break;
            }
            if (!paren && cur_type(p) == SP_TOK_NEWLINE) {
                if (p->invalid && !p->error) {
                    sp_p_raise(p, SP_EXC_SYNTAX,
                               "trailing comma not allowed without surrounding parentheses");
                }
                goto fail;
            }
        }
        if (paren && !sp_p_accept(p, SP_TOK_RPAR)) {
            goto fail;
        }
    }
    SpStmt *s = sp_p_stmt(p, SP_STMT_IMPORT_FROM, start);
    if (s == NULL || VEC_FINISH(p, &v, s->v.ImportFrom.names) < 0) {
        return NULL;
    }
    s->v.ImportFrom.module = module;
    s->v.ImportFrom.level = level;
    return s;
fail:
    sp_vec_free(&v);
    return NULL;
}

// 'global' / 'nonlocal' ','.NAME+
static SpStmt *global_stmt(Parser *p, int start, SpStmtKind kind) {
    Vec v;
    sp_vec_init(&v);
    p->pos++;
    do {
        if (!at_name(p)) {
            goto fail;
        }
        SpObject *name = sp_p_name_of(p, cur_tok(p));
        p->pos++;
        if (name == NULL || sp_vec_push(p, &v, name) < 0) {
            goto fail;
        }
    } while (sp_p_accept(p, SP_TOK_COMMA));
    SpStmt *s = sp_p_stmt(p, kind, start);
    if (s == NULL || VEC_FINISH(p, &v, s->v.Global.names) < 0) {
        return NULL;
    }
    return s;
fail:
    sp_vec_free(&v);
    return NULL;
}

// 'del' del_targets &(';' | NEWLINE)
static SpStmt *del_stmt(Parser *p, int start) {
    Vec v;
    sp_vec_init(&v);
    p->pos++;
    for (;;) {
        SpExpr *t = sp_p_star_target(p);
        if (t == NULL || sp_vec_push(p, &v, t) < 0) {
            goto fail;
        }
        if (!sp_p_accept(p, SP_TOK_COMMA)) {
            break;
        }
        if (cur_type(p) == SP_TOK_SEMI || cur_type(p) == SP_TOK_NEWLINE) {
            break;
        }
    }
    if (cur_type(p) != SP_TOK_SEMI && cur_type(p) != SP_TOK_NEWLINE) {
        goto fail;
    }
    for (ssize_t i = 0; i < v.n; i++) {
        if (!sp_p_set_context(p, v.items[i], SP_CTX_DEL)) {
            goto fail;
        }
    }
    SpStmt *s = sp_p_stmt(p, SP_STMT_DELETE, start);
    if (s == NULL || VEC_FINISH(p, &v, s->v.Delete.targets) < 0) {
        return NULL;
    }
    return s;
fail:
    sp_vec_free(&v);
    if (p->invalid && !p->error) {
        // invalid_del_stmt: 'del' star_expressions
        p->pos = start + 1;
        SpExpr *e = sp_p_star_expressions(p);
        if (e != NULL && !p->error) {
            sp_p_raise_invalid_target(p, TARGETS_DEL, e);
        }
    }
    return NULL;
}

static int augassign_op(int type) {
    switch (type) {
    case SP_TOK_PLUSEQUAL: return SP_BINOP_ADD;
    case SP_TOK_MINEQUAL: return SP_BINOP_SUB;
    case SP_TOK_STAREQUAL: return SP_BINOP_MULT;
    case SP_TOK_ATEQUAL: return SP_BINOP_MATMULT;
    case SP_TOK_SLASHEQUAL: return SP_BINOP_DIV;
    case SP_TOK_PERCENTEQUAL: return SP_BINOP_MOD;
    case SP_TOK_AMPEREQUAL: return SP_BINOP_BITAND;
    case SP_TOK_VBAREQUAL: return SP_BINOP_BITOR;
    case SP_TOK_CIRCUMFLEXEQUAL: return SP_BINOP_BITXOR;
    case SP_TOK_LEFTSHIFTEQUAL: return SP_BINOP_LSHIFT;
    case SP_TOK_RIGHTSHIFTEQUAL: return SP_BINOP_RSHIFT;
    case SP_TOK_DOUBLESTAREQUAL: return SP_BINOP_POW;
    case SP_TOK_DOUBLESLASHEQUAL: return SP_BINOP_FLOORDIV;
    default: return 0;
    }
}

// annotated_rhs: yield_expr | star_expressions
static SpExpr *annotated_rhs(Parser *p) {
    return at_kw(p, SP_KW_YIELD) ? sp_p_yield_expr(p) : sp_p_star_expressions(p);
}

static void invalid_assignment(Parser *p, int start);

// assignment | star_expressions (expression statement), with targets
// recognised after the fact: the first expression is parsed as an ordinary
// expression and turned into a target when '=', ':' or an augmented
// operator follows.
//
// CPython's grammar parses targets with their own rules (star_targets,
// single_target, ...) before trying an expression; every valid target is
// also a valid expression, so parsing the expression first accepts the same
// programs and builds the same nodes once the context is set to Store. What
// is not a target fails here, and the second pass then runs the
// invalid_assignment checks for the message ("cannot assign to literal").
static SpStmt *assignment_or_expr(Parser *p, int start) {
    SpExpr *first = annotated_rhs(p);
    if (first == NULL) {
        goto fail;
    }
    int type = cur_type(p);
    if (type == SP_TOK_EQUAL) {
        Vec v;
        sp_vec_init(&v);
        SpExpr *value = first;
        while (sp_p_accept(p, SP_TOK_EQUAL)) {
            if (sp_vec_push(p, &v, value) < 0) {
                sp_vec_free(&v);
                return NULL;
            }
            value = annotated_rhs(p);
            if (value == NULL) {
                sp_vec_free(&v);
                goto fail;
            }
        }
        for (ssize_t i = 0; i < v.n; i++) {
            SpExpr *t = v.items[i];
            if (t->kind == SP_EXPR_YIELD || t->kind == SP_EXPR_YIELD_FROM ||
                !sp_p_set_context(p, t, SP_CTX_STORE)) {
                sp_vec_free(&v);
                goto fail;
            }
        }
        SpStmt *s = sp_p_stmt(p, SP_STMT_ASSIGN, start);
        if (s == NULL || VEC_FINISH(p, &v, s->v.Assign.targets) < 0) {
            return NULL;
        }
        s->v.Assign.value = value;
        return s;
    }
    if (type == SP_TOK_COLON) {
        // NAME ':' | '(' single_target ')' ':' | single_subscript_attribute_target ':'
        int parenthesized = p->tokens[start].type == SP_TOK_LPAR;
        int simple = first->kind == SP_EXPR_NAME && !parenthesized;
        if (first->kind == SP_EXPR_NAME) {
            // A parenthesised name must be exactly `(name)`.
        } else if (first->kind != SP_EXPR_ATTRIBUTE && first->kind != SP_EXPR_SUBSCRIPT) {
            goto fail;
        }
        p->pos++;
        SpExpr *annotation = sp_p_expression(p);
        if (annotation == NULL) {
            goto fail;
        }
        SpExpr *value = NULL;
        if (sp_p_accept(p, SP_TOK_EQUAL)) {
            value = annotated_rhs(p);
            if (value == NULL) {
                goto fail;
            }
        }
        sp_p_set_context(p, first, SP_CTX_STORE);
        SpStmt *s = sp_p_stmt(p, SP_STMT_ANN_ASSIGN, start);
        if (s != NULL) {
            s->v.AnnAssign.target = first;
            s->v.AnnAssign.annotation = annotation;
            s->v.AnnAssign.value = value;
            s->v.AnnAssign.simple = simple;
        }
        return s;
    }
    int op = augassign_op(type);
    if (op) {
        if (first->kind != SP_EXPR_NAME && first->kind != SP_EXPR_ATTRIBUTE &&
            first->kind != SP_EXPR_SUBSCRIPT) {
            goto fail;
        }
        p->pos++;
        SpExpr *value = annotated_rhs(p);
        if (value == NULL) {
            goto fail;
        }
        sp_p_set_context(p, first, SP_CTX_STORE);
        SpStmt *s = sp_p_stmt(p, SP_STMT_AUG_ASSIGN, start);
        if (s != NULL) {
            s->v.AugAssign.target = first;
            s->v.AugAssign.op = (SpOperator)op;
            s->v.AugAssign.value = value;
        }
        return s;
    }
    {
        SpStmt *s = sp_p_stmt(p, SP_STMT_EXPR, start);
        if (s != NULL) {
            s->v.Expr.value = first;
        }
        return s;
    }
fail:
    if (p->invalid && !p->error) {
        invalid_assignment(p, start);
    }
    return NULL;
}

static SpStmt *simple_stmt(Parser *p) {
    int start = p->pos;
    SpToken *t = cur_tok(p);
    SpStmt *s;
    if (p->error) {
        return NULL;
    }
    if (t->type != SP_TOK_NAME || t->kw == 0) {
        return assignment_or_expr(p, start);
    }
    switch (t->kw) {
    case SP_KW_PASS:
    case SP_KW_BREAK:
    case SP_KW_CONTINUE:
        p->pos++;
        return sp_p_stmt(p, t->kw == SP_KW_PASS ? SP_STMT_PASS
                            : t->kw == SP_KW_BREAK ? SP_STMT_BREAK : SP_STMT_CONTINUE, start);
    case SP_KW_RETURN: {
        p->pos++;
        SpExpr *value = NULL;
        if (sp_p_can_start_expression(p)) {
            value = sp_p_star_expressions(p);
            if (value == NULL) {
                return NULL;
            }
        }
        s = sp_p_stmt(p, SP_STMT_RETURN, start);
        if (s != NULL) {
            s->v.Return.value = value;
        }
        return s;
    }
    case SP_KW_RAISE: {
        p->pos++;
        SpExpr *exc = NULL, *cause = NULL;
        if (sp_p_can_start_expression(p)) {
            exc = sp_p_expression(p);
            if (exc == NULL) {
                return NULL;
            }
            if (sp_p_accept_kw(p, SP_KW_FROM)) {
                cause = sp_p_expression(p);
                if (cause == NULL) {
                    return NULL;
                }
            }
        }
        s = sp_p_stmt(p, SP_STMT_RAISE, start);
        if (s != NULL) {
            s->v.Raise.exc = exc;
            s->v.Raise.cause = cause;
        }
        return s;
    }
    case SP_KW_ASSERT: {
        p->pos++;
        SpExpr *test = sp_p_expression(p), *msg = NULL;
        if (test == NULL) {
            return NULL;
        }
        if (sp_p_accept(p, SP_TOK_COMMA)) {
            msg = sp_p_expression(p);
            if (msg == NULL) {
                return NULL;
            }
        }
        s = sp_p_stmt(p, SP_STMT_ASSERT, start);
        if (s != NULL) {
            s->v.Assert.test = test;
            s->v.Assert.msg = msg;
        }
        return s;
    }
    case SP_KW_IMPORT:
        return import_name(p, start);
    case SP_KW_FROM:
        return import_from(p, start);
    case SP_KW_GLOBAL:
        return global_stmt(p, start, SP_STMT_GLOBAL);
    case SP_KW_NONLOCAL:
        return global_stmt(p, start, SP_STMT_NONLOCAL);
    case SP_KW_DEL:
        return del_stmt(p, start);
    default:
        return assignment_or_expr(p, start);
    }
}

// ---------------------------------------------------------------------------
// invalid_assignment (second pass only): the statement at `start` failed to
// parse as an assignment or expression; look for CPython's diagnostics.
//
// CPython tries these alternatives in order, each from the statement's
// start; the first that matches raises. Note the second one: it parses a
// star_named_expression, whose invalid_named_expression check is what
// turns `f() = 1` into "cannot assign to function call here. Maybe you meant
// '==' instead of '='?" while `f() = 1 = 2` falls through to the plainer
// "cannot assign to function call" of the fourth.

static int is_list_or_tuple_target(SpExpr *e) {
    return e->kind == SP_EXPR_LIST || e->kind == SP_EXPR_TUPLE;
}

static void invalid_assignment(Parser *p, int start) {
    // invalid_ann_assign_target ':' expression: a list or tuple display,
    // possibly parenthesised, being annotated.
    p->pos = start;
    SpToken *t0 = cur_tok(p);
    if (t0->type == SP_TOK_LPAR || t0->type == SP_TOK_LSQB) {
        SpExpr *e = sp_p_star_named_expression(p);
        if (p->error) {
            return;
        }
        if (e != NULL && is_list_or_tuple_target(e) && cur_type(p) == SP_TOK_COLON) {
            // The display itself (not a parenthesised name) must be the whole target.
            p->pos++;
            if (sp_p_expression(p) != NULL) {
                sp_p_raise_expr(p, e, "only single target (not %s) can be annotated",
                                e->kind == SP_EXPR_LIST ? "list" : "tuple");
                return;
            }
            if (p->error) {
                return;
            }
        }
    }
    // star_named_expression ',' star_named_expressions* ':' expression
    p->pos = start;
    SpExpr *a = sp_p_star_named_expression(p);
    if (p->error) {
        return;
    }
    if (a != NULL && cur_type(p) == SP_TOK_COMMA) {
        while (sp_p_accept(p, SP_TOK_COMMA)) {
            if (!sp_p_can_start_expression(p) && cur_type(p) != SP_TOK_STAR) {
                break;
            }
            if (sp_p_star_named_expression(p) == NULL) {
                break;
            }
        }
        if (p->error) {
            return;
        }
        if (cur_type(p) == SP_TOK_COLON) {
            p->pos++;
            if (sp_p_expression(p) != NULL) {
                sp_p_raise_expr(p, a, "only single target (not tuple) can be annotated");
                return;
            }
            if (p->error) {
                return;
            }
        }
    }
    // expression ':' expression
    p->pos = start;
    a = sp_p_expression(p);
    if (p->error) {
        return;
    }
    if (a != NULL && sp_p_accept(p, SP_TOK_COLON)) {
        if (sp_p_expression(p) != NULL) {
            sp_p_raise_expr(p, a, "illegal target for annotation");
            return;
        }
        if (p->error) {
            return;
        }
    }
    // (star_targets '=')* a=star_expressions '=' and the yield variant.
    p->pos = start;
    for (;;) {
        SpExpr *e = annotated_rhs(p);
        if (p->error) {
            return;
        }
        if (e == NULL || cur_type(p) != SP_TOK_EQUAL) {
            break;
        }
        if (e->kind == SP_EXPR_YIELD || e->kind == SP_EXPR_YIELD_FROM) {
            sp_p_raise_expr(p, e, "assignment to yield expression not possible");
            return;
        }
        if (sp_p_invalid_target(TARGETS_STAR, e) != NULL) {
            sp_p_raise_invalid_target(p, TARGETS_STAR, e);
            return;
        }
        p->pos++;
    }
    // star_expressions augassign (yield_expr | star_expressions)
    p->pos = start;
    a = sp_p_star_expressions(p);
    if (p->error) {
        return;
    }
    if (a != NULL && augassign_op(cur_type(p))) {
        p->pos++;
        if (annotated_rhs(p) != NULL) {
            sp_p_raise_expr(p, a, "'%s' is an illegal expression for augmented assignment",
                            sp_p_expr_name(a));
        }
    }
}

// ===========================================================================
// The start rules

// file: [statements] ENDMARKER
static SpAstMod *file_rule(Parser *p) {
    Vec v;
    sp_vec_init(&v);
    while (cur_type(p) != SP_TOK_ENDMARKER) {
        if (p->error || statement(p, &v) < 0) {
            sp_vec_free(&v);
            return NULL;
        }
    }
    SpAstMod *mod = sp_p_alloc(p, sizeof(SpAstMod));
    if (mod == NULL || VEC_FINISH(p, &v, mod->v.Module.body) < 0) {
        sp_vec_free(&v);
        return NULL;
    }
    mod->kind = SP_MOD_MODULE;
    return mod;
}

// interactive: statement_newline
//   compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
static SpAstMod *interactive_rule(Parser *p) {
    Vec v;
    sp_vec_init(&v);
    SpToken *t = cur_tok(p);
    if (p->error) {
        return NULL;
    }
    if (t->type == SP_TOK_NEWLINE || t->type == SP_TOK_ENDMARKER) {
        if (t->type == SP_TOK_ENDMARKER) {
            return NULL;  // CPython's _PyPegen_interactive_exit: a plain failure
        }
        int start = p->pos++;
        SpStmt *s = sp_p_stmt(p, SP_STMT_PASS, start);
        if (s == NULL || sp_vec_push(p, &v, s) < 0) {
            goto fail;
        }
    } else {
        int compound = t->type == SP_TOK_AT ||
                       (t->type == SP_TOK_NAME &&
                        (t->kw == SP_KW_DEF || t->kw == SP_KW_CLASS || t->kw == SP_KW_IF ||
                         t->kw == SP_KW_WHILE || t->kw == SP_KW_FOR || t->kw == SP_KW_WITH ||
                         t->kw == SP_KW_TRY || t->kw == SP_KW_ASYNC));
        if (statement(p, &v) < 0) {
            goto fail;
        }
        if (compound && !sp_p_accept(p, SP_TOK_NEWLINE)) {
            goto fail;
        }
    }
    SpAstMod *mod = sp_p_alloc(p, sizeof(SpAstMod));
    if (mod == NULL || VEC_FINISH(p, &v, mod->v.Interactive.body) < 0) {
        goto fail;
    }
    mod->kind = SP_MOD_INTERACTIVE;
    return mod;
fail:
    sp_vec_free(&v);
    return NULL;
}

// eval: expressions NEWLINE* ENDMARKER
static SpAstMod *eval_rule(Parser *p) {
    SpExpr *e = sp_p_expressions(p);
    if (e == NULL) {
        return NULL;
    }
    while (sp_p_accept(p, SP_TOK_NEWLINE)) {
    }
    if (cur_type(p) != SP_TOK_ENDMARKER) {
        return NULL;
    }
    SpAstMod *mod = sp_p_alloc(p, sizeof(SpAstMod));
    if (mod != NULL) {
        mod->kind = SP_MOD_EXPRESSION;
        mod->v.Expression.body = e;
    }
    return mod;
}

SpAstMod *sp_p_run_start_rule(Parser *p) {
    p->pos = 0;
    p->depth = 0;
    switch (p->mode) {
    case SP_P_MODE_FSTRING: {
        // fstring: star_expressions (the result is passed back in a dummy
        // Expression module).
        SpExpr *e = sp_p_star_expressions(p);
        if (e == NULL) {
            return NULL;
        }
        SpAstMod *mod = sp_p_alloc(p, sizeof(SpAstMod));
        if (mod != NULL) {
            mod->kind = SP_MOD_EXPRESSION;
            mod->v.Expression.body = e;
        }
        return mod;
    }
    case SP_COMPILE_EVAL: return eval_rule(p);
    case SP_COMPILE_SINGLE: return interactive_rule(p);
    default: return file_rule(p);
    }
}

