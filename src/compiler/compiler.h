// smallpy: the compiler's one interface: source text in, code object out.
// Inside: tokenizer.c -> parser.c (AST in an arena, ast.h) -> symtable.c ->
// optimizer (constant folding) -> codegen.c -> assembler. Counterpart:
// CPython 3.11 Python/compile.c, Python/pythonrun.c (the entry points).
#ifndef SP_COMPILER_COMPILER_H
#define SP_COMPILER_COMPILER_H

#include "core/object.h"

typedef enum {
    SP_COMPILE_EXEC,    // a module: statements
    SP_COMPILE_EVAL,    // one expression
    SP_COMPILE_SINGLE,  // one interactive statement: expression values are printed (PRINT_EXPR)
} SpCompileMode;

enum {
    // Report an unfinished statement (open bracket, missing indented block,
    // unterminated triple-quoted string at end of input) through
    // *incomplete instead of raising, so the REPL can ask for more lines.
    SP_CF_ALLOW_INCOMPLETE = 1,
    // Don't merge constants across the module (each statement compiled on
    // its own anyway in the REPL).
    SP_CF_NO_CONST_MERGE = 2,
    // The source is a script file (or a piped program), not a string:
    // errors are reported as CPython reports them for files (an error at the
    // end of input has no caret; offsets on non-ASCII lines count bytes).
    SP_CF_FILE_INPUT = 0x100,
    // The source was already text (exec/eval/compile of a str): a
    // "# coding:" line is not applied.
    SP_CF_IGNORE_COOKIE = 0x200,
};

// sp_compile(src, len, filename, mode, flags, incomplete): compile UTF-8
// source. Returns a new code object, or NULL with SyntaxError (or
// IndentationError, TabError, MemoryError, ...) set, carrying filename,
// line, column, end position and source text as CPython's. With
// SP_CF_ALLOW_INCOMPLETE and an unfinished statement, returns NULL with no
// exception and sets *incomplete = 1. `incomplete` may be NULL otherwise.
SP_FUNC SP_MAY_RAISE SpObject *sp_compile(const char *src, ssize_t len, SpObject *filename,
                                         SpCompileMode mode, int flags, int *incomplete);

// sp_disassemble(code, out): print a listing of code and of the code objects
// among its constants, as `python -m dis` prints (offsets are instruction
// indices here). 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_disassemble(SpObject *code, SpObject *file);

#endif  // SP_COMPILER_COMPILER_H
