// smallpy: the tokenizer: UTF-8 source text to tokens, one pass over the
// buffer, no allocation. Private to src/compiler (the parser drives it).
// Counterpart: CPython 3.11 Parser/tokenizer.c (same token positions, same
// indentation rules and the same error messages and locations).
#ifndef SP_COMPILER_TOKENIZER_H
#define SP_COMPILER_TOKENIZER_H

#ifndef SP_COMPILER_INTERNAL
#error "compiler/tokenizer.h is private to src/compiler"
#endif

#include <stddef.h>
#include <stdint.h>

#include "compiler/token.h"

// Limits, as CPython's MAXINDENT and MAXLEVEL.
#define SP_TOK_MAXINDENT 100
#define SP_TOK_MAXLEVEL 200

// One token. Positions are CPython's: lines 1-based, columns 0-based byte
// offsets from the start of the line; the end is exclusive. INDENT, DEDENT
// and ENDMARKER have col_offset = end_col_offset = -1, as in CPython, and
// `cur_col` then holds the tokenizer's column at that moment (CPython reports
// some errors at "the current position" for such tokens).
typedef struct SpToken {
    uint8_t type;    // SpTokenKind
    uint8_t kw;      // SpKeywordId for NAME tokens, else 0
    uint8_t level;   // bracket nesting depth after this token (<= SP_TOK_MAXLEVEL)
    uint8_t at_eof;  // produced after the end of the input was read
    int lineno, col_offset, end_lineno, end_col_offset;
    int cur_col;
    const char *start, *end;  // the token's text in the source buffer
} SpToken;

// Error kinds. "Hard" errors (SYNTAX) are raised by CPython's tokenizer as
// soon as it meets them, so they win over a parse error found earlier in the
// file; the others are only reported when the parser asks for that token.
typedef enum {
    SP_TOKERR_NONE = 0,
    SP_TOKERR_SYNTAX,    // SyntaxError with its own message and location
    SP_TOKERR_EOF,       // end of input inside brackets or after a backslash
    SP_TOKERR_DEDENT,    // "unindent does not match any outer indentation level"
    SP_TOKERR_TABSPACE,  // TabError
    SP_TOKERR_TOODEEP,   // "too many levels of indentation"
    SP_TOKERR_LINECONT,  // "unexpected character after line continuation character"
} SpTokErrKind;

// Exception types of tokenizer errors.
enum { SP_EXC_SYNTAX = 0, SP_EXC_INDENTATION = 1, SP_EXC_TAB = 2 };

typedef struct SpTokError {
    SpTokErrKind kind;
    int exc;  // SP_EXC_*
    char msg[192];
    // Location as CPython reports it: 1-based byte offsets, converted to
    // characters when raised; end_offset may be 0 or -1 (kept as is).
    int lineno, offset, end_lineno, end_offset;
    int text_newline;   // 0: the text is the line without its newline
    // Ended at the end of the input (unterminated triple-quoted string,
    // single-quoted string at EOF, EOF in brackets or after a backslash):
    // the REPL treats such input as incomplete.
    int at_eof;
    // The bracket state at the error, for "'(' was never closed".
    int level;
    char paren;
    int paren_lineno, paren_col;
} SpTokError;

typedef struct SpTokenizer {
    const char *buf;   // start of the source (after any BOM)
    const char *end;   // end of the source; *end == '\0'
    const char *cur;   // next character to read
    const char *line_start;
    int lineno;
    int atbol;         // at the beginning of a line: measure indentation
    int pendin;        // pending INDENT (> 0) or DEDENT (< 0) tokens
    int indent;        // index of the current level in indstack
    int indstack[SP_TOK_MAXINDENT];
    int altindstack[SP_TOK_MAXINDENT];  // with tabs counted as 1 column (TabError check)
    int level;         // bracket depth
    char parenstack[SP_TOK_MAXLEVEL];
    int parenlinenostack[SP_TOK_MAXLEVEL];
    int parencolstack[SP_TOK_MAXLEVEL];
    int interactive;   // single mode: the first end of input yields NEWLINE and DEDENTs
    int prompt;        // REPL: empty lines are NEWLINEs; the end of input means "more to come"
    int started;       // a token other than ENDMARKER has been produced
    int done;          // end of input reached (ENDMARKER produced)
    int hit_eof;       // a read went past the end of the input (CPython's E_EOF state)
    SpTokError err;
} SpTokenizer;

// sp_tokenizer_init(tok, src, len, mode): tokenize src[0..len); the byte
// src[len] must be '\0' and lines must end in '\n' only (the parser
// normalises "\r\n" and "\r" first, as CPython's translate_newlines).
// mode: 0 a module or expression; SP_TOKMODE_SINGLE one interactive
// statement (compile(..., 'single')); SP_TOKMODE_PROMPT the lines typed at
// the REPL so far, tokenized as CPython's interactive loop does: an empty
// line is a NEWLINE (it ends a compound statement) and the end of the text
// is an SP_TOKERR_EOF error with at_eof set ("needs more input").
enum { SP_TOKMODE_FILE = 0, SP_TOKMODE_SINGLE = 1, SP_TOKMODE_PROMPT = 2 };
void sp_tokenizer_init(SpTokenizer *tok, const char *src, size_t len, int mode);

// sp_tokenizer_get(tok, t): the next token into *t; returns its type, or -1
// on an error described by tok->err (no exception is set: the parser decides
// when to raise it). After ENDMARKER it keeps returning ENDMARKER.
int sp_tokenizer_get(SpTokenizer *tok, SpToken *t);

// sp_utf8_check(s, n, &pos): NULL if s[0..n) is valid UTF-8, else the
// reason CPython's decoder gives ("invalid start byte", "invalid
// continuation byte", "unexpected end of data") with *pos the offset of the
// first bad byte.
const char *sp_utf8_check(const char *s, size_t n, size_t *pos);

// sp_tokenizer_is_xid(c, start): is code point c a valid identifier start
// (start = 1) or continuation character (Unicode XID_Start / XID_Continue)?
int sp_tokenizer_is_xid(uint32_t c, int start);

#endif  // SP_COMPILER_TOKENIZER_H
