// smallpy: source text to AST. A hand-written recursive-descent parser over
// the tokenizer (tokenizer.c), building the tree of ast.h in an arena, with
// CPython 3.11's SyntaxError messages and positions. Counterpart: CPython
// 3.11 Parser/parser.c (PEG, generated), Parser/pegen.c, Parser/action_helpers.c.
//
// Use:
//     SpArena *arena = sp_arena_new();
//     SpAstMod *mod = sp_parse(arena, src, len, filename, SP_COMPILE_EXEC, 0, NULL);
//     if (mod == NULL) { ...SyntaxError is set...; }
//     ...walk mod (nodes and their objects live in the arena)...
//     sp_arena_free(arena);
#ifndef SP_COMPILER_PARSER_H
#define SP_COMPILER_PARSER_H

#include "compiler/ast.h"
#include "compiler/compiler.h"

// sp_parse(arena, src, len, filename, mode, flags, incomplete): parse UTF-8
// source `src` of `len` bytes (-1: NUL-terminated) as `mode` (SpCompileMode:
// EXEC -> Module, EVAL -> Expression, SINGLE -> Interactive). filename (a
// str, borrowed) goes into error reports. flags: SP_CF_* of compiler.h.
//
// Returns the tree (in `arena`), or NULL with SyntaxError / IndentationError
// / TabError (args (msg, (filename, lineno, offset, text, end_lineno,
// end_offset)) as CPython 3.11's) or MemoryError set.
//
// SP_CF_ALLOW_INCOMPLETE is for the REPL: src is the lines typed so far,
// each ending in '\n'. In SINGLE mode they are read as CPython's
// interactive loop reads them: an empty line ends a compound statement
// (`if x:\n  pass\n` still needs one), a first line with only a comment
// is an empty statement. When the text stops where the grammar needs more
// (open bracket, unterminated triple-quoted string, trailing backslash, an
// unfinished block) sp_parse returns NULL with no exception set and
// *incomplete = 1; otherwise *incomplete = 0 (incomplete may be NULL when the
// flag is not given). Without the flag, SINGLE mode parses the text as
// compile(src, filename, 'single') does.
//
// Not supported: match statements ("match statements are not supported
// yet"), async def/for/with and async comprehensions ("async is not
// supported yet"), except* ("except* is not supported yet"), complex
// literals ("complex literals are not supported yet"); \N{...} knows the
// names of a subset of Unicode (unicode_names.c); source encodings other
// than UTF-8 and Latin-1; NFKC normalisation of non-ASCII identifiers.
// `await` expressions are parsed (the compiler decides).
SP_FUNC SP_MAY_RAISE SpAstMod *sp_parse(SpArena *arena, const char *src, ssize_t len,
                                        SpObject *filename, int mode, int flags,
                                        int *incomplete);

// Extra sp_parse flag (beside SP_CF_*; sp_compile passes flags through):
// the source is a file run as a script (or imported), as
// CPython's file tokenizer sees it: errors give byte offsets (CPython 3.11
// does not convert them for files without a coding declaration), errors
// at the end of the file have offset 0 (no caret), undecodable bytes are
// "Non-UTF-8 code starting with ..." and NUL bytes "source code cannot
// contain null bytes". Without it the source is treated as compile()'s
// text. main.c should pass it for the script file.
#define SP_PARSE_FILE_INPUT 0x100
// Extra sp_parse flag: the text was a str already (compile(), exec() and
// eval() of a str): a "# coding: ..." declaration is not applied, as
// CPython's PyCF_IGNORE_COOKIE. Without it, Latin-1 declared sources are
// transcoded; encodings other than UTF-8 and Latin-1 are a SyntaxError.
#define SP_PARSE_IGNORE_COOKIE 0x200

// sp_parse_syntax_error(type, filename, src, len, lineno, col_offset,
// end_lineno, end_col_offset, fmt, ...): raise `type` (SyntaxError or a
// subclass) as CPython does for errors found after parsing (symbol table,
// code generator): args (msg, (filename, lineno, offset, text, end_lineno,
// end_offset)) where text is line `lineno` of src (with its newline), offset
// and end_offset are 1-based character columns computed from the 0-based
// UTF-8 byte columns given (the AST's col_offset / end_col_offset).
// end_lineno <= 0 means "same as lineno" and end_col_offset < 0 "one past
// col_offset"; col_offset < 0 gives offset 0. src may be NULL (text None).
// The message is formatted by sp_str_from_format. Always returns NULL.
SP_FUNC SpObject *sp_parse_syntax_error(SpTypeObject *type, SpObject *filename, const char *src,
                                        ssize_t len, int lineno, int col_offset, int end_lineno,
                                        int end_col_offset, const char *fmt, ...);

#endif  // SP_COMPILER_PARSER_H
