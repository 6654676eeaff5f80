// smallpy: range, slice, and the simple iterator types built-in functions
// return (enumerate, zip, map, filter, reversed, seq/callable iterators).
// Counterpart: CPython 3.11 Objects/rangeobject.c, sliceobject.c,
// enumobject.c, iterobject.c, Python/bltinmodule.c (map, filter, zip).
#ifndef SP_OBJECTS_RANGE_H
#define SP_OBJECTS_RANGE_H

#include "core/object.h"

extern SpTypeObject SpRange_Type, SpSlice_Type, SpEnumerate_Type, SpZip_Type, SpMap_Type,
    SpFilter_Type, SpReversed_Type, SpSeqIter_Type, SpCallIter_Type;

typedef struct SpSliceObject {
    SP_OBJECT_HEAD;
    SpObject *start, *stop, *step;  // never NULL (None when omitted)
} SpSliceObject;

#define SP_SLICE_CHECK(o) (SP_TYPE(o) == &SpSlice_Type)

// slice(start, stop, step); arguments may be NULL (= None). Borrowed.
SP_FUNC SP_MAY_RAISE SpObject *sp_slice_new(SpObject *start, SpObject *stop, SpObject *step);
// Slice fields as ssize_t (clamped like CPython's PySlice_Unpack); ValueError
// "slice step cannot be zero". 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_slice_unpack(SpObject *slice, ssize_t *start, ssize_t *stop,
                                        ssize_t *step);
// Adjust unpacked indices to a sequence of `length`; returns the slice length.
SP_FUNC ssize_t sp_slice_adjust_indices(ssize_t length, ssize_t *start, ssize_t *stop,
                                       ssize_t step);
// range(start, stop, step) of ints (borrowed). New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_range_new(SpObject *start, SpObject *stop, SpObject *step);
// iter(seq) by the old __getitem__ protocol; iter(callable, sentinel).
SP_FUNC SP_MAY_RAISE SpObject *sp_seqiter_new(SpObject *seq);
SP_FUNC SP_MAY_RAISE SpObject *sp_calliter_new(SpObject *callable, SpObject *sentinel);

#endif  // SP_OBJECTS_RANGE_H
