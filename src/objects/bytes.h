// smallpy: bytes (and later bytearray). The empty bytes and every one-byte
// bytes object are shared. Counterpart: CPython 3.11 Objects/bytesobject.c.
#ifndef SP_OBJECTS_BYTES_H
#define SP_OBJECTS_BYTES_H

#include "core/object.h"

typedef struct SpBytesObject {
    SP_OBJECT_VAR_HEAD;
    SpHash ob_shash;   // -1 until computed, offset 24
    char ob_sval[1];   // ob_size bytes then a NUL, offset 32
} SpBytesObject;

extern SpTypeObject SpBytes_Type;

#define SP_BYTES_CHECK(o) sp_type_has_flag(SP_TYPE(o), SP_TPFLAGS_BYTES_SUBCLASS)
#define SP_BYTES_DATA(o) (((SpBytesObject *)(o))->ob_sval)
#define SP_BYTES_SIZE(o) SP_SIZE(o)

// New bytes copying len bytes of s (s NULL: uninitialised, unshared).
SP_FUNC SP_MAY_RAISE SpObject *sp_bytes_from_data(const char *s, ssize_t len);
// b1 + b2.
SP_FUNC SP_MAY_RAISE SpObject *sp_bytes_concat(SpObject *a, SpObject *b);
// repr(b): b'...' with CPython's quoting.
SP_FUNC SP_MAY_RAISE SpObject *sp_bytes_repr(SpObject *o);

// bytearray: a mutable byte buffer in CPython 3.11's layout: ob_alloc at 24,
// ob_bytes (the allocation) at 32, ob_start (first byte, for cheap deletes
// at the front) at 40, ob_exports at 48; sys.getsizeof = 56 + ob_alloc.
typedef struct SpByteArrayObject {
    SP_OBJECT_VAR_HEAD;
    ssize_t ob_alloc;
    char *ob_bytes;
    char *ob_start;
    ssize_t ob_exports;
} SpByteArrayObject;

extern SpTypeObject SpByteArray_Type;

#define SP_BYTEARRAY_CHECK(o) SP_OBJECT_TYPE_CHECK(o, &SpByteArray_Type)
#define SP_BYTEARRAY_DATA(o) (((SpByteArrayObject *)(o))->ob_start)
#define SP_BYTEARRAY_SIZE(o) SP_SIZE(o)

// New bytearray copying len bytes of s (s NULL: zero-filled). New reference.
SP_FUNC SP_MAY_RAISE SpObject *sp_bytearray_from_data(const char *s, ssize_t len);

#endif  // SP_OBJECTS_BYTES_H
