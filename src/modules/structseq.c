// smallpy: struct sequences (named tuples of C-defined records).
// Counterpart: CPython 3.11 Objects/structseq.c.
#include "modules/structseq.h"

#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

// The field index travels in the getset closure.
static SpObject *field_get(SpObject *self, void *closure) {
    ssize_t i = (ssize_t)(intptr_t)closure;
    return sp_newref(SP_TUPLE_GET_ITEM(self, i));
}

static SpObject *structseq_repr(SpObject *self) {
    SpTypeObject *t = SP_TYPE(self);
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (sp_str_writer_write_ascii(&w, t->tp_name, -1) < 0 ||
        sp_str_writer_write_char(&w, '(') < 0) {
        goto fail;
    }
    for (ssize_t i = 0; t->tp_getset[i].name != NULL; i++) {
        if (i > 0 && sp_str_writer_write_ascii(&w, ", ", 2) < 0) {
            goto fail;
        }
        SpObject *r = sp_object_repr(SP_TUPLE_GET_ITEM(self, i));
        if (r == NULL || sp_str_writer_write_ascii(&w, t->tp_getset[i].name, -1) < 0 ||
            sp_str_writer_write_char(&w, '=') < 0 || sp_str_writer_write_str(&w, r) < 0) {
            SP_XDECREF(r);
            goto fail;
        }
        SP_DECREF(r);
    }
    if (sp_str_writer_write_char(&w, ')') < 0) {
        goto fail;
    }
    return sp_str_writer_finish(&w);
fail:
    sp_str_writer_discard(&w);
    return NULL;
}

static void structseq_dealloc(SpObject *self) {
    sp_gc_untrack(self);
    for (ssize_t i = 0; i < SP_SIZE(self); i++) {
        SP_XDECREF(SP_TUPLE_GET_ITEM(self, i));
    }
    sp_object_free(self);
}

int sp_structseq_init_type(SpTypeObject *type, const SpStructSeqDesc *desc) {
    ssize_t n = 0;
    while (desc->fields[n] != NULL) {
        n++;
    }
    SpGetSetDef *gs = sp_mem_calloc(sizeof(SpGetSetDef) * (size_t)(n + 1));
    if (gs == NULL) {
        sp_err_no_memory();
        return -1;
    }
    for (ssize_t i = 0; i < n; i++) {
        gs[i].name = desc->fields[i];
        gs[i].get = field_get;
        gs[i].closure = (void *)(intptr_t)i;
    }
    memset(type, 0, sizeof *type);
    type->ob_base.ob_base.ob_refcnt = 1;
    type->ob_base.ob_base.ob_type = &SpType_Type;
    type->tp_name = desc->name;
    type->tp_basicsize = SpTuple_Type.tp_basicsize;
    type->tp_itemsize = SpTuple_Type.tp_itemsize;
    // Only the layout's flags: the tuple's own state bits (READY, ...) must
    // not be copied, or sp_type_ready would skip this type.
    type->tp_flags = SP_TPFLAGS_TUPLE_SUBCLASS | SP_TPFLAGS_HAVE_GC;
    type->tp_base = &SpTuple_Type;
    type->tp_repr = structseq_repr;
    type->tp_getset = gs;
    type->tp_dealloc = structseq_dealloc;
    type->tp_free = sp_object_free;
    type->tp_traverse = SpTuple_Type.tp_traverse;
    return sp_type_ready(type);
}

SpObject *sp_structseq_new(SpTypeObject *type, SpObject **items) {
    ssize_t n = 0;
    while (type->tp_getset[n].name != NULL) {
        n++;
    }
    // The tuple layout, allocated with the struct sequence's own type.
    SpObject *t = sp_object_alloc(type, n);
    if (t == NULL) {
        for (ssize_t i = 0; i < n; i++) {
            SP_XDECREF(items[i]);
        }
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        SP_TUPLE_SET_ITEM(t, i, items[i]);
    }
    sp_gc_track(t);
    return t;
}
