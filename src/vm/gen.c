// smallpy: generator objects and a minimal frame object. A generator holds
// its frame inline (one allocation) and runs it through sp_eval_frame with
// the frame marked as an entry frame, so a yield returns to the C caller
// here. Counterpart: CPython 3.11 Objects/genobject.c, Objects/frameobject.c.
#define SP_VM_INTERNAL 1
#include "vm/frame.h"

#include "core/abstract.h"
#include "core/gc.h"
#include "core/mem.h"
#include "modules/sys.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/vm.h"

typedef struct SpGenObject {
    SP_OBJECT_HEAD;
    SpObject *gi_name;        // str
    SpObject *gi_qualname;    // str
    SpObject *gi_exc_state;   // the exception its `except` block handles while suspended
    SpFrame *gi_frame;        // points just past this struct, in the same block
} SpGenObject;

#define GEN(o) ((SpGenObject *)(o))

extern SpTypeObject SpFrameObject_Type;

SpObject *sp_gen_new_from_call(SpFunctionObject *fn, SpObject *const *args, ssize_t npos,
                               SpObject *kwnames) {
    SpCodeObject *co = (SpCodeObject *)fn->func_code;
    SpCodeExtra *x = sp_code_extra(co);
    if (x == NULL) {
        return NULL;
    }
    SpGenObject *gen = (SpGenObject *)sp_object_alloc_size(
        &SpGenerator_Type, sizeof(SpGenObject) + (size_t)x->nslots * sizeof(SpObject *));
    if (gen == NULL) {
        return NULL;
    }
    // The frame sits right after the generator's fields, in the same block;
    // the arguments are bound straight into it.
    SpFrame *f = (SpFrame *)(gen + 1);
    gen->gi_frame = f;
    gen->gi_exc_state = NULL;
    gen->gi_name = SP_NEWREF_OF(fn->func_name);
    gen->gi_qualname = SP_NEWREF_OF(fn->func_qualname);
    sp_frame_init(f, fn, co, NULL);
    f->owner = SP_FRAME_OWNED_BY_GEN;
    f->entry = 1;
    if (sp_frame_bind(f, fn, args, npos, kwnames) < 0) {
        sp_frame_clear(f);
        SP_DECREF(gen);
        return NULL;
    }
    f->state = SP_FRAME_CREATED;
    sp_gc_track((SpObject *)gen);
    return (SpObject *)gen;
}

// The iterator a generator suspended in `yield from` delegates to
// (borrowed), or NULL.
static SpObject *gen_yf(SpGenObject *gen) {
    SpFrame *f = gen->gi_frame;
    if (f->state != SP_FRAME_SUSPENDED || SP_INSTR_OP(*f->next_instr) != SP_OP_YIELD_FROM) {
        return NULL;
    }
    return f->stacktop[-1];
}

// The one way into a generator's frame (CPython's gen_send_ex2). The
// frame runs as an entry frame of a fresh sp_eval_frame call linked below
// the current frame; a yield returns here with the frame SUSPENDED, a
// return or an escaping exception with it COMPLETED (and cleared). States
// are checked first: re-entering a running generator is a ValueError, a
// finished one returns None at once, and a new one accepts only None.
int sp_gen_resume(SpObject *self, SpObject *arg, int throwing, SpObject **result) {
    SpGenObject *gen = GEN(self);
    SpFrame *f = gen->gi_frame;
    *result = NULL;
    if (f->state == SP_FRAME_EXECUTING) {
        sp_err_set_string(&SpExc_ValueError, "generator already executing");
        return -1;
    }
    // A finished generator: send() reports exhaustion again, throw()
    // raises what was thrown.
    if (f->state == SP_FRAME_COMPLETED) {
        if (throwing) {
            return -1;  // the thrown exception simply propagates
        }
        *result = sp_newref(sp_None);
        return 0;
    }
    if (f->state == SP_FRAME_CREATED && !throwing && arg != sp_None) {
        sp_err_set_string(&SpExc_TypeError,
                          "can't send non-None value to a just-started generator");
        return -1;
    }
    // A resumed generator counts as one more frame on the Python stack.
    if (sp_recursion_check() < 0) {
        return -1;
    }
    if (!throwing) {
        // The sent value becomes the result of the suspended yield (or is
        // popped by GEN_START on the first run).
        *f->stacktop++ = sp_newref(arg);
    } else if (gen->gi_exc_state != NULL && sp_err_occurred() != NULL) {
        // Thrown into an `except` block: what it handles becomes the context.
        sp_err_set_context(sp_err_occurred(), gen->gi_exc_state);
    }
    // The generator's own handled-exception slot is pushed while it runs.
    // Slots below it do not change meanwhile, so the outer value is simply
    // put back afterwards.
    SpExcSlot slot = {gen->gi_exc_state, sp_exc_top};
    SpObject *outer_exc_info = sp_tstate.exc_info;
    gen->gi_exc_state = NULL;
    sp_exc_top = &slot;
    if (slot.value != NULL) {
        sp_tstate.exc_info = slot.value;
    }
    SpObject *r = sp_eval_frame(f, throwing);
    sp_exc_top = slot.previous;
    sp_tstate.exc_info = outer_exc_info;
    if (f->state == SP_FRAME_SUSPENDED) {
        gen->gi_exc_state = slot.value;
    } else {
        SP_XDECREF(slot.value);
    }
    if (f->state == SP_FRAME_SUSPENDED) {
        *result = r;
        return 1;
    }
    if (r != NULL) {
        *result = r;
        return 0;
    }
    // The frame has finished by raising.
    if (sp_err_matches_type(&SpExc_StopIteration)) {
        // PEP 479: a StopIteration escaping the body becomes RuntimeError.
        SpObject *stop = sp_err_fetch();
        sp_err_set_string(&SpExc_RuntimeError, "generator raised StopIteration");
        SpObject *rt = sp_err_occurred();
        if (rt != NULL && rt != stop) {
            sp_exc_set_cause(rt, sp_newref(stop));
            sp_exc_set_context(rt, stop);
        } else {
            SP_DECREF(stop);
        }
    }
    return -1;
}

// raise StopIteration(value) (bare StopIteration for None), as CPython's
// _PyGen_SetStopIterationValue: the value is wrapped in an argument tuple
// so that tuples and exceptions survive.
static void set_stop_iteration(SpObject *value) {
    if (value == sp_None) {
        sp_err_set_none(&SpExc_StopIteration);
        return;
    }
    SpObject *args = sp_tuple_pack(1, value);
    if (args != NULL) {
        sp_err_set_object(&SpExc_StopIteration, args);
        SP_DECREF(args);
    }
}

// tp_iternext / __next__: the iterator protocol's quiet end (NULL with no
// exception) unless the generator returned a value, which must reach
// next()'s caller inside a StopIteration.
static SpObject *gen_iternext(SpObject *self) {
    SpObject *r;
    int st = sp_gen_resume(self, sp_None, 0, &r);
    if (st == 1) {
        return r;
    }
    if (st == 0) {
        // Exhausted: no exception for `return` / `return None`, the value
        // travels in a StopIteration otherwise.
        if (r != sp_None) {
            set_stop_iteration(r);
        }
        SP_DECREF(r);
    }
    return NULL;
}

// send(v): like __next__ but the end is always a StopIteration.
static SpObject *gen_send(SpObject *self, SpObject *arg) {
    SpObject *r;
    int st = sp_gen_resume(self, arg, 0, &r);
    if (st == 1) {
        return r;
    }
    if (st == 0) {
        set_stop_iteration(r);
        SP_DECREF(r);
    }
    return NULL;
}

// yf.close() for a delegated-to iterator. 0 or -1.
static int gen_close_iter(SpObject *yf);
static SpObject *gen_close(SpObject *self, SpObject *unused);

// Closing a sub-iterator while closing or throwing GeneratorExit into the
// delegating generator: a missing close() is fine.
static int gen_close_iter(SpObject *yf) {
    SpObject *r;
    if (SP_TYPE(yf) == &SpGenerator_Type) {
        r = gen_close(yf, NULL);
    } else {
        SpObject *meth = sp_object_lookup_attr(yf, sp_id(close));
        if (meth == NULL) {
            return sp_err_occurred() ? -1 : 0;
        }
        r = sp_call_noargs(meth);
        SP_DECREF(meth);
    }
    if (r == NULL) {
        return -1;
    }
    SP_DECREF(r);
    return 0;
}

// Resume after the delegated iterator stopped while handling throw(): pop
// it, step past YIELD_FROM and continue with its result (or the exception).
// After throw() went to the sub-iterator and it stopped: the delegating
// frame continues past its YIELD_FROM, with the sub-iterator's return value
// (from a StopIteration) as the result of `yield from`, or with the
// exception raised at that point.
static SpObject *gen_resume_after_yf(SpGenObject *gen) {
    SpFrame *f = gen->gi_frame;
    SpObject *yf = *--f->stacktop;
    SP_DECREF(yf);
    f->next_instr++;
    SpObject *r;
    int st;
    if (!sp_err_occurred() || sp_err_matches_type(&SpExc_StopIteration)) {
        SpObject *val = sp_err_occurred() ? sp_stopiteration_take_value() : sp_newref(sp_None);
        st = sp_gen_resume((SpObject *)gen, val, 0, &r);
        SP_DECREF(val);
    } else {
        st = sp_gen_resume((SpObject *)gen, NULL, 1, &r);
    }
    if (st == 1) {
        return r;
    }
    if (st == 0) {
        set_stop_iteration(r);
        SP_DECREF(r);
    }
    return NULL;
}

// throw() with the exception already set: into the frame directly.
static SpObject *throw_here(SpGenObject *gen) {
    SpObject *r;
    int st = sp_gen_resume((SpObject *)gen, NULL, 1, &r);
    if (st == 1) {
        return r;
    }
    if (st == 0) {
        set_stop_iteration(r);
        SP_DECREF(r);
    }
    return NULL;
}

// Build the exception of throw(typ[, val[, tb]]) and make it current.
// 0 or -1.
static int make_throw_exception(SpObject *typ, SpObject *val, SpObject *tb) {
    if (tb == sp_None) {
        tb = NULL;
    } else if (tb != NULL && SP_TYPE(tb) != &SpTraceback_Type) {
        sp_err_set_string(&SpExc_TypeError, "throw() third argument must be a traceback object");
        return -1;
    }
    // The exception is made current as it is: the caller's handled
    // exception does not become its context (the generator's may, later).
    SpObject *exc;
    if (SP_TYPE_CHECK(typ) && SP_EXC_TYPE_CHECK((SpTypeObject *)typ)) {
        if (val != NULL && val != sp_None && SP_EXC_CHECK(val) &&
            sp_type_is_subtype(SP_TYPE(val), (SpTypeObject *)typ)) {
            exc = sp_newref(val);
        } else if (val == NULL || val == sp_None) {
            exc = sp_call_noargs(typ);
        } else if (SP_TUPLE_CHECK(val)) {
            exc = sp_call(typ, val, NULL);
        } else {
            exc = sp_call_one_arg(typ, val);
        }
        if (exc == NULL) {
            return -1;
        }
        if (!SP_EXC_CHECK(exc)) {
            sp_err_format(&SpExc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %R",
                          typ, (SpObject *)SP_TYPE(exc));
            SP_DECREF(exc);
            return -1;
        }
        sp_err_restore_raw(exc);
    } else if (SP_EXC_CHECK(typ)) {
        if (val != NULL && val != sp_None) {
            sp_err_set_string(&SpExc_TypeError,
                              "instance exception may not have a separate value");
            return -1;
        }
        sp_err_restore_raw(sp_newref(typ));
        exc = typ;
    } else {
        sp_err_format(&SpExc_TypeError,
                      "exceptions must be classes or instances deriving from BaseException, "
                      "not %s",
                      sp_object_type_name(typ));
        return -1;
    }
    if (tb != NULL) {
        sp_exc_set_traceback(exc, tb);
    }
    return 0;
}

// throw(): while suspended in `yield from`, the exception goes to the
// sub-iterator first (GeneratorExit closes it instead); otherwise, or when
// the sub-iterator has no throw(), it is raised at the suspension point.
static SpObject *gen_throw_impl(SpGenObject *gen, int close_on_genexit, SpObject *typ,
                                SpObject *val, SpObject *tb) {
    SpObject *yf = gen_yf(gen);
    SpFrame *f = gen->gi_frame;
    if (yf != NULL) {
        SpObject *ret = NULL;
        SP_INCREF(yf);
        if (close_on_genexit && typ == (SpObject *)&SpExc_GeneratorExit) {
            f->state = SP_FRAME_EXECUTING;
            int err = gen_close_iter(yf);
            f->state = SP_FRAME_SUSPENDED;
            SP_DECREF(yf);
            if (err < 0) {
                return throw_here(gen);
            }
            goto here;
        }
        f->state = SP_FRAME_EXECUTING;
        if (SP_TYPE(yf) == &SpGenerator_Type) {
            // Link our frame so the traceback shows it, as CPython does.
            f->previous = sp_tstate.frame;
            sp_tstate.frame = f;
            ret = gen_throw_impl(GEN(yf), close_on_genexit, typ, val, tb);
            sp_tstate.frame = f->previous;
            f->previous = NULL;
        } else {
            SpObject *meth = sp_object_lookup_attr(yf, sp_id(throw));
            if (meth == NULL) {
                f->state = SP_FRAME_SUSPENDED;
                SP_DECREF(yf);
                if (sp_err_occurred()) {
                    return throw_here(gen);
                }
                goto here;
            }
            SpObject *args[3] = {typ, val ? val : sp_None, tb ? tb : sp_None};
            ret = sp_vectorcall(meth, args, tb ? 3 : (val ? 2 : 1), NULL);
            SP_DECREF(meth);
        }
        f->state = SP_FRAME_SUSPENDED;
        SP_DECREF(yf);
        if (ret == NULL) {
            return gen_resume_after_yf(gen);
        }
        return ret;
    }
here:
    if (make_throw_exception(typ, val, tb) < 0) {
        return NULL;
    }
    return throw_here(gen);
}

static SpObject *gen_throw(SpObject *self, SpObject *const *args, ssize_t nargs,
                           SpObject *kwnames) {
    if (!sp_arg_no_kwnames("throw", kwnames) || !sp_arg_check_positional("throw", nargs, 1, 3)) {
        return NULL;
    }
    return gen_throw_impl(GEN(self), 1, args[0], nargs > 1 ? args[1] : NULL,
                          nargs > 2 ? args[2] : NULL);
}

// close(): raise GeneratorExit at the suspension point. Finishing, or
// letting GeneratorExit (or StopIteration) out, is a clean close; yielding
// again is "generator ignored GeneratorExit". A generator that never
// started is simply marked finished.
static SpObject *gen_close(SpObject *self, SpObject *unused) {
    SpGenObject *gen = GEN(self);
    SpFrame *f = gen->gi_frame;
    if (f->state == SP_FRAME_CREATED) {
        sp_frame_clear(f);
        SP_RETURN_NONE;
    }
    if (f->state == SP_FRAME_COMPLETED) {
        SP_RETURN_NONE;
    }
    int err = 0;
    SpObject *yf = gen_yf(gen);
    if (yf != NULL) {
        SP_INCREF(yf);
        f->state = SP_FRAME_EXECUTING;
        err = gen_close_iter(yf);
        f->state = SP_FRAME_SUSPENDED;
        SP_DECREF(yf);
    }
    if (err == 0) {
        sp_err_set_none(&SpExc_GeneratorExit);
    }
    SpObject *r;
    int st = sp_gen_resume(self, NULL, 1, &r);
    if (st == 1) {
        SP_DECREF(r);
        sp_err_set_string(&SpExc_RuntimeError, "generator ignored GeneratorExit");
        return NULL;
    }
    if (st == 0) {
        SP_DECREF(r);
        SP_RETURN_NONE;
    }
    if (sp_err_matches_type(&SpExc_StopIteration) || sp_err_matches_type(&SpExc_GeneratorExit)) {
        sp_err_clear();
        SP_RETURN_NONE;
    }
    return NULL;
}

// Print an exception nobody can catch, as CPython's unraisable hook.
static void write_unraisable(SpObject *where) {
    SpObject *exc = sp_err_fetch();
    if (exc == NULL) {
        return;
    }
    sp_sys_flush_std();
    SpObject *r = sp_object_repr(where);
    sp_err_clear();
    sp_sys_write_stderr("Exception ignored in: ");
    if (r != NULL) {
        const char *s = sp_str_as_utf8(r, NULL);
        sp_sys_write_stderr(s ? s : "<object>");
        SP_DECREF(r);
    }
    sp_sys_write_stderr("\n");
    sp_err_clear();
    sp_traceback_print_exception(exc);
    SP_DECREF(exc);
}

// A suspended generator is closed when its last reference goes, so its
// finally blocks and with-statements run (CPython's _PyGen_Finalize);
// errors there are reported, not raised.
static void gen_dealloc(SpObject *self) {
    SpGenObject *gen = GEN(self);
    SpFrame *f = gen->gi_frame;
    sp_gc_untrack(self);
    if (f->state == SP_FRAME_SUSPENDED) {
        // (The pending exception, if any, is kept aside: deallocation can
        // happen while one is being raised.)
        // Finalise: close() runs the generator's finally blocks. Keep the
        // object alive meanwhile; it may be resurrected.
        SP_REFCNT(self) = 1;
        SpObject *saved = sp_err_fetch();
        SpObject *r = gen_close(self, NULL);
        if (r == NULL) {
            write_unraisable(self);
        } else {
            SP_DECREF(r);
        }
        sp_err_restore_raw(saved);
        if (--SP_REFCNT(self) != 0) {
            sp_gc_track(self);
            return;  // resurrected
        }
    }
    if (f->state != SP_FRAME_COMPLETED) {
        sp_frame_clear(f);
    }
    SP_XDECREF(gen->gi_name);
    SP_XDECREF(gen->gi_qualname);
    SP_XDECREF(gen->gi_exc_state);
    SP_TYPE(self)->tp_free(self);
}

// For the cycle collector: everything a live frame holds.
static int gen_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpGenObject *gen = GEN(self);
    SpFrame *f = gen->gi_frame;
    if (f->state != SP_FRAME_COMPLETED) {
        for (SpObject **p = f->localsplus; p < f->stacktop; p++) {
            if (*p != NULL && visit(*p, arg)) {
                return -1;
            }
        }
        if (f->func != NULL && visit(f->func, arg)) {
            return -1;
        }
    }
    if (gen->gi_exc_state != NULL && visit(gen->gi_exc_state, arg)) {
        return -1;
    }
    return 0;
}

static SpObject *gen_repr(SpObject *self) {
    return sp_str_from_format("<generator object %U at %p>", GEN(self)->gi_qualname, self);
}

static SpObject *gen_iter(SpObject *self) { return sp_newref(self); }

static SpObject *gen_get_name(SpObject *self, void *c) { return sp_newref(GEN(self)->gi_name); }
static SpObject *gen_get_qualname(SpObject *self, void *c) {
    return sp_newref(GEN(self)->gi_qualname);
}
static int gen_set_name_field(SpObject *self, SpObject *v, void *c) {
    const char *which = c ? "__qualname__" : "__name__";
    if (v == NULL || !SP_STR_CHECK(v)) {
        sp_err_format(&SpExc_TypeError, "%s must be set to a string object", which);
        return -1;
    }
    SP_INCREF(v);
    if (c) {
        SP_SETREF(GEN(self)->gi_qualname, v);
    } else {
        SP_SETREF(GEN(self)->gi_name, v);
    }
    return 0;
}
static SpObject *gen_get_running(SpObject *self, void *c) {
    return sp_bool_from_long(GEN(self)->gi_frame->state == SP_FRAME_EXECUTING);
}
static SpObject *gen_get_suspended(SpObject *self, void *c) {
    return sp_bool_from_long(GEN(self)->gi_frame->state == SP_FRAME_SUSPENDED);
}
static SpObject *gen_get_code(SpObject *self, void *c) {
    SpFrame *f = GEN(self)->gi_frame;
    SpObject *fn = f->func;
    return sp_newref(fn ? ((SpFunctionObject *)fn)->func_code : sp_None);
}
static SpObject *gen_get_yieldfrom(SpObject *self, void *c) {
    SpObject *yf = gen_yf(GEN(self));
    return sp_newref(yf ? yf : sp_None);
}

static SpObject *frame_snapshot(SpFrame *f);

static SpObject *gen_get_frame(SpObject *self, void *c) {
    SpFrame *f = GEN(self)->gi_frame;
    if (f->state == SP_FRAME_COMPLETED) {
        SP_RETURN_NONE;
    }
    return frame_snapshot(f);
}

static SpGetSetDef gen_getset[] = {
    {"__name__", gen_get_name, gen_set_name_field, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_name_field, NULL, (void *)1},
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static SpMethodDef gen_methods[] = {
    {"send", SP_METH(gen_send), SP_METH_O, "send(arg) -> send 'arg' into generator"},
    {"throw", SP_METH(gen_throw), SP_METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator"},
    {"close", SP_METH(gen_close), SP_METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

SpTypeObject SpGenerator_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "generator",
    .tp_basicsize = sizeof(SpGenObject),
    .tp_dealloc = gen_dealloc,
    .tp_repr = gen_repr,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_iter = gen_iter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
    .tp_free = sp_object_free,
};

// ---------------------------------------------------------------------------
// Frame objects: a read-only snapshot of a running frame (code, globals,
// position), enough for gi_frame and sys._getframe().f_lineno / f_code.

typedef struct SpFrameObject {
    SP_OBJECT_HEAD;
    SpObject *f_code;
    SpObject *f_globals;
    SpObject *f_locals;   // dict snapshot or NULL
    int f_lasti;
} SpFrameObject;

static SpObject *frame_snapshot(SpFrame *f) {
    SpFrameObject *fo = (SpFrameObject *)sp_object_alloc(&SpFrameObject_Type, 0);
    if (fo == NULL) {
        return NULL;
    }
    fo->f_code = SP_NEWREF_OF(f->code);
    fo->f_globals = SP_NEWREF_OF(f->globals);
    fo->f_locals = NULL;
    // Executing frames saved their position at the call that got us here.
    SpCodeExtra *x = f->code->co_extra;
    int index = (int)(f->next_instr - x->instrs) - 1;
    fo->f_lasti = index < 0 ? 0 : index;
    return (SpObject *)fo;
}

SpObject *sp_vm_getframe(int depth) {
    SpFrame *f = sp_tstate.frame;
    while (f != NULL && depth > 0) {
        f = f->previous;
        depth--;
    }
    if (f == NULL) {
        sp_err_set_string(&SpExc_ValueError, "call stack is not deep enough");
        return NULL;
    }
    return frame_snapshot(f);
}

int sp_vm_current_line(void) {
    SpFrame *f = sp_tstate.frame;
    if (f == NULL) {
        return -1;
    }
    SpCodeExtra *x = f->code->co_extra;
    int index = (int)(f->next_instr - x->instrs) - 1;
    return sp_code_line(f->code, index < 0 ? 0 : index);
}

static void frame_dealloc(SpObject *self) {
    SpFrameObject *fo = (SpFrameObject *)self;
    SP_XDECREF(fo->f_code);
    SP_XDECREF(fo->f_globals);
    SP_XDECREF(fo->f_locals);
    SP_TYPE(self)->tp_free(self);
}

static SpObject *frame_get_lineno(SpObject *self, void *c) {
    SpFrameObject *fo = (SpFrameObject *)self;
    return sp_int_from_long(sp_code_line((SpCodeObject *)fo->f_code, fo->f_lasti));
}
static SpObject *frame_get_lasti(SpObject *self, void *c) {
    return sp_int_from_long(((SpFrameObject *)self)->f_lasti);
}
static SpObject *frame_get_back(SpObject *self, void *c) { SP_RETURN_NONE; }
static SpObject *frame_get_builtins(SpObject *self, void *c) {
    return sp_newref(sp_vm_builtins_from_globals_borrow(((SpFrameObject *)self)->f_globals));
}

static SpObject *frame_repr(SpObject *self) {
    SpFrameObject *fo = (SpFrameObject *)self;
    SpCodeObject *co = (SpCodeObject *)fo->f_code;
    return sp_str_from_format("<frame at %p, file %R, line %d, code %U>", self, co->co_filename,
                              sp_code_line(co, fo->f_lasti), co->co_name);
}

static SpMemberDef frame_members[] = {
    {"f_code", SP_T_OBJECT, offsetof(SpFrameObject, f_code), SP_READONLY, NULL},
    {"f_globals", SP_T_OBJECT, offsetof(SpFrameObject, f_globals), SP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static SpGetSetDef frame_getset[] = {
    {"f_lineno", frame_get_lineno, NULL, NULL, NULL},
    {"f_lasti", frame_get_lasti, NULL, NULL, NULL},
    {"f_back", frame_get_back, NULL, NULL, NULL},
    {"f_builtins", frame_get_builtins, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

SpTypeObject SpFrameObject_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "frame",
    .tp_basicsize = sizeof(SpFrameObject),
    .tp_dealloc = frame_dealloc,
    .tp_repr = frame_repr,
    .tp_members = frame_members,
    .tp_getset = frame_getset,
    .tp_free = sp_object_free,
};
