// smallpy: the assembler: one unit's instruction list becomes a code object.
// It walks the control flow from the entry (and from each exception
// handler) to find reachable code and the value-stack depth everywhere,
// drops unreachable code and jumps to the next instruction, resolves labels
// to absolute instruction indices, fills in positions of artificial
// instructions, builds the exception table and lays out the localsplus slots.
// Counterpart: CPython 3.11 Python/compile.c (stackdepth, assemble,
// makecode, compute_localsplus_info) and Objects/codeobject.c.
#define SP_COMPILER_INTERNAL
#include "compiler/codegen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/mem.h"
#include "objects/exc.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

// The net change of the value stack, from the "in -- out" of each row of
// opcodes.h. Kept next to the flow analysis that uses it.
int sp_opcode_stack_effect(int op, int arg, int jump) {
    switch (op) {
    case SP_OP_NOP:
    case SP_OP_SWAP:
    case SP_OP_DELETE_FAST:
    case SP_OP_DELETE_DEREF:
    case SP_OP_DELETE_GLOBAL:
    case SP_OP_DELETE_NAME:
    case SP_OP_LOAD_ATTR:
    case SP_OP_KW_NAMES:
    case SP_OP_UNARY_POSITIVE:
    case SP_OP_UNARY_NEGATIVE:
    case SP_OP_UNARY_NOT:
    case SP_OP_UNARY_INVERT:
    case SP_OP_LIST_TO_TUPLE:
    case SP_OP_JUMP:
    case SP_OP_GET_ITER:
    case SP_OP_SETUP_ANNOTATIONS:
    case SP_OP_CHECK_EXC_MATCH:
    case SP_OP_YIELD_VALUE:
    case SP_OP_GET_YIELD_FROM_ITER:
        return 0;
    case SP_OP_POP_TOP:
    case SP_OP_STORE_FAST:
    case SP_OP_STORE_DEREF:
    case SP_OP_STORE_GLOBAL:
    case SP_OP_STORE_NAME:
    case SP_OP_DELETE_ATTR:
    case SP_OP_BINARY_OP:
    case SP_OP_COMPARE_OP:
    case SP_OP_IS_OP:
    case SP_OP_CONTAINS_OP:
    case SP_OP_BINARY_SUBSCR:
    case SP_OP_LIST_APPEND:
    case SP_OP_SET_ADD:
    case SP_OP_LIST_EXTEND:
    case SP_OP_SET_UPDATE:
    case SP_OP_DICT_UPDATE:
    case SP_OP_DICT_MERGE:
    case SP_OP_POP_JUMP_IF_FALSE:
    case SP_OP_POP_JUMP_IF_TRUE:
    case SP_OP_POP_JUMP_IF_NONE:
    case SP_OP_POP_JUMP_IF_NOT_NONE:
    case SP_OP_RETURN_VALUE:
    case SP_OP_IMPORT_NAME:
    case SP_OP_IMPORT_STAR:
    case SP_OP_RERAISE:
    case SP_OP_POP_EXCEPT:
    case SP_OP_YIELD_FROM:
    case SP_OP_GEN_START:
    case SP_OP_PRINT_EXPR:
        return -1;
    case SP_OP_PUSH_NULL:
    case SP_OP_COPY:
    case SP_OP_LOAD_CONST:
    case SP_OP_LOAD_FAST:
    case SP_OP_LOAD_CLOSURE:
    case SP_OP_LOAD_DEREF:
    case SP_OP_LOAD_CLASSDEREF:
    case SP_OP_LOAD_GLOBAL:
    case SP_OP_LOAD_NAME:
    case SP_OP_LOAD_METHOD:
    case SP_OP_LOAD_BUILD_CLASS:
    case SP_OP_LOAD_ASSERTION_ERROR:
    case SP_OP_IMPORT_FROM:
    case SP_OP_PUSH_EXC_INFO:
    case SP_OP_BEFORE_WITH:
    case SP_OP_WITH_EXCEPT_START:
    case SP_OP_GET_LEN:
        return 1;
    case SP_OP_STORE_ATTR:
    case SP_OP_DELETE_SUBSCR:
    case SP_OP_MAP_ADD:
        return -2;
    case SP_OP_STORE_SUBSCR:
        return -3;
    case SP_OP_CALL:
        return -arg - 1;
    case SP_OP_CALL_FUNCTION_EX:
        return (arg & 1) ? -3 : -2;
    case SP_OP_BUILD_SLICE:
    case SP_OP_BUILD_TUPLE:
    case SP_OP_BUILD_LIST:
    case SP_OP_BUILD_SET:
    case SP_OP_BUILD_STRING:
        return 1 - arg;
    case SP_OP_BUILD_MAP:
        return 1 - 2 * arg;
    case SP_OP_BUILD_CONST_KEY_MAP:
        return -arg;
    case SP_OP_FORMAT_VALUE:
        return (arg & 4) ? -1 : 0;
    case SP_OP_UNPACK_SEQUENCE:
        return arg - 1;
    case SP_OP_UNPACK_EX:
        return (arg & 0xff) + (arg >> 8);
    case SP_OP_JUMP_IF_FALSE_OR_POP:
    case SP_OP_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case SP_OP_FOR_ITER:
        return jump ? -1 : 1;
    case SP_OP_MAKE_FUNCTION:
        return -((arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1) + ((arg >> 3) & 1));
    case SP_OP_RAISE_VARARGS:
        return -arg;
    default:
        return 0;
    }
}

// Instructions whose argument is a jump target.
static int is_jump(int op) { return sp_opcode_argkinds[op] == SP_ARG_JUMP; }

// Instructions after which control never falls through.
static int is_terminator(int op) {
    return op == SP_OP_JUMP || op == SP_OP_RETURN_VALUE || op == SP_OP_RAISE_VARARGS ||
           op == SP_OP_RERAISE;
}

// Instructions whose argument is a cell or free variable.
static int is_deref(int op) {
    return op == SP_OP_LOAD_CLOSURE || op == SP_OP_LOAD_DEREF || op == SP_OP_LOAD_CLASSDEREF ||
           op == SP_OP_STORE_DEREF || op == SP_OP_DELETE_DEREF;
}

// ---------------------------------------------------------------------------
// Flow analysis

typedef struct Flow {
    int *depth; // depth before each instruction, -1 when unreachable
    int *work;  // worklist of instruction indices
    int nwork;
    int maxdepth;
} Flow;

// Reach instruction `target` with `depth`: the first visit records it and
// queues it; later visits must agree (a mismatch is a code generator bug).
static int flow_push(Flow *f, int target, int depth) {
    if (f->depth[target] < 0) {
        f->depth[target] = depth;
        f->work[f->nwork++] = target;
        if (depth > f->maxdepth) {
            f->maxdepth = depth;
        }
        return 0;
    }
    if (f->depth[target] != depth) {
        sp_err_format(&SpExc_SystemError,
                      "compiler: inconsistent stack depth at instruction %d (%d vs %d)", target,
                      f->depth[target], depth);
        return -1;
    }
    return 0;
}

// Walk every path from the entry. A SETUP pseudo-instruction records its
// handler's depth and makes the handler reachable. Instructions never
// reached keep depth -1 and are dropped; the largest depth seen is
// co_stacksize.
static int analyse_flow(SpUnit *u, Flow *f) {
    int n = u->ninstrs;
    for (int i = 0; i < n; i++) {
        f->depth[i] = -1;
    }
    // A generator starts with the first sent value on the stack (GEN_START pops it).
    int start = (n > 0 && u->instrs[0].op == SP_OP_GEN_START) ? 1 : 0;
    if (n > 0 && flow_push(f, 0, start) < 0) {
        return -1;
    }
    while (f->nwork > 0) {
        int i = f->work[--f->nwork];
        int d = f->depth[i];
        for (;;) {
            SpCgInstr *in = &u->instrs[i];
            int next_depth;
            if (in->op == SP_PSEUDO_SETUP) {
                SpHandler *h = &u->handlers[in->arg];
                h->depth = d + h->adjust;
                if (flow_push(f, u->labels[h->label], h->depth + h->lasti + 1) < 0) {
                    return -1;
                }
                next_depth = d;
            } else {
                if (is_jump(in->op)) {
                    int jd = d + sp_opcode_stack_effect(in->op, in->arg, 1);
                    if (flow_push(f, u->labels[in->arg], jd) < 0) {
                        return -1;
                    }
                }
                next_depth = d + sp_opcode_stack_effect(in->op, in->arg, 0);
                if (next_depth > f->maxdepth) {
                    f->maxdepth = next_depth;
                }
                if (next_depth < 0) {
                    sp_err_format(&SpExc_SystemError,
                                  "compiler: stack underflow at instruction %d (%s)", i,
                                  sp_opcode_names[in->op]);
                    return -1;
                }
                if (is_terminator(in->op)) {
                    break;
                }
            }
            if (i + 1 >= n) {
                sp_err_set_string(&SpExc_SystemError, "compiler: code falls off the end");
                return -1;
            }
            // Fall through to the next instruction (unless control cannot).
            // Continue straight on while the next instruction is new.
            if (f->depth[i + 1] >= 0) {
                if (f->depth[i + 1] != next_depth) {
                    sp_err_format(&SpExc_SystemError,
                                  "compiler: inconsistent stack depth at instruction %d", i + 1);
                    return -1;
                }
                break;
            }
            i++;
            f->depth[i] = next_depth;
            d = next_depth;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Positions of artificial instructions (CPython 3.11's
// duplicate_exits_without_lineno, propagate_line_numbers and
// guarantee_lineno_for_exits): an instruction without a position takes the
// one before it in its basic block; a block's first instruction takes its
// only predecessor's (by fall-through or jump); an artificial exit block
// reached by several jumps is copied once per jump.

// Instructions that leave the code object (or re-raise).
static int is_exit(int op) {
    return op == SP_OP_RETURN_VALUE || op == SP_OP_RAISE_VARARGS || op == SP_OP_RERAISE;
}

// The end (index of the exit) of the artificial exit block at p, or -1.
static int artificial_exit_at(SpUnit *u, int p, const char *is_label) {
    for (int i = p; i < u->ninstrs; i++) {
        SpCgInstr *in = &u->instrs[i];
        if (in->pos.line >= 0 || in->op == SP_PSEUDO_SETUP || (i > p && is_label[i])) {
            return -1;
        }
        if (is_exit(in->op)) {
            return i;
        }
        if (is_terminator(in->op) || is_jump(in->op)) {
            return -1;
        }
    }
    return -1;
}

// The length of the exit block at p (instructions up to and including a
// return or raise, no other label, no jump), or 0 when p starts none.
static int exit_block_length(SpUnit *u, int p, const char *is_label) {
    for (int i = p; i < u->ninstrs; i++) {
        SpCgInstr *in = &u->instrs[i];
        // Only blocks without positions are copied (implicit `return None`).
        if (in->op == SP_PSEUDO_SETUP || (i > p && is_label[i]) || in->pos.line >= 0) {
            return 0;
        }
        if (is_exit(in->op)) {
            return i - p + 1;
        }
        if (is_terminator(in->op) || is_jump(in->op)) {
            return 0;
        }
    }
    return 0;
}

// An unconditional jump to a short exit block (return None, re-raise)
// becomes a copy of the block, as CPython's extend_block does.
#define MAX_COPY_SIZE 4

// One pass of the copying: a new instruction array with each qualifying
// JUMP replaced by the block it jumps to; labels are moved along.
static int inline_exit_jumps_once(SpUnit *u, int *changed_out) {
    int n = u->ninstrs;
    char *is_label = sp_mem_calloc((size_t)n + 1);
    int *newpos = sp_mem_alloc(sizeof(int) * (size_t)(n + 1));
    SpCgInstr *out = NULL;
    int r = -1;
    if (is_label == NULL || newpos == NULL) {
        sp_err_no_memory();
        goto done;
    }
    for (int l = 0; l < u->nlabels; l++) {
        if (u->labels[l] >= 0 && u->labels[l] < n) {
            is_label[u->labels[l]] = 1;
        }
    }
    int total = 0, changed = 0;
    for (int i = 0; i < n; i++) {
        int len = 0;
        if (u->instrs[i].op == SP_OP_JUMP) {
            len = exit_block_length(u, u->labels[u->instrs[i].arg], is_label);
        }
        if (len > 0 && len <= MAX_COPY_SIZE) {
            total += len;
            changed = 1;
        } else {
            total += 1;
        }
    }
    *changed_out = changed;
    if (!changed) {
        r = 0;
        goto done;
    }
    out = sp_mem_alloc(sizeof(SpCgInstr) * (size_t)(total + 1));
    if (out == NULL) {
        sp_err_no_memory();
        goto done;
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
        newpos[i] = k;
        SpCgInstr *in = &u->instrs[i];
        // The copy keeps the handler of the original instructions: an exception
        // raised there unwinds exactly as it would have.
        int len = 0, p = 0;
        if (in->op == SP_OP_JUMP) {
            p = u->labels[in->arg];
            len = exit_block_length(u, p, is_label);
        }
        if (len > 0 && len <= MAX_COPY_SIZE) {
            for (int j = 0; j < len; j++) {
                out[k] = u->instrs[p + j];
                if (j == 0 && out[k].pos.line < 0) {
                    out[k].pos = in->pos; // as if after the jump's (removed) position
                }
                k++;
            }
        } else {
            out[k++] = *in;
        }
    }
    newpos[n] = k;
    for (int l = 0; l < u->nlabels; l++) {
        if (u->labels[l] >= 0) {
            u->labels[l] = newpos[u->labels[l]];
        }
    }
    sp_mem_free(u->instrs);
    u->instrs = out;
    u->ninstrs = k;
    u->capinstrs = total + 1;
    out = NULL;
    r = 0;
done:
    sp_mem_free(is_label);
    sp_mem_free(newpos);
    sp_mem_free(out);
    return r;
}

// SWAP n followed by stores can swap the *stores* instead (CPython's
// apply_static_swaps): a, b = b, a in a function becomes two STORE_FASTs in
// the other order. Only within a block and a line, and never when the
// stores go to the same variable (the last store must still win).

static int is_label_at(SpUnit *u, int i) {
    for (int l = 0; l < u->nlabels; l++) {
        if (u->labels[l] == i) {
            return 1;
        }
    }
    return 0;
}

static int swappable(int op) { return op == SP_OP_STORE_FAST || op == SP_OP_POP_TOP; }

// The next STORE_FAST/POP_TOP after i in the same block (and on `line` if
// line >= 0), skipping NOPs; -1 if something else comes first.
static int next_swappable(SpUnit *u, int i, int line) {
    while (++i < u->ninstrs) {
        SpCgInstr *in = &u->instrs[i];
        if (is_label_at(u, i) || (line >= 0 && in->pos.line != line)) {
            return -1;
        }
        if (in->op == SP_OP_NOP) {
            continue;
        }
        return swappable(in->op) ? i : -1;
    }
    return -1;
}

static int stores_to(SpCgInstr *in) { return in->op == SP_OP_STORE_FAST ? in->arg : -1; }

static void apply_static_swaps(SpUnit *u) {
    for (int i = 0; i < u->ninstrs; i++) {
        SpCgInstr *swap = &u->instrs[i];
        if (swap->op != SP_OP_SWAP) {
            continue;
        }
        int j = next_swappable(u, i, -1);
        if (j < 0) {
            continue;
        }
        int k = j, line = u->instrs[j].pos.line;
        for (int count = swap->arg - 1; count > 0 && k >= 0; count--) {
            k = next_swappable(u, k, line);
        }
        if (k < 0) {
            continue;
        }
        int sj = stores_to(&u->instrs[j]), sk = stores_to(&u->instrs[k]), safe = 1;
        if (sj >= 0 || sk >= 0) {
            safe = sj != sk;
            for (int m = j + 1; m < k && safe; m++) {
                int sm = stores_to(&u->instrs[m]);
                safe = !(sm >= 0 && (sm == sj || sm == sk));
            }
        }
        if (!safe) {
            continue;
        }
        swap->op = SP_OP_NOP;
        swap->arg = 0;
        SpCgInstr tmp = u->instrs[j];
        u->instrs[j] = u->instrs[k];
        u->instrs[k] = tmp;
    }
}

// Jump threading (CPython's optimize_basic_block): a jump to an
// unconditional jump on the same line goes straight to the final target;
// `a and b or c` chains of *_OR_POP jumps are shortened the same way.
static int thread_jumps(SpCompiler *c, SpUnit *u) {
    for (int i = 0; i < u->ninstrs; i++) {
        for (int guard = 0; guard < 100; guard++) {
            SpCgInstr *in = &u->instrs[i];
            int op = in->op;
            if (op >= SP_OP_COUNT_ || !is_jump(op) || op == SP_OP_FOR_ITER) {
                break;
            }
            int t = u->labels[in->arg];
            if (t >= u->ninstrs) {
                break;
            }
            SpCgInstr *target = &u->instrs[t];
            int top = target->op;
            // CPython threads only jumps on the same line (so line events stay).
            // Nor across the end of a try region: CPython's target would start
            // with the POP_BLOCK (a NOP there), which is not a jump.
            if (in->pos.line != target->pos.line || top >= SP_OP_COUNT_ ||
                in->handler != target->handler) {
                break;
            }
            // For the *_OR_POP jumps: the popping jump of the same sense, and the
            // jumps of the opposite sense.
            int same = op == SP_OP_JUMP_IF_FALSE_OR_POP  ? SP_OP_POP_JUMP_IF_FALSE
                       : op == SP_OP_JUMP_IF_TRUE_OR_POP ? SP_OP_POP_JUMP_IF_TRUE
                                                         : -1;
            int other = op == SP_OP_JUMP_IF_FALSE_OR_POP  ? SP_OP_JUMP_IF_TRUE_OR_POP
                        : op == SP_OP_JUMP_IF_TRUE_OR_POP ? SP_OP_JUMP_IF_FALSE_OR_POP
                                                          : -1;
            int other_pop = op == SP_OP_JUMP_IF_FALSE_OR_POP  ? SP_OP_POP_JUMP_IF_TRUE
                            : op == SP_OP_JUMP_IF_TRUE_OR_POP ? SP_OP_POP_JUMP_IF_FALSE
                                                              : -1;
            if ((top == SP_OP_JUMP || (same >= 0 && top == op)) && target->arg != in->arg &&
                u->labels[target->arg] != t) {
                in->arg = target->arg;
            } else if (same >= 0 && top == same && target->arg != in->arg) {
                in->op = same;
                in->arg = target->arg;
            } else if (same >= 0 && (top == other || top == other_pop)) {
                // The value is false (true) here, so the target falls
                // through, popping it: pop now and jump past the target.
                int after = sp_cg_new_label(c);
                if (after < 0) {
                    return -1;
                }
                u->labels[after] = t + 1;
                in = &u->instrs[i];
                in->op = same;
                in->arg = after;
            } else {
                break;
            }
        }
    }
    return 0;
}

// Repeated: an inlined copy may itself be the target of another jump.
static int inline_exit_jumps(SpUnit *u) {
    for (int round = 0; round < 4; round++) {
        int changed = 0;
        if (inline_exit_jumps_once(u, &changed) < 0) {
            return -1;
        }
        if (!changed) {
            break;
        }
    }
    return 0;
}

// Count how each instruction is reached (fall-through and jumps), then copy
// the shared artificial exits to the end of the code, one per jumper.
static int duplicate_exits(SpCompiler *c, SpUnit *u) {
    int n = u->ninstrs;
    int *preds = sp_mem_calloc(sizeof(int) * (size_t)(n + 1));
    char *is_label = sp_mem_calloc((size_t)n + 1);
    if (preds == NULL || is_label == NULL) {
        sp_mem_free(preds);
        sp_mem_free(is_label);
        sp_err_no_memory();
        return -1;
    }
    for (int l = 0; l < u->nlabels; l++) {
        if (u->labels[l] >= 0 && u->labels[l] < n) {
            is_label[u->labels[l]] = 1;
        }
    }
    for (int i = 0; i < n; i++) {
        int op = u->instrs[i].op;
        if (op < SP_OP_COUNT_ && is_jump(op)) {
            preds[u->labels[u->instrs[i].arg]]++;
        }
        if (i + 1 < n && !(op < SP_OP_COUNT_ && is_terminator(op))) {
            preds[i + 1]++;
        }
    }
    int r = 0;
    for (int j = 0; j < n && r == 0; j++) {
        int op = u->instrs[j].op;
        if (op >= SP_OP_COUNT_ || !is_jump(op)) {
            continue;
        }
        int p = u->labels[u->instrs[j].arg];
        int end = preds[p] > 1 ? artificial_exit_at(u, p, is_label) : -1;
        if (end < 0) {
            continue;
        }
        // The copy goes after the end of the code (which never falls through),
        // its first instruction at the jump's position.
        int label = sp_cg_new_label(c);
        if (label < 0) {
            r = -1;
            break;
        }
        sp_cg_use_label(c, label);
        for (int i = p; i <= end; i++) {
            SpCgInstr copy = u->instrs[i];
            if (i == p) {
                copy.pos = u->instrs[j].pos;
            }
            if (sp_cg_emit(c, copy.op, copy.arg) < 0) {
                r = -1;
                break;
            }
            u->instrs[u->ninstrs - 1] = copy;
        }
        u->instrs[j].arg = label;
        preds[p]--;
    }
    sp_mem_free(preds);
    sp_mem_free(is_label);
    return r;
}

// Drop NOPs (from `pass`, folded constants, ...) unless one is the only
// instruction of its line; a dropped NOP gives its position to the next
// instruction if that one has none (CPython's clean_basic_block).
static int clean_nops(SpUnit *u, char *kept, int entry_line) {
    int n = u->ninstrs;
    char *block_start = sp_mem_calloc((size_t)n + 1);
    if (block_start == NULL) {
        sp_err_no_memory();
        return -1;
    }
    for (int l = 0; l < u->nlabels; l++) {
        if (u->labels[l] >= 0 && u->labels[l] < n) {
            block_start[u->labels[l]] = 1;
        }
    }
    block_start[0] = 1;
    for (int i = 0; i + 1 < n; i++) {
        int op = u->instrs[i].op;
        if (op == SP_PSEUDO_SETUP || is_jump(op) || is_terminator(op)) {
            block_start[i + 1] = 1;
        }
    }
    int prev_line = -1;
    for (int i = 0; i < n; i++) {
        if (block_start[i]) {
            // The entry block follows CPython's RESUME, at the first line.
            prev_line = i == 0 ? entry_line : -1;
        }
        if (!kept[i]) {
            continue;
        }
        SpCgInstr *in = &u->instrs[i];
        if (in->op == SP_OP_NOP) {
            // A NOP is needed only to mark a line that has no other instruction:
            // drop it without a line, after one of the same line, or before one of
            // the same line; before an instruction without a position it hands its
            // position on; at the end of a block the next block decides.
            int line = in->pos.line;
            if (line < 0 || line == prev_line) {
                kept[i] = 0;
                continue;
            }
            int j = i + 1, q = -1;
            for (; j < n && !block_start[j]; j++) {
                if (kept[j]) {
                    q = j;
                    break;
                }
            }
            if (q >= 0) {
                if (u->instrs[q].pos.line == line) {
                    kept[i] = 0;
                    continue;
                }
                if (u->instrs[q].pos.line < 0) {
                    u->instrs[q].pos = in->pos;
                    kept[i] = 0;
                    continue;
                }
            } else {
                while (j < n && !kept[j]) {
                    j++;
                }
                if (j < n && u->instrs[j].pos.line == line) {
                    kept[i] = 0;
                    continue;
                }
            }
        }
        prev_line = in->pos.line;
    }
    sp_mem_free(block_start);
    return 0;
}

// Fill positions on the final code (jump arguments resolved).
static int propagate_positions(SpCodeObject *co, const int *handler_targets, int nhandler_targets,
                               const char *label_starts, int firstlineno, int is_module) {
    ssize_t n = co->co_ncode;
    SpCodePosition *pos = co->co_positions;
    char *start = sp_mem_calloc((size_t)n + 1);
    int *preds = sp_mem_calloc(sizeof(int) * (size_t)(n + 1));
    if (start == NULL || preds == NULL) {
        sp_mem_free(start);
        sp_mem_free(preds);
        sp_err_no_memory();
        return -1;
    }
    // Blocks start at the entry, at jump and handler targets, and after jumps
    // and exits; preds counts the ways into each block (handlers included,
    // though positions never flow along them).
    if (n > 0) {
        start[0] = 1;
        preds[0] = 1;
    }
    for (ssize_t k = 0; k < n; k++) {
        int op = SP_INSTR_OP(co->co_code[k]);
        start[k] |= label_starts[k];
        if (is_jump(op)) {
            uint32_t t = SP_INSTR_ARG(co->co_code[k]);
            start[t] = 1;
            preds[t]++;
        }
        if ((is_jump(op) || is_terminator(op)) && k + 1 < n) {
            start[k + 1] = 1;
        }
    }
    for (int i = 0; i < nhandler_targets; i++) {
        start[handler_targets[i]] = 1;
        preds[handler_targets[i]]++;
    }
    for (ssize_t k = 1; k < n; k++) {
        if (start[k] && !is_terminator(SP_INSTR_OP(co->co_code[k - 1]))) {
            preds[k]++;
        }
    }
    const SpCodePosition none = {-1, -1, -1, -1};
    for (ssize_t k = 0; k < n;) {
        ssize_t e = k + 1;
        while (e < n && !start[e]) {
            e++;
        }
        // The entry block starts after CPython's RESUME, which is at the
        // first line, column 0 (line 0 for a module).
        SpCodePosition prev = none;
        if (k == 0) {
            prev = is_module ? (SpCodePosition){0, 1, 0, 0}
                             : (SpCodePosition){firstlineno, firstlineno, 0, 0};
        }
        for (ssize_t i = k; i < e; i++) {
            if (pos[i].line < 0) {
                pos[i] = prev;
            } else {
                prev = pos[i];
            }
        }
        int last = SP_INSTR_OP(co->co_code[e - 1]);
        if (e < n && !is_terminator(last) && preds[e] == 1 && pos[e].line < 0) {
            pos[e] = prev;
        }
        if (is_jump(last)) {
            uint32_t t = SP_INSTR_ARG(co->co_code[e - 1]);
            if (preds[t] == 1 && pos[t].line < 0) {
                pos[t] = prev;
            }
        }
        k = e;
    }
    // An exit still without a line gets the line of the code before it.
    int lineno = firstlineno;
    for (ssize_t k = 0; k < n;) {
        ssize_t e = k + 1;
        while (e < n && !start[e]) {
            e++;
        }
        // A return block still without a position: the line only.
        if (pos[e - 1].line < 0) {
            if (SP_INSTR_OP(co->co_code[e - 1]) == SP_OP_RETURN_VALUE) {
                for (ssize_t i = k; i < e; i++) {
                    pos[i] = (SpCodePosition){lineno, lineno, -1, -1};
                }
            }
        } else {
            lineno = pos[e - 1].line;
        }
        k = e;
    }
    sp_mem_free(start);
    sp_mem_free(preds);
    return 0;
}

// ---------------------------------------------------------------------------
// Building the code object

// co_names from the unit's list.
static SpObject *list_to_tuple(SpObjList *l) { return sp_tuple_from_array(l->items, l->n); }

// co_flags as CPython 3.11 computes them (it no longer sets CO_NOFREE).
static int compute_flags(SpUnit *u) {
    SpSymEntry *ste = u->ste;
    int flags = 0;
    if (ste->type == SP_BLOCK_FUNCTION) {
        flags |= SP_CO_NEWLOCALS | SP_CO_OPTIMIZED;
        if (ste->nested) {
            flags |= SP_CO_NESTED;
        }
        if (ste->generator && !ste->coroutine) {
            flags |= SP_CO_GENERATOR;
        }
        if (ste->varargs) {
            flags |= SP_CO_VARARGS;
        }
        if (ste->varkeywords) {
            flags |= SP_CO_VARKEYWORDS;
        }
    }
    return flags;
}

// The passes, in order: the implicit return, jump threading, copying of
// short exits, flow analysis, NOP removal, jump-to-next removal, then the
// code object: code and positions, localsplus, exception table, constants.
SpObject *sp_assemble(SpCompiler *c, SpUnit *u) {
    SpCodeObject *co = NULL;
    Flow flow = {NULL, NULL, 0, 0};
    int *newindex = NULL, *slot_of_cell = NULL;
    char *kept = NULL;
    SpObject *result = NULL;

    // Every path that falls off the end returns None.
    // The implicit `return None` is added only when something can reach the
    // end: the last instruction falls through or a label points past it.
    int needs_return = u->ninstrs == 0 || !is_terminator(u->instrs[u->ninstrs - 1].op);
    for (int l = 0; l < u->nlabels && !needs_return; l++) {
        needs_return = u->labels[l] == u->ninstrs;
    }
    if (needs_return) {
        SP_UNSET_LOC(c);
        if (sp_cg_emit_const(c, sp_None) < 0 || sp_cg_emit(c, SP_OP_RETURN_VALUE, 0) < 0) {
            return NULL;
        }
    }
    apply_static_swaps(u);
    if (thread_jumps(c, u) < 0 || inline_exit_jumps(u) < 0 || duplicate_exits(c, u) < 0) {
        return NULL;
    }
    int n = u->ninstrs;
    flow.depth = sp_mem_alloc(sizeof(int) * (size_t)n);
    flow.work = sp_mem_alloc(sizeof(int) * (size_t)n * 2 + sizeof(int));
    newindex = sp_mem_alloc(sizeof(int) * (size_t)(n + 1));
    kept = sp_mem_alloc((size_t)n + 1);
    if (flow.depth == NULL || flow.work == NULL || newindex == NULL || kept == NULL) {
        sp_err_no_memory();
        goto done;
    }
    if (analyse_flow(u, &flow) < 0) {
        if (getenv("SP_COMPILE_DEBUG") != NULL) {
            for (int i = 0; i < n; i++) {
                SpCgInstr *in = &u->instrs[i];
                fprintf(stderr, "%4d d=%3d %-22s %d h=%d\n", i, flow.depth[i],
                        in->op < SP_OP_COUNT_ ? sp_opcode_names[in->op] : "SETUP", in->arg,
                        in->handler);
            }
        }
        goto done;
    }
    for (int i = 0; i < n; i++) {
        kept[i] = flow.depth[i] >= 0 && u->instrs[i].op != SP_PSEUDO_SETUP;
    }
    if (clean_nops(u, kept, u->type == SP_UNIT_MODULE ? 0 : u->firstlineno) < 0) {
        goto done;
    }
    // Drop jumps to the next kept instruction (repeat: one removal can make
    // an earlier jump redundant).
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < n; i++) {
            if (!kept[i] || u->instrs[i].op != SP_OP_JUMP) {
                continue;
            }
            int t = u->labels[u->instrs[i].arg];
            if (t <= i) {
                continue;
            }
            int j = i + 1;
            while (j < t && !kept[j]) {
                j++;
            }
            if (j == t) {
                kept[i] = 0;
                changed = 1;
            }
        }
    }
    // newindex maps an instruction to its final index; a dropped one maps to
    // the next survivor, which is where a jump to it must go.
    int ncode = 0;
    for (int i = 0; i < n; i++) {
        newindex[i] = ncode;
        ncode += kept[i];
    }
    newindex[n] = ncode;

    co = sp_code_new();
    if (co == NULL) {
        goto done;
    }
    co->co_code = sp_mem_alloc(sizeof(SpInstr) * (size_t)(ncode + 1));
    co->co_positions = sp_mem_alloc(sizeof(SpCodePosition) * (size_t)(ncode + 1));
    co->co_ncode = ncode;
    if (co->co_code == NULL || co->co_positions == NULL) {
        sp_err_no_memory();
        goto done;
    }

    // Localsplus: arguments and locals, then cells that are not arguments,
    // then free variables. An argument that is also a cell is one slot.
    int nlocals = u->varnames.n, ncells = u->cellvars.n, nfree = u->freevars.n;
    slot_of_cell = sp_mem_alloc(sizeof(int) * (size_t)(ncells + 1));
    if (slot_of_cell == NULL) {
        sp_err_no_memory();
        goto done;
    }
    int nplus = nlocals;
    for (int i = 0; i < ncells; i++) {
        int k = sp_objlist_find(&u->varnames, u->cellvars.items[i]);
        slot_of_cell[i] = k >= 0 ? k : nplus++;
    }
    int first_free = nplus;
    nplus += nfree;
    co->co_localspluskinds = sp_mem_calloc((size_t)nplus + 1);
    co->co_localsplusnames = sp_tuple_new(nplus);
    if (co->co_localspluskinds == NULL || co->co_localsplusnames == NULL) {
        if (co->co_localspluskinds == NULL) {
            sp_err_no_memory();
        }
        goto done;
    }
    for (int i = 0; i < nplus; i++) {
        SP_TUPLE_SET_ITEM(co->co_localsplusnames, i, NULL);
    }
    for (int i = 0; i < nlocals; i++) {
        co->co_localspluskinds[i] = SP_FAST_LOCAL;
        SP_TUPLE_SET_ITEM(co->co_localsplusnames, i, sp_newref(u->varnames.items[i]));
    }
    for (int i = 0; i < ncells; i++) {
        int k = slot_of_cell[i];
        co->co_localspluskinds[k] |= SP_FAST_CELL;
        if (k >= nlocals) {
            SP_TUPLE_SET_ITEM(co->co_localsplusnames, k, sp_newref(u->cellvars.items[i]));
        }
    }
    for (int j = 0; j < nfree; j++) {
        co->co_localspluskinds[first_free + j] = SP_FAST_FREE;
        SP_TUPLE_SET_ITEM(co->co_localsplusnames, first_free + j, sp_newref(u->freevars.items[j]));
    }
    co->co_nlocalsplus = nplus;
    co->co_nlocals = nlocals;
    co->co_ncellvars = ncells;
    co->co_nfreevars = nfree;

    // Jumps get absolute indices; deref arguments (cell index, or number of
    // cells + free index, as the code generator numbered them) become slots.
    // Instructions and positions.
    int nexc = 0;
    for (int i = 0; i < n; i++) {
        if (!kept[i]) {
            continue;
        }
        SpCgInstr *in = &u->instrs[i];
        int arg = in->arg;
        if (is_jump(in->op)) {
            arg = newindex[u->labels[arg]];
        } else if (is_deref(in->op)) {
            arg = arg < ncells ? slot_of_cell[arg] : first_free + (arg - ncells);
        }
        int k = newindex[i];
        co->co_code[k] = SP_INSTR(in->op, arg);
        co->co_positions[k] = in->pos;
        nexc += in->handler >= 0; // an upper bound on the entries
    }

    // The exception table: one entry per run of instructions sharing a handler.
    co->co_exceptiontable = sp_mem_alloc(sizeof(SpExceptEntry) * (size_t)(nexc + 1));
    if (co->co_exceptiontable == NULL) {
        sp_err_no_memory();
        goto done;
    }
    int cur = -1;
    SpExceptEntry *entry = NULL;
    for (int i = 0; i < n; i++) {
        if (!kept[i]) {
            continue;
        }
        int h = u->instrs[i].handler;
        // Same handler as the previous instruction: extend its entry.
        if (h >= 0 && h == cur && entry != NULL && entry->end == (uint32_t)newindex[i]) {
            entry->end++;
            continue;
        }
        cur = h;
        entry = NULL;
        if (h < 0) {
            continue;
        }
        SpHandler *hd = &u->handlers[h];
        entry = &co->co_exceptiontable[co->co_nexcept++];
        entry->start = (uint32_t)newindex[i];
        entry->end = entry->start + 1;
        entry->target = (uint32_t)newindex[u->labels[hd->label]];
        entry->depth = (uint16_t)(hd->depth < 0 ? 0 : hd->depth);
        entry->lasti = (uint8_t)hd->lasti;
    }

    // Positions of artificial instructions, from the reachable handlers' targets.
    int nht = 0;
    for (int h = 0; h < u->nhandlers; h++) {
        if (u->handlers[h].depth >= 0) {
            flow.work[nht++] = newindex[u->labels[u->handlers[h].label]];
        }
    }
    // Blocks also start where the code generator placed labels and after
    // SETUPs, as CPython's basic blocks do (even without a jump there).
    char *label_starts = sp_mem_calloc((size_t)ncode + 1);
    if (label_starts == NULL) {
        sp_err_no_memory();
        goto done;
    }
    for (int l = 0; l < u->nlabels; l++) {
        if (u->labels[l] >= 0 && u->labels[l] <= n) {
            label_starts[newindex[u->labels[l]]] = 1;
        }
    }
    for (int i = 0; i < n; i++) {
        if (u->instrs[i].op == SP_PSEUDO_SETUP && flow.depth[i] >= 0) {
            label_starts[newindex[i]] = 1;
        }
    }
    int pr = propagate_positions(co, flow.work, nht, label_starts, u->firstlineno,
                                 u->type == SP_UNIT_MODULE);
    sp_mem_free(label_starts);
    if (pr < 0) {
        goto done;
    }

    // Constants at the end that only dead code used are dropped (CPython's
    // trim_unused_consts); the first one (a docstring's place) always stays.
    int nconsts = u->consts.n > 0 ? 1 : 0;
    for (ssize_t k = 0; k < ncode; k++) {
        int op = SP_INSTR_OP(co->co_code[k]);
        if (sp_opcode_argkinds[op] == SP_ARG_CONST &&
            (int)SP_INSTR_ARG(co->co_code[k]) >= nconsts) {
            nconsts = (int)SP_INSTR_ARG(co->co_code[k]) + 1;
        }
    }
    co->co_consts = sp_tuple_from_array(u->consts.items, nconsts);
    co->co_names = list_to_tuple(&u->names);
    if (co->co_consts == NULL || co->co_names == NULL) {
        goto done;
    }
    // co_argcount counts positional-only parameters too, as CPython's.
    co->co_argcount = u->argcount + u->posonlyargcount;
    co->co_posonlyargcount = u->posonlyargcount;
    co->co_kwonlyargcount = u->kwonlyargcount;
    co->co_stacksize = flow.maxdepth;
    co->co_flags = compute_flags(u);
    co->co_firstlineno = u->firstlineno;
    co->co_filename = sp_newref(c->filename);
    co->co_name = sp_newref(u->name);
    co->co_qualname = sp_newref(u->qualname);
    result = (SpObject *)co;
    co = NULL;
done:
    SP_XDECREF(co);
    sp_mem_free(flow.depth);
    sp_mem_free(flow.work);
    sp_mem_free(newindex);
    sp_mem_free(kept);
    sp_mem_free(slot_of_cell);
    return result;
}
