// smallpy: the bytecode, listed once. Each X(NAME, ARGKIND, "stack effect")
// row yields the SP_OP_* enum, the disassembler's names and argument
// decoding, and the eval loop's jump table. Enum-only header: it pulls in no
// object model. Semantics follow the CPython 3.11 opcode of the same name
// unless the row's comment says otherwise (see "Differences" below).
//
// Instruction format: one 32-bit word, opcode in the low 8 bits, argument in
// the upper 24 (no EXTENDED_ARG, no inline CACHE words). Jump arguments are
// absolute instruction indices into co_code.
//
// Differences from CPython 3.11 (all for simplicity of the compiler and a
// shorter dispatch path):
// - No RESUME, PRECALL, CACHE, EXTENDED_ARG, RETURN_GENERATOR, MAKE_CELL,
//   COPY_FREE_VARS: calling a code object with CO_GENERATOR makes the
//   generator directly, and frame set-up creates cells for CELL slots and
//   copies the closure into FREE slots (see code.h).
// - Jumps are absolute: JUMP (backward ones poll for Ctrl-C), and the
//   conditional ones below.
// - Calls always have the "NULL or method" slot below the callable, as 3.11:
//   plain calls are compiled PUSH_NULL, <callable>, <args>, [KW_NAMES], CALL n.
// - yield from / await use 3.10's YIELD_FROM (no SEND loop).
#ifndef SP_COMPILER_OPCODES_H
#define SP_COMPILER_OPCODES_H

#include <stdint.h>

typedef uint32_t SpInstr;
#define SP_INSTR(op, arg) ((SpInstr)(op) | ((SpInstr)(arg) << 8))
#define SP_INSTR_OP(i) ((int)((i) & 0xffu))
#define SP_INSTR_ARG(i) ((uint32_t)(i) >> 8)
#define SP_INSTR_ARG_MAX 0xffffffu

// Argument kinds, for the disassembler.
enum {
    SP_ARG_NONE,   // unused (0)
    SP_ARG_CONST,  // index into co_consts
    SP_ARG_NAME,   // index into co_names
    SP_ARG_LOCAL,  // index into the frame's localsplus (fast local)
    SP_ARG_DEREF,  // index into localsplus of a cell/free slot
    SP_ARG_JUMP,   // absolute instruction index
    SP_ARG_COUNT,  // a count (items, arguments)
    SP_ARG_CMP,    // SP_LT..SP_GE
    SP_ARG_BINOP,  // SP_NB_* below
    SP_ARG_FLAGS,  // opcode-specific bits
};

// Stack effects: "in -- out", as Forth; n is the argument.
#define SP_OPCODES(X)                                                                          \
    X(NOP, NONE, "--")                                                                         \
    X(POP_TOP, NONE, "x --")                                                                   \
    X(PUSH_NULL, NONE, "-- NULL")                                                              \
    /* COPY n: push a new reference to the n-th item (1 = TOS). */                             \
    X(COPY, COUNT, "x_n ... x_1 -- x_n ... x_1 x_n")                                           \
    /* SWAP n: exchange TOS and the n-th item (n >= 2). */                                     \
    X(SWAP, COUNT, "x_n ... x_1 -- x_1 ... x_n")                                               \
    X(LOAD_CONST, CONST, "-- v")                                                               \
    /* UnboundLocalError "cannot access local variable 'x' where it is not associated with a   \
       value" when the slot is empty. */                                                       \
    X(LOAD_FAST, LOCAL, "-- v")                                                                \
    X(STORE_FAST, LOCAL, "v --")                                                               \
    X(DELETE_FAST, LOCAL, "--")                                                                \
    /* The cell itself, for building closures. */                                              \
    X(LOAD_CLOSURE, DEREF, "-- cell")                                                          \
    X(LOAD_DEREF, DEREF, "-- v")                                                               \
    /* Class bodies: the class namespace first, then the cell. */                              \
    X(LOAD_CLASSDEREF, DEREF, "-- v")                                                          \
    X(STORE_DEREF, DEREF, "v --")                                                              \
    X(DELETE_DEREF, DEREF, "--")                                                               \
    /* LOAD_GLOBAL pushes only the value (no NULL bit, unlike 3.11). */                        \
    X(LOAD_GLOBAL, NAME, "-- v")                                                               \
    X(STORE_GLOBAL, NAME, "v --")                                                              \
    X(DELETE_GLOBAL, NAME, "--")                                                               \
    X(LOAD_NAME, NAME, "-- v")                                                                 \
    X(STORE_NAME, NAME, "v --")                                                                \
    X(DELETE_NAME, NAME, "--")                                                                 \
    X(LOAD_ATTR, NAME, "obj -- v")                                                             \
    X(STORE_ATTR, NAME, "v obj --")                                                            \
    X(DELETE_ATTR, NAME, "obj --")                                                             \
    /* Pushes (function, obj) when obj's type has a plain function `name` that is not         \
       shadowed by the instance, else (NULL, obj.name). */                                     \
    X(LOAD_METHOD, NAME, "obj -- meth_or_NULL self_or_attr")                                   \
    /* Sets the keyword names (a const tuple of str) for the next CALL. */                     \
    X(KW_NAMES, CONST, "--")                                                                   \
    /* n = positional + keyword argument count. If a is NULL, calls b(args); else calls       \
       a(b, args). The last len(kwnames) args are keyword values. */                           \
    X(CALL, COUNT, "a b arg_1 ... arg_n -- result")                                            \
    /* flags & 1: a kwargs dict is on the stack. args is a tuple, or, for f(*a) alone, the    \
       iterable a itself (so its TypeError names the function). */                             \
    X(CALL_FUNCTION_EX, FLAGS, "NULL callable args [kwargs] -- result")                        \
    X(BINARY_OP, BINOP, "a b -- a_op_b")                                                       \
    X(UNARY_POSITIVE, NONE, "a -- +a")                                                         \
    X(UNARY_NEGATIVE, NONE, "a -- -a")                                                         \
    X(UNARY_NOT, NONE, "a -- not_a")                                                           \
    X(UNARY_INVERT, NONE, "a -- ~a")                                                           \
    X(COMPARE_OP, CMP, "a b -- a_cmp_b")                                                       \
    /* n = 1 means `is not`. */                                                                \
    X(IS_OP, FLAGS, "a b -- bool")                                                             \
    /* n = 1 means `not in`. Pushes (a in b). */                                               \
    X(CONTAINS_OP, FLAGS, "a b -- bool")                                                       \
    X(BINARY_SUBSCR, NONE, "container key -- container[key]")                                  \
    X(STORE_SUBSCR, NONE, "v container key --")                                                \
    X(DELETE_SUBSCR, NONE, "container key --")                                                 \
    /* n = 2 or 3 items. */                                                                    \
    X(BUILD_SLICE, COUNT, "start stop [step] -- slice")                                        \
    X(BUILD_TUPLE, COUNT, "x_1 ... x_n -- tuple")                                              \
    X(BUILD_LIST, COUNT, "x_1 ... x_n -- list")                                                \
    X(BUILD_SET, COUNT, "x_1 ... x_n -- set")                                                  \
    X(BUILD_MAP, COUNT, "k_1 v_1 ... k_n v_n -- dict")                                         \
    X(BUILD_CONST_KEY_MAP, COUNT, "v_1 ... v_n keys_tuple -- dict")                            \
    /* Concatenates n str. */                                                                  \
    X(BUILD_STRING, COUNT, "s_1 ... s_n -- str")                                               \
    /* Comprehension helpers: the target container is the n-th item (1 = TOS) after popping   \
       the operands. */                                                                        \
    X(LIST_APPEND, COUNT, "list ... v -- list ...")                                            \
    X(SET_ADD, COUNT, "set ... v -- set ...")                                                  \
    X(MAP_ADD, COUNT, "dict ... k v -- dict ...")                                              \
    X(LIST_EXTEND, COUNT, "list ... iterable -- list ...")                                     \
    X(SET_UPDATE, COUNT, "set ... iterable -- set ...")                                        \
    X(DICT_UPDATE, COUNT, "dict ... mapping -- dict ...")                                      \
    /* As DICT_UPDATE, but duplicate keys raise TypeError (f(**a, **b)). The function is the  \
       item at n + 2 (for the message "got multiple values for keyword argument"). */          \
    X(DICT_MERGE, COUNT, "dict ... mapping -- dict ...")                                       \
    X(LIST_TO_TUPLE, NONE, "list -- tuple")                                                    \
    /* flags & 3: conversion (0 none, 1 str, 2 repr, 3 ascii); flags & 4: a spec is on the    \
       stack. */                                                                               \
    X(FORMAT_VALUE, FLAGS, "v [spec] -- str")                                                  \
    /* ValueError "not enough values to unpack (expected 2, got 1)" / "too many values to     \
       unpack (expected 2)". Pushes items so that item 0 ends on top. */                       \
    X(UNPACK_SEQUENCE, COUNT, "seq -- x_n ... x_1")                                            \
    /* n = before | (after << 8): a, *b, c = seq. */                                           \
    X(UNPACK_EX, FLAGS, "seq -- after... list before...")                                      \
    X(JUMP, JUMP, "--")                                                                        \
    X(POP_JUMP_IF_FALSE, JUMP, "cond --")                                                      \
    X(POP_JUMP_IF_TRUE, JUMP, "cond --")                                                       \
    X(POP_JUMP_IF_NONE, JUMP, "v --")                                                          \
    X(POP_JUMP_IF_NOT_NONE, JUMP, "v --")                                                      \
    /* Jump keeping TOS if false (resp. true), else pop it. */                                 \
    X(JUMP_IF_FALSE_OR_POP, JUMP, "cond -- [cond]")                                            \
    X(JUMP_IF_TRUE_OR_POP, JUMP, "cond -- [cond]")                                             \
    X(GET_ITER, NONE, "iterable -- iterator")                                                  \
    /* On exhaustion pops the iterator and jumps to n. */                                      \
    X(FOR_ITER, JUMP, "it -- it next")                                                         \
    X(RETURN_VALUE, NONE, "v --")                                                              \
    /* flags: 1 defaults tuple, 2 kwdefaults dict, 4 annotations (dict or tuple), 8 closure    \
       tuple of cells; pushed in that order before the code object. */                         \
    X(MAKE_FUNCTION, FLAGS, "[closure] [annotations] [kwdefaults] [defaults] code -- func")    \
    X(LOAD_BUILD_CLASS, NONE, "-- __build_class__")                                            \
    X(LOAD_ASSERTION_ERROR, NONE, "-- AssertionError")                                         \
    /* Class body prologue/epilogue use LOAD_NAME/STORE_NAME; a zero-argument super() needs   \
       __class__, stored through the __classcell__ mechanism as in CPython. */                 \
    X(SETUP_ANNOTATIONS, NONE, "--")                                                           \
    X(IMPORT_NAME, NAME, "level fromlist -- module")                                           \
    X(IMPORT_FROM, NAME, "module -- module attr")                                              \
    X(IMPORT_STAR, NONE, "module --")                                                          \
    /* n = 0: re-raise the handled exception; 1: raise exc; 2: raise exc from cause. */        \
    X(RAISE_VARARGS, COUNT, "[exc] [cause] --")                                                \
    /* Re-raise exc. If n != 0, the frame's lasti is set from the int at stack[-1 - n]        \
       first (so the traceback points at the original instruction). */                        \
    X(RERAISE, COUNT, "exc --")                                                                \
    /* Exception handler entry: save the handled exception and make exc current. */            \
    X(PUSH_EXC_INFO, NONE, "exc -- prev_exc exc")                                              \
    /* Restore the handled exception saved by PUSH_EXC_INFO. */                                \
    X(POP_EXCEPT, NONE, "prev_exc --")                                                         \
    /* isinstance(exc, type_or_tuple); TypeError "catching classes that do not inherit from   \
       BaseException is not allowed". */                                                      \
    X(CHECK_EXC_MATCH, NONE, "exc type -- exc bool")                                           \
    /* with: pushes the bound __exit__ then the result of __enter__(). TypeError "'X' object   \
       does not support the context manager protocol". */                                     \
    X(BEFORE_WITH, NONE, "mgr -- exit enter_result")                                           \
    /* Calls exit(type(exc), exc, exc.__traceback__); exit is at stack[-4]. */                 \
    X(WITH_EXCEPT_START, NONE, "exit lasti prev_exc exc -- exit lasti prev_exc exc result")   \
    X(YIELD_VALUE, NONE, "v -- sent")                                                          \
    /* 3.10 semantics: send v to the sub-iterator; if it yields, yield that value and re-run   \
       this instruction on resumption; when it returns, push its value. */                     \
    X(YIELD_FROM, NONE, "it v -- result")                                                      \
    X(GET_YIELD_FROM_ITER, NONE, "iterable -- iterator")                                       \
    /* Mark the start of a generator body (after the first send(None) check). */              \
    X(GEN_START, NONE, "x --")                                                                 \
    X(PRINT_EXPR, NONE, "v --")                                                                \
    X(GET_LEN, NONE, "obj -- obj len")

typedef enum {
#define SP_OP_ENUM_(name, kind, effect) SP_OP_##name,
    SP_OPCODES(SP_OP_ENUM_)
#undef SP_OP_ENUM_
    SP_OP_COUNT_
} SpOpcode;

// BINARY_OP arguments, in CPython 3.11's numbering (NB_* in opcode.h).
#define SP_BINOPS(X)                                                                  \
    X(ADD, "+") X(AND, "&") X(FLOOR_DIVIDE, "//") X(LSHIFT, "<<") X(MATRIX_MULTIPLY, "@") \
    X(MULTIPLY, "*") X(REMAINDER, "%") X(OR, "|") X(POWER, "**") X(RSHIFT, ">>")           \
    X(SUBTRACT, "-") X(TRUE_DIVIDE, "/") X(XOR, "^")                                      \
    X(INPLACE_ADD, "+=") X(INPLACE_AND, "&=") X(INPLACE_FLOOR_DIVIDE, "//=")               \
    X(INPLACE_LSHIFT, "<<=") X(INPLACE_MATRIX_MULTIPLY, "@=") X(INPLACE_MULTIPLY, "*=")    \
    X(INPLACE_REMAINDER, "%=") X(INPLACE_OR, "|=") X(INPLACE_POWER, "**=")                 \
    X(INPLACE_RSHIFT, ">>=") X(INPLACE_SUBTRACT, "-=") X(INPLACE_TRUE_DIVIDE, "/=")        \
    X(INPLACE_XOR, "^=")

typedef enum {
#define SP_NB_ENUM_(name, sym) SP_NB_##name,
    SP_BINOPS(SP_NB_ENUM_)
#undef SP_NB_ENUM_
    SP_NB_COUNT_
} SpBinop;

// Names of opcodes and binary operators (compiler/opcodes.c).
extern const char *const sp_opcode_names[SP_OP_COUNT_];
extern const unsigned char sp_opcode_argkinds[SP_OP_COUNT_];
extern const char *const sp_binop_symbols[SP_NB_COUNT_];

#endif  // SP_COMPILER_OPCODES_H
