// smallpy: struct sequences: tuples whose items also have names, as
// sys.version_info and sys.int_info. Counterpart: CPython 3.11
// Objects/structseq.c.
#ifndef SP_MODULES_STRUCTSEQ_H
#define SP_MODULES_STRUCTSEQ_H

#include "core/object.h"

// A struct sequence type: fill name (e.g. "sys.version_info") and the
// NULL-terminated field names, then call sp_structseq_init_type once.
typedef struct SpStructSeqDesc {
    const char *name;
    const char *const *fields;
} SpStructSeqDesc;

// sp_structseq_init_type(type, desc): make *type a tuple subtype whose items
// are readable by name and whose repr is `name(field=value, ...)`. The type
// object is caller-provided storage (static). 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_structseq_init_type(SpTypeObject *type, const SpStructSeqDesc *desc);
// sp_structseq_new(type, items): an instance holding the given items (new
// references taken from the caller: steals each). New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_structseq_new(SpTypeObject *type, SP_STEALS SpObject **items);

#endif  // SP_MODULES_STRUCTSEQ_H
