// smallpy: float. Counterpart: CPython 3.11 Objects/floatobject.c and
// Python/pystrtod.c (repr: shortest string that round-trips).
#ifndef SP_OBJECTS_FLOAT_H
#define SP_OBJECTS_FLOAT_H

#include "core/object.h"

typedef struct SpFloatObject {
    SP_OBJECT_HEAD;
    double ob_fval;  // offset 16
} SpFloatObject;

extern SpTypeObject SpFloat_Type;

#define SP_FLOAT_CHECK(o) SP_OBJECT_TYPE_CHECK(o, &SpFloat_Type)
#define SP_FLOAT_CHECK_EXACT(o) (SP_TYPE(o) == &SpFloat_Type)
#define SP_FLOAT_VALUE(o) (((SpFloatObject *)(o))->ob_fval)

// New float; NULL with MemoryError.
SP_FUNC SP_MAY_RAISE SpObject *sp_float_from_double(double v);
// float(o) value of a float, int or object with __float__/__index__; -1.0
// with an exception on error (check sp_err_occurred()).
SP_FUNC SP_MAY_RAISE double sp_float_as_double(SpObject *o);
// float(text): CPython's parsing (whitespace, underscores between digits,
// inf/nan spellings). ValueError "could not convert string to float: 'x'".
SP_FUNC SP_MAY_RAISE SpObject *sp_float_from_string(SpObject *str);
// repr(d) into buf (at least 32 bytes): CPython's shortest round-trip form
// ('0.1', '1e+16', 'inf', 'nan', '-0.0').
SP_FUNC void sp_float_repr_buf(double d, char *buf, size_t size);
// format(d, spec) for float; spec a str. New str or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_float_format(SpObject *o, SpObject *spec);
// Hash of a double, equal to the hash of an equal int (CPython's _Py_HashDouble).
SP_FUNC SpHash sp_float_hash_double(SpObject *inst, double d);

// --- Appended by the num area ----------------------------------------------

// Free-list counters of floats (for the stats printer).
extern size_t sp_float_freelist_hits, sp_float_freelist_misses;

#endif  // SP_OBJECTS_FLOAT_H
