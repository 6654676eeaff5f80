// smallpy: code generation for statements: assignments, control flow,
// loops, try/except/finally and with (CPython 3.11's zero-cost layout: the
// finally body is copied onto the normal path, handlers live in the
// exception table), return/break/continue unwinding through those blocks,
// imports, assert, raise, del. Counterpart: CPython 3.11 Python/compile.c
// (compiler_visit_stmt and the compiler_* functions it calls).
#define SP_COMPILER_INTERNAL
#include "compiler/codegen.h"

#include "core/err.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

#define MAX_DEPTH 3000

// BINARY_OP argument of an AST operator; add SP_NB_INPLACE_ADD for `op=`.
int sp_cg_binop_arg(SpOperator op) {
    switch (op) {
    case SP_BINOP_ADD:
        return SP_NB_ADD;
    case SP_BINOP_SUB:
        return SP_NB_SUBTRACT;
    case SP_BINOP_MULT:
        return SP_NB_MULTIPLY;
    case SP_BINOP_MATMULT:
        return SP_NB_MATRIX_MULTIPLY;
    case SP_BINOP_DIV:
        return SP_NB_TRUE_DIVIDE;
    case SP_BINOP_MOD:
        return SP_NB_REMAINDER;
    case SP_BINOP_POW:
        return SP_NB_POWER;
    case SP_BINOP_LSHIFT:
        return SP_NB_LSHIFT;
    case SP_BINOP_RSHIFT:
        return SP_NB_RSHIFT;
    case SP_BINOP_BITOR:
        return SP_NB_OR;
    case SP_BINOP_BITXOR:
        return SP_NB_XOR;
    case SP_BINOP_BITAND:
        return SP_NB_AND;
    case SP_BINOP_FLOORDIV:
        return SP_NB_FLOOR_DIVIDE;
    }
    return SP_NB_ADD;
}

// A statement list, in order.
int sp_cg_stmts(SpCompiler *c, SpStmtSeq seq) {
    for (ssize_t i = 0; i < seq.n; i++) {
        if (sp_cg_stmt(c, seq.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Unwinding the frame blocks for return, break and continue

// `except ... as name:` ends with name = None; del name.
static int clear_handler_name(SpCompiler *c, SpObject *name) {
    if (sp_cg_emit_const(c, sp_None) < 0 || sp_cg_nameop(c, name, SP_CTX_STORE) < 0) {
        return -1;
    }
    return sp_cg_nameop(c, name, SP_CTX_DEL);
}

// exit(None, None, None) with `exit` below the three Nones: CALL 2 calls
// exit(None, None, None) since exit takes the "method" slot.
static int call_exit_with_nones(SpCompiler *c) {
    for (int i = 0; i < 3; i++) {
        if (sp_cg_emit_const(c, sp_None) < 0) {
            return -1;
        }
    }
    return sp_cg_emit(c, SP_OP_CALL, 2);
}

// Emit what leaving block `info` early requires. preserve_tos: a return
// value is on top of the stack and must stay there.
static int unwind_fblock(SpCompiler *c, SpFBlock *info, int preserve_tos) {
    switch (info->type) {
    case SP_FB_WHILE:
    case SP_FB_EXCEPTION_HANDLER:
        return 0;
    case SP_FB_FOR:
        // Pop the iterator.
        if (preserve_tos && sp_cg_emit(c, SP_OP_SWAP, 2) < 0) {
            return -1;
        }
        return sp_cg_emit(c, SP_OP_POP_TOP, 0);
    case SP_FB_TRY_EXCEPT:
        sp_cg_pop_block(c);
        return 0;
    case SP_FB_FINALLY_TRY:
        // Run a copy of the finally body.
        sp_cg_pop_block(c);
        if (preserve_tos && sp_cg_push_fblock(c, SP_FB_POP_VALUE, -1, -1, NULL) < 0) {
            return -1;
        }
        if (sp_cg_stmts(c, *(const SpStmtSeq *)info->datum) < 0) {
            return -1;
        }
        if (preserve_tos) {
            sp_cg_pop_fblock(c);
        }
        // The return that follows appears to run after the finally body.
        SP_UNSET_LOC(c);
        return 0;
    case SP_FB_FINALLY_END:
        if (preserve_tos && sp_cg_emit(c, SP_OP_SWAP, 2) < 0) {
            return -1;
        }
        if (sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0) { // the exception
            return -1;
        }
        if (preserve_tos && sp_cg_emit(c, SP_OP_SWAP, 2) < 0) {
            return -1;
        }
        sp_cg_pop_block(c);
        return sp_cg_emit(c, SP_OP_POP_EXCEPT, 0);
    case SP_FB_WITH: {
        const SpStmt *s = info->datum;
        c->u->loc = SP_POS_OF(s);
        sp_cg_pop_block(c);
        if (preserve_tos && sp_cg_emit(c, SP_OP_SWAP, 2) < 0) {
            return -1;
        }
        if (call_exit_with_nones(c) < 0 || sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0) {
            return -1;
        }
        SP_UNSET_LOC(c);
        return 0;
    }
    case SP_FB_HANDLER_CLEANUP: {
        SpObject *name = (SpObject *)info->datum;
        if (name != NULL) {
            sp_cg_pop_block(c);
        }
        if (preserve_tos && sp_cg_emit(c, SP_OP_SWAP, 2) < 0) {
            return -1;
        }
        sp_cg_pop_block(c);
        if (sp_cg_emit(c, SP_OP_POP_EXCEPT, 0) < 0) {
            return -1;
        }
        return name != NULL ? clear_handler_name(c, name) : 0;
    }
    case SP_FB_POP_VALUE:
        if (preserve_tos && sp_cg_emit(c, SP_OP_SWAP, 2) < 0) {
            return -1;
        }
        return sp_cg_emit(c, SP_OP_POP_TOP, 0);
    }
    return 0;
}

// Unwind every block (return), or up to the innermost loop (break,
// continue: *loop receives it, NULL if there is none). The block stack and
// the handler stack are restored afterwards: the code after a return still
// belongs to the blocks around it.
static int unwind_fblock_stack(SpCompiler *c, int preserve_tos, SpFBlock **loop) {
    SpUnit *u = c->u;
    if (u->nfblocks == 0) {
        return 0;
    }
    SpFBlock *top = &u->fblocks[u->nfblocks - 1];
    if (loop != NULL && (top->type == SP_FB_WHILE || top->type == SP_FB_FOR)) {
        *loop = top;
        return 0;
    }
    SpFBlock copy = *top;
    u->nfblocks--;
    if (unwind_fblock(c, &copy, preserve_tos) < 0 ||
        unwind_fblock_stack(c, preserve_tos, loop) < 0) {
        return -1;
    }
    u->fblocks[u->nfblocks++] = copy;
    return 0;
}

static int compile_return(SpCompiler *c, SpStmt *s) {
    SpExpr *value = s->v.Return.value;
    int preserve_tos = value != NULL && value->kind != SP_EXPR_CONSTANT;
    if (c->u->ste->type != SP_BLOCK_FUNCTION) {
        sp_cg_error(c, "'return' outside function");
        return -1;
    }
    // A computed value is evaluated before leaving the blocks (finally bodies
    // run after it); a constant is loaded after the unwinding.
    if (preserve_tos) {
        if (sp_cg_expr(c, value) < 0) {
            return -1;
        }
    } else if (value != NULL) {
        // The line of a constant return value (for tracing), as CPython.
        c->u->loc = SP_POS_OF(value);
        if (sp_cg_emit(c, SP_OP_NOP, 0) < 0) {
            return -1;
        }
    }
    if (value == NULL || value->lineno != s->lineno) {
        c->u->loc = SP_POS_OF(s);
        if (sp_cg_emit(c, SP_OP_NOP, 0) < 0) {
            return -1;
        }
    }
    // Unwinding pops handlers as the blocks' POP_BLOCKs would; the code after
    // the return still belongs to the blocks, so the handler comes back.
    int saved_handler = c->u->cur_handler;
    if (unwind_fblock_stack(c, preserve_tos, NULL) < 0) {
        return -1;
    }
    int r;
    if (value == NULL) {
        r = sp_cg_emit_const(c, sp_None);
    } else if (!preserve_tos) {
        r = sp_cg_emit_const(c, value->v.Constant.value);
    } else {
        r = 0;
    }
    if (r < 0 || sp_cg_emit(c, SP_OP_RETURN_VALUE, 0) < 0) {
        return -1;
    }
    c->u->cur_handler = saved_handler;
    return 0;
}

static int compile_break_continue(SpCompiler *c, int is_break) {
    SpFBlock *loop = NULL;
    if (sp_cg_emit(c, SP_OP_NOP, 0) < 0) { // the statement's line
        return -1;
    }
    int saved_handler = c->u->cur_handler;
    if (unwind_fblock_stack(c, 0, &loop) < 0) {
        return -1;
    }
    if (loop == NULL) {
        sp_cg_error(c, is_break ? "'break' outside loop" : "'continue' not properly in loop");
        return -1;
    }
    // break also leaves the loop itself (a for loop's iterator); continue
    // stays inside it.
    if (is_break) {
        // Leaving the loop itself: a for loop's iterator goes too.
        SpFBlock copy = *loop;
        if (unwind_fblock(c, &copy, 0) < 0) {
            return -1;
        }
    }
    if (sp_cg_emit(c, SP_OP_JUMP, is_break ? loop->exit : loop->block) < 0) {
        return -1;
    }
    c->u->cur_handler = saved_handler;
    return 0;
}

// ---------------------------------------------------------------------------
// Loops and conditionals

// if/elif/else: the test jumps over the body when false; a body followed by
// an else ends with a jump over it.
static int compile_if(SpCompiler *c, SpStmt *s) {
    int end = sp_cg_new_label(c);
    if (end < 0) {
        return -1;
    }
    int next = end;
    if (s->v.If.orelse.n > 0 && (next = sp_cg_new_label(c)) < 0) {
        return -1;
    }
    if (sp_cg_jump_if(c, s->v.If.test, next, 0) < 0 || sp_cg_stmts(c, s->v.If.body) < 0) {
        return -1;
    }
    if (s->v.If.orelse.n > 0) {
        SP_UNSET_LOC(c);
        if (sp_cg_emit(c, SP_OP_JUMP, end) < 0) {
            return -1;
        }
        sp_cg_use_label(c, next);
        if (sp_cg_stmts(c, s->v.If.orelse) < 0) {
            return -1;
        }
    }
    sp_cg_use_label(c, end);
    return 0;
}

// for: the iterator stays on the stack for the whole loop (break pops it);
// FOR_ITER pops it and leaves when exhausted; the else clause runs after a
// normal exhaustion only, since break jumps past it.
static int compile_for(SpCompiler *c, SpStmt *s) {
    int start = sp_cg_new_label(c), cleanup = sp_cg_new_label(c), end = sp_cg_new_label(c);
    if (start < 0 || cleanup < 0 || end < 0) {
        return -1;
    }
    if (sp_cg_push_fblock(c, SP_FB_FOR, start, end, NULL) < 0) {
        return -1;
    }
    if (sp_cg_expr(c, s->v.For.iter) < 0 || sp_cg_emit(c, SP_OP_GET_ITER, 0) < 0) {
        return -1;
    }
    sp_cg_use_label(c, start);
    if (sp_cg_emit(c, SP_OP_FOR_ITER, cleanup) < 0 || sp_cg_expr(c, s->v.For.target) < 0 ||
        sp_cg_stmts(c, s->v.For.body) < 0) {
        return -1;
    }
    SP_UNSET_LOC(c);
    if (sp_cg_emit(c, SP_OP_JUMP, start) < 0) {
        return -1;
    }
    sp_cg_use_label(c, cleanup);
    sp_cg_pop_fblock(c);
    if (sp_cg_stmts(c, s->v.For.orelse) < 0) {
        return -1;
    }
    sp_cg_use_label(c, end);
    return 0;
}

static int compile_while(SpCompiler *c, SpStmt *s) {
    // The test is compiled twice: at the top (skip the loop) and at the
    // bottom (jump back), as CPython 3.11 does.
    int loop = sp_cg_new_label(c), body = sp_cg_new_label(c), anchor = sp_cg_new_label(c),
        end = sp_cg_new_label(c);
    if (loop < 0 || body < 0 || anchor < 0 || end < 0) {
        return -1;
    }
    sp_cg_use_label(c, loop);
    if (sp_cg_push_fblock(c, SP_FB_WHILE, loop, end, NULL) < 0 ||
        sp_cg_jump_if(c, s->v.While.test, anchor, 0) < 0) {
        return -1;
    }
    sp_cg_use_label(c, body);
    if (sp_cg_stmts(c, s->v.While.body) < 0) {
        return -1;
    }
    c->u->loc = SP_POS_OF(s);
    if (sp_cg_jump_if(c, s->v.While.test, body, 1) < 0) {
        return -1;
    }
    sp_cg_pop_fblock(c);
    sp_cg_use_label(c, anchor);
    if (sp_cg_stmts(c, s->v.While.orelse) < 0) {
        return -1;
    }
    sp_cg_use_label(c, end);
    return 0;
}

// ---------------------------------------------------------------------------
// try / except / finally

// The cleanup of a handler: restore the previous exception and re-raise,
// keeping the original instruction index (COPY 3; POP_EXCEPT; RERAISE 1).
static int pop_except_and_reraise(SpCompiler *c) {
    if (sp_cg_emit(c, SP_OP_COPY, 3) < 0 || sp_cg_emit(c, SP_OP_POP_EXCEPT, 0) < 0) {
        return -1;
    }
    return sp_cg_emit(c, SP_OP_RERAISE, 1);
}

// try/except/else. The layout (stack in brackets):
//     SETUP except; body; POP_BLOCK; else-body; JUMP end
//   except: [exc] SETUP cleanup; PUSH_EXC_INFO [prev exc]
//     per clause: type; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next;
//                 bind or pop exc; body; POP_EXCEPT; JUMP end
//     no match: RERAISE 0
//   cleanup: [prev lasti exc] COPY 3; POP_EXCEPT; RERAISE 1
//   end:
static int compile_try_except(SpCompiler *c, SpStmt *s) {
    int except = sp_cg_new_label(c), end = sp_cg_new_label(c), cleanup = sp_cg_new_label(c);
    if (except < 0 || end < 0 || cleanup < 0) {
        return -1;
    }
    // The body, protected by the handlers.
    if (sp_cg_setup(c, except, 0, 0) < 0 ||
        sp_cg_push_fblock(c, SP_FB_TRY_EXCEPT, -1, -1, NULL) < 0 ||
        sp_cg_stmts(c, s->v.Try.body) < 0) {
        return -1;
    }
    sp_cg_pop_fblock(c);
    sp_cg_pop_block(c);
    if (sp_cg_stmts(c, s->v.Try.orelse) < 0) {
        return -1;
    }
    SP_UNSET_LOC(c);
    if (sp_cg_emit(c, SP_OP_JUMP, end) < 0) {
        return -1;
    }
    // The handlers: [exc] on the stack; the handled exception is saved by
    // PUSH_EXC_INFO and restored by POP_EXCEPT (or by `cleanup` if the
    // handler itself raises).
    sp_cg_use_label(c, except);
    SP_UNSET_LOC(c);
    if (sp_cg_setup(c, cleanup, 1, 0) < 0 || sp_cg_emit(c, SP_OP_PUSH_EXC_INFO, 0) < 0 ||
        sp_cg_push_fblock(c, SP_FB_EXCEPTION_HANDLER, -1, -1, NULL) < 0) {
        return -1;
    }
    // The clauses all run under the `cleanup` handler (h_clauses); each
    // successful clause pops it before leaving.
    int h_clauses = c->u->cur_handler;
    ssize_t n = s->v.Try.handlers.n;
    for (ssize_t i = 0; i < n; i++) {
        SpExceptHandler *h = s->v.Try.handlers.items[i];
        c->u->cur_handler = h_clauses;
        c->u->loc = SP_POS_OF(h);
        if (h->type == NULL && i < n - 1) {
            sp_cg_error(c, "default 'except:' must be last");
            return -1;
        }
        int next = sp_cg_new_label(c);
        if (next < 0) {
            return -1;
        }
        if (h->type != NULL) {
            if (sp_cg_expr(c, h->type) < 0 || sp_cg_emit(c, SP_OP_CHECK_EXC_MATCH, 0) < 0 ||
                sp_cg_emit(c, SP_OP_POP_JUMP_IF_FALSE, next) < 0) {
                return -1;
            }
        }
        if (h->name != NULL) {
            // except E as name: the body runs in a try/finally that clears name.
            int cleanup_end = sp_cg_new_label(c);
            if (cleanup_end < 0 || sp_cg_nameop(c, h->name, SP_CTX_STORE) < 0 ||
                sp_cg_setup(c, cleanup_end, 1, 0) < 0 ||
                sp_cg_push_fblock(c, SP_FB_HANDLER_CLEANUP, -1, -1, h->name) < 0 ||
                sp_cg_stmts(c, h->body) < 0) {
                return -1;
            }
            sp_cg_pop_fblock(c);
            SP_UNSET_LOC(c);
            sp_cg_pop_block(c);
            sp_cg_pop_block(c);
            if (sp_cg_emit(c, SP_OP_POP_EXCEPT, 0) < 0 || clear_handler_name(c, h->name) < 0 ||
                sp_cg_emit(c, SP_OP_JUMP, end) < 0) {
                return -1;
            }
            // The body raised: clear the name and re-raise (into `cleanup`).
            sp_cg_use_label(c, cleanup_end);
            c->u->cur_handler = h_clauses;
            SP_UNSET_LOC(c);
            if (clear_handler_name(c, h->name) < 0 || sp_cg_emit(c, SP_OP_RERAISE, 1) < 0) {
                return -1;
            }
        } else {
            // The body starts a new basic block (which matters to positions).
            int body = sp_cg_new_label(c);
            if (body < 0 || sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0) {
                return -1;
            }
            sp_cg_use_label(c, body);
            if (sp_cg_push_fblock(c, SP_FB_HANDLER_CLEANUP, -1, -1, NULL) < 0 ||
                sp_cg_stmts(c, h->body) < 0) {
                return -1;
            }
            sp_cg_pop_fblock(c);
            SP_UNSET_LOC(c);
            sp_cg_pop_block(c);
            if (sp_cg_emit(c, SP_OP_POP_EXCEPT, 0) < 0 || sp_cg_emit(c, SP_OP_JUMP, end) < 0) {
                return -1;
            }
        }
        sp_cg_use_label(c, next);
    }
    // No clause matched: re-raise.
    c->u->cur_handler = h_clauses;
    SP_UNSET_LOC(c);
    sp_cg_pop_fblock(c);
    if (sp_cg_emit(c, SP_OP_RERAISE, 0) < 0) {
        return -1;
    }
    sp_cg_pop_block(c);
    sp_cg_use_label(c, cleanup);
    if (pop_except_and_reraise(c) < 0) {
        return -1;
    }
    sp_cg_use_label(c, end);
    return 0;
}

// try/finally: the finally body is compiled twice, once on the normal path
// (and once more for every return/break/continue leaving the try, by the
// unwinding above) and once as the exception handler that re-raises.
static int compile_try_finally(SpCompiler *c, SpStmt *s) {
    int end = sp_cg_new_label(c), exit = sp_cg_new_label(c), cleanup = sp_cg_new_label(c);
    if (end < 0 || exit < 0 || cleanup < 0) {
        return -1;
    }
    // The body (with its except clauses), then a copy of the finally body
    // on the normal path.
    if (sp_cg_setup(c, end, 0, 0) < 0 ||
        sp_cg_push_fblock(c, SP_FB_FINALLY_TRY, -1, -1, &s->v.Try.finalbody) < 0) {
        return -1;
    }
    if (s->v.Try.handlers.n > 0 ? compile_try_except(c, s) < 0
                                : sp_cg_stmts(c, s->v.Try.body) < 0) {
        return -1;
    }
    sp_cg_pop_block(c);
    sp_cg_pop_fblock(c);
    if (sp_cg_stmts(c, s->v.Try.finalbody) < 0) {
        return -1;
    }
    SP_UNSET_LOC(c);
    if (sp_cg_emit(c, SP_OP_JUMP, exit) < 0) {
        return -1;
    }
    // The exceptional path: the finally body again, then re-raise.
    sp_cg_use_label(c, end);
    SP_UNSET_LOC(c);
    if (sp_cg_setup(c, cleanup, 1, 0) < 0 || sp_cg_emit(c, SP_OP_PUSH_EXC_INFO, 0) < 0 ||
        sp_cg_push_fblock(c, SP_FB_FINALLY_END, -1, -1, NULL) < 0 ||
        sp_cg_stmts(c, s->v.Try.finalbody) < 0) {
        return -1;
    }
    sp_cg_pop_fblock(c);
    if (sp_cg_emit(c, SP_OP_RERAISE, 0) < 0) {
        return -1;
    }
    sp_cg_pop_block(c);
    sp_cg_use_label(c, cleanup);
    if (pop_except_and_reraise(c) < 0) {
        return -1;
    }
    sp_cg_use_label(c, exit);
    return 0;
}

// ---------------------------------------------------------------------------
// with

// After WITH_EXCEPT_START: if __exit__ returned true the exception is
// swallowed, else re-raised with the original instruction index.
static int with_except_finish(SpCompiler *c, int cleanup) {
    SP_UNSET_LOC(c);
    int h_cleanup = c->u->cur_handler;
    int exit = sp_cg_new_label(c);
    if (exit < 0 || sp_cg_emit(c, SP_OP_POP_JUMP_IF_TRUE, exit) < 0 ||
        sp_cg_emit(c, SP_OP_RERAISE, 2) < 0) {
        return -1;
    }
    sp_cg_pop_block(c);
    sp_cg_use_label(c, cleanup);
    if (pop_except_and_reraise(c) < 0) {
        return -1;
    }
    // Swallowed: stack exit lasti prev_exc exc.
    sp_cg_use_label(c, exit);
    c->u->cur_handler = h_cleanup;
    if (sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0) {
        return -1;
    }
    sp_cg_pop_block(c);
    if (sp_cg_emit(c, SP_OP_POP_EXCEPT, 0) < 0 || sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0 ||
        sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0) {
        return -1;
    }
    return 0;
}

// with a as x, b as y: nested, one item at a time. Normal exit calls
// exit(None, None, None); an exception goes to WITH_EXCEPT_START, which
// calls exit(type, exc, tb) and swallows the exception if it returns true.
static int compile_with(SpCompiler *c, SpStmt *s, ssize_t pos) {
    SpWithItem *item = s->v.With.items.items[pos];
    int final = sp_cg_new_label(c), exit = sp_cg_new_label(c), cleanup = sp_cg_new_label(c);
    if (final < 0 || exit < 0 || cleanup < 0) {
        return -1;
    }
    // BEFORE_WITH leaves [exit enter_result]; if the body raises, the
    // handler unwinds to [exit] and pushes lasti and the exception.
    // mgr -> exit enter_result; the handler keeps `exit` (depth - 1).
    if (sp_cg_expr(c, item->context_expr) < 0 || sp_cg_emit(c, SP_OP_BEFORE_WITH, 0) < 0 ||
        sp_cg_setup(c, final, 1, -1) < 0 || sp_cg_push_fblock(c, SP_FB_WITH, -1, final, s) < 0) {
        return -1;
    }
    if (item->optional_vars != NULL) {
        if (sp_cg_expr(c, item->optional_vars) < 0) {
            return -1;
        }
    } else if (sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0) {
        return -1;
    }
    if (pos + 1 == s->v.With.items.n) {
        if (sp_cg_stmts(c, s->v.With.body) < 0) {
            return -1;
        }
    } else if (compile_with(c, s, pos + 1) < 0) {
        return -1;
    }
    SP_UNSET_LOC(c);
    sp_cg_pop_block(c);
    sp_cg_pop_fblock(c);
    // Normal exit: exit(None, None, None).
    c->u->loc = SP_POS_OF(s);
    if (call_exit_with_nones(c) < 0 || sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0 ||
        sp_cg_emit(c, SP_OP_JUMP, exit) < 0) {
        return -1;
    }
    // Exceptional exit: stack exit lasti exc.
    sp_cg_use_label(c, final);
    if (sp_cg_setup(c, cleanup, 1, 0) < 0 || sp_cg_emit(c, SP_OP_PUSH_EXC_INFO, 0) < 0 ||
        sp_cg_emit(c, SP_OP_WITH_EXCEPT_START, 0) < 0 || with_except_finish(c, cleanup) < 0) {
        return -1;
    }
    sp_cg_use_label(c, exit);
    return 0;
}

// ---------------------------------------------------------------------------
// Assignment forms

// x op= v: the target's container (and key) are evaluated once and kept on
// the stack (COPY), the in-place BINARY_OP runs, and the result is stored
// back (SWAP to reorder). Loads and stores take the target's position.
static int compile_augassign(SpCompiler *c, SpStmt *s) {
    SpExpr *e = s->v.AugAssign.target;
    SpCodePosition saved = c->u->loc;
    c->u->loc = SP_POS_OF(e);
    switch (e->kind) {
    case SP_EXPR_ATTRIBUTE:
        if (sp_cg_expr(c, e->v.Attribute.value) < 0 || sp_cg_emit(c, SP_OP_COPY, 1) < 0) {
            return -1;
        }
        sp_cg_attr_location(c, e);
        if (sp_cg_emit_name(c, SP_OP_LOAD_ATTR, e->v.Attribute.attr) < 0) {
            return -1;
        }
        break;
    case SP_EXPR_SUBSCRIPT:
        if (sp_cg_expr(c, e->v.Subscript.value) < 0 || sp_cg_expr(c, e->v.Subscript.slice) < 0 ||
            sp_cg_emit(c, SP_OP_COPY, 2) < 0 || sp_cg_emit(c, SP_OP_COPY, 2) < 0 ||
            sp_cg_emit(c, SP_OP_BINARY_SUBSCR, 0) < 0) {
            return -1;
        }
        break;
    case SP_EXPR_NAME:
        if (sp_cg_nameop(c, e->v.Name.id, SP_CTX_LOAD) < 0) {
            return -1;
        }
        break;
    default:
        sp_err_set_string(&SpExc_SystemError, "invalid node type for augmented assignment");
        return -1;
    }
    c->u->loc = saved;
    if (sp_cg_expr(c, s->v.AugAssign.value) < 0 ||
        sp_cg_emit(c, SP_OP_BINARY_OP, sp_cg_binop_arg(s->v.AugAssign.op) + SP_NB_INPLACE_ADD) <
            0) {
        return -1;
    }
    c->u->loc = SP_POS_OF(e);
    switch (e->kind) {
    case SP_EXPR_ATTRIBUTE:
        sp_cg_attr_location(c, e);
        if (sp_cg_emit(c, SP_OP_SWAP, 2) < 0) {
            return -1;
        }
        return sp_cg_emit_name(c, SP_OP_STORE_ATTR, e->v.Attribute.attr);
    case SP_EXPR_SUBSCRIPT:
        if (sp_cg_emit(c, SP_OP_SWAP, 3) < 0 || sp_cg_emit(c, SP_OP_SWAP, 2) < 0) {
            return -1;
        }
        return sp_cg_emit(c, SP_OP_STORE_SUBSCR, 0);
    default:
        return sp_cg_nameop(c, e->v.Name.id, SP_CTX_STORE);
    }
}

// The annotation's value: the expression, or with `from __future__ import
// annotations` its source text.
static int annotation_value(SpCompiler *c, SpExpr *annotation) {
    if (c->future_annotations) {
        return sp_cg_emit_const_steal(c, sp_ast_unparse(annotation));
    }
    return sp_cg_expr(c, annotation);
}

// x: T = v. The assignment happens first; at module and class level the
// annotation of a simple name goes into __annotations__, while in functions
// annotations are not evaluated at all (as CPython).
static int compile_annassign(SpCompiler *c, SpStmt *s) {
    SpExpr *target = s->v.AnnAssign.target;
    int module_or_class = c->u->type == SP_UNIT_MODULE || c->u->type == SP_UNIT_CLASS;
    if (s->v.AnnAssign.value != NULL) {
        if (sp_cg_expr(c, s->v.AnnAssign.value) < 0 || sp_cg_expr(c, target) < 0) {
            return -1;
        }
    }
    switch (target->kind) {
    case SP_EXPR_NAME:
        // A simple name at module or class level: __annotations__[name] = ann.
        if (s->v.AnnAssign.simple && module_or_class) {
            if (annotation_value(c, s->v.AnnAssign.annotation) < 0 ||
                sp_cg_emit_name(c, SP_OP_LOAD_NAME, sp_id(__annotations__)) < 0 ||
                sp_cg_emit_const_steal(c, sp_mangle(c->u->private_name, target->v.Name.id)) < 0 ||
                sp_cg_emit(c, SP_OP_STORE_SUBSCR, 0) < 0) {
                return -1;
            }
        }
        break;
    case SP_EXPR_ATTRIBUTE:
        // `x.y: int` alone still evaluates x.
        if (s->v.AnnAssign.value == NULL &&
            (sp_cg_expr(c, target->v.Attribute.value) < 0 || sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0)) {
            return -1;
        }
        break;
    case SP_EXPR_SUBSCRIPT:
        if (s->v.AnnAssign.value == NULL) {
            if (sp_cg_expr(c, target->v.Subscript.value) < 0 ||
                sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0) {
                return -1;
            }
            // The index is evaluated too (its slices item by item).
            SpExpr *sl = target->v.Subscript.slice;
            SpExprSeq parts = {1, &sl};
            if (sl->kind == SP_EXPR_TUPLE) {
                parts = sl->v.Tuple.elts;
            }
            for (ssize_t i = 0; i < parts.n; i++) {
                SpExpr *p = parts.items[i];
                SpExpr *subs[3] = {p, NULL, NULL};
                int nsubs = 1;
                if (p->kind == SP_EXPR_SLICE) {
                    subs[0] = p->v.Slice.lower;
                    subs[1] = p->v.Slice.upper;
                    subs[2] = p->v.Slice.step;
                    nsubs = 3;
                }
                for (int k = 0; k < nsubs; k++) {
                    if (subs[k] != NULL &&
                        (sp_cg_expr(c, subs[k]) < 0 || sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0)) {
                        return -1;
                    }
                }
            }
        }
        break;
    default:
        sp_err_set_string(&SpExc_SystemError, "invalid node type for annotated assignment");
        return -1;
    }
    // Other annotations are still evaluated at module and class level.
    if (!s->v.AnnAssign.simple && module_or_class) {
        if (annotation_value(c, s->v.AnnAssign.annotation) < 0 ||
            sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Imports

static int find_dot(SpObject *s, ssize_t from) {
    for (ssize_t i = from; i < SP_STR_LENGTH(s); i++) {
        if (SP_STR_READ_CHAR(s, i) == '.') {
            return (int)i;
        }
    }
    return -1;
}

// `import a.b.c as d`: IMPORT_NAME gave the top package; walk down with
// IMPORT_FROM and bind the last module.
static int import_as(SpCompiler *c, SpObject *name, SpObject *asname) {
    int dot = find_dot(name, 0);
    if (dot < 0) {
        return sp_cg_nameop(c, asname, SP_CTX_STORE);
    }
    ssize_t len = SP_STR_LENGTH(name);
    for (;;) {
        ssize_t pos = dot + 1;
        dot = find_dot(name, pos);
        SpObject *attr = sp_str_substring(name, pos, dot < 0 ? len : dot);
        if (attr == NULL) {
            return -1;
        }
        int r = sp_cg_emit_name(c, SP_OP_IMPORT_FROM, attr);
        SP_DECREF(attr);
        if (r < 0) {
            return -1;
        }
        if (dot < 0) {
            break;
        }
        if (sp_cg_emit(c, SP_OP_SWAP, 2) < 0 || sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0) {
            return -1;
        }
    }
    if (sp_cg_nameop(c, asname, SP_CTX_STORE) < 0) {
        return -1;
    }
    return sp_cg_emit(c, SP_OP_POP_TOP, 0);
}

// import a.b, c as d: IMPORT_NAME with level 0 and no fromlist each.
static int compile_import(SpCompiler *c, SpStmt *s) {
    for (ssize_t i = 0; i < s->v.Import.names.n; i++) {
        SpAlias *a = s->v.Import.names.items[i];
        if (sp_cg_emit_const_steal(c, sp_int_from_long(0)) < 0 ||
            sp_cg_emit_const(c, sp_None) < 0 ||
            sp_cg_emit_name(c, SP_OP_IMPORT_NAME, a->name) < 0) {
            return -1;
        }
        if (a->asname != NULL) {
            if (import_as(c, a->name, a->asname) < 0) {
                return -1;
            }
            continue;
        }
        // `import a.b.c` binds the top package `a`.
        int dot = find_dot(a->name, 0);
        SpObject *store = dot < 0 ? sp_newref(a->name) : sp_str_substring(a->name, 0, dot);
        if (store == NULL) {
            return -1;
        }
        int r = sp_cg_nameop(c, store, SP_CTX_STORE);
        SP_DECREF(store);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

// from m import a as b, c: one IMPORT_NAME with the fromlist, then
// IMPORT_FROM and a store per name; `import *` ends with IMPORT_STAR.
static int compile_import_from(SpCompiler *c, SpStmt *s) {
    SpAliasSeq names = s->v.ImportFrom.names;
    SpObject *module = s->v.ImportFrom.module;
    if (module != NULL && sp_str_eq_cstr(module, "__future__")) {
        // A compiler directive (checked by compile.c); smallpy has no
        // __future__ module to import at run time.
        if (s->lineno > c->future_lineno) {
            sp_cg_error(c, "from __future__ imports must occur at the beginning of the file");
            return -1;
        }
        return 0;
    }
    SpObject *fromlist = sp_tuple_new(names.n);
    if (fromlist == NULL) {
        return -1;
    }
    for (ssize_t i = 0; i < names.n; i++) {
        SP_TUPLE_SET_ITEM(fromlist, i, sp_newref(names.items[i]->name));
    }
    if (sp_cg_emit_const_steal(c, sp_int_from_long(s->v.ImportFrom.level)) < 0 ||
        sp_cg_emit_const_steal(c, fromlist) < 0) {
        return -1;
    }
    if (module != NULL) {
        if (sp_cg_emit_name(c, SP_OP_IMPORT_NAME, module) < 0) {
            return -1;
        }
    } else if (sp_cg_emit_name(c, SP_OP_IMPORT_NAME, sp_str_empty_borrow()) < 0) {
        return -1;
    }
    for (ssize_t i = 0; i < names.n; i++) {
        SpAlias *a = names.items[i];
        if (i == 0 && sp_str_eq_cstr(a->name, "*")) {
            return sp_cg_emit(c, SP_OP_IMPORT_STAR, 0);
        }
        if (sp_cg_emit_name(c, SP_OP_IMPORT_FROM, a->name) < 0 ||
            sp_cg_nameop(c, a->asname != NULL ? a->asname : a->name, SP_CTX_STORE) < 0) {
            return -1;
        }
    }
    return sp_cg_emit(c, SP_OP_POP_TOP, 0);
}

// ---------------------------------------------------------------------------
// The rest

// assert test, msg: no -O here, so always compiled.
static int compile_assert(SpCompiler *c, SpStmt *s) {
    SpExpr *test = s->v.Assert.test;
    if ((test->kind == SP_EXPR_TUPLE && test->v.Tuple.elts.n > 0) ||
        (test->kind == SP_EXPR_CONSTANT && SP_TUPLE_CHECK(test->v.Constant.value) &&
         SP_TUPLE_SIZE(test->v.Constant.value) > 0)) {
        if (sp_cg_warn(c, "assertion is always true, perhaps remove parentheses?") < 0) {
            return -1;
        }
    }
    int end = sp_cg_new_label(c);
    if (end < 0 || sp_cg_jump_if(c, s->v.Assert.test, end, 1) < 0 ||
        sp_cg_emit(c, SP_OP_LOAD_ASSERTION_ERROR, 0) < 0) {
        return -1;
    }
    if (s->v.Assert.msg != NULL) {
        // AssertionError, msg -> CALL 0 calls AssertionError(msg).
        if (sp_cg_expr(c, s->v.Assert.msg) < 0 || sp_cg_emit(c, SP_OP_CALL, 0) < 0) {
            return -1;
        }
    }
    if (sp_cg_emit(c, SP_OP_RAISE_VARARGS, 1) < 0) {
        return -1;
    }
    sp_cg_use_label(c, end);
    return 0;
}

// An expression statement: its value is dropped, or printed by
// PRINT_EXPR at the top level of an interactive statement.
static int compile_expr_stmt(SpCompiler *c, SpExpr *value) {
    if (c->interactive && c->nestlevel <= 1) {
        if (sp_cg_expr(c, value) < 0) {
            return -1;
        }
        return sp_cg_emit(c, SP_OP_PRINT_EXPR, 0);
    }
    if (value->kind == SP_EXPR_CONSTANT) {
        return sp_cg_emit(c, SP_OP_NOP, 0); // nothing to do but keep the line
    }
    if (sp_cg_expr(c, value) < 0) {
        return -1;
    }
    SP_UNSET_LOC(c);
    return sp_cg_emit(c, SP_OP_POP_TOP, 0);
}

// The dispatcher. Every instruction of a statement starts at the
// statement's position; expressions narrow it to their own spans.
static int stmt_inner(SpCompiler *c, SpStmt *s) {
    c->u->loc = SP_POS_OF(s);
    switch (s->kind) {
    case SP_STMT_FUNCTION_DEF:
        return sp_cg_function(c, s);
    case SP_STMT_CLASS_DEF:
        return sp_cg_class(c, s);
    case SP_STMT_RETURN:
        return compile_return(c, s);
    case SP_STMT_DELETE:
        return sp_cg_exprs(c, s->v.Delete.targets);
    case SP_STMT_ASSIGN: {
        ssize_t n = s->v.Assign.targets.n;
        if (sp_cg_expr(c, s->v.Assign.value) < 0) {
            return -1;
        }
        for (ssize_t i = 0; i < n; i++) {
            if (i < n - 1 && sp_cg_emit(c, SP_OP_COPY, 1) < 0) {
                return -1;
            }
            if (sp_cg_expr(c, s->v.Assign.targets.items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    case SP_STMT_AUG_ASSIGN:
        return compile_augassign(c, s);
    case SP_STMT_ANN_ASSIGN:
        return compile_annassign(c, s);
    case SP_STMT_FOR:
        return compile_for(c, s);
    case SP_STMT_WHILE:
        return compile_while(c, s);
    case SP_STMT_IF:
        return compile_if(c, s);
    case SP_STMT_WITH:
        return compile_with(c, s, 0);
    case SP_STMT_RAISE: {
        int n = 0;
        if (s->v.Raise.exc != NULL) {
            if (sp_cg_expr(c, s->v.Raise.exc) < 0) {
                return -1;
            }
            n++;
            if (s->v.Raise.cause != NULL) {
                if (sp_cg_expr(c, s->v.Raise.cause) < 0) {
                    return -1;
                }
                n++;
            }
        }
        return sp_cg_emit(c, SP_OP_RAISE_VARARGS, n);
    }
    case SP_STMT_TRY:
        if (s->v.Try.finalbody.n > 0) {
            return compile_try_finally(c, s);
        }
        return compile_try_except(c, s);
    case SP_STMT_ASSERT:
        return compile_assert(c, s);
    case SP_STMT_IMPORT:
        return compile_import(c, s);
    case SP_STMT_IMPORT_FROM:
        return compile_import_from(c, s);
    case SP_STMT_GLOBAL:
    case SP_STMT_NONLOCAL:
        return 0;
    case SP_STMT_PASS:
        return sp_cg_emit(c, SP_OP_NOP, 0);
    case SP_STMT_EXPR:
        return compile_expr_stmt(c, s->v.Expr.value);
    case SP_STMT_BREAK:
        return compile_break_continue(c, 1);
    case SP_STMT_CONTINUE:
        return compile_break_continue(c, 0);
    }
    return 0;
}

// A statement, guarding the C stack against absurd nesting.
int sp_cg_stmt(SpCompiler *c, SpStmt *s) {
    if (++c->depth > MAX_DEPTH) {
        sp_err_set_string(&SpExc_RecursionError,
                          "maximum recursion depth exceeded during compilation");
        return -1;
    }
    int r = stmt_inner(c, s);
    c->depth--;
    return r;
}
