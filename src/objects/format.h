// smallpy: the format-spec mini-language shared by str, int and float
// ([[fill]align][sign][z][#][0][width][grouping][.precision][type]) and the
// float-to-text conversion used by format() and %-formatting. Private to the
// str area (format.c, str_format.c); other parts call sp_object_format,
// sp_int_format and sp_float_format. Counterpart: CPython 3.11
// Python/formatter_unicode.c, Python/pystrtod.c (PyOS_double_to_string).
#ifndef SP_OBJECTS_FORMAT_H
#define SP_OBJECTS_FORMAT_H

#include "objects/str.h"

// A parsed format spec. Absent parts: width/precision -1, type 0, sign 0.
typedef struct SpFormatSpec {
    SpUCS4 fill;        // ' ' unless given (or '0' from the 0 flag)
    char align;         // '<', '>', '^', '=' (the type's default if not given)
    char sign;          // '+', '-', ' ' or 0
    char grouping;      // ',', '_' or 0
    char no_neg_zero;   // 'z' given
    char alternate;     // '#' given
    ssize_t width;
    ssize_t precision;
    SpUCS4 type;
} SpFormatSpec;

// Parse spec[start:end] of the str spec for an object `obj` (used in error
// messages) with the type's default type and alignment. 0, or -1 with
// ValueError as CPython ("Invalid format specifier ...", "Cannot specify ','
// with 's'.", "Format specifier missing precision", ...).
SP_FUNC SP_MAY_RAISE int sp_format_spec_parse(SpObject *spec, SpObject *obj, SpUCS4 default_type,
                                             char default_align, SpFormatSpec *out);

// Flags of sp_double_to_text.
enum {
    SP_DTSF_ALT = 1,       // '#': keep the point and trailing zeros
    SP_DTSF_ADD_DOT_0 = 2, // add ".0" when the text has no point and no exponent
};
// |d| as text in format type ('e', 'E', 'f', 'F', 'g', 'G' with precision,
// or 'r' for repr); the sign is left to the caller (check signbit). "inf"
// and "nan" (upper case for E/F/G). Returns a buffer from sp_mem_alloc that
// the caller frees, or NULL with MemoryError.
SP_FUNC SP_MAY_RAISE char *sp_double_to_text(double d, int type, int precision, int flags);

// Write `body` (ASCII) with sign and padding per spec-like arguments, the
// pieces %-formatting needs: width padding with spaces (right-aligned unless
// left), or zeros after the sign when zero_pad. 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_format_pad_number(SpStrWriter *w, char sign, const char *prefix,
                                             const char *body, ssize_t width, int left,
                                             int zero_pad);

#endif  // SP_OBJECTS_FORMAT_H
