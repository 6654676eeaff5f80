// smallpy: the symbol table (private to src/compiler). One entry per scope
// (module, class, function, lambda, comprehension) records how each name is
// used and, after analysis, whether it is local, global, free or a cell.
// Also the SyntaxError helpers the passes after the parser share.
// Counterpart: CPython 3.11 Python/symtable.c, Include/internal/pycore_symtable.h.
#ifndef SP_COMPILER_SYMTABLE_H
#define SP_COMPILER_SYMTABLE_H

#ifndef SP_COMPILER_INTERNAL
#error "compiler/symtable.h is private to src/compiler"
#endif

#include "compiler/ast.h"

typedef enum { SP_BLOCK_FUNCTION = 1, SP_BLOCK_CLASS, SP_BLOCK_MODULE } SpBlockType;

// Which comprehension a function block implements (0: none).
typedef enum {
    SP_COMP_NONE = 0,
    SP_COMP_LIST,
    SP_COMP_SET,
    SP_COMP_DICT,
    SP_COMP_GENEXP
} SpCompKind;

// How a name is used in one block (CPython's DEF_* bits).
enum {
    SP_DEF_GLOBAL = 1,      // global statement
    SP_DEF_LOCAL = 2,       // assigned in the block
    SP_DEF_PARAM = 4,       // a parameter
    SP_DEF_NONLOCAL = 8,    // nonlocal statement
    SP_DEF_USE = 16,        // read
    SP_DEF_FREE_CLASS = 64, // free in a method, bound in the class
    SP_DEF_IMPORT = 128,    // bound by import
    SP_DEF_ANNOT = 256,     // annotated (x: int)
    SP_DEF_COMP_ITER = 512, // a comprehension's iteration variable
};
#define SP_DEF_BOUND (SP_DEF_LOCAL | SP_DEF_PARAM | SP_DEF_IMPORT)

// The result of the analysis: where a name lives.
enum {
    SP_SCOPE_NONE = 0,
    SP_SCOPE_LOCAL,
    SP_SCOPE_GLOBAL_EXPLICIT,
    SP_SCOPE_GLOBAL_IMPLICIT,
    SP_SCOPE_FREE,
    SP_SCOPE_CELL,
};

typedef struct SpSymbol {
    SpObject *name; // interned str, kept alive by the table
    int flags;      // SP_DEF_*
    int scope;      // SP_SCOPE_*, set by the analysis
} SpSymbol;

// Where a global/nonlocal statement (or a walrus in a comprehension) named
// a name, for errors found later by the analysis.
typedef struct SpDirective {
    SpObject *name;
    int lineno, col_offset, end_lineno, end_col_offset;
} SpDirective;

typedef struct SpSymEntry {
    SpBlockType type;
    SpObject *name;  // the def/class name, "lambda", "listcomp", ..., "top"
    const void *key; // the AST node that opened the block
    SpSymbol *syms;  // in insertion order
    int nsyms, capsyms;
    int *index; // open-addressing table of indices into syms (-1 empty)
    int indexcap;
    SpObject **params; // parameter names in order (CPython's ste_varnames)
    int nparams, capparams;
    struct SpSymEntry **children;
    int nchildren, capchildren;
    SpDirective *directives;
    int ndirectives, capdirectives;
    int lineno, col_offset, end_lineno, end_col_offset;
    SpCompKind comprehension;
    int comp_iter_expr;  // > 0 while visiting a comprehension's iterable
    int annotation;      // > 0 while visiting a postponed annotation
    unsigned nested : 1; // inside a function
    unsigned generator : 1;
    unsigned coroutine : 1;
    unsigned varargs : 1;
    unsigned varkeywords : 1;
    unsigned returns_value : 1;
    unsigned needs_class_closure : 1; // a class whose methods use __class__
    unsigned child_free : 1;
    unsigned free : 1;
    unsigned comp_iter_target : 1;
} SpSymEntry;

typedef struct SpSymtable {
    SpSymEntry *top;
    SpSymEntry *cur;
    SpSymEntry **stack;
    int nstack, capstack;
    SpObject *private_name; // enclosing class name, for mangling __names
    SpObject *filename;
    const char *src;
    ssize_t srclen;
    SpSymEntry **all; // every entry, for freeing
    int nall, capall;
    SpObject **owned; // references the table holds (names it made)
    int nowned, capowned;
    int depth;              // recursion guard
    int future_annotations; // annotations are postponed (strings)
} SpSymtable;

// sp_symtable_build(mod, filename, src, len): visit the tree and analyse
// every scope. Returns the table (free with sp_symtable_free) or NULL with
// SyntaxError (or MemoryError, RecursionError) set.
SP_FUNC SP_MAY_RAISE SpSymtable *sp_symtable_build(SpAstMod *mod, SpObject *filename,
                                                   const char *src, ssize_t len,
                                                   int future_annotations);
SP_FUNC void sp_symtable_free(SpSymtable *st);
// The child block of `ste` opened by AST node `key`, or NULL.
SP_FUNC SpSymEntry *sp_symtable_child(SpSymEntry *ste, const void *key);
// The symbol `name` of a block, or NULL when the block never mentions it.
SP_FUNC SpSymbol *sp_symtable_get(SpSymEntry *ste, SpObject *name);
// The scope of `name` in a block (SP_SCOPE_NONE when unknown).
SP_FUNC int sp_symtable_scope(SpSymEntry *ste, SpObject *name);

// sp_mangle(private_name, name): the private-name mangling of CPython:
// `__x` inside class `_C` becomes `_C__x` (dunder names, dotted names and
// names outside classes are unchanged). New reference (interned) or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_mangle(SpObject *private_name, SpObject *name);

// SyntaxErrors raised after parsing. Columns are the AST's 0-based UTF-8
// byte columns; CPython reports them +1 without converting to characters,
// and reads the line's text from the file (None for "<string>"-like names).
//
// sp_compile_error_attrs: the symbol-table style: args (msg,), the position
// stored in the attributes (filename, lineno, offset, text, end_lineno,
// end_offset). sp_compile_error_args: the code-generator style: args
// (msg, (filename, lineno, offset, text, end_lineno, end_offset)). Both
// return NULL, with the exception set.
SP_FUNC SpObject *sp_compile_error_attrs(SpObject *filename, const char *src, ssize_t len,
                                         int lineno, int col, int end_lineno, int end_col,
                                         const char *fmt, ...);
SP_FUNC SpObject *sp_compile_error_args(SpObject *filename, const char *src, ssize_t len,
                                        int lineno, int col, int end_lineno, int end_col,
                                        const char *fmt, ...);

#endif // SP_COMPILER_SYMTABLE_H
