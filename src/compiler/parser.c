// smallpy: the parser's entry point, token access, node helpers and the
// statement grammar. Expressions are in parser_expr.c, literals in
// parser_string.c, diagnostics in parser_error.c. Counterpart: CPython 3.11
// Parser/pegen.c (driver) and the statement rules of Grammar/python.gram.
#include "compiler/parser_internal.h"

#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "objects/exc.h"
#include "objects/str.h"

// Recursion guard: nested brackets and operators recurse in C; CPython's
// parser gives up at 6000 levels ("too many nested parentheses" comes first
// from the tokenizer at 200 open brackets).
#define MAX_DEPTH 3000

// ===========================================================================
// Tokens

SpToken *sp_p_tok_at(Parser *p, int i) {
    if (i >= p->ntokens) {
        i = p->ntokens - 1;
    }
    if (i >= p->fill) {
        p->fill = i + 1;
    }
    SpToken *t = &p->tokens[i];
    if (t->type == TOK_ERROR && !p->error) {
        sp_p_raise_tokenizer_error(p, &p->tokerr);
    }
    return t;
}

SpToken *sp_p_accept(Parser *p, int type) {
    SpToken *t = cur_tok(p);
    if (t->type == type && type != SP_TOK_ENDMARKER) {
        p->pos++;
        return t;
    }
    return NULL;
}

SpToken *sp_p_accept_kw(Parser *p, int kw) {
    SpToken *t = cur_tok(p);
    if (t->type == SP_TOK_NAME && t->kw == kw) {
        p->pos++;
        return t;
    }
    return NULL;
}

SpToken *sp_p_last_tok(Parser *p) {
    for (int i = p->pos - 1; i > 0; i--) {
        int type = p->tokens[i].type;
        if (type != SP_TOK_ENDMARKER && type != SP_TOK_NEWLINE && type != SP_TOK_INDENT &&
            type != SP_TOK_DEDENT) {
            return &p->tokens[i];
        }
    }
    return &p->tokens[0];
}

SpToken *sp_p_expect_forced(Parser *p, int type, const char *text) {
    SpToken *t = cur_tok(p);
    if (p->error) {
        return NULL;
    }
    if (t->type != type) {
        return sp_p_raise_tok(p, t, "expected '%s'", text);
    }
    p->pos++;
    return t;
}

// ===========================================================================
// Nodes and sequences

void *sp_p_alloc(Parser *p, size_t size) {
    void *mem = sp_arena_alloc(p->arena, size);
    if (mem == NULL) {
        p->error = 1;
    }
    return mem;
}

SpExpr *sp_p_expr(Parser *p, SpExprKind kind, int start) {
    const SpToken *a = &p->tokens[start];
    const SpToken *b = sp_p_last_tok(p);
    SpExpr *e = sp_ast_new_expr(p->arena, kind, a->lineno, a->col_offset, b->end_lineno,
                                b->end_col_offset);
    if (e == NULL) {
        p->error = 1;
    }
    return e;
}

SpStmt *sp_p_stmt(Parser *p, SpStmtKind kind, int start) {
    const SpToken *a = &p->tokens[start];
    const SpToken *b = sp_p_last_tok(p);
    SpStmt *s = sp_ast_new_stmt(p->arena, kind, a->lineno, a->col_offset, b->end_lineno,
                                b->end_col_offset);
    if (s == NULL) {
        p->error = 1;
    }
    return s;
}

SpExpr *sp_p_expr_span(Parser *p, SpExprKind kind, const SpExpr *a, const SpExpr *b) {
    SpExpr *e = sp_ast_new_expr(p->arena, kind, a->lineno, a->col_offset, b->end_lineno,
                                b->end_col_offset);
    if (e == NULL) {
        p->error = 1;
    }
    return e;
}

void sp_vec_init(Vec *v) {
    v->items = v->small;
    v->n = 0;
    v->cap = (ssize_t)(sizeof v->small / sizeof v->small[0]);
}

int sp_vec_push(Parser *p, Vec *v, void *item) {
    if (v->n == v->cap) {
        ssize_t cap = v->cap * 2;
        void **items;
        if (v->items == v->small) {
            items = sp_mem_alloc((size_t)cap * sizeof(void *));
            if (items != NULL) {
                memcpy(items, v->small, (size_t)v->n * sizeof(void *));
            }
        } else {
            items = sp_mem_realloc(v->items, (size_t)cap * sizeof(void *));
        }
        if (items == NULL) {
            sp_err_no_memory();
            p->error = 1;
            return -1;
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = item;
    return 0;
}

void sp_vec_free(Vec *v) {
    if (v->items != v->small) {
        sp_mem_free(v->items);
    }
    sp_vec_init(v);
}

int sp_vec_finish(Parser *p, Vec *v, ssize_t *n, void *items_out) {
    void **items = NULL;
    if (v->n > 0) {
        items = sp_p_alloc(p, (size_t)v->n * sizeof(void *));
        if (items == NULL) {
            sp_vec_free(v);
            return -1;
        }
        memcpy(items, v->items, (size_t)v->n * sizeof(void *));
    }
    *n = v->n;
    memcpy(items_out, &items, sizeof items);
    sp_vec_free(v);
    return 0;
}

// ===========================================================================
// Identifiers. Every NAME becomes an interned str; a small open-addressing
// table keyed by the name's bytes makes repeated names cost one lookup.

static size_t hash_bytes(const char *s, size_t n) {
    size_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    }
    return h;
}

SpObject *sp_p_intern(Parser *p, const char *s, size_t len) {
    if (p->parent != NULL) {
        return sp_p_intern(p->parent, s, len);
    }
    if (p->names_used * 2 >= p->names_cap) {
        size_t cap = p->names_cap ? p->names_cap * 2 : 256;
        NameCacheEntry *t = sp_mem_calloc(cap * sizeof(NameCacheEntry));
        if (t == NULL) {
            sp_err_no_memory();
            p->error = 1;
            return NULL;
        }
        for (size_t i = 0; i < p->names_cap; i++) {
            NameCacheEntry *e = &p->names[i];
            if (e->name != NULL) {
                size_t j = hash_bytes(e->text, e->len) & (cap - 1);
                while (t[j].name != NULL) {
                    j = (j + 1) & (cap - 1);
                }
                t[j] = *e;
            }
        }
        sp_mem_free(p->names);
        p->names = t;
        p->names_cap = cap;
    }
    size_t j = hash_bytes(s, len) & (p->names_cap - 1);
    while (p->names[j].name != NULL) {
        NameCacheEntry *e = &p->names[j];
        if (e->len == len && memcmp(e->text, s, len) == 0) {
            return e->name;
        }
        j = (j + 1) & (p->names_cap - 1);
    }
    SpObject *name = sp_str_from_utf8(s, (ssize_t)len);
    if (name == NULL) {
        p->error = 1;
        return NULL;
    }
    sp_str_intern_in_place(&name);
    if (sp_arena_add_object(p->arena, name) < 0) {
        p->error = 1;
        return NULL;
    }
    p->names[j].text = s;
    p->names[j].len = len;
    p->names[j].name = name;
    p->names_used++;
    return name;
}

SpObject *sp_p_name_of(Parser *p, const SpToken *t) {
    return sp_p_intern(p, t->start, (size_t)(t->end - t->start));
}

SpExpr *sp_p_name_expr(Parser *p, int i, SpExprContext ctx) {
    const SpToken *t = &p->tokens[i];
    SpObject *id = sp_p_name_of(p, t);
    if (id == NULL) {
        return NULL;
    }
    SpExpr *e = sp_ast_new_expr(p->arena, SP_EXPR_NAME, t->lineno, t->col_offset, t->end_lineno,
                                t->end_col_offset);
    if (e == NULL) {
        p->error = 1;
        return NULL;
    }
    e->v.Name.id = id;
    e->v.Name.ctx = ctx;
    return e;
}

// ===========================================================================
// Statements

static int statement(Parser *p, Vec *out);
static int simple_stmts(Parser *p, Vec *out);

// block: NEWLINE INDENT statements DEDENT | simple_stmts. `kw` is the
// keyword token that opened the compound statement and `what` its name in
// "expected an indented block after 'if' statement on line 3".
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

// decorators: ('@' named_expression NEWLINE)+ then a def or class.
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
        if (cur_type(p) != SP_TOK_RPAR && sp_p_call_args(p, &bases, &keywords) < 0) {
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
        if (with_items(p, &v, 0) < 0) {
            goto fail;
        }
        if (expect_colon(p) < 0) {
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
        if (p->invalid && !p->error && type != NULL && cur_type(p) == SP_TOK_COMMA && name == NULL) {
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
// `match(x)` (a name): parse "match" subject_expr ':' NEWLINE tentatively.
static int is_match_stmt(Parser *p) {
    SpToken *t = cur_tok(p);
    if (t->type != SP_TOK_NAME || t->kw || t->end - t->start != 5 ||
        memcmp(t->start, "match", 5) != 0) {
        return 0;
    }
    int save = p->pos, save_fill = p->fill;
    p->pos++;
    int invalid = p->invalid;
    p->invalid = 0;
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
    p->invalid = invalid;
    p->pos = save;
    if (!result && !p->error) {
        p->fill = save_fill;
    }
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
        int here = p->pos;
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
        (void)here;
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

static SpAstMod *run_start_rule(Parser *p) {
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

// ===========================================================================
// The driver

// is_end_of_source(p): did the parser get as far as the end of the input
// (CPython: the tokenizer is in E_EOF / E_EOFS / E_EOLS state)? Then, for
// the REPL, the input is incomplete rather than wrong.
static int is_end_of_source(Parser *p) {
    const SpToken *t = &p->tokens[p->fill > 0 ? p->fill - 1 : 0];
    if (t->type == TOK_ERROR) {
        return p->tokerr.at_eof;
    }
    return t->at_eof;
}

// full_source_check(p): after a parser error, CPython tokenizes the rest of
// the input: a later tokenizer error replaces the parser's, and so does a
// bracket left open on a line before the error ("'(' was never closed").
static void full_source_check(Parser *p) {
    const SpTokError *e = &p->tokerr;
    if (e->kind == SP_TOKERR_NONE) {
        return;
    }
    int err_line = p->tokens[p->fill > 0 ? p->fill - 1 : 0].lineno;
    if (e->level > 0 && err_line > e->paren_lineno) {
        SpTokError never = *e;
        never.kind = SP_TOKERR_EOF;
        sp_err_clear();
        sp_p_raise_tokenizer_error(p, &never);
    } else if (e->kind == SP_TOKERR_SYNTAX) {
        sp_err_clear();
        sp_p_raise_tokenizer_error(p, e);
    }
}

// set_syntax_error(p, last): both passes failed; last is the furthest token
// of the first pass. Mirrors _PyPegen_set_syntax_error.
static void set_syntax_error(Parser *p, int last) {
    if (sp_err_occurred()) {
        if (!p->tok_error_raised && sp_err_matches_type(&SpExc_SyntaxError)) {
            full_source_check(p);
        }
        return;
    }
    const SpToken *t = &p->tokens[last];
    if (t->type == SP_TOK_INDENT) {
        sp_p_raise(p, SP_EXC_INDENTATION, "unexpected indent");
        return;
    }
    if (t->type == SP_TOK_DEDENT) {
        sp_p_raise(p, SP_EXC_INDENTATION, "unexpected unindent");
        return;
    }
    sp_p_raise_tok(p, t, "invalid syntax");
    full_source_check(p);
}

// bad_single_statement(p): in single mode, anything but blanks and comments
// after the statement.
static int bad_single_statement(Parser *p) {
    const SpToken *t = &p->tokens[p->fill > 0 ? p->fill - 1 : 0];
    const char *s = t->end;
    if (s == NULL) {
        return 0;
    }
    if (t->type == SP_TOK_NEWLINE) {
        s++;
    }
    const char *end = p->src + p->srclen;
    while (s < end) {
        char c = *s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\014') {
            s++;
        } else if (c == '#') {
            while (s < end && *s != '\n') {
                s++;
            }
        } else {
            return 1;
        }
    }
    return 0;
}

// normalize(arena, src, len, mode, &outlen): a NUL-terminated copy with
// "\r\n" and "\r" turned into "\n" and, for whole modules, a final newline.
static char *normalize(SpArena *arena, const char *src, size_t len, int mode, size_t *outlen) {
    char *buf = sp_arena_alloc(arena, len + 2);
    if (buf == NULL) {
        return NULL;
    }
    size_t n = 0;
    const char *cr = memchr(src, '\r', len);
    if (cr == NULL) {
        memcpy(buf, src, len);
        n = len;
    } else {
        for (size_t i = 0; i < len; i++) {
            char c = src[i];
            if (c == '\r') {
                c = '\n';
                if (i + 1 < len && src[i + 1] == '\n') {
                    i++;
                }
            }
            buf[n++] = c;
        }
    }
    if (mode == SP_COMPILE_EXEC && n > 0 && buf[n - 1] != '\n') {
        buf[n++] = '\n';
    }
    buf[n] = '\0';
    *outlen = n;
    return buf;
}

// tokenize_all(p): run the tokenizer to the end (or to its first error,
// which becomes a TOK_ERROR sentinel) into p->tokens.
static int tokenize_all(Parser *p) {
    SpTokenizer *tok = sp_mem_alloc(sizeof(SpTokenizer));
    if (tok == NULL) {
        sp_err_no_memory();
        return -1;
    }
    sp_tokenizer_init(tok, p->src, p->srclen, p->mode == SP_COMPILE_SINGLE);
    int cap = (int)(p->srclen / 4) + 16, n = 0;
    SpToken *tokens = sp_mem_alloc((size_t)cap * sizeof(SpToken));
    if (tokens == NULL) {
        goto nomem;
    }
    for (;;) {
        if (n == cap) {
            cap *= 2;
            SpToken *nt = sp_mem_realloc(tokens, (size_t)cap * sizeof(SpToken));
            if (nt == NULL) {
                goto nomem;
            }
            tokens = nt;
        }
        SpToken *t = &tokens[n++];
        int type = sp_tokenizer_get(tok, t);
        if (type < 0) {
            memset(t, 0, sizeof *t);
            t->type = TOK_ERROR;
            t->lineno = t->end_lineno = tok->err.lineno;
            t->col_offset = t->end_col_offset = -1;
            t->at_eof = (uint8_t)tok->err.at_eof;
            p->tokerr = tok->err;
            break;
        }
        if (type == SP_TOK_ENDMARKER) {
            break;
        }
    }
    if (p->flags & SP_PARSE_FILE_INPUT) {
        // CPython's file tokenizer has dropped its line buffer when it meets
        // the end of the file: "the current column" is then 0.
        for (int i = n - 1; i >= 0 && tokens[i].at_eof; i--) {
            if (tokens[i].col_offset == -1) {
                tokens[i].cur_col = 0;
            }
        }
    }
    p->tokens = tokens;
    p->ntokens = n;
    sp_mem_free(tok);
    return 0;
nomem:
    sp_mem_free(tokens);
    sp_mem_free(tok);
    sp_err_no_memory();
    return -1;
}

static void parser_release(Parser *p) {
    sp_mem_free(p->tokens);
    sp_mem_free(p->names);
    p->tokens = NULL;
    p->names = NULL;
}

// Result of one parse: the tree, or an error (exception set), or incomplete
// input (only with allow_incomplete; no exception).
enum { PARSE_OK = 0, PARSE_ERROR = -1, PARSE_INCOMPLETE = 1 };

static int parse_once(SpArena *arena, const char *src, size_t len, SpObject *filename, int mode,
                      int flags, int allow_incomplete, SpAstMod **out) {
    Parser parser;
    Parser *p = &parser;
    memset(p, 0, sizeof *p);
    *out = NULL;
    if (memchr(src, '\0', len) != NULL) {
        sp_err_set_string(&SpExc_SyntaxError, "source code cannot contain null bytes");
        return PARSE_ERROR;
    }
    p->arena = arena;
    p->filename = filename;
    p->mode = mode;
    p->flags = flags;
    p->src = normalize(arena, src, len, mode, &p->srclen);
    if (p->src == NULL || tokenize_all(p) < 0) {
        return PARSE_ERROR;
    }
    SpAstMod *mod = run_start_rule(p);
    if (mod == NULL) {
        if (allow_incomplete && is_end_of_source(p)) {
            sp_err_clear();
            parser_release(p);
            return PARSE_INCOMPLETE;
        }
        if (sp_err_occurred() && !sp_err_matches_type(&SpExc_SyntaxError)) {
            parser_release(p);
            return PARSE_ERROR;
        }
        // The second pass, with the invalid_* diagnostics switched on.
        int last = p->fill > 0 ? p->fill - 1 : 0;
        p->pass1_fill = p->fill;
        if (!p->error) {
            p->invalid = 1;
            run_start_rule(p);
        }
        set_syntax_error(p, last);
        parser_release(p);
        return PARSE_ERROR;
    }
    if (mode == SP_COMPILE_SINGLE && bad_single_statement(p)) {
        sp_p_raise(p, SP_EXC_SYNTAX,
                   "multiple statements found while compiling a single statement");
        parser_release(p);
        return PARSE_ERROR;
    }
    parser_release(p);
    *out = mod;
    return PARSE_OK;
}

// is_blank_source(src, len): only blank lines and comments (codeop then
// compiles "pass" instead).
static int is_blank_source(const char *src, size_t len) {
    size_t i = 0;
    while (i < len) {
        while (i < len && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f' || src[i] == '\r' ||
                           src[i] == '\v')) {
            i++;
        }
        if (i < len && src[i] != '\n' && src[i] != '#') {
            return 0;
        }
        while (i < len && src[i] != '\n') {
            i++;
        }
        i++;
    }
    return 1;
}

SpAstMod *sp_parse(SpArena *arena, const char *src, ssize_t len, SpObject *filename, int mode,
                   int flags, int *incomplete) {
    size_t n = len < 0 ? strlen(src) : (size_t)len;
    SpAstMod *mod;
    if (incomplete != NULL) {
        *incomplete = 0;
    }
    if (!(flags & SP_CF_ALLOW_INCOMPLETE)) {
        parse_once(arena, src, n, filename, mode, flags, 0, &mod);
        return mod;
    }
    // The REPL: decide as code.compile_command() does. Compile the text; if
    // that fails, compile it with one more newline: success or "incomplete"
    // there means "ask for more"; otherwise report the error of the text
    // itself.
    if (mode != SP_COMPILE_EVAL && is_blank_source(src, n)) {
        src = "pass";
        n = 4;
    }
    int r = parse_once(arena, src, n, filename, mode, flags, 1, &mod);
    if (r == PARSE_OK) {
        return mod;
    }
    if (r == PARSE_ERROR && !sp_err_matches_type(&SpExc_SyntaxError)) {
        return NULL;
    }
    sp_err_clear();
    char *more = sp_arena_alloc(arena, n + 2);
    if (more == NULL) {
        return NULL;
    }
    memcpy(more, src, n);
    more[n] = '\n';
    more[n + 1] = '\0';
    r = parse_once(arena, more, n + 1, filename, mode, flags, 1, &mod);
    if (r == PARSE_OK || r == PARSE_INCOMPLETE) {
        if (incomplete != NULL) {
            *incomplete = 1;
        }
        return NULL;
    }
    if (!sp_err_matches_type(&SpExc_SyntaxError)) {
        return NULL;
    }
    sp_err_clear();
    parse_once(arena, src, n, filename, mode, flags, 0, &mod);
    return mod;
}

// ===========================================================================
// f-string expressions: a nested parser over "(expr)\n", its tokens moved
// to where the expression sits in the file (CPython 3.11 shifts only the
// first line's columns, by the column of the replacement field).

SpExpr *sp_p_fstring_expr(Parser *p, const char *expr, size_t len, int lineno, int col) {
    Parser sub;
    memset(&sub, 0, sizeof sub);
    char *buf = sp_arena_alloc(p->arena, len + 4);
    if (buf == NULL) {
        p->error = 1;
        return NULL;
    }
    buf[0] = '(';
    memcpy(buf + 1, expr, len);
    buf[len + 1] = ')';
    buf[len + 2] = '\n';
    buf[len + 3] = '\0';
    sub.arena = p->arena;
    sub.filename = p->filename;
    sub.mode = SP_P_MODE_FSTRING;
    sub.flags = p->flags;
    sub.fstring = 1;
    sub.parent = p->parent ? p->parent : p;
    sub.starting_lineno = lineno;
    sub.starting_col_offset = col;
    sub.src = buf;
    sub.srclen = len + 3;
    if (tokenize_all(&sub) < 0) {
        p->error = 1;
        return NULL;
    }
    int shift = lineno - 1;
    for (int i = 0; i < sub.ntokens; i++) {
        SpToken *t = &sub.tokens[i];
        if (t->end_lineno == 1) {
            if (t->col_offset >= 0) {
                t->col_offset += col;
            }
            if (t->end_col_offset >= 0) {
                t->end_col_offset += col;
            }
            t->cur_col += col;
        }
        t->lineno += shift;
        t->end_lineno += shift;
    }
    if (sub.tokerr.kind != SP_TOKERR_NONE) {
        sub.tokerr.lineno += shift;
        sub.tokerr.end_lineno += shift;
        sub.tokerr.paren_lineno += shift;
    }
    SpAstMod *mod = run_start_rule(&sub);
    if (mod == NULL) {
        int last = sub.fill > 0 ? sub.fill - 1 : 0;
        if (!sub.error) {
            sub.invalid = 1;
            run_start_rule(&sub);
        }
        set_syntax_error(&sub, last);
        parser_release(&sub);
        p->error = 1;
        return NULL;
    }
    parser_release(&sub);
    return mod->v.Expression.body;
}
