// smallpy: the memory layout promises of ARCHITECTURE.md, checked at compile
// time. Programs read these offsets through ctypes (the value of 1000 at
// id(1000) + 24, a str's characters at id(s) + 48, ...), so a change that
// moves a field must fail the build here. CPython 3.11 64-bit is the model.
#include <assert.h>
#include <stddef.h>

#include "core/gc.h"
#include "core/object.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"

static_assert(sizeof(void *) == 8, "smallpy's layouts are those of 64-bit CPython");

// Every object: refcount at 0, type at 8; variable-size ones: size at 16.
static_assert(offsetof(SpObject, ob_refcnt) == 0, "ob_refcnt at 0");
static_assert(offsetof(SpObject, ob_type) == 8, "ob_type at 8");
static_assert(offsetof(SpVarObject, ob_size) == 16, "ob_size at 16");
static_assert(sizeof(SpGCHead) == 16, "the GC header is two words");

// int: 30-bit digits in uint32_t from offset 24; getsizeof 24 + 4 * digits.
static_assert(offsetof(SpIntObject, ob_digit) == 24, "int digits at 24");
static_assert(sizeof(SpDigit) == 4, "digits are uint32_t");
static_assert(SP_INT_SHIFT == 30, "30-bit digits");

// float: the double at 16; getsizeof 24.
static_assert(offsetof(SpFloatObject, ob_fval) == 16, "float value at 16");
static_assert(sizeof(SpFloatObject) == 24, "float is 24 bytes");

// str: length 16, hash 24, state 32, wstr 40, ASCII data at 48; compact
// non-ASCII data at 72.
static_assert(offsetof(SpASCIIObject, length) == 16, "str length at 16");
static_assert(offsetof(SpASCIIObject, hash) == 24, "str hash at 24");
static_assert(offsetof(SpASCIIObject, state) == 32, "str state at 32");
static_assert(offsetof(SpASCIIObject, wstr) == 40, "str wstr at 40");
static_assert(sizeof(SpASCIIObject) == 48, "ASCII characters at 48");
static_assert(offsetof(SpCompactStrObject, utf8_length) == 48, "utf8_length at 48");
static_assert(offsetof(SpCompactStrObject, utf8) == 56, "utf8 at 56");
static_assert(sizeof(SpCompactStrObject) == 72, "compact characters at 72");

// bytes: hash at 24, the bytes at 32; getsizeof 33 + len.
static_assert(offsetof(SpBytesObject, ob_shash) == 24, "bytes hash at 24");
static_assert(offsetof(SpBytesObject, ob_sval) == 32, "bytes data at 32");

// tuple: item pointers from 24; getsizeof 40 + 8n (with the GC header).
static_assert(offsetof(SpTupleObject, ob_item) == 24, "tuple items at 24");

// list: item array pointer at 24, allocated at 32; getsizeof 56 + 8 * allocated.
static_assert(offsetof(SpListObject, ob_item) == 24, "list item array at 24");
static_assert(offsetof(SpListObject, allocated) == 32, "list allocated at 32");
static_assert(sizeof(SpListObject) == 40, "list header is 40 bytes");

// dict: 48 bytes + the GC header = sys.getsizeof({}) == 64.
static_assert(offsetof(SpDictObject, ma_used) == 16, "dict size at 16");
static_assert(sizeof(SpDictObject) == 48, "dict header is 48 bytes");
