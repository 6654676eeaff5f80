// smallpy: the code generator's private interface (src/compiler only): the
// compiler state, the per-scope unit with its instruction list, labels and
// exception handlers, and the entry points shared by codegen*.c, fold.c,
// assemble.c and compile.c. Counterpart: CPython 3.11 Python/compile.c
// (struct compiler, struct compiler_unit, basicblock).
#ifndef SP_COMPILER_CODEGEN_H
#define SP_COMPILER_CODEGEN_H

#ifndef SP_COMPILER_INTERNAL
#error "compiler/codegen.h is private to src/compiler"
#endif

#include "compiler/ast.h"
#include "compiler/compiler.h"
#include "compiler/opcodes.h"
#include "compiler/symtable.h"
#include "objects/code.h"

// ---------------------------------------------------------------------------
// Instructions as the code generator emits them. Jump arguments are label
// numbers until the assembler resolves them.

// Pseudo-instruction: the start of the region protected by handler `arg`.
// It takes no space in co_code; the assembler records the value-stack depth
// there (the depth the handler unwinds to).
#define SP_PSEUDO_SETUP (SP_OP_COUNT_ + 1)

typedef struct SpInstr_ {
    int op;
    int arg;
    SpCodePosition pos; // line -1: artificial, takes the previous position
    int handler;        // index into the unit's handlers, -1 for none
} SpCgInstr;

// An exception handler: where to go, whether to push the raising
// instruction's index first, and (found by the assembler) the depth.
typedef struct SpHandler {
    int label;
    int lasti;
    int adjust; // depth at SETUP + adjust = depth kept (with: -1)
    int outer;  // the handler active around this one, -1 for none
    int depth;  // filled by the assembler
} SpHandler;

// An ordered, indexed list of objects (co_consts, co_names, varnames,
// cellvars, freevars): lookups by value, items in first-added order.
typedef struct SpObjList {
    SpObject **items; // owned references
    int n, cap;
    int *slots; // open addressing over items (-1 empty)
    int nslots;
    int is_consts; // compare with the type-aware constant key
} SpObjList;

// Frame blocks: the compile-time stack of loops, try blocks, with blocks
// and handlers that return/break/continue must unwind.
typedef enum {
    SP_FB_WHILE,
    SP_FB_FOR,
    SP_FB_TRY_EXCEPT,
    SP_FB_FINALLY_TRY,
    SP_FB_FINALLY_END,
    SP_FB_WITH,
    SP_FB_HANDLER_CLEANUP,
    SP_FB_POP_VALUE,
    SP_FB_EXCEPTION_HANDLER,
} SpFBlockType;

typedef struct SpFBlock {
    SpFBlockType type;
    int block;         // loops: the label `continue` jumps to
    int exit;          // loops: the label `break` jumps to
    const void *datum; // FINALLY_TRY: SpStmtSeq *; WITH: SpStmt *; HANDLER_CLEANUP: name or NULL
} SpFBlock;

#define SP_MAX_FBLOCKS 20

typedef enum {
    SP_UNIT_MODULE,
    SP_UNIT_CLASS,
    SP_UNIT_FUNCTION,
    SP_UNIT_LAMBDA,
    SP_UNIT_COMPREHENSION,
} SpUnitType;

typedef struct SpUnit {
    struct SpUnit *parent;
    SpSymEntry *ste;
    SpUnitType type;
    SpObject *name;         // co_name (owned)
    SpObject *qualname;     // co_qualname (owned)
    SpObject *private_name; // class name for mangling (borrowed from the AST) or NULL
    SpCgInstr *instrs;
    int ninstrs, capinstrs;
    int *labels; // label -> instruction index, -1 until placed
    int nlabels, caplabels;
    int last_label; // highest instruction index a label was placed at
    SpHandler *handlers;
    int nhandlers, caphandlers;
    int cur_handler;
    SpObjList consts, names, varnames, cellvars, freevars;
    int argcount, posonlyargcount, kwonlyargcount;
    int firstlineno;
    SpCodePosition loc; // the position new instructions get
    SpFBlock fblocks[SP_MAX_FBLOCKS];
    int nfblocks;
} SpUnit;

typedef struct SpCompiler {
    SpObject *filename;
    const char *src;
    ssize_t srclen;
    SpSymtable *st;
    SpArena *arena;
    SpAstMod *mod;
    int future_lineno;      // line of the last valid `from __future__ import`, or -1
    int future_annotations; // `from __future__ import annotations`: annotations are strings
    int flags;              // SP_CF_*
    int interactive;        // SINGLE mode: top-level expression statements print
    int nestlevel;          // units entered (1 = the module)
    SpUnit *u;
    SpObjList const_cache; // module-wide canonical constants (unless NO_CONST_MERGE)
    int depth;             // recursion guard
} SpCompiler;

// --- compile.c ---------------------------------------------------------------

// The type-aware constant key of CPython's _PyCode_ConstantKey, as hash and
// equality: 0, 0.0, -0.0, False stay distinct; tuples compare item-wise.
SP_FUNC SpHash sp_const_hash(SpObject *o);
SP_FUNC int sp_const_equal(SpObject *a, SpObject *b);
// The canonical object for constant o in the module-wide cache (items of
// tuples canonicalised too). New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_compile_merge_const(SpCompiler *c, SpObject *o);

// Intern identifier-like strings of a constant (in place, also inside
// tuples); *o is a new reference that may be replaced.
SP_FUNC void sp_compile_intern_const(SpObject **o);

// --- dis.c ---------------------------------------------------------------------

// The listing sp_disassemble prints, as a new str (or NULL).
SP_FUNC SP_MAY_RAISE SpObject *sp_dis_string(SpObject *code);

// --- codegen.c (units, emission) -----------------------------------------------

SP_FUNC void sp_objlist_free(SpObjList *l);
// Index of o in l, adding it (a new reference is taken) if absent; -1 on error.
SP_FUNC SP_MAY_RAISE int sp_objlist_add(SpObjList *l, SpObject *o);
// Index of o in l or -1 (no error).
SP_FUNC int sp_objlist_find(SpObjList *l, SpObject *o);

// The docstring of a body (its first statement is a string constant), borrowed, or NULL.
SP_FUNC SpObject *sp_codegen_docstring(SpStmtSeq body);

// Compile a whole module tree into a code object. New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_codegen_module(SpCompiler *c, SpAstMod *mod);

// --- fold.c --------------------------------------------------------------------

// Fold constants in the tree in place (annotations too, unless they are to
// become strings). 0, or -1 (MemoryError, RecursionError).
SP_FUNC SP_MAY_RAISE int sp_fold_constants(SpAstMod *mod, SpArena *arena, int future_annotations);

// --- unparse.c -----------------------------------------------------------------

// The source text of an expression, normalised as CPython's ast unparser
// (for postponed annotations). New str or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_ast_unparse(SpExpr *e);

// --- assemble.c ----------------------------------------------------------------

// Turn the finished unit into a code object (resolving labels, removing
// unreachable code, computing the exception table, stack depth and
// localsplus layout). New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_assemble(SpCompiler *c, SpUnit *u);
// Stack effect of an instruction: on the fall-through path (jump = 0) or
// when it jumps (jump = 1).
SP_FUNC int sp_opcode_stack_effect(int op, int arg, int jump);

// --- code generator internals (codegen.c, codegen_stmt.c, codegen_expr.c) ----

#define SP_POS_OF(node)                                                                            \
    ((SpCodePosition){(node)->lineno, (node)->end_lineno, (node)->col_offset,                      \
                      (node)->end_col_offset})
// Instructions emitted next are artificial: they take the previous position.
#define SP_UNSET_LOC(c) ((c)->u->loc = (SpCodePosition){-1, -1, -1, -1})

// Append an instruction at the current position. 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_cg_emit(SpCompiler *c, int op, int arg);
// Labels: new_label returns a label number (or -1); use_label places it
// before the next instruction emitted.
SP_FUNC SP_MAY_RAISE int sp_cg_new_label(SpCompiler *c);
SP_FUNC void sp_cg_use_label(SpCompiler *c, int label);
// co_consts index of o (merged module-wide), or -1.
SP_FUNC SP_MAY_RAISE int sp_cg_add_const(SpCompiler *c, SpObject *o);
// LOAD_CONST o (borrowed / stolen; the _steal form accepts NULL as failure).
SP_FUNC SP_MAY_RAISE int sp_cg_emit_const(SpCompiler *c, SpObject *o);
SP_FUNC SP_MAY_RAISE int sp_cg_emit_const_steal(SpCompiler *c, SP_STEALS SpObject *o);
// An instruction on a co_names entry (the name is mangled first).
SP_FUNC SP_MAY_RAISE int sp_cg_emit_name(SpCompiler *c, int op, SpObject *name);
// Load, store or delete a variable with the opcode its scope needs.
SP_FUNC SP_MAY_RAISE int sp_cg_nameop(SpCompiler *c, SpObject *name, SpExprContext ctx);
SP_FUNC SP_MAY_RAISE int sp_cg_nameop_cstr(SpCompiler *c, const char *name, SpExprContext ctx);
// Exception handlers: setup protects the instructions emitted next with a
// handler at `label` (lasti: push the instruction index too; adjust: added
// to the depth at this point); pop_block ends the innermost region.
SP_FUNC SP_MAY_RAISE int sp_cg_setup(SpCompiler *c, int label, int lasti, int adjust);
SP_FUNC void sp_cg_pop_block(SpCompiler *c);
// Frame blocks for return/break/continue.
SP_FUNC SP_MAY_RAISE int sp_cg_push_fblock(SpCompiler *c, SpFBlockType type, int block, int exit,
                                           const void *datum);
SP_FUNC void sp_cg_pop_fblock(SpCompiler *c);
// SyntaxWarning at the current line, printed to sys.stderr. 0 or -1.
SP_FUNC int sp_cg_warn(SpCompiler *c, const char *fmt, ...);
// SyntaxError at the current position (code-generator style). Returns NULL.
SP_FUNC SpObject *sp_cg_error(SpCompiler *c, const char *fmt, ...);
// Free every open unit (after an error).
SP_FUNC void sp_codegen_free_units(SpCompiler *c);

// Statements and expressions. 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_cg_stmt(SpCompiler *c, SpStmt *s);
SP_FUNC SP_MAY_RAISE int sp_cg_stmts(SpCompiler *c, SpStmtSeq seq);
SP_FUNC SP_MAY_RAISE int sp_cg_expr(SpCompiler *c, SpExpr *e);
SP_FUNC SP_MAY_RAISE int sp_cg_exprs(SpCompiler *c, SpExprSeq seq);
// Jump to `label` if e is true (cond = 1) or false (cond = 0), else fall through.
SP_FUNC SP_MAY_RAISE int sp_cg_jump_if(SpCompiler *c, SpExpr *e, int label, int cond);
// The argument part of a call whose callable (and `n` leading arguments)
// are on the stack: CALL or CALL_FUNCTION_EX.
SP_FUNC SP_MAY_RAISE int sp_cg_call_helper(SpCompiler *c, int n, SpExprSeq args,
                                           SpKeywordSeq keywords);
// BINARY_OP argument for an AST operator (add SP_NB_INPLACE_ADD for `op=`).
SP_FUNC int sp_cg_binop_arg(SpOperator op);
// For an attribute spanning lines, move the current start to its name.
SP_FUNC void sp_cg_attr_location(SpCompiler *c, SpExpr *attr);
// Scoped constructs (codegen.c).
SP_FUNC SP_MAY_RAISE int sp_cg_function(SpCompiler *c, SpStmt *s);
SP_FUNC SP_MAY_RAISE int sp_cg_class(SpCompiler *c, SpStmt *s);
SP_FUNC SP_MAY_RAISE int sp_cg_lambda(SpCompiler *c, SpExpr *e);
SP_FUNC SP_MAY_RAISE int sp_cg_comprehension(SpCompiler *c, SpExpr *e);

#endif // SP_COMPILER_CODEGEN_H
