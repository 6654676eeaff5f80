// smallpy: the tables generated from the opcode list in opcodes.h: opcode
// names, argument kinds and binary-operator symbols, shared by the
// disassembler, the assembler and the VM. Counterpart: CPython 3.11
// Lib/opcode.py (opname, hasconst, hasname, ...) and Python/opcode_targets.h.
#include "compiler/opcodes.h"

const char *const sp_opcode_names[SP_OP_COUNT_] = {
#define SP_OP_NAME_(name, kind, effect) #name,
    SP_OPCODES(SP_OP_NAME_)
#undef SP_OP_NAME_
};

const unsigned char sp_opcode_argkinds[SP_OP_COUNT_] = {
#define SP_OP_KIND_(name, kind, effect) SP_ARG_##kind,
    SP_OPCODES(SP_OP_KIND_)
#undef SP_OP_KIND_
};

const char *const sp_binop_symbols[SP_NB_COUNT_] = {
#define SP_NB_SYM_(name, sym) sym,
    SP_BINOPS(SP_NB_SYM_)
#undef SP_NB_SYM_
};
