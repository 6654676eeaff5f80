// smallpy: the code generator's core: compilation units (one per scope),
// emitting instructions with positions and exception handlers, name
// resolution into LOAD_FAST/LOAD_DEREF/LOAD_GLOBAL/LOAD_NAME, and the
// scoped constructs: module, function, lambda, class and comprehension
// bodies with their closures, defaults, annotations and decorators.
// Statements are in codegen_stmt.c, expressions in codegen_expr.c.
// Counterpart: CPython 3.11 Python/compile.c.
#define SP_COMPILER_INTERNAL
#include "compiler/codegen.h"

#include <stdarg.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "modules/sys.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

// ---------------------------------------------------------------------------
// Ordered object lists with lookup

// Constants compare by the type-aware key of compile.c; names as strings.
static SpHash objlist_hash(SpObjList *l, SpObject *o) {
    return l->is_consts ? sp_const_hash(o) : sp_str_hash(o);
}

static int objlist_eq(SpObjList *l, SpObject *a, SpObject *b) {
    if (a == b) {
        return 1;
    }
    return l->is_consts ? sp_const_equal(a, b) : sp_str_eq(a, b);
}

// Release the items and the tables.
void sp_objlist_free(SpObjList *l) {
    for (int i = 0; i < l->n; i++) {
        SP_DECREF(l->items[i]);
    }
    sp_mem_free(l->items);
    sp_mem_free(l->slots);
    l->items = NULL;
    l->slots = NULL;
    l->n = l->cap = l->nslots = 0;
}

// Open addressing with linear probing; the table is at most half full, so
// a probe always reaches an empty slot.
int sp_objlist_find(SpObjList *l, SpObject *o) {
    if (l->nslots == 0) {
        return -1;
    }
    size_t mask = (size_t)l->nslots - 1;
    size_t i = (size_t)objlist_hash(l, o) & mask;
    for (;;) {
        int k = l->slots[i];
        if (k < 0) {
            return -1;
        }
        if (objlist_eq(l, l->items[k], o)) {
            return k;
        }
        i = (i + 1) & mask;
    }
}

// Enter item k into the hash table (it is known to be absent).
static void objlist_place(SpObjList *l, int k) {
    size_t mask = (size_t)l->nslots - 1;
    size_t i = (size_t)objlist_hash(l, l->items[k]) & mask;
    while (l->slots[i] >= 0) {
        i = (i + 1) & mask;
    }
    l->slots[i] = k;
}

// Names are interned on the way in: co_names and varnames hold the same
// objects as attribute and global dicts, so lookups hit by identity.
int sp_objlist_add(SpObjList *l, SpObject *o) {
    int k = sp_objlist_find(l, o);
    if (k >= 0) {
        return k;
    }
    if (l->n == l->cap) {
        int ncap = l->cap ? l->cap * 2 : 8;
        SpObject **items = sp_mem_realloc(l->items, (size_t)ncap * sizeof(SpObject *));
        if (items == NULL) {
            sp_err_no_memory();
            return -1;
        }
        l->items = items;
        l->cap = ncap;
    }
    SpObject *ref = sp_newref(o);
    if (!l->is_consts) {
        sp_str_intern_in_place(&ref);
    }
    k = l->n++;
    l->items[k] = ref;
    if (l->n * 2 > l->nslots) {
        int ns = l->nslots ? l->nslots * 2 : 16;
        int *slots = sp_mem_alloc((size_t)ns * sizeof(int));
        if (slots == NULL) {
            l->n--;
            SP_DECREF(ref);
            sp_err_no_memory();
            return -1;
        }
        for (int i = 0; i < ns; i++) {
            slots[i] = -1;
        }
        sp_mem_free(l->slots);
        l->slots = slots;
        l->nslots = ns;
        for (int i = 0; i < l->n; i++) {
            objlist_place(l, i);
        }
    } else {
        objlist_place(l, k);
    }
    return k;
}

// ---------------------------------------------------------------------------
// Emission

// Grow a dynamic array to hold `need` items (doubling). -1 with MemoryError.
static int grow(void **arr, int *cap, int need, size_t size) {
    if (need <= *cap) {
        return 0;
    }
    int ncap = *cap ? *cap * 2 : 16;
    while (ncap < need) {
        ncap *= 2;
    }
    void *p = sp_mem_realloc(*arr, (size_t)ncap * size);
    if (p == NULL) {
        sp_err_no_memory();
        return -1;
    }
    *arr = p;
    *cap = ncap;
    return 0;
}

// BUILD_TUPLE of n constants just loaded becomes one constant tuple (the
// peephole fold of CPython's fold_tuple_on_constants), at the tuple's position.
static int fold_build_tuple(SpCompiler *c, int n) {
    SpUnit *u = c->u;
    if (n > u->ninstrs || u->last_label > u->ninstrs - n) {
        return 0;
    }
    for (int i = u->ninstrs - n; i < u->ninstrs; i++) {
        if (u->instrs[i].op != SP_OP_LOAD_CONST) {
            return 0;
        }
    }
    SpObject *t = sp_tuple_new(n);
    if (t == NULL) {
        return -1;
    }
    for (int i = 0; i < n; i++) {
        SpCgInstr *in = &u->instrs[u->ninstrs - n + i];
        SP_TUPLE_SET_ITEM(t, i, sp_newref(u->consts.items[in->arg]));
        in->op = SP_OP_NOP; // the assembler drops these (positions kept for lines)
        in->arg = 0;
    }
    int r = sp_cg_emit_const(c, t);
    SP_DECREF(t);
    return r < 0 ? -1 : 1;
}

// Conditional jumps on a constant, and `x is None` tests, folded as CPython's
// peephole pass does. Returns 1 if the jump was handled, 0 if not, -1.
static int fold_cond_jump(SpCompiler *c, int op, int label) {
    SpUnit *u = c->u;
    int n = u->ninstrs;
    if (n == 0 || u->last_label >= n) {
        return 0;
    }
    SpCgInstr *prev = &u->instrs[n - 1];
    if (prev->op == SP_OP_LOAD_CONST) {
        int truth = sp_object_is_true(u->consts.items[prev->arg]);
        if (truth < 0) {
            return -1;
        }
        int jump_if_true = op == SP_OP_POP_JUMP_IF_TRUE || op == SP_OP_JUMP_IF_TRUE_OR_POP;
        int pops = op == SP_OP_POP_JUMP_IF_TRUE || op == SP_OP_POP_JUMP_IF_FALSE;
        if (truth == jump_if_true) {
            // Always jumps: the constant stays for the *_OR_POP forms.
            if (pops) {
                prev->op = SP_OP_NOP;
            }
            return sp_cg_emit(c, SP_OP_JUMP, label) < 0 ? -1 : 1;
        }
        // Never jumps: neither the constant nor the test is needed. The
        // jump still ended a basic block (which matters to line numbers).
        prev->op = SP_OP_NOP;
        int next = sp_cg_new_label(c);
        if (next < 0 || sp_cg_emit(c, SP_OP_NOP, 0) < 0) {
            return -1;
        }
        sp_cg_use_label(c, next);
        return 1;
    }
    if (prev->op == SP_OP_IS_OP && n >= 2 && u->last_label < n - 1 &&
        (op == SP_OP_POP_JUMP_IF_TRUE || op == SP_OP_POP_JUMP_IF_FALSE)) {
        SpCgInstr *load = &u->instrs[n - 2];
        if (load->op == SP_OP_LOAD_CONST && u->consts.items[load->arg] == sp_None) {
            // `is None` + jump if true, `is not None` + jump if false: jump if None.
            int if_none = (prev->arg == 0) == (op == SP_OP_POP_JUMP_IF_TRUE);
            load->op = SP_OP_NOP;
            prev->op = SP_OP_NOP;
            return sp_cg_emit(c, if_none ? SP_OP_POP_JUMP_IF_NONE : SP_OP_POP_JUMP_IF_NOT_NONE,
                              label) < 0
                       ? -1
                       : 1;
        }
    }
    return 0;
}

int sp_cg_emit(SpCompiler *c, int op, int arg) {
    SpUnit *u = c->u;
    if (op == SP_OP_POP_JUMP_IF_FALSE || op == SP_OP_POP_JUMP_IF_TRUE ||
        op == SP_OP_JUMP_IF_FALSE_OR_POP || op == SP_OP_JUMP_IF_TRUE_OR_POP) {
        int r = fold_cond_jump(c, op, arg);
        if (r != 0) {
            return r < 0 ? -1 : 0;
        }
    }
    if (op == SP_OP_UNPACK_SEQUENCE && arg <= 3 && u->ninstrs > 0 && u->last_label < u->ninstrs &&
        u->instrs[u->ninstrs - 1].op == SP_OP_BUILD_TUPLE && u->instrs[u->ninstrs - 1].arg == arg) {
        // a, b = b, a: no tuple, just SWAP (CPython's peephole).
        SpCgInstr *build = &u->instrs[u->ninstrs - 1];
        build->op = SP_OP_NOP;
        build->arg = 0;
        if (arg == 1) {
            return sp_cg_emit(c, SP_OP_NOP, 0);
        }
        op = SP_OP_SWAP;
    }
    if (op == SP_OP_BUILD_TUPLE) {
        int r = fold_build_tuple(c, arg);
        if (r != 0) {
            return r < 0 ? -1 : 0;
        }
    }
    if ((unsigned)arg > SP_INSTR_ARG_MAX) {
        sp_err_set_string(&SpExc_SystemError, "instruction argument too large");
        return -1;
    }
    if (grow((void **)&u->instrs, &u->capinstrs, u->ninstrs + 1, sizeof(SpCgInstr)) < 0) {
        return -1;
    }
    SpCgInstr *in = &u->instrs[u->ninstrs++];
    in->op = op;
    in->arg = arg;
    in->pos = u->loc;
    in->handler = u->cur_handler;
    return 0;
}

// Labels are numbers; the assembler maps them to instruction indices.
int sp_cg_new_label(SpCompiler *c) {
    SpUnit *u = c->u;
    if (grow((void **)&u->labels, &u->caplabels, u->nlabels + 1, sizeof(int)) < 0) {
        return -1;
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

void sp_cg_use_label(SpCompiler *c, int label) {
    c->u->labels[label] = c->u->ninstrs;
    c->u->last_label = c->u->ninstrs;
}

// Every constant passes the module-wide cache first, so equal constants of
// all code objects of one compilation are one object (unless the caller
// asked not to merge); identifier-like strings are interned.
int sp_cg_add_const(SpCompiler *c, SpObject *o) {
    SpObject *canon;
    if (c->flags & SP_CF_NO_CONST_MERGE) {
        canon = sp_newref(o);
        sp_compile_intern_const(&canon);
    } else {
        canon = sp_compile_merge_const(c, o);
        if (canon == NULL) {
            return -1;
        }
    }
    int k = sp_objlist_add(&c->u->consts, canon);
    SP_DECREF(canon);
    return k;
}

// LOAD_CONST of a borrowed constant.
int sp_cg_emit_const(SpCompiler *c, SpObject *o) {
    int k = sp_cg_add_const(c, o);
    return k < 0 ? -1 : sp_cg_emit(c, SP_OP_LOAD_CONST, k);
}

// LOAD_CONST of a new reference (released here); NULL means an earlier
// failure, passed on.
int sp_cg_emit_const_steal(SpCompiler *c, SpObject *o) {
    if (o == NULL) {
        return -1;
    }
    int r = sp_cg_emit_const(c, o);
    SP_DECREF(o);
    return r;
}

// An instruction whose argument is a name in co_names (mangled, as CPython
// mangles every name it emits: attributes, imports, globals).
int sp_cg_emit_name(SpCompiler *c, int op, SpObject *name) {
    SpObject *mangled = sp_mangle(c->u->private_name, name);
    if (mangled == NULL) {
        return -1;
    }
    int k = sp_objlist_add(&c->u->names, mangled);
    SP_DECREF(mangled);
    return k < 0 ? -1 : sp_cg_emit(c, op, k);
}

// Handlers form a stack through `outer`; the SETUP pseudo-instruction
// marks where the region starts so the assembler can measure its depth.
int sp_cg_setup(SpCompiler *c, int label, int lasti, int adjust) {
    SpUnit *u = c->u;
    if (grow((void **)&u->handlers, &u->caphandlers, u->nhandlers + 1, sizeof(SpHandler)) < 0) {
        return -1;
    }
    int h = u->nhandlers++;
    u->handlers[h] = (SpHandler){label, lasti, adjust, u->cur_handler, -1};
    if (sp_cg_emit(c, SP_PSEUDO_SETUP, h) < 0) {
        return -1;
    }
    u->cur_handler = h;
    return 0;
}

// The region of the innermost handler ends here (CPython's POP_BLOCK).
void sp_cg_pop_block(SpCompiler *c) {
    SpUnit *u = c->u;
    if (u->cur_handler >= 0) {
        u->cur_handler = u->handlers[u->cur_handler].outer;
    }
}

SpObject *sp_cg_error(SpCompiler *c, const char *fmt, ...) {
    // Formatted here, raised through the shared helper with "%U".
    va_list ap;
    va_start(ap, fmt);
    SpObject *msg = sp_str_from_formatv(fmt, ap);
    va_end(ap);
    if (msg == NULL) {
        return NULL;
    }
    SpCodePosition p = c->u->loc;
    sp_compile_error_args(c->filename, c->src, c->srclen, p.line, p.col, p.end_line, p.end_col,
                          "%U", msg);
    SP_DECREF(msg);
    return NULL;
}

// A SyntaxWarning, printed as the default warnings.showwarning does:
// "file:line: SyntaxWarning: msg" and the stripped source line (when the
// file is a real file). Returns 0 (-1 only on a failure to format).
int sp_cg_warn(SpCompiler *c, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    SpObject *msg = sp_str_from_formatv(fmt, ap);
    va_end(ap);
    if (msg == NULL) {
        return -1;
    }
    int line = c->u->loc.line;
    SpObject *text = sp_str_from_format("%U:%d: SyntaxWarning: %U\n", c->filename, line, msg);
    SP_DECREF(msg);
    if (text == NULL) {
        return -1;
    }
    const char *s = sp_str_as_utf8(text, NULL);
    if (s != NULL) {
        sp_sys_write_stderr(s);
    }
    SP_DECREF(text);
    // The source line, as linecache would find it.
    if (SP_STR_LENGTH(c->filename) > 0 && SP_STR_READ_CHAR(c->filename, 0) != '<' && line > 0) {
        const char *p = c->src, *end = c->src + c->srclen;
        for (int l = 1; l < line && p < end; l++) {
            while (p < end && *p != '\n') {
                p++;
            }
            if (p < end) {
                p++;
            }
        }
        const char *q = p;
        while (q < end && *q != '\n') {
            q++;
        }
        while (p < q && (*p == ' ' || *p == '\t' || *p == '\f' || *p == '\r')) {
            p++;
        }
        while (q > p && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r' || q[-1] == '\f')) {
            q--;
        }
        if (q > p) {
            SpObject *l2 = sp_str_from_format("  %.*s\n", (int)(q - p), p);
            const char *s2 = l2 != NULL ? sp_str_as_utf8(l2, NULL) : NULL;
            if (s2 != NULL) {
                sp_sys_write_stderr(s2);
            }
            SP_XDECREF(l2);
            sp_err_clear();
        }
    }
    return 0;
}

// CPython limits static nesting of blocks to 20 (CO_MAXBLOCKS).
int sp_cg_push_fblock(SpCompiler *c, SpFBlockType type, int block, int exit, const void *datum) {
    SpUnit *u = c->u;
    if (u->nfblocks >= SP_MAX_FBLOCKS) {
        sp_cg_error(c, "too many statically nested blocks");
        return -1;
    }
    u->fblocks[u->nfblocks++] = (SpFBlock){type, block, exit, datum};
    return 0;
}

void sp_cg_pop_fblock(SpCompiler *c) { c->u->nfblocks--; }

// ---------------------------------------------------------------------------
// Names

// The opcode for a variable follows from its scope and the kind of block:
// functions use fast locals, cells and globals; module and class bodies use
// the *_NAME opcodes for their own names (class bodies read free variables
// with LOAD_CLASSDEREF, which looks in the namespace first).
int sp_cg_nameop(SpCompiler *c, SpObject *name, SpExprContext ctx) {
    SpUnit *u = c->u;
    SpObject *mangled = sp_mangle(u->private_name, name);
    if (mangled == NULL) {
        return -1;
    }
    enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME } optype = OP_NAME;
    // Names the symbol table never saw (__module__, __doc__, __classcell__)
    // have no scope and use the *_NAME opcodes.
    SpObjList *derefs = NULL;
    int scope = sp_symtable_scope(u->ste, mangled);
    int is_function = u->ste->type == SP_BLOCK_FUNCTION;
    switch (scope) {
    case SP_SCOPE_FREE:
        derefs = &u->freevars;
        optype = OP_DEREF;
        break;
    case SP_SCOPE_CELL:
        derefs = &u->cellvars;
        optype = OP_DEREF;
        break;
    case SP_SCOPE_LOCAL:
        if (is_function) {
            optype = OP_FAST;
        }
        break;
    case SP_SCOPE_GLOBAL_IMPLICIT:
        if (is_function) {
            optype = OP_GLOBAL;
        }
        break;
    case SP_SCOPE_GLOBAL_EXPLICIT:
        optype = OP_GLOBAL;
        break;
    default:
        break;
    }
    int op = 0, arg = -1, r = -1;
    switch (optype) {
    case OP_DEREF:
        op = ctx == SP_CTX_LOAD
                 ? (u->ste->type == SP_BLOCK_CLASS ? SP_OP_LOAD_CLASSDEREF : SP_OP_LOAD_DEREF)
             : ctx == SP_CTX_STORE ? SP_OP_STORE_DEREF
                                   : SP_OP_DELETE_DEREF;
        // Deref arguments are cell indices first, then free indices; the
        // assembler maps them to localsplus slots.
        arg = sp_objlist_find(derefs, mangled);
        if (arg >= 0 && derefs == &u->freevars) {
            arg += u->cellvars.n;
        }
        if (arg < 0) {
            sp_err_format(&SpExc_SystemError, "compiler: no slot for name '%U'", mangled);
            goto done;
        }
        break;
    case OP_FAST:
        op = ctx == SP_CTX_LOAD    ? SP_OP_LOAD_FAST
             : ctx == SP_CTX_STORE ? SP_OP_STORE_FAST
                                   : SP_OP_DELETE_FAST;
        arg = sp_objlist_add(&u->varnames, mangled);
        break;
    case OP_GLOBAL:
        op = ctx == SP_CTX_LOAD    ? SP_OP_LOAD_GLOBAL
             : ctx == SP_CTX_STORE ? SP_OP_STORE_GLOBAL
                                   : SP_OP_DELETE_GLOBAL;
        arg = sp_objlist_add(&u->names, mangled);
        break;
    case OP_NAME:
        op = ctx == SP_CTX_LOAD    ? SP_OP_LOAD_NAME
             : ctx == SP_CTX_STORE ? SP_OP_STORE_NAME
                                   : SP_OP_DELETE_NAME;
        arg = sp_objlist_add(&u->names, mangled);
        break;
    }
    if (arg >= 0) {
        r = sp_cg_emit(c, op, arg);
    }
done:
    SP_DECREF(mangled);
    return r;
}

// sp_cg_nameop for a C string name (interned).
int sp_cg_nameop_cstr(SpCompiler *c, const char *name, SpExprContext ctx) {
    SpObject *s = sp_str_intern_cstr(name);
    if (s == NULL) {
        return -1;
    }
    int r = sp_cg_nameop(c, s, ctx);
    SP_DECREF(s);
    return r;
}

// ---------------------------------------------------------------------------
// Units

// A body's docstring: its first statement, if that is a string constant.
SpObject *sp_codegen_docstring(SpStmtSeq body) {
    if (body.n == 0) {
        return NULL;
    }
    SpStmt *s = body.items[0];
    if (s->kind != SP_STMT_EXPR) {
        return NULL;
    }
    SpExpr *e = s->v.Expr.value;
    if (e->kind != SP_EXPR_CONSTANT || !SP_STR_CHECK(e->v.Constant.value)) {
        return NULL;
    }
    return e->v.Constant.value;
}

// Collect a block's names of `scope` (or with flag `flag`) sorted by code
// point, as CPython's dictbytype orders cellvars and freevars.
static int add_sorted_names(SpObjList *l, SpSymEntry *ste, int scope, int flag) {
    int n = 0;
    SpObject **tmp = sp_mem_alloc(sizeof(SpObject *) * (size_t)(ste->nsyms + 1));
    if (tmp == NULL) {
        sp_err_no_memory();
        return -1;
    }
    for (int i = 0; i < ste->nsyms; i++) {
        SpSymbol *s = &ste->syms[i];
        if (s->scope == scope || (flag && (s->flags & flag))) {
            tmp[n++] = s->name;
        }
    }
    // Insertion sort: these lists are short.
    for (int i = 1; i < n; i++) {
        SpObject *x = tmp[i];
        int j = i - 1;
        while (j >= 0 && sp_str_compare(tmp[j], x) > 0) {
            tmp[j + 1] = tmp[j];
            j--;
        }
        tmp[j + 1] = x;
    }
    int r = 0;
    for (int i = 0; i < n && r == 0; i++) {
        r = sp_objlist_add(l, tmp[i]) < 0 ? -1 : 0;
    }
    sp_mem_free(tmp);
    return r;
}

// co_qualname: the dotted path of enclosing classes and functions, with
// ".<locals>" after each function (f.<locals>.g, C.m, <listcomp> at top).
static SpObject *make_qualname(SpCompiler *c, SpUnit *u) {
    SpUnit *parent = u->parent;
    // The module's direct children are named plainly; so is anything
    // declared global in its parent.
    if (parent == NULL || parent->type == SP_UNIT_MODULE) {
        return sp_newref(u->name);
    }
    if (u->type == SP_UNIT_FUNCTION || u->type == SP_UNIT_CLASS) {
        SpObject *mangled = sp_mangle(parent->private_name, u->name);
        if (mangled == NULL) {
            return NULL;
        }
        int scope = sp_symtable_scope(parent->ste, mangled);
        SP_DECREF(mangled);
        if (scope == SP_SCOPE_GLOBAL_EXPLICIT) {
            return sp_newref(u->name);
        }
    }
    if (parent->type == SP_UNIT_FUNCTION || parent->type == SP_UNIT_LAMBDA) {
        return sp_str_from_format("%U.<locals>.%U", parent->qualname, u->name);
    }
    return sp_str_from_format("%U.%U", parent->qualname, u->name);
}

// Release a unit and everything it owns.
static void free_unit(SpUnit *u) {
    SP_XDECREF(u->name);
    SP_XDECREF(u->qualname);
    sp_mem_free(u->instrs);
    sp_mem_free(u->labels);
    sp_mem_free(u->handlers);
    sp_objlist_free(&u->consts);
    sp_objlist_free(&u->names);
    sp_objlist_free(&u->varnames);
    sp_objlist_free(&u->cellvars);
    sp_objlist_free(&u->freevars);
    sp_mem_free(u);
}

// Leave the current unit (freeing it) and return to its parent.
static void exit_scope(SpCompiler *c) {
    SpUnit *u = c->u;
    c->u = u->parent;
    c->nestlevel--;
    free_unit(u);
}

// Open a unit for the scope of AST node `key` (CPython's compiler_enter_scope).
static int enter_scope(SpCompiler *c, SpObject *name, SpUnitType type, const void *key,
                       int firstlineno) {
    SpUnit *u = sp_mem_calloc(sizeof(SpUnit));
    if (u == NULL) {
        sp_err_no_memory();
        return -1;
    }
    u->consts.is_consts = 1;
    u->cur_handler = -1;
    u->last_label = -1;
    u->type = type;
    u->parent = c->u;
    u->name = sp_newref(name);
    u->firstlineno = firstlineno;
    u->ste = c->u == NULL ? c->st->top : sp_symtable_child(c->u->ste, key);
    if (u->ste == NULL) {
        sp_err_set_string(&SpExc_SystemError, "compiler: no symbol table for scope");
        goto fail;
    }
    // Locals other than parameters are added as the code first mentions them,
    // which is the order CPython gives co_varnames (and locals()).
    // Parameters first, in order; cells and free variables sorted.
    for (int i = 0; i < u->ste->nparams; i++) {
        if (sp_objlist_add(&u->varnames, u->ste->params[i]) < 0) {
            goto fail;
        }
    }
    if (u->ste->needs_class_closure) {
        if (sp_objlist_add(&u->cellvars, sp_id(__class__)) < 0) {
            goto fail;
        }
    }
    if (add_sorted_names(&u->cellvars, u->ste, SP_SCOPE_CELL, 0) < 0 ||
        add_sorted_names(&u->freevars, u->ste, SP_SCOPE_FREE, SP_DEF_FREE_CLASS) < 0) {
        goto fail;
    }
    if (c->u != NULL) {
        u->private_name = c->u->private_name;
    }
    // Instructions before the first statement (a class's prologue) take the
    // first line, column 0, as in CPython; a module's first statement sets it.
    u->loc = (SpCodePosition){firstlineno, firstlineno, 0, 0};
    if (type == SP_UNIT_MODULE) {
        u->loc = (SpCodePosition){-1, -1, -1, -1};
    }
    c->u = u;
    c->nestlevel++;
    u->qualname = make_qualname(c, u);
    if (u->qualname == NULL) {
        exit_scope(c);
        return -1;
    }
    // Generators start with GEN_START (no RETURN_GENERATOR here).
    if (u->ste->generator && u->ste->type == SP_BLOCK_FUNCTION) {
        // The first send() value is on the stack when a generator starts.
        SpCodePosition saved = u->loc;
        u->loc = (SpCodePosition){firstlineno, firstlineno, -1, -1};
        if (sp_cg_emit(c, SP_OP_GEN_START, 0) < 0) {
            exit_scope(c);
            return -1;
        }
        u->loc = saved;
    }
    return 0;
fail:
    SP_XDECREF(u->name);
    sp_objlist_free(&u->varnames);
    sp_objlist_free(&u->cellvars);
    sp_objlist_free(&u->freevars);
    sp_mem_free(u);
    return -1;
}

// After an error, every unit still open is released.
void sp_codegen_free_units(SpCompiler *c) {
    while (c->u != NULL) {
        exit_scope(c);
    }
}

// Assemble the current unit and leave its scope. New code object or NULL.
static SpObject *finish_scope(SpCompiler *c) {
    SpObject *co = sp_assemble(c, c->u);
    exit_scope(c);
    return co;
}

// ---------------------------------------------------------------------------
// Closures, defaults, annotations, decorators

// Push the cells a nested code object needs (LOAD_CLOSURE each, as a
// tuple), then the code object, then MAKE_FUNCTION.
static int make_closure(SpCompiler *c, SpCodeObject *co, int flags) {
    if (co->co_nfreevars > 0) {
        SpUnit *u = c->u;
        for (int i = co->co_nlocalsplus - co->co_nfreevars; i < co->co_nlocalsplus; i++) {
            SpObject *name = SP_TUPLE_GET_ITEM(co->co_localsplusnames, i);
            // A class's implicit __class__ is always its cell; otherwise a
            // name is ours as a cell, or passed through as free.
            int arg;
            int scope = (u->type == SP_UNIT_CLASS && sp_str_eq_cstr(name, "__class__"))
                            ? SP_SCOPE_CELL
                            : sp_symtable_scope(u->ste, name);
            if (scope == SP_SCOPE_CELL) {
                arg = sp_objlist_find(&u->cellvars, name);
            } else {
                arg = sp_objlist_find(&u->freevars, name);
                if (arg >= 0) {
                    arg += u->cellvars.n;
                }
            }
            if (arg < 0) {
                sp_err_format(&SpExc_SystemError, "compiler: closure variable '%U' not found",
                              name);
                return -1;
            }
            if (sp_cg_emit(c, SP_OP_LOAD_CLOSURE, arg) < 0) {
                return -1;
            }
        }
        flags |= 8;
        if (sp_cg_emit(c, SP_OP_BUILD_TUPLE, co->co_nfreevars) < 0) {
            return -1;
        }
    }
    if (sp_cg_emit_const(c, (SpObject *)co) < 0) {
        return -1;
    }
    return sp_cg_emit(c, SP_OP_MAKE_FUNCTION, flags);
}

// Defaults tuple and keyword-only defaults dict; returns MAKE_FUNCTION
// flags, or -1.
// Defaults are evaluated where the def is, in order: positional defaults
// as a tuple, then keyword-only defaults as a dict keyed by (mangled) name.
static int default_arguments(SpCompiler *c, SpArguments *args) {
    int flags = 0;
    if (args->defaults.n > 0) {
        if (sp_cg_exprs(c, args->defaults) < 0 ||
            sp_cg_emit(c, SP_OP_BUILD_TUPLE, (int)args->defaults.n) < 0) {
            return -1;
        }
        flags |= 1;
    }
    int nkw = 0;
    for (ssize_t i = 0; i < args->kwonlyargs.n; i++) {
        if (args->kw_defaults.items[i] != NULL) {
            nkw++;
        }
    }
    if (nkw > 0) {
        SpObject *keys = sp_tuple_new(nkw);
        if (keys == NULL) {
            return -1;
        }
        int k = 0;
        for (ssize_t i = 0; i < args->kwonlyargs.n; i++) {
            SpExpr *d = args->kw_defaults.items[i];
            if (d == NULL) {
                continue;
            }
            SpObject *mangled = sp_mangle(c->u->private_name, args->kwonlyargs.items[i]->arg);
            if (mangled == NULL || sp_cg_expr(c, d) < 0) {
                SP_XDECREF(mangled);
                SP_TUPLE_SET_ITEM(keys, k, sp_newref(sp_None));
                for (int j = k + 1; j < nkw; j++) {
                    SP_TUPLE_SET_ITEM(keys, j, sp_newref(sp_None));
                }
                SP_DECREF(keys);
                return -1;
            }
            SP_TUPLE_SET_ITEM(keys, k++, mangled);
        }
        if (sp_cg_emit_const_steal(c, keys) < 0 ||
            sp_cg_emit(c, SP_OP_BUILD_CONST_KEY_MAP, nkw) < 0) {
            return -1;
        }
        flags |= 2;
    }
    return flags;
}

// One `name: annotation` pair of the flat annotations tuple.
static int arg_annotation(SpCompiler *c, SpObject *id, SpExpr *annotation, int *count) {
    if (annotation == NULL) {
        return 0;
    }
    SpObject *mangled = sp_mangle(c->u->private_name, id);
    if (sp_cg_emit_const_steal(c, mangled) < 0) {
        return -1;
    }
    if (c->future_annotations) {
        if (sp_cg_emit_const_steal(c, sp_ast_unparse(annotation)) < 0) {
            return -1;
        }
    } else if (annotation->kind == SP_EXPR_STARRED) {
        // *args: *Ts -- the annotation is the single item of Ts.
        if (sp_cg_expr(c, annotation->v.Starred.value) < 0 ||
            sp_cg_emit(c, SP_OP_UNPACK_SEQUENCE, 1) < 0) {
            return -1;
        }
    } else if (sp_cg_expr(c, annotation) < 0) {
        return -1;
    }
    *count += 2;
    return 0;
}

// The annotated ones of a parameter list.
static int arg_annotations(SpCompiler *c, SpArgSeq args, int *count) {
    for (ssize_t i = 0; i < args.n; i++) {
        if (arg_annotation(c, args.items[i]->arg, args.items[i]->annotation, count) < 0) {
            return -1;
        }
    }
    return 0;
}

// The flat (name, value, ...) annotations tuple; returns 1 if pushed, 0 if
// there are none, -1 on error. CPython's odd order is kept: args before
// positional-only ones.
static int annotations(SpCompiler *c, SpArguments *args, SpExpr *returns) {
    int count = 0;
    if (arg_annotations(c, args->args, &count) < 0 ||
        arg_annotations(c, args->posonlyargs, &count) < 0) {
        return -1;
    }
    if (args->vararg != NULL &&
        arg_annotation(c, args->vararg->arg, args->vararg->annotation, &count) < 0) {
        return -1;
    }
    if (arg_annotations(c, args->kwonlyargs, &count) < 0) {
        return -1;
    }
    if (args->kwarg != NULL &&
        arg_annotation(c, args->kwarg->arg, args->kwarg->annotation, &count) < 0) {
        return -1;
    }
    if (returns != NULL) {
        SpObject *ret = sp_str_intern_cstr("return");
        if (ret == NULL) {
            return -1;
        }
        int r = arg_annotation(c, ret, returns, &count);
        SP_DECREF(ret);
        if (r < 0) {
            return -1;
        }
    }
    if (count == 0) {
        return 0;
    }
    return sp_cg_emit(c, SP_OP_BUILD_TUPLE, count) < 0 ? -1 : 1;
}

static int apply_decorators(SpCompiler *c, SpExprSeq decos) {
    SpCodePosition saved = c->u->loc;
    // Innermost decorator first; each call has its decorator's position.
    for (ssize_t i = decos.n - 1; i >= 0; i--) {
        // decorator, function -> CALL 0 calls decorator(function).
        c->u->loc = SP_POS_OF(decos.items[i]);
        if (sp_cg_emit(c, SP_OP_CALL, 0) < 0) {
            return -1;
        }
    }
    c->u->loc = saved;
    return 0;
}

// ---------------------------------------------------------------------------
// Bodies

// Does a body (not counting nested defs and classes) contain a simple
// annotation? Then the module or class needs __annotations__.
static int find_ann(SpStmtSeq stmts) {
    for (ssize_t i = 0; i < stmts.n; i++) {
        SpStmt *s = stmts.items[i];
        switch (s->kind) {
        case SP_STMT_ANN_ASSIGN:
            return 1;
        case SP_STMT_FOR:
            if (find_ann(s->v.For.body) || find_ann(s->v.For.orelse)) {
                return 1;
            }
            break;
        case SP_STMT_WHILE:
            if (find_ann(s->v.While.body) || find_ann(s->v.While.orelse)) {
                return 1;
            }
            break;
        case SP_STMT_IF:
            if (find_ann(s->v.If.body) || find_ann(s->v.If.orelse)) {
                return 1;
            }
            break;
        case SP_STMT_WITH:
            if (find_ann(s->v.With.body)) {
                return 1;
            }
            break;
        case SP_STMT_TRY:
            for (ssize_t j = 0; j < s->v.Try.handlers.n; j++) {
                if (find_ann(s->v.Try.handlers.items[j]->body)) {
                    return 1;
                }
            }
            if (find_ann(s->v.Try.body) || find_ann(s->v.Try.finalbody) ||
                find_ann(s->v.Try.orelse)) {
                return 1;
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

// A module or class body: annotations set-up, the docstring as __doc__,
// then the statements.
// (The module's first instruction takes the first statement's position.)
static int body(SpCompiler *c, SpStmtSeq stmts) {
    if (c->u->type == SP_UNIT_MODULE && stmts.n > 0) {
        c->u->loc = SP_POS_OF(stmts.items[0]);
    }
    if (find_ann(stmts) && sp_cg_emit(c, SP_OP_SETUP_ANNOTATIONS, 0) < 0) {
        return -1;
    }
    ssize_t i = 0;
    if (sp_codegen_docstring(stmts) != NULL) {
        i = 1;
        SpStmt *st = stmts.items[0];
        c->u->loc = SP_POS_OF(st);
        if (sp_cg_expr(c, st->v.Expr.value) < 0) {
            return -1;
        }
        SP_UNSET_LOC(c);
        if (sp_cg_nameop(c, sp_id(__doc__), SP_CTX_STORE) < 0) {
            return -1;
        }
    }
    for (; i < stmts.n; i++) {
        if (sp_cg_stmt(c, stmts.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// def, lambda, class

// def: decorators, defaults and annotations are evaluated in the enclosing
// scope first, then the body becomes a code object, a function is made
// (with closure cells if it needs any), decorated and stored.
int sp_cg_function(SpCompiler *c, SpStmt *s) {
    SpArguments *args = s->v.FunctionDef.args;
    SpExprSeq decos = s->v.FunctionDef.decorator_list;
    SpStmtSeq fbody = s->v.FunctionDef.body;
    if (sp_cg_exprs(c, decos) < 0) {
        return -1;
    }
    // A decorated def starts at its first decorator (co_firstlineno).
    int firstlineno = decos.n > 0 ? decos.items[0]->lineno : s->lineno;
    int flags = default_arguments(c, args);
    if (flags < 0) {
        return -1;
    }
    int ann = annotations(c, args, s->v.FunctionDef.returns);
    if (ann < 0) {
        return -1;
    }
    if (ann > 0) {
        flags |= 4;
    }
    if (enter_scope(c, s->v.FunctionDef.name, SP_UNIT_FUNCTION, s, firstlineno) < 0) {
        return -1;
    }
    // A function's co_consts[0] is its docstring or None (so the function
    // object can find __doc__ there).
    SpObject *doc = sp_codegen_docstring(fbody);
    if (sp_cg_add_const(c, doc != NULL ? doc : sp_None) < 0) {
        exit_scope(c);
        return -1;
    }
    c->u->argcount = (int)args->args.n;
    c->u->posonlyargcount = (int)args->posonlyargs.n;
    c->u->kwonlyargcount = (int)args->kwonlyargs.n;
    for (ssize_t i = doc != NULL ? 1 : 0; i < fbody.n; i++) {
        if (sp_cg_stmt(c, fbody.items[i]) < 0) {
            exit_scope(c);
            return -1;
        }
    }
    SpObject *co = finish_scope(c);
    if (co == NULL) {
        return -1;
    }
    int r = make_closure(c, (SpCodeObject *)co, flags);
    SP_DECREF(co);
    if (r < 0 || apply_decorators(c, decos) < 0) {
        return -1;
    }
    return sp_cg_nameop(c, s->v.FunctionDef.name, SP_CTX_STORE);
}

// lambda: a function whose body is one returned expression.
int sp_cg_lambda(SpCompiler *c, SpExpr *e) {
    SpArguments *args = e->v.Lambda.args;
    int flags = default_arguments(c, args);
    if (flags < 0) {
        return -1;
    }
    SpObject *name = sp_str_intern_cstr("<lambda>");
    if (name == NULL) {
        return -1;
    }
    int r = enter_scope(c, name, SP_UNIT_LAMBDA, e, e->lineno);
    SP_DECREF(name);
    if (r < 0) {
        return -1;
    }
    // None first, so a lambda never has a docstring.
    if (sp_cg_add_const(c, sp_None) < 0) {
        exit_scope(c);
        return -1;
    }
    c->u->argcount = (int)args->args.n;
    c->u->posonlyargcount = (int)args->posonlyargs.n;
    c->u->kwonlyargcount = (int)args->kwonlyargs.n;
    if (sp_cg_expr(c, e->v.Lambda.body) < 0) {
        exit_scope(c);
        return -1;
    }
    if (sp_cg_emit(c, SP_OP_RETURN_VALUE, 0) < 0) {
        exit_scope(c);
        return -1;
    }
    SpObject *co = finish_scope(c);
    if (co == NULL) {
        return -1;
    }
    r = make_closure(c, (SpCodeObject *)co, flags);
    SP_DECREF(co);
    return r;
}

// class: the body runs as a function on the class namespace; its result is
// the __class__ cell (if methods use super() or __class__) so type() can
// fill it. Then __build_class__(func, name, *bases, **keywords) is called.
int sp_cg_class(SpCompiler *c, SpStmt *s) {
    SpExprSeq decos = s->v.ClassDef.decorator_list;
    if (sp_cg_exprs(c, decos) < 0) {
        return -1;
    }
    int firstlineno = decos.n > 0 ? decos.items[0]->lineno : s->lineno;
    // 1. The class body as a function that fills the namespace.
    if (enter_scope(c, s->v.ClassDef.name, SP_UNIT_CLASS, s, firstlineno) < 0) {
        return -1;
    }
    SpUnit *u = c->u;
    u->private_name = s->v.ClassDef.name;
    if (sp_cg_nameop(c, sp_id(__name__), SP_CTX_LOAD) < 0 ||
        sp_cg_nameop(c, sp_id(__module__), SP_CTX_STORE) < 0 ||
        sp_cg_emit_const(c, u->qualname) < 0 ||
        sp_cg_nameop(c, sp_id(__qualname__), SP_CTX_STORE) < 0 || body(c, s->v.ClassDef.body) < 0) {
        exit_scope(c);
        return -1;
    }
    SP_UNSET_LOC(c);
    int r;
    if (u->ste->needs_class_closure) {
        // Return the __class__ cell and store it as __classcell__: type()
        // fills it with the new class.
        r = sp_cg_emit(c, SP_OP_LOAD_CLOSURE, 0) < 0 || sp_cg_emit(c, SP_OP_COPY, 1) < 0 ||
                    sp_cg_nameop_cstr(c, "__classcell__", SP_CTX_STORE) < 0
                ? -1
                : 0;
    } else {
        r = sp_cg_emit_const(c, sp_None);
    }
    if (r < 0 || sp_cg_emit(c, SP_OP_RETURN_VALUE, 0) < 0) {
        exit_scope(c);
        return -1;
    }
    SpObject *co = finish_scope(c);
    if (co == NULL) {
        return -1;
    }
    // 2. __build_class__(func, name, *bases, **keywords).
    if (sp_cg_emit(c, SP_OP_PUSH_NULL, 0) < 0 || sp_cg_emit(c, SP_OP_LOAD_BUILD_CLASS, 0) < 0) {
        SP_DECREF(co);
        return -1;
    }
    r = make_closure(c, (SpCodeObject *)co, 0);
    SP_DECREF(co);
    if (r < 0 || sp_cg_emit_const(c, s->v.ClassDef.name) < 0 ||
        sp_cg_call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords) < 0 ||
        apply_decorators(c, decos) < 0) {
        return -1;
    }
    return sp_cg_nameop(c, s->v.ClassDef.name, SP_CTX_STORE);
}

// ---------------------------------------------------------------------------
// Comprehensions: a nested function called with the outermost iterator.

// One `for ... in ... if ...` level (CPython's compiler_sync_comprehension_generator).
static int comprehension_generator(SpCompiler *c, SpComprehensionSeq gens, ssize_t index, int depth,
                                   SpExpr *elt, SpExpr *val, SpCompKind kind) {
    SpComprehension *gen = gens.items[index];
    int start = sp_cg_new_label(c), if_cleanup = sp_cg_new_label(c), anchor = sp_cg_new_label(c);
    if (start < 0 || if_cleanup < 0 || anchor < 0) {
        return -1;
    }
    int has_loop = 1;
    // `depth` counts the iterators on the stack above the result container;
    // LIST_APPEND & co. find the container below them.
    if (index == 0) {
        // The outermost iterator arrives as argument .0.
        if (sp_cg_emit(c, SP_OP_LOAD_FAST, 0) < 0) {
            return -1;
        }
    } else {
        // `for y in [expr]` binds y once, without a loop.
        SpExprSeq elts = {0, NULL};
        if (gen->iter->kind == SP_EXPR_LIST) {
            elts = gen->iter->v.List.elts;
        } else if (gen->iter->kind == SP_EXPR_TUPLE) {
            elts = gen->iter->v.Tuple.elts;
        }
        if (elts.n == 1 && elts.items[0]->kind != SP_EXPR_STARRED) {
            if (sp_cg_expr(c, elts.items[0]) < 0) {
                return -1;
            }
            has_loop = 0;
        } else if (sp_cg_expr(c, gen->iter) < 0 || sp_cg_emit(c, SP_OP_GET_ITER, 0) < 0) {
            return -1;
        }
    }
    if (has_loop) {
        depth++;
        sp_cg_use_label(c, start);
        if (sp_cg_emit(c, SP_OP_FOR_ITER, anchor) < 0) {
            return -1;
        }
    }
    if (sp_cg_expr(c, gen->target) < 0) {
        return -1;
    }
    for (ssize_t i = 0; i < gen->ifs.n; i++) {
        if (sp_cg_jump_if(c, gen->ifs.items[i], if_cleanup, 0) < 0) {
            return -1;
        }
    }
    if (index + 1 < gens.n) {
        if (comprehension_generator(c, gens, index + 1, depth, elt, val, kind) < 0) {
            return -1;
        }
    } else {
        switch (kind) {
        case SP_COMP_GENEXP:
            if (sp_cg_expr(c, elt) < 0 || sp_cg_emit(c, SP_OP_YIELD_VALUE, 0) < 0 ||
                sp_cg_emit(c, SP_OP_POP_TOP, 0) < 0) {
                return -1;
            }
            break;
        case SP_COMP_LIST:
            if (sp_cg_expr(c, elt) < 0 || sp_cg_emit(c, SP_OP_LIST_APPEND, depth + 1) < 0) {
                return -1;
            }
            break;
        case SP_COMP_SET:
            if (sp_cg_expr(c, elt) < 0 || sp_cg_emit(c, SP_OP_SET_ADD, depth + 1) < 0) {
                return -1;
            }
            break;
        default:
            // {k: v}: the key is evaluated first.
            if (sp_cg_expr(c, elt) < 0 || sp_cg_expr(c, val) < 0 ||
                sp_cg_emit(c, SP_OP_MAP_ADD, depth + 1) < 0) {
                return -1;
            }
            break;
        }
    }
    sp_cg_use_label(c, if_cleanup);
    if (has_loop) {
        if (sp_cg_emit(c, SP_OP_JUMP, start) < 0) {
            return -1;
        }
        sp_cg_use_label(c, anchor);
    }
    return 0;
}

// A comprehension or generator expression: its own function, called at
// once with the iterator of the outermost iterable, which is evaluated in
// the enclosing scope.
int sp_cg_comprehension(SpCompiler *c, SpExpr *e) {
    SpComprehensionSeq gens;
    SpExpr *elt, *val = NULL;
    const char *name;
    SpCompKind kind;
    int build = -1;
    switch (e->kind) {
    case SP_EXPR_LIST_COMP:
        gens = e->v.ListComp.generators, elt = e->v.ListComp.elt;
        name = "<listcomp>", kind = SP_COMP_LIST, build = SP_OP_BUILD_LIST;
        break;
    case SP_EXPR_SET_COMP:
        gens = e->v.SetComp.generators, elt = e->v.SetComp.elt;
        name = "<setcomp>", kind = SP_COMP_SET, build = SP_OP_BUILD_SET;
        break;
    case SP_EXPR_DICT_COMP:
        gens = e->v.DictComp.generators, elt = e->v.DictComp.key, val = e->v.DictComp.value;
        name = "<dictcomp>", kind = SP_COMP_DICT, build = SP_OP_BUILD_MAP;
        break;
    default:
        gens = e->v.GeneratorExp.generators, elt = e->v.GeneratorExp.elt;
        name = "<genexpr>", kind = SP_COMP_GENEXP;
        break;
    }
    SpObject *nameobj = sp_str_intern_cstr(name);
    if (nameobj == NULL) {
        return -1;
    }
    int r = enter_scope(c, nameobj, SP_UNIT_COMPREHENSION, e, e->lineno);
    SP_DECREF(nameobj);
    if (r < 0) {
        return -1;
    }
    c->u->loc = SP_POS_OF(e);
    c->u->argcount = 1;
    if (c->u->ste->coroutine) {
        // An await inside: an asynchronous comprehension. Valid only in an
        // async function (or as a generator expression), neither of which
        // smallpy has.
        SpUnitType parent = c->u->parent->type;
        if (kind != SP_COMP_GENEXP && parent != SP_UNIT_COMPREHENSION) {
            sp_cg_error(c, "asynchronous comprehension outside of an asynchronous function");
        } else {
            sp_cg_error(c, "async is not supported yet");
        }
        exit_scope(c);
        return -1;
    }
    if ((build >= 0 && sp_cg_emit(c, build, 0) < 0) ||
        comprehension_generator(c, gens, 0, 0, elt, val, kind) < 0 ||
        (build >= 0 && sp_cg_emit(c, SP_OP_RETURN_VALUE, 0) < 0)) {
        exit_scope(c);
        return -1;
    }
    SpObject *co = finish_scope(c);
    if (co == NULL) {
        return -1;
    }
    r = make_closure(c, (SpCodeObject *)co, 0);
    SP_DECREF(co);
    if (r < 0) {
        return -1;
    }
    // function, iterator -> CALL 0 calls function(iterator).
    if (sp_cg_expr(c, gens.items[0]->iter) < 0 || sp_cg_emit(c, SP_OP_GET_ITER, 0) < 0) {
        return -1;
    }
    return sp_cg_emit(c, SP_OP_CALL, 0);
}

// ---------------------------------------------------------------------------
// The module

// The whole tree: a module (exec), one interactive statement (single:
// expression statements print) or one expression (eval: its value is
// returned).
SpObject *sp_codegen_module(SpCompiler *c, SpAstMod *mod) {
    SpObject *name = sp_str_intern_cstr("<module>");
    if (name == NULL) {
        return NULL;
    }
    int r = enter_scope(c, name, SP_UNIT_MODULE, mod, 1);
    SP_DECREF(name);
    if (r < 0) {
        sp_codegen_free_units(c);
        return NULL;
    }
    switch (mod->kind) {
    case SP_MOD_MODULE:
        r = body(c, mod->v.Module.body);
        break;
    case SP_MOD_INTERACTIVE:
        if (find_ann(mod->v.Interactive.body)) {
            r = sp_cg_emit(c, SP_OP_SETUP_ANNOTATIONS, 0);
        }
        c->interactive = 1;
        for (ssize_t i = 0; r == 0 && i < mod->v.Interactive.body.n; i++) {
            r = sp_cg_stmt(c, mod->v.Interactive.body.items[i]);
        }
        break;
    default:
        r = sp_cg_expr(c, mod->v.Expression.body);
        if (r == 0) {
            r = sp_cg_emit(c, SP_OP_RETURN_VALUE, 0);
        }
        break;
    }
    if (r < 0) {
        sp_codegen_free_units(c);
        return NULL;
    }
    return finish_scope(c);
}
