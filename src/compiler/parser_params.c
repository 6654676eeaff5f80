// smallpy: parameter lists (def and lambda), call arguments, and
// assignment targets, with their second-pass diagnostics. Counterpart: the
// params, arguments/args/kwargs and star_targets rules of CPython 3.11
// Grammar/python.gram and Parser/action_helpers.c (_PyPegen_make_arguments).
#define SP_COMPILER_INTERNAL
#include "compiler/parser_internal.h"

#include <string.h>

#include "core/err.h"

// ===========================================================================
// Targets

// star_target: '*' (!'*' star_target) | target_with_star_atom. Parsed as a
// primary (atom with trailers, or a parenthesised/bracketed display) and
// left in Load context: the caller converts with sp_p_set_context.
SpExpr *sp_p_star_target(Parser *p) {
    int start = p->pos;
    if (sp_p_accept(p, SP_TOK_STAR)) {
        if (cur_type(p) == SP_TOK_STAR) {
            return NULL;
        }
        if (!sp_p_enter(p)) {
            return NULL;
        }
        SpExpr *value = sp_p_star_target(p);
        p->depth--;
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
    return sp_p_primary(p);
}

// star_targets: star_target !',' | star_target (',' star_target)* [','] -> Tuple
// The result is already in Store context; NULL if it is not a valid target.
SpExpr *sp_p_star_targets(Parser *p) {
    int start = p->pos;
    SpExpr *first = sp_p_star_target(p);
    if (first == NULL) {
        return NULL;
    }
    SpExpr *result = first;
    if (cur_type(p) == SP_TOK_COMMA) {
        Vec v;
        sp_vec_init(&v);
        if (sp_vec_push(p, &v, first) < 0) {
            return NULL;
        }
        while (sp_p_accept(p, SP_TOK_COMMA)) {
            int t = cur_type(p);
            if (t != SP_TOK_STAR && t != SP_TOK_LPAR && t != SP_TOK_LSQB && !at_name(p)) {
                break;
            }
            SpExpr *e = sp_p_star_target(p);
            if (e == NULL || sp_vec_push(p, &v, e) < 0) {
                sp_vec_free(&v);
                return NULL;
            }
        }
        result = sp_p_expr(p, SP_EXPR_TUPLE, start);
        if (result == NULL || VEC_FINISH(p, &v, result->v.Tuple.elts) < 0) {
            sp_vec_free(&v);
            return NULL;
        }
    }
    if (!sp_p_set_context(p, result, SP_CTX_STORE)) {
        return NULL;
    }
    return result;
}

int sp_p_set_context(Parser *p, SpExpr *e, SpExprContext ctx) {
    switch (e->kind) {
    case SP_EXPR_NAME:
        e->v.Name.ctx = ctx;
        return 1;
    case SP_EXPR_ATTRIBUTE:
        e->v.Attribute.ctx = ctx;
        return 1;
    case SP_EXPR_SUBSCRIPT:
        e->v.Subscript.ctx = ctx;
        return 1;
    case SP_EXPR_STARRED:
        if (ctx == SP_CTX_DEL || e->v.Starred.value->kind == SP_EXPR_STARRED) {
            return 0;
        }
        e->v.Starred.ctx = ctx;
        return sp_p_set_context(p, e->v.Starred.value, ctx);
    case SP_EXPR_TUPLE:
    case SP_EXPR_LIST:
        for (ssize_t i = 0; i < e->v.Tuple.elts.n; i++) {
            if (!sp_p_set_context(p, e->v.Tuple.elts.items[i], ctx)) {
                return 0;
            }
        }
        e->v.Tuple.ctx = ctx;
        return 1;
    default:
        return 0;
    }
}

// The last expression of the last comprehension clause (for error ranges).
static SpExpr *last_comprehension_item(const SpComprehensionSeq *gens) {
    const SpComprehension *c = gens->items[gens->n - 1];
    return c->ifs.n ? c->ifs.items[c->ifs.n - 1] : c->iter;
}

static SpKeyword *make_keyword(Parser *p, int start, SpObject *arg, SpExpr *value) {
    SpKeyword *k = sp_p_alloc(p, sizeof(SpKeyword));
    if (k == NULL) {
        return NULL;
    }
    const SpToken *a = &p->tokens[start], *b = sp_p_last_tok(p);
    k->lineno = a->lineno;
    k->col_offset = a->col_offset;
    k->end_lineno = b->end_lineno;
    k->end_col_offset = b->end_col_offset;
    k->arg = arg;
    k->value = value;
    return k;
}

// invalid_kwarg for an argument starting at `start` (second pass).
static void invalid_kwarg(Parser *p, int start) {
    p->pos = start;
    SpToken *t = cur_tok(p);
    // ('True'|'False'|'None') '='
    if (t->type == SP_TOK_NAME &&
        (t->kw == SP_KW_TRUE || t->kw == SP_KW_FALSE || t->kw == SP_KW_NONE) &&
        peek_type(p, 1) == SP_TOK_EQUAL) {
        SpToken *eq = sp_p_tok_at(p, start + 1);
        sp_p_raise_tok_range(p, t, eq, "cannot assign to %.*s", (int)(t->end - t->start), t->start);
        return;
    }
    // NAME '=' expression for_if_clauses
    if (at_name(p) && peek_type(p, 1) == SP_TOK_EQUAL) {
        SpToken *eq = sp_p_tok_at(p, start + 1);
        p->pos += 2;
        SpComprehensionSeq gens;
        if (sp_p_expression(p) != NULL && at_kw(p, SP_KW_FOR) &&
            sp_p_for_if_clauses(p, &gens) == 0) {
            sp_p_raise_tok_range(p, t, eq,
                                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        p->pos = start;
        return;
    }
    // !(NAME '=') a=expression b='='
    SpExpr *a = sp_p_expression(p);
    if (a != NULL && cur_type(p) == SP_TOK_EQUAL) {
        SpToken *eq = cur_tok(p);
        sp_p_raise_at(p, SP_EXC_SYNTAX, a->lineno, a->col_offset + 1, eq->end_lineno,
                      eq->end_col_offset + 1,
                      "expression cannot contain assignment, perhaps you meant \"==\"?");
        return;
    }
    p->pos = start;
}

// The arguments of a call (or class bases) after '(' up to ')' (not
// consumed): positional and starred first, then keywords, '**' and further
// starred ones, as CPython's args/kwargs rules.
int sp_p_call_args(Parser *p, int open, SpExprSeq *args_out, SpKeywordSeq *kw_out) {
    Vec args, kws;
    sp_vec_init(&args);
    sp_vec_init(&kws);
    int seen_keyword = 0, seen_double_star = 0;
    for (;;) {
        int start = p->pos;
        SpToken *t = cur_tok(p);
        if (t->type == SP_TOK_STAR) {
            if (seen_double_star) {
                // iterable argument unpacking follows keyword argument unpacking
                if (p->invalid) {
                    sp_p_raise(p, SP_EXC_SYNTAX,
                               "iterable argument unpacking follows keyword argument unpacking");
                }
                goto fail;
            }
            p->pos++;
            SpExpr *value = sp_p_expression(p);
            if (value == NULL) {
                goto fail;
            }
            SpExpr *e = sp_p_expr(p, SP_EXPR_STARRED, start);
            if (e == NULL || sp_vec_push(p, &args, e) < 0) {
                goto fail;
            }
            e->v.Starred.value = value;
            e->v.Starred.ctx = SP_CTX_LOAD;
        } else if (t->type == SP_TOK_DOUBLESTAR) {
            p->pos++;
            SpExpr *value = sp_p_expression(p);
            if (value == NULL) {
                goto fail;
            }
            SpKeyword *k = make_keyword(p, start, NULL, value);
            if (k == NULL || sp_vec_push(p, &kws, k) < 0) {
                goto fail;
            }
            seen_double_star = 1;
        } else if (t->type == SP_TOK_NAME && t->kw == 0 && peek_type(p, 1) == SP_TOK_EQUAL) {
            SpObject *arg = sp_p_name_of(p, t);
            p->pos += 2;
            SpExpr *value = arg ? sp_p_expression(p) : NULL;
            if (value == NULL) {
                goto fail;
            }
            if (at_kw(p, SP_KW_FOR) && p->invalid) {
                invalid_kwarg(p, start);
                goto fail;
            }
            SpKeyword *k = make_keyword(p, start, arg, value);
            if (k == NULL || sp_vec_push(p, &kws, k) < 0) {
                goto fail;
            }
            seen_keyword = 1;
        } else {
            // (assignment_expression | expression !':=') !'='
            SpExpr *e;
            if ((seen_keyword || seen_double_star) && !p->invalid) {
                // CPython's kwargs rule stops here without looking further.
                goto fail;
            }
            if (at_name(p) && peek_type(p, 1) == SP_TOK_COLONEQUAL) {
                e = sp_p_named_expression(p);
            } else {
                e = sp_p_expression(p);
                if (e != NULL && cur_type(p) == SP_TOK_COLONEQUAL) {
                    e = NULL;
                }
            }
            if (e == NULL) {
                if (p->invalid && !p->error) {
                    invalid_kwarg(p, start);
                }
                goto fail;
            }
            if (cur_type(p) == SP_TOK_EQUAL) {
                if (p->invalid) {
                    invalid_kwarg(p, start);
                }
                goto fail;
            }
            if (at_kw(p, SP_KW_FOR) || at_kw(p, SP_KW_ASYNC)) {
                // primary genexp: f(x for x in y), the generator spanning the
                // call's parentheses. It must be the sole argument.
                int save = p->pos;
                SpComprehensionSeq gens;
                if (open >= 0 && args.n == 0 && kws.n == 0 &&
                    sp_p_for_if_clauses(p, &gens) == 0 && cur_type(p) == SP_TOK_RPAR) {
                    const SpToken *a = &p->tokens[open], *b = cur_tok(p);
                    SpExpr *g = sp_ast_new_expr(p->arena, SP_EXPR_GENERATOR_EXP, a->lineno,
                                                a->col_offset, b->end_lineno, b->end_col_offset);
                    if (g == NULL || sp_vec_push(p, &args, g) < 0) {
                        p->error = 1;
                        goto fail;
                    }
                    g->v.GeneratorExp.elt = e;
                    g->v.GeneratorExp.generators = gens;
                    break;
                }
                if (p->error) {
                    goto fail;
                }
                p->pos = save;
                if (p->invalid) {
                    if (sp_p_for_if_clauses(p, &gens) == 0) {
                        if (args.n > 0 || kws.n > 0 || cur_type(p) == SP_TOK_COMMA) {
                            sp_p_raise_range(p, e, last_comprehension_item(&gens),
                                             "Generator expression must be parenthesized");
                        }
                    }
                }
                goto fail;
            }
            if (seen_keyword || seen_double_star) {
                if (p->invalid) {
                    // Finish the argument list, then complain (the error is
                    // reported at the furthest token, as CPython's).
                    while (sp_p_accept(p, SP_TOK_COMMA) && sp_p_can_start_expression(p)) {
                        if (sp_p_expression(p) == NULL) {
                            break;
                        }
                    }
                    if (!p->error) {
                        sp_p_raise(p, SP_EXC_SYNTAX,
                                   seen_double_star
                                       ? "positional argument follows keyword argument unpacking"
                                       : "positional argument follows keyword argument");
                    }
                }
                goto fail;
            }
            if (sp_vec_push(p, &args, e) < 0) {
                goto fail;
            }
        }
        if (!sp_p_accept(p, SP_TOK_COMMA) || cur_type(p) == SP_TOK_RPAR) {
            break;
        }
    }
    if (cur_type(p) != SP_TOK_RPAR) {
        goto fail;
    }
    if (VEC_FINISH(p, &args, *args_out) < 0 || VEC_FINISH(p, &kws, *kw_out) < 0) {
        goto fail;
    }
    return 0;
fail:
    sp_vec_free(&args);
    sp_vec_free(&kws);
    return -1;
}

// ===========================================================================
// Lambda and def parameters

static SpArg *make_arg(Parser *p, int start, SpExpr *annotation) {
    SpArg *a = sp_p_alloc(p, sizeof(SpArg));
    if (a == NULL) {
        return NULL;
    }
    const SpToken *s = &p->tokens[start], *e = sp_p_last_tok(p);
    a->lineno = s->lineno;
    a->col_offset = s->col_offset;
    a->end_lineno = e->end_lineno;
    a->end_col_offset = e->end_col_offset;
    a->arg = sp_p_name_of(p, s);
    a->annotation = annotation;
    return a->arg ? a : NULL;
}

SpArguments *sp_p_empty_arguments(Parser *p) {
    return sp_p_alloc(p, sizeof(SpArguments));
}

// param: NAME [':' expression] (no annotation in lambdas). star: '*' NAME may
// be annotated with a star_expression (`*args: *Ts`).
static SpArg *param(Parser *p, int lambda, int star) {
    if (!at_name(p)) {
        return NULL;
    }
    int start = p->pos++;
    SpExpr *annotation = NULL;
    if (!lambda && sp_p_accept(p, SP_TOK_COLON)) {
        annotation = star ? sp_p_star_expression(p) : sp_p_expression(p);
        if (annotation == NULL) {
            return NULL;
        }
    }
    return make_arg(p, start, annotation);
}

// The parameter list of a def (up to ')') or a lambda (up to ':').
SpArguments *sp_p_params(Parser *p, int lambda) {
    int close = lambda ? SP_TOK_COLON : SP_TOK_RPAR;
    Vec posonly, args, defaults, kwonly, kwdefaults;
    sp_vec_init(&posonly);
    sp_vec_init(&args);
    sp_vec_init(&defaults);
    sp_vec_init(&kwonly);
    sp_vec_init(&kwdefaults);
    SpArg *vararg = NULL, *kwarg = NULL;
    int seen_slash = 0, seen_star = 0;
    SpArguments *a = NULL;
    for (;;) {
        SpToken *t = cur_tok(p);
        if (t->type == close || p->error) {
            break;
        }
        if (t->type == SP_TOK_SLASH) {
            if (p->invalid) {
                if (kwarg) {
                    sp_p_raise_tok(p, t, "arguments cannot follow var-keyword argument");
                } else if (seen_star) {
                    sp_p_raise_tok(p, t, "/ must be ahead of *");
                } else if (seen_slash) {
                    sp_p_raise_tok(p, t, "/ may appear only once");
                } else if (args.n == 0 && peek_type(p, 1) == SP_TOK_COMMA) {
                    sp_p_raise_tok(p, t, "at least one argument must precede /");
                }
            }
            if (seen_slash || seen_star || args.n == 0) {
                goto fail;
            }
            p->pos++;
            seen_slash = 1;
            // All parameters so far are positional-only.
            for (ssize_t i = 0; i < args.n; i++) {
                if (sp_vec_push(p, &posonly, args.items[i]) < 0) {
                    goto fail;
                }
            }
            args.n = 0;
            if (p->invalid && cur_type(p) == SP_TOK_STAR) {
                // param_maybe_default+ '/' '*': "expected comma between / and *"
                sp_p_raise_tok(p, cur_tok(p), "expected comma between / and *");
                goto fail;
            }
        } else if (t->type == SP_TOK_STAR) {
            if (seen_star || kwarg) {
                if (p->invalid) {
                    if (kwarg) {
                        sp_p_raise_tok(p, t, "arguments cannot follow var-keyword argument");
                    } else {
                        sp_p_raise_tok(p, t, "* argument may appear only once");
                    }
                }
                goto fail;
            }
            p->pos++;
            seen_star = 1;
            if (cur_type(p) == SP_TOK_COMMA) {
                // Bare '*': keyword-only parameters must follow.
                int after = peek_type(p, 1);
                if (after == close || after == SP_TOK_DOUBLESTAR) {
                    if (p->invalid) {
                        if (lambda) {
                            sp_p_raise(p, SP_EXC_SYNTAX, "named arguments must follow bare *");
                        } else {
                            sp_p_raise_tok(p, t, "named arguments must follow bare *");
                        }
                    }
                    goto fail;
                }
            } else if (cur_type(p) == close) {
                if (p->invalid) {
                    if (lambda) {
                        sp_p_raise(p, SP_EXC_SYNTAX, "named arguments must follow bare *");
                    } else {
                        sp_p_raise_tok(p, t, "named arguments must follow bare *");
                    }
                }
                goto fail;
            } else {
                vararg = param(p, lambda, 1);
                if (vararg == NULL) {
                    goto fail;
                }
                if (cur_type(p) == SP_TOK_EQUAL) {
                    if (p->invalid) {
                        sp_p_raise_tok(p, cur_tok(p),
                                       "var-positional argument cannot have default value");
                    }
                    goto fail;
                }
            }
        } else if (t->type == SP_TOK_DOUBLESTAR) {
            if (kwarg) {
                if (p->invalid) {
                    sp_p_raise_tok(p, t, "arguments cannot follow var-keyword argument");
                }
                goto fail;
            }
            p->pos++;
            kwarg = param(p, lambda, 0);
            if (kwarg == NULL) {
                goto fail;
            }
            if (cur_type(p) == SP_TOK_EQUAL) {
                if (p->invalid) {
                    sp_p_raise_tok(p, cur_tok(p), "var-keyword argument cannot have default value");
                }
                goto fail;
            }
        } else if (t->type == SP_TOK_NAME && t->kw == 0) {
            if (kwarg) {
                if (p->invalid) {
                    SpArg *bad = param(p, lambda, 0);
                    if (bad != NULL) {
                        sp_p_raise_at(p, SP_EXC_SYNTAX, bad->lineno, bad->col_offset + 1,
                                      bad->end_lineno, bad->end_col_offset + 1,
                                      "arguments cannot follow var-keyword argument");
                    }
                }
                goto fail;
            }
            SpArg *arg = param(p, lambda, 0);
            if (arg == NULL) {
                goto fail;
            }
            SpExpr *dflt = NULL;
            if (cur_type(p) == SP_TOK_EQUAL) {
                SpToken *eq = cur_tok(p);
                p->pos++;
                int after = cur_type(p);
                if (after == close || after == SP_TOK_COMMA) {
                    if (p->invalid && (after == SP_TOK_RPAR || after == SP_TOK_COMMA)) {
                        sp_p_raise_tok(p, eq, "expected default value expression");
                    }
                    goto fail;
                }
                dflt = sp_p_expression(p);
                if (dflt == NULL) {
                    goto fail;
                }
            }
            if (seen_star) {
                if (sp_vec_push(p, &kwonly, arg) < 0 || sp_vec_push(p, &kwdefaults, dflt) < 0) {
                    goto fail;
                }
            } else {
                if (dflt == NULL && defaults.n > 0) {
                    if (p->invalid) {
                        sp_p_raise_at(p, SP_EXC_SYNTAX, arg->lineno, arg->col_offset + 1,
                                      arg->end_lineno, arg->end_col_offset + 1,
                                      "non-default argument follows default argument");
                    }
                    goto fail;
                }
                if (sp_vec_push(p, &args, arg) < 0 ||
                    (dflt != NULL && sp_vec_push(p, &defaults, dflt) < 0)) {
                    goto fail;
                }
            }
        } else if (t->type == SP_TOK_LPAR && p->invalid && !seen_slash && !seen_star && !kwarg &&
                   defaults.n == 0) {
            // Function parameters cannot be parenthesized
            SpToken *open = t;
            p->pos++;
            int n = 0;
            while (at_name(p)) {
                p->pos++;
                n++;
                if (!sp_p_accept(p, SP_TOK_COMMA)) {
                    break;
                }
            }
            if (n > 0 && cur_type(p) == SP_TOK_RPAR) {
                sp_p_raise_tok_range(p, open, cur_tok(p),
                                     lambda ? "Lambda expression parameters cannot be parenthesized"
                                            : "Function parameters cannot be parenthesized");
            }
            goto fail;
        } else {
            goto fail;
        }
        if (!sp_p_accept(p, SP_TOK_COMMA)) {
            if (cur_type(p) != close) {
                goto fail;
            }
            break;
        }
        if (kwarg && cur_type(p) != close && p->invalid) {
            continue;  // diagnosed at the next parameter
        }
    }
    if (p->error || cur_type(p) != close) {
        goto fail;
    }
    a = sp_p_alloc(p, sizeof(SpArguments));
    if (a == NULL || VEC_FINISH(p, &posonly, a->posonlyargs) < 0 ||
        VEC_FINISH(p, &args, a->args) < 0 || VEC_FINISH(p, &defaults, a->defaults) < 0 ||
        VEC_FINISH(p, &kwonly, a->kwonlyargs) < 0 ||
        VEC_FINISH(p, &kwdefaults, a->kw_defaults) < 0) {
        goto fail;
    }
    a->vararg = vararg;
    a->kwarg = kwarg;
    return a;
fail:
    sp_vec_free(&posonly);
    sp_vec_free(&args);
    sp_vec_free(&defaults);
    sp_vec_free(&kwonly);
    sp_vec_free(&kwdefaults);
    return NULL;
}

