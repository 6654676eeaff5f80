// smallpy: the parser's private state and the helpers its files share
// (parser.c: entry, tokens, nodes; parser_stmt.c: statements; parser_expr.c:
// expressions; parser_params.c: parameters, call arguments, targets;
// parser_string.c: literals and f-strings; parser_error.c: SyntaxError
// construction and the helpers of the "invalid_*" diagnostics).
//
// The parser mirrors CPython 3.11's two passes: the first parses without
// the special diagnostics and, on failure, remembers the furthest token it
// looked at; the second re-parses with `p->invalid` set, where the checks of
// CPython's invalid_* grammar rules raise their specific messages. If the
// second pass finds nothing specific, "invalid syntax" is reported at the
// furthest token of the first pass.
#ifndef SP_COMPILER_PARSER_INTERNAL_H
#define SP_COMPILER_PARSER_INTERNAL_H

#ifndef SP_COMPILER_INTERNAL
#error "compiler/parser_internal.h is private to src/compiler"
#endif

#include "compiler/ast.h"
#include "compiler/parser.h"
#include "compiler/tokenizer.h"

// Start rule of the nested parsers of f-string expressions (beside the
// SpCompileMode values): star_expressions.
#define SP_P_MODE_FSTRING 100

// A token type past every real one: the tokenizer failed here. Reaching it
// raises the tokenizer's error.
#define TOK_ERROR SP_TOK_COUNT_

typedef struct NameCacheEntry {
    const char *text;
    size_t len;
    SpObject *name;  // interned, owned by the arena
} NameCacheEntry;

typedef struct Parser {
    SpArena *arena;
    SpToken *tokens;
    int ntokens;       // including the final ENDMARKER or TOK_ERROR
    int pos;           // the next token to consume ("mark")
    int fill;          // 1 + the furthest token index looked at ("fill")
    int pass1_fill;    // fill at the end of the first pass
    SpTokError tokerr; // why the token array ends in TOK_ERROR

    const char *src;   // normalised source (ends in '\n' in exec mode), NUL-terminated
    size_t srclen;
    SpObject *filename;
    int mode;          // SpCompileMode
    int flags;         // SP_CF_* and SP_PARSE_*
    int prompt;        // REPL input (SP_TOKMODE_PROMPT)
    int invalid;       // second pass: run the invalid_* diagnostics
    int pass2;         // in the second pass (invalid may be off for a while)
    int error;         // an exception is set: unwind
    int tok_error_raised;  // the exception is the tokenizer's
    int text_no_newline;   // the next error's text leaves out the newline
    int depth;         // recursion depth (guards against C stack overflow)

    // f-string expressions are parsed by a nested Parser over "(expr)";
    // their errors get the "f-string: " prefix and relative columns.
    int fstring;
    int starting_lineno, starting_col_offset;
    struct Parser *parent;

    struct SpParserMemo *memo;  // second-pass memo (parser_expr.c)

    // Interned names seen in this parse, keyed by their bytes.
    NameCacheEntry *names;
    size_t names_cap, names_used;
} Parser;

// ---------------------------------------------------------------------------
// Tokens (parser.c).

// tok_at(p, i): the token at index i (clamped to the last one), marking it
// as looked at. Looking at the TOK_ERROR sentinel raises the tokenizer error.
SpToken *sp_p_tok_at_slow(Parser *p, int i);
static inline SpToken *sp_p_tok_at(Parser *p, int i) {
    // Tokens already looked at need no checks.
    return i < p->fill ? &p->tokens[i] : sp_p_tok_at_slow(p, i);
}
static inline SpToken *cur_tok(Parser *p) { return sp_p_tok_at(p, p->pos); }
static inline int cur_type(Parser *p) { return cur_tok(p)->type; }
static inline int peek_type(Parser *p, int k) { return sp_p_tok_at(p, p->pos + k)->type; }
// is the current token keyword kw?
static inline int at_kw(Parser *p, int kw) {
    SpToken *t = cur_tok(p);
    return t->type == SP_TOK_NAME && t->kw == kw;
}
// is the current token a NAME that is not a keyword?
static inline int at_name(Parser *p) {
    SpToken *t = cur_tok(p);
    return t->type == SP_TOK_NAME && t->kw == 0;
}
// accept(p, type): consume and return the current token if it has `type`.
SpToken *sp_p_accept(Parser *p, int type);
SpToken *sp_p_accept_kw(Parser *p, int kw);
// The last consumed token that is not NEWLINE/INDENT/DEDENT/ENDMARKER: the
// end of the node just parsed (CPython's EXTRA end).
SpToken *sp_p_last_tok(Parser *p);
// expect_forced(p, type, text): CPython's &&'x': if the current token is not
// `type`, raise "expected 'x'" at it right away (in either pass).
SpToken *sp_p_expect_forced(Parser *p, int type, const char *text);

// ---------------------------------------------------------------------------
// Nodes (parser.c).

void *sp_p_alloc(Parser *p, size_t size);
// A node spanning from token index `start` to the last consumed token.
SpExpr *sp_p_expr(Parser *p, SpExprKind kind, int start);
SpStmt *sp_p_stmt(Parser *p, SpStmtKind kind, int start);
// The interned identifier for a NAME token (owned by the arena).
SpObject *sp_p_name_of(Parser *p, const SpToken *t);
SpObject *sp_p_intern(Parser *p, const char *s, size_t len);
// Name node for the NAME token at index i (consumed by the caller).
SpExpr *sp_p_name_expr(Parser *p, int i, SpExprContext ctx);

// Growable sequences built on the C heap, then copied into the arena.
typedef struct Vec {
    void **items;
    ssize_t n, cap;
    void *small[8];
} Vec;
void sp_vec_init(Vec *v);
int sp_vec_push(Parser *p, Vec *v, void *item);
void sp_vec_free(Vec *v);
// Copy into the arena as a (count, array) pair; frees the Vec.
int sp_vec_finish(Parser *p, Vec *v, ssize_t *n, void *items_out);
#define VEC_FINISH(p, v, seq) sp_vec_finish((p), (v), &(seq).n, &(seq).items)

// ---------------------------------------------------------------------------
// Statements (parser.c) and expressions (parser_expr.c). Each returns the
// node, or NULL on failure: with p->error set when an exception was raised,
// otherwise "did not match" (a syntax error to be diagnosed later).

int sp_p_block(Parser *p, SpStmtSeq *out, const SpToken *kw, const char *what);
// Run the start rule of p->mode from the first token (parser_stmt.c): the
// tree, or NULL (p->error tells an exception from a plain failure).
SpAstMod *sp_p_run_start_rule(Parser *p);

SpExpr *sp_p_expression(Parser *p);              // expression (ternary, lambda)
SpExpr *sp_p_expression_no_invalid(Parser *p);   // expression_without_invalid
SpExpr *sp_p_named_expression(Parser *p);        // expression or NAME := expression
SpExpr *sp_p_star_expressions(Parser *p);        // a, *b, c (tuple if commas)
SpExpr *sp_p_star_named_expression(Parser *p);
SpExpr *sp_p_expressions(Parser *p);             // eval input: expression list
SpExpr *sp_p_disjunction(Parser *p);
SpExpr *sp_p_bitwise_or(Parser *p);
SpExpr *sp_p_yield_expr(Parser *p);
SpExpr *sp_p_star_targets(Parser *p);            // for/comprehension targets (Store)
SpExpr *sp_p_star_target(Parser *p);
SpExpr *sp_p_slices(Parser *p);
SpArguments *sp_p_params(Parser *p, int lambda);
SpArguments *sp_p_empty_arguments(Parser *p);
// Call arguments after '(' up to (not including) ')': fills args/keywords.
// open: the index of the '(' of a call (a sole generator expression argument
// then spans the parentheses), or -1 for class bases.
int sp_p_call_args(Parser *p, int open, SpExprSeq *args, SpKeywordSeq *keywords);
int sp_p_can_start_expression(Parser *p);
SpExpr *sp_p_primary(Parser *p);         // atom with its trailers
SpExpr *sp_p_star_expression(Parser *p); // '*' bitwise_or | expression
int sp_p_for_if_clauses(Parser *p, SpComprehensionSeq *out);
// sp_p_enter(p): one more level of nesting; 0 (error raised) when too deep.
// The caller decrements p->depth after the nested parse.
int sp_p_enter(Parser *p);

// set_context(p, e, ctx): turn an expression into an assignment or deletion
// target (recursively for tuples, lists, starred). Returns 0 if e cannot be
// a target (the caller reports it), 1 on success.
int sp_p_set_context(Parser *p, SpExpr *e, SpExprContext ctx);

// ---------------------------------------------------------------------------
// Literals (parser_string.c).

// The atom for one or more adjacent STRING tokens starting at p->pos
// (consumed): Constant (str/bytes) or JoinedStr.
SpExpr *sp_p_strings(Parser *p);
// The Constant for the NUMBER token at p->pos (consumed).
SpExpr *sp_p_number(Parser *p);
// Parse the expression text of an f-string replacement field (without the
// braces) with a nested parser, positions shifted as CPython 3.11 does. The
// result lives in p's arena; NULL with p->error set on failure.
SpExpr *sp_p_fstring_expr(Parser *p, const char *expr, size_t len, int lineno, int col);

// ---------------------------------------------------------------------------
// Errors (parser_error.c).

// Raise SyntaxError (or exc: SP_EXC_*) with msg at a token range / explicit
// location. Columns are 0-based bytes; end_col -1 keeps CPython's "-1".
// Return NULL for `return sp_p_raise(...)`.
void *sp_p_raise_at(Parser *p, int exc, int lineno, int col, int end_lineno, int end_col,
                    const char *fmt, ...);
// RAISE_SYNTAX_ERROR(msg): at the furthest token looked at.
void *sp_p_raise(Parser *p, int exc, const char *fmt, ...);
// RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node or token).
void *sp_p_raise_expr(Parser *p, const SpExpr *e, const char *fmt, ...);
void *sp_p_raise_tok(Parser *p, const SpToken *t, const char *fmt, ...);
// RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b) for nodes / tokens.
void *sp_p_raise_range(Parser *p, const SpExpr *a, const SpExpr *b, const char *fmt, ...);
void *sp_p_raise_tok_range(Parser *p, const SpToken *a, const SpToken *b, const char *fmt, ...);
// RAISE_SYNTAX_ERROR_STARTING_FROM(node): from a's start to "the end".
void *sp_p_raise_from(Parser *p, const SpExpr *a, const char *fmt, ...);
// Raise the tokenizer's recorded error.
void sp_p_raise_tokenizer_error(Parser *p, const SpTokError *e);
// "cannot assign to %s" / "cannot delete %s" for an invalid target: finds
// the offending sub-expression as CPython's _PyPegen_get_invalid_target.
enum { TARGETS_STAR = 0, TARGETS_DEL = 1, TARGETS_FOR = 2 };
void *sp_p_raise_invalid_target(Parser *p, int kind, SpExpr *e);
// The description CPython uses in messages ("literal", "function call", ...).
const char *sp_p_expr_name(const SpExpr *e);
// The sub-expression that makes e an invalid target, or NULL if e is fine.
SpExpr *sp_p_invalid_target(int kind, SpExpr *e);

#endif  // SP_COMPILER_PARSER_INTERNAL_H
