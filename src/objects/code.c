// smallpy: code objects: the type, its attributes (co_name, co_consts,
// co_varnames, ...) and the position lookup the VM and tracebacks use. The
// assembler (compiler/assemble.c) fills the fields of an empty code object.
// Counterpart: CPython 3.11 Objects/codeobject.c.
#include "objects/code.h"

#include <stddef.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

void (*sp_code_extra_free)(void *extra);

SpCodeObject *sp_code_new(void) {
    // sp_object_alloc zeroes nothing past the header, so clear the body here:
    // every pointer NULL, every count 0, as the header comment promises.
    SpCodeObject *co = (SpCodeObject *)sp_object_alloc(&SpCode_Type, 0);
    if (co == NULL) {
        return NULL;
    }
    memset((char *)co + sizeof(SpObject), 0, sizeof(SpCodeObject) - sizeof(SpObject));
    return co;
}

int sp_code_line(SpCodeObject *co, ssize_t index) {
    if (co->co_positions == NULL || index < 0 || index >= co->co_ncode) {
        return -1;
    }
    return co->co_positions[index].line;
}

static void code_dealloc(SpObject *self) {
    SpCodeObject *co = (SpCodeObject *)self;
    if (co->co_extra != NULL && sp_code_extra_free != NULL) {
        sp_code_extra_free(co->co_extra);
    }
    sp_mem_free(co->co_code);
    sp_mem_free(co->co_positions);
    sp_mem_free(co->co_exceptiontable);
    sp_mem_free(co->co_localspluskinds);
    SP_XDECREF(co->co_consts);
    SP_XDECREF(co->co_names);
    SP_XDECREF(co->co_localsplusnames);
    SP_XDECREF(co->co_filename);
    SP_XDECREF(co->co_name);
    SP_XDECREF(co->co_qualname);
    SP_TYPE(self)->tp_free(self);
}

static SpObject *code_repr(SpObject *self) {
    // A code object made by hand may lack a line (0) or a file name; CPython
    // then prints -1 and "???".
    SpCodeObject *co = (SpCodeObject *)self;
    SpObject *name = co->co_name != NULL ? co->co_name : sp_None;
    int line = co->co_firstlineno != 0 ? co->co_firstlineno : -1;
    if (co->co_filename != NULL && SP_STR_CHECK(co->co_filename)) {
        return sp_str_from_format("<code object %S at %p, file \"%U\", line %d>", name, self,
                                  co->co_filename, line);
    }
    return sp_str_from_format("<code object %S at %p, file \x3f??, line %d>", name, self, line);
}

// ---------------------------------------------------------------------------
// Attributes derived from the localsplus slots

// The names of the slots whose kind has any bit of `mask`, in slot order.
static SpObject *names_of_kind(SpCodeObject *co, int mask) {
    ssize_t n = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        n += (co->co_localspluskinds[i] & mask) != 0;
    }
    SpObject *t = sp_tuple_new(n);
    if (t == NULL) {
        return NULL;
    }
    ssize_t j = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        if (co->co_localspluskinds[i] & mask) {
            SpObject *name = SP_TUPLE_GET_ITEM(co->co_localsplusnames, i);
            SP_TUPLE_SET_ITEM(t, j++, sp_newref(name));
        }
    }
    return t;
}

static SpObject *code_get_varnames(SpObject *self, void *c) {
    return names_of_kind((SpCodeObject *)self, SP_FAST_LOCAL);
}
static SpObject *code_get_cellvars(SpObject *self, void *c) {
    return names_of_kind((SpCodeObject *)self, SP_FAST_CELL);
}
static SpObject *code_get_freevars(SpObject *self, void *c) {
    return names_of_kind((SpCodeObject *)self, SP_FAST_FREE);
}

// co_positions(): an iterator of (line, end_line, col, end_col) tuples, one
// per instruction; missing values are None, as CPython reports them.
static SpObject *position_item(int32_t v) {
    return v < 0 ? sp_newref(sp_None) : sp_int_from_long(v);
}

static SpObject *code_positions(SpObject *self, SpObject *unused) {
    SpCodeObject *co = (SpCodeObject *)self;
    SpObject *list = sp_list_new(co->co_ncode);
    if (list == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < co->co_ncode; i++) {
        SpCodePosition *p = &co->co_positions[i];
        int32_t col = p->line < 0 ? -1 : p->col;
        int32_t end_col = p->line < 0 ? -1 : p->end_col;
        SpObject *items[4] = {position_item(p->line), position_item(p->end_line),
                              position_item(col), position_item(end_col)};
        SpObject *t = NULL;
        if (items[0] && items[1] && items[2] && items[3]) {
            t = sp_tuple_from_array_steal(items, 4);
        } else {
            for (int k = 0; k < 4; k++) {
                SP_XDECREF(items[k]);
            }
        }
        if (t == NULL) {
            SP_DECREF(list);
            return NULL;
        }
        SP_LIST_SET_ITEM(list, i, t);
    }
    SpObject *it = sp_object_get_iter(list);
    SP_DECREF(list);
    return it;
}

// co_code: the instruction words as little-endian bytes (4 a word), so a
// program can at least see the size and identity of the bytecode.
static SpObject *code_get_code(SpObject *self, void *c) {
    SpCodeObject *co = (SpCodeObject *)self;
    SpObject *b = sp_bytes_from_data(NULL, co->co_ncode * 4);
    if (b == NULL) {
        return NULL;
    }
    unsigned char *out = (unsigned char *)SP_BYTES_DATA(b);
    for (ssize_t i = 0; i < co->co_ncode; i++) {
        SpInstr w = co->co_code[i];
        for (int k = 0; k < 4; k++) {
            out[4 * i + k] = (unsigned char)(w >> (8 * k));
        }
    }
    return b;
}

#define OFF(f) offsetof(SpCodeObject, f)
static SpMemberDef code_members[] = {
    {"co_name", SP_T_OBJECT, OFF(co_name), SP_READONLY, NULL},
    {"co_qualname", SP_T_OBJECT, OFF(co_qualname), SP_READONLY, NULL},
    {"co_filename", SP_T_OBJECT, OFF(co_filename), SP_READONLY, NULL},
    {"co_firstlineno", SP_T_INT, OFF(co_firstlineno), SP_READONLY, NULL},
    {"co_argcount", SP_T_INT, OFF(co_argcount), SP_READONLY, NULL},
    {"co_posonlyargcount", SP_T_INT, OFF(co_posonlyargcount), SP_READONLY, NULL},
    {"co_kwonlyargcount", SP_T_INT, OFF(co_kwonlyargcount), SP_READONLY, NULL},
    {"co_nlocals", SP_T_INT, OFF(co_nlocals), SP_READONLY, NULL},
    {"co_flags", SP_T_INT, OFF(co_flags), SP_READONLY, NULL},
    {"co_consts", SP_T_OBJECT, OFF(co_consts), SP_READONLY, NULL},
    {"co_names", SP_T_OBJECT, OFF(co_names), SP_READONLY, NULL},
    {"co_stacksize", SP_T_INT, OFF(co_stacksize), SP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};
#undef OFF

static SpGetSetDef code_getset[] = {
    {"co_varnames", code_get_varnames, NULL, NULL, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL, NULL},
    {"co_code", code_get_code, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static SpMethodDef code_methods[] = {
    {"co_positions", SP_METH(code_positions), SP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

SpTypeObject SpCode_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "code",
    .tp_basicsize = sizeof(SpCodeObject),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_getattro = sp_object_generic_getattr,
    .tp_methods = code_methods,
    .tp_members = code_members,
    .tp_getset = code_getset,
    .tp_free = sp_object_free,
    .tp_doc = "Create a code object.  Not for the faint of heart.",
};
