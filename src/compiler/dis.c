// smallpy: the disassembler: a listing of a code object and, recursively,
// of the code objects among its constants, laid out as `python3.11 -m dis`
// prints (offsets are instruction indices here, one word each).
// Counterpart: CPython 3.11 Lib/dis.py.
#define SP_COMPILER_INTERNAL
#include "compiler/codegen.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "modules/sys.h"
#include "objects/exc.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

// A growable C buffer of UTF-8 text.
typedef struct Buf {
    char *data;
    size_t len, cap;
    int failed;
} Buf;

// Append n bytes; a failure is remembered and reported at the end.
static void buf_write(Buf *b, const char *s, size_t n) {
    if (b->failed) {
        return;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 1024;
        while (cap < b->len + n + 1) {
            cap *= 2;
        }
        char *p = sp_mem_realloc(b->data, cap);
        if (p == NULL) {
            b->failed = 1;
            return;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

SP_PRINTF(2, 3) static void buf_printf(Buf *b, const char *fmt, ...) {
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return;
    }
    buf_write(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

// repr(o) into the buffer; -1 on error.
static int buf_repr(Buf *b, SpObject *o) {
    SpObject *r = sp_object_repr(o);
    if (r == NULL) {
        return -1;
    }
    ssize_t n;
    const char *s = sp_str_as_utf8(r, &n);
    if (s == NULL) {
        SP_DECREF(r);
        return -1;
    }
    buf_write(b, s, (size_t)n);
    SP_DECREF(r);
    return 0;
}

// A str's text into the buffer; -1 on error.
static int buf_str(Buf *b, SpObject *o) {
    ssize_t n;
    const char *s = sp_str_as_utf8(o, &n);
    if (s == NULL) {
        return -1;
    }
    buf_write(b, s, (size_t)n);
    return 0;
}

static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

// The "(meaning)" of an argument; -1 on error.
static int arg_meaning(Buf *b, SpCodeObject *co, int op, unsigned arg) {
    switch (sp_opcode_argkinds[op]) {
    case SP_ARG_CONST:
        if ((ssize_t)arg < SP_TUPLE_SIZE(co->co_consts)) {
            buf_write(b, "(", 1);
            if (buf_repr(b, SP_TUPLE_GET_ITEM(co->co_consts, arg)) < 0) {
                return -1;
            }
            buf_write(b, ")", 1);
        }
        return 0;
    case SP_ARG_NAME:
        if ((ssize_t)arg < SP_TUPLE_SIZE(co->co_names)) {
            buf_write(b, "(", 1);
            if (buf_str(b, SP_TUPLE_GET_ITEM(co->co_names, arg)) < 0) {
                return -1;
            }
            buf_write(b, ")", 1);
        }
        return 0;
    case SP_ARG_LOCAL:
    case SP_ARG_DEREF:
        if ((int)arg < co->co_nlocalsplus) {
            buf_write(b, "(", 1);
            if (buf_str(b, SP_TUPLE_GET_ITEM(co->co_localsplusnames, arg)) < 0) {
                return -1;
            }
            buf_write(b, ")", 1);
        }
        return 0;
    case SP_ARG_JUMP:
        buf_printf(b, "(to %u)", arg);
        return 0;
    case SP_ARG_CMP:
        if (arg < 6) {
            buf_printf(b, "(%s)", cmp_symbols[arg]);
        }
        return 0;
    case SP_ARG_BINOP:
        if (arg < SP_NB_COUNT_) {
            buf_printf(b, "(%s)", sp_binop_symbols[arg]);
        }
        return 0;
    case SP_ARG_FLAGS:
        if (op == SP_OP_MAKE_FUNCTION && arg != 0) {
            static const char *const names[] = {"defaults", "kwdefaults", "annotations", "closure"};
            const char *sep = "(";
            for (int i = 0; i < 4; i++) {
                if (arg & (1u << i)) {
                    buf_printf(b, "%s%s", sep, names[i]);
                    sep = ", ";
                }
            }
            buf_write(b, ")", 1);
        } else if (op == SP_OP_FORMAT_VALUE) {
            static const char *const conv[] = {"", "str", "repr", "ascii"};
            if ((arg & 3) != 0) {
                buf_printf(b, "(%s%s)", conv[arg & 3], (arg & 4) ? ", with format" : "");
            } else if (arg & 4) {
                buf_write(b, "(with format)", 13);
            }
        } else if (op == SP_OP_UNPACK_EX) {
            buf_printf(b, "(%u, %u)", arg & 0xff, arg >> 8);
        }
        return 0;
    default:
        return 0;
    }
}

// One code object: a line number where a new line starts (and a blank
// line before it), ">>" on jump targets, index, name, argument, meaning;
// then the exception table, then the nested code objects.
static int disassemble(Buf *b, SpCodeObject *co) {
    // Which instructions are jump targets (marked ">>").
    char *target = sp_mem_calloc((size_t)co->co_ncode + 1);
    if (target == NULL) {
        sp_err_no_memory();
        return -1;
    }
    int maxline = 1;
    for (ssize_t i = 0; i < co->co_ncode; i++) {
        int op = SP_INSTR_OP(co->co_code[i]);
        if (op < SP_OP_COUNT_ && sp_opcode_argkinds[op] == SP_ARG_JUMP &&
            SP_INSTR_ARG(co->co_code[i]) < (uint32_t)co->co_ncode) {
            target[SP_INSTR_ARG(co->co_code[i])] = 1;
        }
        if (co->co_positions[i].line > maxline) {
            maxline = co->co_positions[i].line;
        }
    }
    for (ssize_t i = 0; i < co->co_nexcept; i++) {
        if (co->co_exceptiontable[i].target < (uint32_t)co->co_ncode) {
            target[co->co_exceptiontable[i].target] = 1;
        }
    }
    int width = 3;
    for (int m = maxline; m >= 1000; m /= 10) {
        width++;
    }
    int lastline = -1;
    for (ssize_t i = 0; i < co->co_ncode; i++) {
        int op = SP_INSTR_OP(co->co_code[i]);
        unsigned arg = SP_INSTR_ARG(co->co_code[i]);
        int line = co->co_positions[i].line;
        if (line >= 0 && line != lastline) {
            if (i > 0) {
                buf_write(b, "\n", 1);
            }
            buf_printf(b, "%*d", width, line);
            lastline = line;
        } else {
            buf_printf(b, "%*s", width, "");
        }
        const char *name = op < SP_OP_COUNT_ ? sp_opcode_names[op] : "<unknown>";
        buf_printf(b, "     %s %4zd %-20s", target[i] ? ">>" : "  ", i, name);
        if (op < SP_OP_COUNT_ && sp_opcode_argkinds[op] != SP_ARG_NONE) {
            buf_printf(b, " %5u ", arg);
            if (arg_meaning(b, co, op, arg) < 0) {
                sp_mem_free(target);
                return -1;
            }
        }
        // Trailing blanks, as dis strips them.
        while (b->len > 0 && b->data[b->len - 1] == ' ') {
            b->data[--b->len] = '\0';
        }
        buf_write(b, "\n", 1);
    }
    sp_mem_free(target);
    if (co->co_nexcept > 0) {
        buf_write(b, "ExceptionTable:\n", 16);
        for (ssize_t i = 0; i < co->co_nexcept; i++) {
            SpExceptEntry *e = &co->co_exceptiontable[i];
            buf_printf(b, "  %u to %u -> %u [%u]%s\n", e->start, e->end - 1, e->target,
                       (unsigned)e->depth, e->lasti ? " lasti" : "");
        }
    }
    // Nested code objects.
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(co->co_consts); i++) {
        SpObject *k = SP_TUPLE_GET_ITEM(co->co_consts, i);
        if (SP_CODE_CHECK(k)) {
            buf_write(b, "\nDisassembly of ", 16);
            if (buf_repr(b, k) < 0) {
                return -1;
            }
            buf_write(b, ":\n", 2);
            if (disassemble(b, (SpCodeObject *)k) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

// The whole listing as one str (tests compare it; sp_disassemble prints it).
SpObject *sp_dis_string(SpObject *code) {
    if (!SP_CODE_CHECK(code)) {
        sp_err_set_string(&SpExc_TypeError, "don't know how to disassemble this object");
        return NULL;
    }
    Buf b = {NULL, 0, 0, 0};
    SpObject *result = NULL;
    if (disassemble(&b, (SpCodeObject *)code) == 0) {
        if (b.failed) {
            sp_err_no_memory();
        } else {
            result = sp_str_from_utf8(b.data != NULL ? b.data : "", (ssize_t)b.len);
        }
    }
    sp_mem_free(b.data);
    return result;
}

// Print to `file` (sys.stdout when NULL or None).
int sp_disassemble(SpObject *code, SpObject *file) {
    SpObject *text = sp_dis_string(code);
    if (text == NULL) {
        return -1;
    }
    if (file == NULL || file == sp_None) {
        file = sp_sys_get_borrow("stdout");
    }
    int r;
    if (file == NULL || file == sp_None) {
        // No sys.stdout: straight to the C stream.
        ssize_t n;
        const char *s = sp_str_as_utf8(text, &n);
        r = s == NULL ? -1 : (fwrite(s, 1, (size_t)n, stdout) == (size_t)n ? 0 : 0);
    } else {
        r = sp_file_write_object(file, text);
    }
    SP_DECREF(text);
    return r;
}
