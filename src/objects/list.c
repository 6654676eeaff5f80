// smallpy: list and its two iterators. Growth follows CPython 3.11's
// list_resize exactly, so sys.getsizeof agrees after every append; sorting
// lives in listsort.c. Counterpart: CPython 3.11 Objects/listobject.c.
#include "objects/list.h"

#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/cont.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

#define LIST(o) ((SpListObject *)(o))

// ---------------------------------------------------------------------------
// Storage

// list_resize(self, newsize): make room for newsize items and set the size.
// Over-allocates as CPython 3.11: roughly 1/8 more plus 6, rounded to a
// multiple of 4, unless the jump is big (then just newsize rounded up), and
// keeps the array when newsize lies between half and all of `allocated`.
// The items past newsize are left as they are (callers manage them).
static int list_resize(SpListObject *self, ssize_t newsize) {
    ssize_t allocated = self->allocated;
    // Hysteresis: no realloc while the size stays within [allocated/2,
    // allocated], so alternating append/pop at a boundary never thrashes.
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        SP_SET_SIZE(self, newsize);
        return 0;
    }
    // Growth of ~12.5% is modest but still amortised O(1) per append; the
    // sizes run 0, 4, 8, 16, 24, 32, 40, 52, 64, 76... as in CPython 3.11.
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    // A big jump (extend by many items) gets no slack: over-allocating after
    // a large one-off growth would mostly waste memory.
    if (newsize - SP_SIZE(self) > (ssize_t)(new_allocated - (size_t)newsize)) {
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    }
    if (newsize == 0) {
        new_allocated = 0;
    }
    if (new_allocated > (size_t)SSIZE_MAX / sizeof(SpObject *)) {
        sp_err_no_memory();
        return -1;
    }
    SpObject **items;
    if (new_allocated == 0) {
        sp_mem_free(self->ob_item);
        items = NULL;
    } else {
        items = sp_mem_realloc(self->ob_item, new_allocated * sizeof(SpObject *));
        if (items == NULL) {
            sp_err_no_memory();
            return -1;
        }
    }
    self->ob_item = items;
    SP_SET_SIZE(self, newsize);
    self->allocated = (ssize_t)new_allocated;
    return 0;
}

// list_preallocate_exact: give an empty list room for `size` items, rounded
// up to even (CPython does so since the allocator's granularity is 16 bytes).
static int list_preallocate_exact(SpListObject *self, ssize_t size) {
    size = (size + 1) & ~(ssize_t)1;
    if ((size_t)size > (size_t)SSIZE_MAX / sizeof(SpObject *)) {
        sp_err_no_memory();
        return -1;
    }
    SpObject **items = sp_mem_alloc((size_t)size * sizeof(SpObject *));
    if (items == NULL) {
        sp_err_no_memory();
        return -1;
    }
    self->ob_item = items;
    self->allocated = size;
    return 0;
}

// Free list of list objects (their item arrays are released first).
#define LIST_MAXFREELIST 80
#if SP_CFG_FREELISTS
static SpListObject *list_free_list[LIST_MAXFREELIST];
static int list_numfree;
#endif

// A list object with no item array: from the free list when one is there (its refcount is reset;
// the rest was cleared by list_dealloc), else fresh zeroed memory. Not tracked yet: the caller
// tracks it once it is consistent.
static SpListObject *list_alloc_empty(void) {
    SpListObject *op;
#if SP_CFG_FREELISTS
    if (list_numfree > 0) {
        op = list_free_list[--list_numfree];
        op->ob_base.ob_base.ob_refcnt = 1;
        return op;
    }
#endif
    op = (SpListObject *)sp_object_alloc(&SpList_Type, 0);
    return op;
}

// Lists made by BUILD_LIST and the C API get exactly n slots, as CPython's PyList_New:
// sys.getsizeof([1, 2, 3]) is 56 + 3 * 8. The slots start NULL (calloc) so a partly filled list can
// be released safely.
SpObject *sp_list_new(ssize_t n) {
    if (n < 0) {
        return sp_err_bad_internal_call("sp_list_new");
    }
    if ((size_t)n > (size_t)SSIZE_MAX / sizeof(SpObject *)) {
        return sp_err_no_memory();
    }
    SpListObject *op = list_alloc_empty();
    if (op == NULL) {
        return NULL;
    }
    if (n > 0) {
        op->ob_item = sp_mem_calloc((size_t)n * sizeof(SpObject *));
        if (op->ob_item == NULL) {
            op->allocated = 0;
            SP_DECREF(op);
            return sp_err_no_memory();
        }
    } else {
        op->ob_item = NULL;
    }
    SP_SET_SIZE(op, n);
    op->allocated = n;
    sp_gc_track((SpObject *)op);
    return (SpObject *)op;
}

SpObject *sp_list_new_prealloc(ssize_t n) {
    SpListObject *op = (SpListObject *)sp_list_new(0);
    if (op != NULL && n > 0 && list_preallocate_exact(op, n) < 0) {
        SP_DECREF(op);
        return NULL;
    }
    return (SpObject *)op;
}

// Copies of n references into a new exact-size list.
SpObject *sp_list_from_array(SpObject *const *items, ssize_t n) {
    SpObject *l = sp_list_new(n);
    if (l == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        LIST(l)->ob_item[i] = sp_newref(items[i]);
    }
    return l;
}

// Append the slow way (the array is full).
// The slow half of append, kept out of line so that the fast half (room left in the array) inlines
// well.
static int list_append_grow(SpListObject *self, SpObject *item) {
    ssize_t n = SP_SIZE(self);
    if (list_resize(self, n + 1) < 0) {
        return -1;
    }
    self->ob_item[n] = sp_newref(item);
    return 0;
}

int sp_list_append(SpObject *list, SpObject *item) {
    SpListObject *self = LIST(list);
    ssize_t n = SP_SIZE(self);
    if (SP_LIKELY(n < self->allocated)) {
        self->ob_item[n] = sp_newref(item);
        SP_SET_SIZE(self, n + 1);
        return 0;
    }
    return list_append_grow(self, item);
}

// Negative positions count from the end; out-of-range positions clamp to the ends (list.insert
// never raises IndexError). The resize comes first: the index arithmetic uses the old size n.
int sp_list_insert(SpObject *list, ssize_t where, SpObject *item) {
    SpListObject *self = LIST(list);
    ssize_t n = SP_SIZE(self);
    if (list_resize(self, n + 1) < 0) {
        return -1;
    }
    if (where < 0) {
        where += n;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > n) {
        where = n;
    }
    memmove(&self->ob_item[where + 1], &self->ob_item[where],
            (size_t)(n - where) * sizeof(SpObject *));
    self->ob_item[where] = sp_newref(item);
    return 0;
}

// tuple(list): the items are copied, not stolen; the list stays intact.
SpObject *sp_list_as_tuple(SpObject *list) {
    return sp_tuple_from_array(LIST(list)->ob_item, SP_SIZE(list));
}

// In place, swapping from both ends; cannot fail and runs no Python code.
void sp_list_reverse(SpObject *list) {
    SpObject **lo = LIST(list)->ob_item;
    SpObject **hi = lo + SP_SIZE(list) - 1;
    while (lo < hi) {
        SpObject *t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
}

// list.extend(iterable), CPython 3.11's strategy: lists and tuples are
// copied in one go (an empty list gets an exact allocation); other iterables
// are pre-sized by their length hint and trimmed afterwards.
int sp_list_extend(SpObject *list, SpObject *iterable) {
    SpListObject *self = LIST(list);
    if (SP_LIST_CHECK_EXACT(iterable) || SP_TUPLE_CHECK_EXACT(iterable) || iterable == list) {
        ssize_t n = SP_SIZE(iterable);
        if (n == 0) {
            return 0;
        }
        ssize_t m = SP_SIZE(self);
        if (self->ob_item == NULL) {
            if (list_preallocate_exact(self, n) < 0) {
                return -1;
            }
            SP_SET_SIZE(self, n);
        } else if (list_resize(self, m + n) < 0) {
            return -1;
        }
        // The source may be self: read it only after resizing (its size
        // was captured above).
        SpObject **src = SP_TUPLE_CHECK_EXACT(iterable) ? ((SpTupleObject *)iterable)->ob_item
                                                        : LIST(iterable)->ob_item;
        SpObject **dest = self->ob_item + m;
        for (ssize_t i = 0; i < n; i++) {
            dest[i] = sp_newref(src[i]);
        }
        return 0;
    }
    SpObject *it = sp_object_get_iter(iterable);
    if (it == NULL) {
        return -1;
    }
    SpIterNextFunc iternext = SP_TYPE(it)->tp_iternext;
    ssize_t n = sp_object_length_hint(iterable, 8);
    if (n < 0) {
        SP_DECREF(it);
        return -1;
    }
    ssize_t m = SP_SIZE(self);
    if (m > SSIZE_MAX - n) {
        // Too big a guess to act on; let appends grow the list.
    } else if (self->ob_item == NULL) {
        // An empty list gets exactly the hinted room (rounded to even).
        if (n > 0 && list_preallocate_exact(self, n) < 0) {
            SP_DECREF(it);
            return -1;
        }
    } else {
        if (list_resize(self, m + n) < 0) {
            SP_DECREF(it);
            return -1;
        }
        SP_SET_SIZE(self, m);
    }
    for (;;) {
        SpObject *item = iternext(it);
        if (item == NULL) {
            if (sp_err_occurred()) {
                if (!sp_err_matches_type(&SpExc_StopIteration)) {
                    SP_DECREF(it);
                    return -1;
                }
                sp_err_clear();
            }
            break;
        }
        ssize_t k = SP_SIZE(self);
        if (k < self->allocated) {
            self->ob_item[k] = item;
            SP_SET_SIZE(self, k + 1);
        } else {
            int r = list_append_grow(self, item);
            SP_DECREF(item);
            if (r < 0) {
                SP_DECREF(it);
                return -1;
            }
        }
    }
    // Trim an over-generous guess.
    if (SP_SIZE(self) < self->allocated && list_resize(self, SP_SIZE(self)) < 0) {
        SP_DECREF(it);
        return -1;
    }
    SP_DECREF(it);
    return 0;
}

// ---------------------------------------------------------------------------
// Life cycle

// Drop every item and the array (CPython's _list_clear). Items are released
// only after the list is already empty, since their destructors may run
// arbitrary code that looks at the list.
static int list_clear_items(SpObject *op) {
    SpListObject *self = LIST(op);
    SpObject **items = self->ob_item;
    if (items == NULL) {
        return 0;
    }
    ssize_t n = SP_SIZE(self);
    SP_SET_SIZE(self, 0);
    self->ob_item = NULL;
    self->allocated = 0;
    while (--n >= 0) {
        SP_XDECREF(items[n]);
    }
    sp_mem_free(items);
    return 0;
}

static void list_dealloc(SpObject *op) {
    sp_gc_untrack(op);
    if (sp_trash_begin(op)) {
        return;
    }
    SpListObject *self = LIST(op);
    if (self->ob_item != NULL) {
        ssize_t n = SP_SIZE(self);
        while (--n >= 0) {
            SP_XDECREF(self->ob_item[n]);
        }
        sp_mem_free(self->ob_item);
        self->ob_item = NULL;
    }
#if SP_CFG_FREELISTS
    if (SP_LIST_CHECK_EXACT(op) && list_numfree < LIST_MAXFREELIST) {
        list_free_list[list_numfree++] = self;
        sp_trash_end();
        return;
    }
#endif
    SP_TYPE(op)->tp_free(op);
    sp_trash_end();
}

// The cycle collector's view: every item (slots may be NULL while a list is being filled).
static int list_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    for (ssize_t i = SP_SIZE(op) - 1; i >= 0; i--) {
        SpObject *item = LIST(op)->ob_item[i];
        if (item != NULL) {
            int r = visit(item, arg);
            if (r) {
                return r;
            }
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// repr and comparison

// "[1, 2]"; a list met again inside its own repr prints as "[...]". The recursion guard is keyed on
// the object, so two different lists that hold each other both print once.
static SpObject *list_repr(SpObject *v) {
    if (SP_SIZE(v) == 0) {
        return sp_str_from_cstr("[]");
    }
    int r = sp_repr_enter(v);
    if (r != 0) {
        return r > 0 ? sp_str_from_cstr("[...]") : NULL;
    }
    SpStrWriter w;
    sp_str_writer_init(&w);
    if (sp_str_writer_write_char(&w, '[') < 0) {
        goto error;
    }
    // The list may change while item reprs run: re-read the size each time.
    for (ssize_t i = 0; i < SP_SIZE(v); i++) {
        if (i > 0 && sp_str_writer_write_ascii(&w, ", ", 2) < 0) {
            goto error;
        }
        SpObject *item = sp_newref(LIST(v)->ob_item[i]);
        SpObject *s = sp_object_repr(item);
        SP_DECREF(item);
        if (s == NULL) {
            goto error;
        }
        int rc = sp_str_writer_write_str(&w, s);
        SP_DECREF(s);
        if (rc < 0) {
            goto error;
        }
    }
    if (sp_str_writer_write_char(&w, ']') < 0) {
        goto error;
    }
    sp_repr_leave(v);
    return sp_str_writer_finish(&w);
error:
    sp_repr_leave(v);
    sp_str_writer_discard(&w);
    return NULL;
}

// Lexicographic comparison, CPython's algorithm: skip the common prefix of equal items (identity
// counts as equal), then compare lengths if one list ran out, else compare the first differing pair
// with op. Items are held across each comparison because __eq__ may shrink either list.
static SpObject *list_richcompare(SpObject *v, SpObject *w, int op) {
    if (!SP_LIST_CHECK(v) || !SP_LIST_CHECK(w)) {
        SP_RETURN_NOTIMPLEMENTED;
    }
    if (SP_SIZE(v) != SP_SIZE(w) && (op == SP_EQ || op == SP_NE)) {
        // Lists of different lengths are never equal.
        return sp_bool_from_long(op == SP_NE);
    }
    ssize_t i;
    for (i = 0; i < SP_SIZE(v) && i < SP_SIZE(w); i++) {
        SpObject *vi = LIST(v)->ob_item[i], *wi = LIST(w)->ob_item[i];
        if (vi == wi) {
            continue;
        }
        SP_INCREF(vi);
        SP_INCREF(wi);
        int k = sp_object_richcompare_bool(vi, wi, SP_EQ);
        SP_DECREF(vi);
        SP_DECREF(wi);
        if (k < 0) {
            return NULL;
        }
        if (!k) {
            break;
        }
    }
    ssize_t vn = SP_SIZE(v), wn = SP_SIZE(w);
    if (i >= vn || i >= wn) {
        int r;
        switch (op) {
        case SP_LT: r = vn < wn; break;
        case SP_LE: r = vn <= wn; break;
        case SP_EQ: r = vn == wn; break;
        case SP_NE: r = vn != wn; break;
        case SP_GT: r = vn > wn; break;
        default: r = vn >= wn; break;
        }
        return sp_bool_from_long(r);
    }
    if (op == SP_EQ) {
        SP_RETURN_FALSE;
    }
    if (op == SP_NE) {
        SP_RETURN_TRUE;
    }
    SpObject *vi = sp_newref(LIST(v)->ob_item[i]), *wi = sp_newref(LIST(w)->ob_item[i]);
    SpObject *res = sp_object_richcompare(vi, wi, op);
    SP_DECREF(vi);
    SP_DECREF(wi);
    return res;
}

// ---------------------------------------------------------------------------
// Sequence protocol

static ssize_t list_length(SpObject *v) { return SP_SIZE(v); }

// sq_item: i was already made non-negative by the caller (for negative indices it added len). One
// unsigned comparison checks both bounds.
static SpObject *list_item(SpObject *v, ssize_t i) {
    if ((size_t)i >= (size_t)SP_SIZE(v)) {
        sp_err_set_string(&SpExc_IndexError, "list index out of range");
        return NULL;
    }
    return sp_newref(LIST(v)->ob_item[i]);
}

// `x in list`: identity first (cheap, and what CPython's RichCompareBool does), then ==. The size
// is re-read each round: __eq__ may mutate.
static int list_contains(SpObject *v, SpObject *x) {
    for (ssize_t i = 0; i < SP_SIZE(v); i++) {
        SpObject *item = LIST(v)->ob_item[i];
        if (item == x) {
            return 1;
        }
        SP_INCREF(item);
        int k = sp_object_richcompare_bool(item, x, SP_EQ);
        SP_DECREF(item);
        if (k != 0) {
            return k;
        }
    }
    return 0;
}

// a[lo:hi] for already clamped bounds, as a new exact-size list.
static SpObject *list_slice(SpListObject *a, ssize_t lo, ssize_t hi) {
    ssize_t n = hi - lo;
    if (n <= 0) {
        return sp_list_new(0);
    }
    return sp_list_from_array(a->ob_item + lo, n);
}

// a + b: only list + list; the message names b's type as CPython does. The result is allocated
// exactly (no over-allocation).
static SpObject *list_concat(SpObject *a, SpObject *b) {
    if (!SP_LIST_CHECK(b)) {
        return sp_err_format(&SpExc_TypeError,
                             "can only concatenate list (not \"%.200s\") to list",
                             sp_object_type_name(b));
    }
    ssize_t an = SP_SIZE(a), bn = SP_SIZE(b);
    if (an > SSIZE_MAX / 8 - bn) {
        return sp_err_no_memory();
    }
    SpObject *l = sp_list_new(an + bn);
    if (l == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < an; i++) {
        LIST(l)->ob_item[i] = sp_newref(LIST(a)->ob_item[i]);
    }
    for (ssize_t i = 0; i < bn; i++) {
        LIST(l)->ob_item[an + i] = sp_newref(LIST(b)->ob_item[i]);
    }
    return l;
}

// a * n; n <= 0 gives []. The overflow check keeps size * n * 8 within ssize_t before anything is
// allocated.
static SpObject *list_repeat(SpObject *a, ssize_t n) {
    ssize_t size = SP_SIZE(a);
    if (n <= 0 || size == 0) {
        return sp_list_new(0);
    }
    if (n > SSIZE_MAX / 8 / size) {
        return sp_err_no_memory();
    }
    SpObject *l = sp_list_new(size * n);
    if (l == NULL) {
        return NULL;
    }
    SpObject **dst = LIST(l)->ob_item;
    for (ssize_t j = 0; j < n; j++) {
        for (ssize_t i = 0; i < size; i++) {
            *dst++ = sp_newref(LIST(a)->ob_item[i]);
        }
    }
    return l;
}

// a += iterable: any iterable is accepted (unlike +), via extend.
static SpObject *list_inplace_concat(SpObject *self, SpObject *other) {
    if (sp_list_extend(self, other) < 0) {
        return NULL;
    }
    return sp_newref(self);
}

// a *= n: grows in place with list_resize (so over-allocation applies, as in CPython) and copies
// the first `size` items n - 1 times.
static SpObject *list_inplace_repeat(SpObject *self, ssize_t n) {
    ssize_t size = SP_SIZE(self);
    if (size == 0 || n == 1) {
        return sp_newref(self);
    }
    if (n < 1) {
        list_clear_items(self);
        return sp_newref(self);
    }
    if (size > SSIZE_MAX / n / 8) {
        return sp_err_no_memory();
    }
    if (list_resize(LIST(self), size * n) < 0) {
        return NULL;
    }
    SpObject **items = LIST(self)->ob_item;
    SpObject **dst = items + size;
    for (ssize_t j = 1; j < n; j++) {
        for (ssize_t i = 0; i < size; i++) {
            *dst++ = sp_newref(items[i]);
        }
    }
    return sp_newref(self);
}

static int list_ass_item(SpObject *v, ssize_t i, SpObject *value);

// a[ilow:ihigh] = v (v NULL deletes), CPython's list_ass_slice: the new
// items are taken from a fast sequence copy of v, the displaced items are
// released only once the list is consistent again.
static int list_ass_slice(SpListObject *a, ssize_t ilow, ssize_t ihigh, SpObject *v) {
    SpObject *keep = NULL;  // holds v's items alive
    SpObject *const *vitems = NULL;
    ssize_t n = 0;
    SpObject *recycle_small[8];
    SpObject **recycle = recycle_small;
    int result = -1;
    if (v != NULL) {
        if (v == (SpObject *)a) {
            // a[i:j] = a: copy first.
            keep = list_slice(a, 0, SP_SIZE(a));
            if (keep == NULL) {
                return -1;
            }
            vitems = LIST(keep)->ob_item;
            n = SP_SIZE(keep);
        } else {
            vitems = sp_sequence_fast(v, &n, &keep, "can only assign an iterable");
            if (vitems == NULL) {
                return -1;
            }
        }
    }
    ssize_t size = SP_SIZE(a);
    if (ilow < 0) {
        ilow = 0;
    } else if (ilow > size) {
        ilow = size;
    }
    if (ihigh < ilow) {
        ihigh = ilow;
    } else if (ihigh > size) {
        ihigh = size;
    }
    // norig items are replaced by n: the tail moves by d.
    ssize_t norig = ihigh - ilow;
    ssize_t d = n - norig;
    if (size + d == 0) {
        SP_XDECREF(keep);
        return list_clear_items((SpObject *)a);
    }
    SpObject **item = a->ob_item;
    // Save the displaced items.
    if (norig > 8) {
        recycle = sp_mem_alloc((size_t)norig * sizeof(SpObject *));
        if (recycle == NULL) {
            sp_err_no_memory();
            goto done;
        }
    }
    if (norig > 0) {
        memcpy(recycle, &item[ilow], (size_t)norig * sizeof(SpObject *));
    }
    if (d < 0) {
        // Shrinking: move the tail down first, then let the array shrink.
        memmove(&item[ihigh + d], &item[ihigh], (size_t)(size - ihigh) * sizeof(SpObject *));
        if (list_resize(a, size + d) < 0) {
            // Shrinking in place cannot really fail; the items moved already.
            SP_SET_SIZE(a, size + d);
            sp_err_clear();
        }
        item = a->ob_item;
    } else if (d > 0) {
        // Growing: the array first (it may move), then the tail up.
        if (list_resize(a, size + d) < 0) {
            goto done;
        }
        item = a->ob_item;
        memmove(&item[ihigh + d], &item[ihigh], (size_t)(size - ihigh) * sizeof(SpObject *));
    }
    for (ssize_t k = 0; k < n; k++) {
        item[ilow + k] = sp_newref(vitems[k]);
    }
    // Only now, with the list consistent, may the displaced items die.
    for (ssize_t k = norig - 1; k >= 0; k--) {
        SP_XDECREF(recycle[k]);
    }
    result = 0;
done:
    if (recycle != recycle_small) {
        sp_mem_free(recycle);
    }
    SP_XDECREF(keep);
    return result;
}

// a[i] = value, or del a[i] when value is NULL. The old item is released after the slot holds the
// new one, since its destructor may look at a.
static int list_ass_item(SpObject *v, ssize_t i, SpObject *value) {
    if ((size_t)i >= (size_t)SP_SIZE(v)) {
        sp_err_set_string(&SpExc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (value == NULL) {
        return list_ass_slice(LIST(v), i, i + 1, NULL);
    }
    SpObject *old = LIST(v)->ob_item[i];
    LIST(v)->ob_item[i] = sp_newref(value);
    SP_DECREF(old);
    return 0;
}

// a[key]: the hot path is a small exact int; then anything with __index__; then slices (step 1
// copies a block, other steps gather).
static SpObject *list_subscript(SpObject *v, SpObject *key) {
    if (SP_INT_CHECK_EXACT(key) && SP_INT_IS_COMPACT(key)) {
        ssize_t i = sp_int_compact_value(key);
        if (i < 0) {
            i += SP_SIZE(v);
        }
        return list_item(v, i);
    }
    if (sp_index_check(key)) {
        ssize_t i = sp_cont_index_value(key);
        if (i == -1 && sp_err_occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += SP_SIZE(v);
        }
        return list_item(v, i);
    }
    if (SP_SLICE_CHECK(key)) {
        ssize_t start, stop, step;
        if (sp_slice_unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        ssize_t len = sp_slice_adjust_indices(SP_SIZE(v), &start, &stop, step);
        if (len <= 0) {
            return sp_list_new(0);
        }
        if (step == 1) {
            return list_slice(LIST(v), start, stop);
        }
        SpObject *l = sp_list_new(len);
        if (l == NULL) {
            return NULL;
        }
        for (ssize_t i = 0, cur = start; i < len; i++, cur += step) {
            LIST(l)->ob_item[i] = sp_newref(LIST(v)->ob_item[cur]);
        }
        return l;
    }
    return sp_err_format(&SpExc_TypeError, "list indices must be integers or slices, not %.200s",
                         sp_object_type_name(key));
}

// Extended slice assignment / deletion (step != 1).
static int list_ass_extended(SpListObject *self, ssize_t start, ssize_t step, ssize_t slicelen,
                             SpObject *value) {
    if (value == NULL) {
        if (slicelen <= 0) {
            return 0;
        }
        // Normalise to a positive step, then compact the survivors.
        if (step < 0) {
            start = start + step * (slicelen - 1);
            step = -step;
        }
        SpObject **garbage = sp_mem_alloc((size_t)slicelen * sizeof(SpObject *));
        if (garbage == NULL) {
            sp_err_no_memory();
            return -1;
        }
        ssize_t size = SP_SIZE(self);
        SpObject **item = self->ob_item;
        ssize_t cur = start, i = 0, dst = start;
        for (; cur < size; cur++) {
            if (i < slicelen && cur == start + i * step) {
                garbage[i++] = item[cur];
            } else {
                item[dst++] = item[cur];
            }
        }
        if (list_resize(self, size - slicelen) < 0) {
            SP_SET_SIZE(self, size - slicelen);
            sp_err_clear();
        }
        for (i = 0; i < slicelen; i++) {
            SP_DECREF(garbage[i]);
        }
        sp_mem_free(garbage);
        return 0;
    }
    SpObject *keep = NULL;
    SpObject *const *vitems;
    ssize_t n;
    if (value == (SpObject *)self) {
        keep = list_slice(self, 0, SP_SIZE(self));
        if (keep == NULL) {
            return -1;
        }
        vitems = LIST(keep)->ob_item;
        n = SP_SIZE(keep);
    } else {
        vitems = sp_sequence_fast(value, &n, &keep,
                                  "must assign iterable to extended slice");
        if (vitems == NULL) {
            return -1;
        }
    }
    if (n != slicelen) {
        sp_err_format(&SpExc_ValueError,
                      "attempt to assign sequence of size %zd to extended slice of size %zd", n,
                      slicelen);
        SP_XDECREF(keep);
        return -1;
    }
    if (slicelen == 0) {
        SP_XDECREF(keep);
        return 0;
    }
    SpObject **garbage = sp_mem_alloc((size_t)slicelen * sizeof(SpObject *));
    if (garbage == NULL) {
        SP_XDECREF(keep);
        sp_err_no_memory();
        return -1;
    }
    for (ssize_t i = 0, cur = start; i < slicelen; i++, cur += step) {
        garbage[i] = self->ob_item[cur];
        self->ob_item[cur] = sp_newref(vitems[i]);
    }
    for (ssize_t i = 0; i < slicelen; i++) {
        SP_DECREF(garbage[i]);
    }
    sp_mem_free(garbage);
    SP_XDECREF(keep);
    return 0;
}

// a[key] = value / del a[key] for ints and slices.
static int list_ass_subscript(SpObject *v, SpObject *key, SpObject *value) {
    if (sp_index_check(key)) {
        ssize_t i = sp_cont_index_value(key);
        if (i == -1 && sp_err_occurred()) {
            return -1;
        }
        if (i < 0) {
            i += SP_SIZE(v);
        }
        return list_ass_item(v, i, value);
    }
    if (SP_SLICE_CHECK(key)) {
        ssize_t start, stop, step;
        if (sp_slice_unpack(key, &start, &stop, &step) < 0) {
            return -1;
        }
        ssize_t len = sp_slice_adjust_indices(SP_SIZE(v), &start, &stop, step);
        if (step == 1) {
            return list_ass_slice(LIST(v), start, stop, value);
        }
        return list_ass_extended(LIST(v), start, step, len, value);
    }
    sp_err_format(&SpExc_TypeError, "list indices must be integers or slices, not %.200s",
                  sp_object_type_name(key));
    return -1;
}

// ---------------------------------------------------------------------------
// Methods

// A Py_ssize_t argument as CPython's argument clinic converts it: through
// __index__, OverflowError "Python int too large to convert to C ssize_t".
// 0 or -1.
static int ssize_arg(SpObject *o, ssize_t *out) {
    SpObject *n = sp_number_index(o);
    if (n == NULL) {
        return -1;
    }
    *out = sp_int_as_ssize(n);
    SP_DECREF(n);
    return *out == -1 && sp_err_occurred() ? -1 : 0;
}

static SpObject *list_append_meth(SpObject *self, SpObject *item) {
    if (sp_list_append(self, item) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

static SpObject *list_extend_meth(SpObject *self, SpObject *iterable) {
    if (sp_list_extend(self, iterable) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

// list.insert(index, object); the index may be any __index__ object and is clamped rather than
// checked.
static SpObject *list_insert_meth(SpObject *self, SpObject *const *args, ssize_t nargs,
                                  SpObject *kwnames) {
    if (!sp_arg_no_kwnames("list.insert", kwnames) ||
        !sp_arg_check_positional("insert", nargs, 2, 2)) {
        return NULL;
    }
    ssize_t where;
    if (ssize_arg(args[0], &where) < 0) {
        return NULL;
    }
    if (sp_list_insert(self, where, args[1]) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

// list.clear() frees the array too: sys.getsizeof drops back to 56.
static SpObject *list_clear_meth(SpObject *self, SpObject *unused) {
    list_clear_items(self);
    SP_RETURN_NONE;
}

// list.copy() is l[:]: an exact-size shallow copy.
static SpObject *list_copy_meth(SpObject *self, SpObject *unused) {
    return list_slice(LIST(self), 0, SP_SIZE(self));
}

// list.pop([index]). Popping the last item only shrinks the size (and maybe the array, by
// list_resize's rule); other positions go through the slice deletion that shifts the tail down.
static SpObject *list_pop_meth(SpObject *self, SpObject *const *args, ssize_t nargs,
                               SpObject *kwnames) {
    if (!sp_arg_no_kwnames("list.pop", kwnames) || !sp_arg_check_positional("pop", nargs, 0, 1)) {
        return NULL;
    }
    ssize_t index = -1;
    if (nargs == 1 && ssize_arg(args[0], &index) < 0) {
        return NULL;
    }
    ssize_t n = SP_SIZE(self);
    if (n == 0) {
        sp_err_set_string(&SpExc_IndexError, "pop from empty list");
        return NULL;
    }
    if (index < 0) {
        index += n;
    }
    if ((size_t)index >= (size_t)n) {
        sp_err_set_string(&SpExc_IndexError, "pop index out of range");
        return NULL;
    }
    SpObject *v = LIST(self)->ob_item[index];
    if (index == n - 1) {
        // The reference the list held becomes the result.
        if (list_resize(LIST(self), n - 1) < 0) {
            return NULL;
        }
        return v;
    }
    SP_INCREF(v);
    if (list_ass_slice(LIST(self), index, index + 1, NULL) < 0) {
        SP_DECREF(v);
        return NULL;
    }
    return v;
}

// list.remove(x): the first item equal to x, with the fixed message of CPython 3.11 (it does not
// repeat x).
static SpObject *list_remove_meth(SpObject *self, SpObject *value) {
    for (ssize_t i = 0; i < SP_SIZE(self); i++) {
        SpObject *item = sp_newref(LIST(self)->ob_item[i]);
        int k = sp_object_richcompare_bool(item, value, SP_EQ);
        SP_DECREF(item);
        if (k > 0) {
            if (list_ass_slice(LIST(self), i, i + 1, NULL) < 0) {
                return NULL;
            }
            SP_RETURN_NONE;
        }
        if (k < 0) {
            return NULL;
        }
    }
    sp_err_set_string(&SpExc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

// list.index(x[, start[, stop]]): bounds are clamped like slice indices; the error repeats repr(x):
// "3 is not in list".
static SpObject *list_index_meth(SpObject *self, SpObject *const *args, ssize_t nargs,
                                 SpObject *kwnames) {
    if (!sp_arg_no_kwnames("list.index", kwnames) ||
        !sp_arg_check_positional("index", nargs, 1, 3)) {
        return NULL;
    }
    ssize_t start = 0, stop = SSIZE_MAX;
    for (ssize_t k = 1; k < nargs; k++) {
        if (!sp_index_check(args[k])) {
            sp_err_set_string(&SpExc_TypeError,
                              "slice indices must be integers or have an __index__ method");
            return NULL;
        }
        ssize_t v = sp_number_as_ssize(args[k], NULL);
        if (v == -1 && sp_err_occurred()) {
            return NULL;
        }
        if (k == 1) {
            start = v;
        } else {
            stop = v;
        }
    }
    if (start < 0) {
        start += SP_SIZE(self);
        if (start < 0) {
            start = 0;
        }
    }
    if (stop < 0) {
        stop += SP_SIZE(self);
    }
    for (ssize_t i = start; i < stop && i < SP_SIZE(self); i++) {
        SpObject *item = sp_newref(LIST(self)->ob_item[i]);
        int k = sp_object_richcompare_bool(item, args[0], SP_EQ);
        SP_DECREF(item);
        if (k > 0) {
            return sp_int_from_ssize(i);
        }
        if (k < 0) {
            return NULL;
        }
    }
    return sp_err_format(&SpExc_ValueError, "%R is not in list", args[0]);
}

// list.count(x), identity first like `in`.
static SpObject *list_count_meth(SpObject *self, SpObject *value) {
    ssize_t count = 0;
    for (ssize_t i = 0; i < SP_SIZE(self); i++) {
        SpObject *item = LIST(self)->ob_item[i];
        if (item == value) {
            count++;
            continue;
        }
        SP_INCREF(item);
        int k = sp_object_richcompare_bool(item, value, SP_EQ);
        SP_DECREF(item);
        if (k < 0) {
            return NULL;
        }
        count += k;
    }
    return sp_int_from_ssize(count);
}

static SpObject *list_reverse_meth(SpObject *self, SpObject *unused) {
    sp_list_reverse(self);
    SP_RETURN_NONE;
}

// list.sort(*, key=None, reverse=False): keyword-only, as in CPython; the work is in listsort.c.
static SpObject *list_sort_meth(SpObject *self, SpObject *const *args, ssize_t nargs,
                                SpObject *kwnames) {
    static const char *const names[] = {"$key", "$reverse", NULL};
    SpObject *out[2] = {NULL, NULL};
    if (sp_arg_parse_kw("sort", args, nargs, kwnames, names, out, 0) < 0) {
        return NULL;
    }
    SpObject *key = out[0] == sp_None ? NULL : out[0];
    int reverse = 0;
    if (out[1] != NULL) {
        reverse = sp_object_is_true(out[1]);
        if (reverse < 0) {
            return NULL;
        }
    }
    if (sp_list_sort(self, key, reverse) < 0) {
        return NULL;
    }
    SP_RETURN_NONE;
}

// __sizeof__: the object plus its allocated slots (not the GC header; sys.getsizeof adds that).
static SpObject *list_sizeof_meth(SpObject *self, SpObject *unused) {
    size_t res = (size_t)SpList_Type.tp_basicsize + (size_t)LIST(self)->allocated * sizeof(void *);
    return sp_int_from_size(res);
}

static SpObject *list_iter(SpObject *seq);
static SpObject *list_reversed_meth(SpObject *self, SpObject *unused);

// list(iterable=()): __init__ empties the list, then extends it (with an
// exact allocation first when the iterable knows its length).
static int list_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    // Keywords are refused unless a subclass has a __new__ of its own (it
    // may have consumed them), as CPython.
    if ((SP_LIST_CHECK_EXACT(self) || SP_TYPE(self)->tp_new == SpList_Type.tp_new) &&
        kwargs != NULL && SP_DICT_SIZE(kwargs) > 0) {
        sp_err_set_string(&SpExc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    ssize_t nargs = SP_TUPLE_SIZE(args);
    if (nargs > 1) {
        sp_err_format(&SpExc_TypeError, "list expected at most 1 argument, got %zd", nargs);
        return -1;
    }
    list_clear_items(self);
    if (nargs == 0) {
        return 0;
    }
    SpObject *iterable = SP_TUPLE_GET_ITEM(args, 0);
    SpTypeObject *t = SP_TYPE(iterable);
    if ((t->tp_as_sequence != NULL && t->tp_as_sequence->sq_length != NULL) ||
        (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_length != NULL)) {
        ssize_t n = sp_object_length(iterable);
        if (n == -1) {
            if (!sp_err_matches_type(&SpExc_TypeError)) {
                return -1;
            }
            sp_err_clear();
        }
        if (n > 0 && LIST(self)->ob_item == NULL && list_preallocate_exact(LIST(self), n) < 0) {
            return -1;
        }
    }
    return sp_list_extend(self, iterable);
}

// list(...) called directly: list([iterable]) without an argument tuple.
static SpObject *list_vectorcall(SpObject *type, SpObject *const *args, size_t nargsf,
                                 SpObject *kwnames) {
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if ((SpTypeObject *)type != &SpList_Type) {
        return sp_vectorcall_via_tp_call(type, args, nargsf, kwnames);
    }
    if (!sp_arg_no_kwnames("list", kwnames) || !sp_arg_check_positional("list", nargs, 0, 1)) {
        return NULL;
    }
    SpObject *l = sp_list_new(0);
    if (l == NULL || nargs == 0) {
        return l;
    }
    SpObject *argt = sp_tuple_pack(1, args[0]);
    if (argt == NULL || list_init(l, argt, NULL) < 0) {
        SP_XDECREF(argt);
        SP_DECREF(l);
        return NULL;
    }
    SP_DECREF(argt);
    return l;
}

// tp_new makes an empty list (of the subclass, for subclasses); the items come from __init__, so
// that a subclass __init__ can run first.
static SpObject *list_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    if (type == &SpList_Type) {
        return sp_list_new(0);
    }
    SpObject *op = sp_object_alloc(type, 0);
    if (op == NULL) {
        return NULL;
    }
    sp_gc_track(op);
    return op;
}

static SpMethodDef list_methods[] = {
    {"__getitem__", SP_METH(list_subscript), SP_METH_O, "x.__getitem__(y) <==> x[y]"},
    {"__class_getitem__", SP_METH(sp_generic_alias_class_getitem), SP_METH_O | SP_METH_CLASS,
     "See PEP 585"},
    {"__reversed__", SP_METH(list_reversed_meth), SP_METH_NOARGS,
     "Return a reverse iterator over the list."},
    {"__sizeof__", SP_METH(list_sizeof_meth), SP_METH_NOARGS,
     "Return the size of the list in memory, in bytes."},
    {"clear", SP_METH(list_clear_meth), SP_METH_NOARGS, "Remove all items from list."},
    {"copy", SP_METH(list_copy_meth), SP_METH_NOARGS, "Return a shallow copy of the list."},
    {"append", SP_METH(list_append_meth), SP_METH_O, "Append object to the end of the list."},
    {"insert", SP_METH(list_insert_meth), SP_METH_FASTCALL, "Insert object before index."},
    {"extend", SP_METH(list_extend_meth), SP_METH_O,
     "Extend list by appending elements from the iterable."},
    {"pop", SP_METH(list_pop_meth), SP_METH_FASTCALL,
     "Remove and return item at index (default last).\n\n"
     "Raises IndexError if list is empty or index is out of range."},
    {"remove", SP_METH(list_remove_meth), SP_METH_O,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", SP_METH(list_index_meth), SP_METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", SP_METH(list_count_meth), SP_METH_O, "Return number of occurrences of value."},
    {"reverse", SP_METH(list_reverse_meth), SP_METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", SP_METH(list_sort_meth), SP_METH_FASTCALL,
     "Sort the list in ascending order and return None."},
    {NULL, NULL, 0, NULL},
};

static SpSequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static SpMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

SpTypeObject SpList_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "list",
    .tp_basicsize = sizeof(SpListObject),
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_hash = sp_object_hash_not_implemented,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_BASETYPE | SP_TPFLAGS_HAVE_GC | SP_TPFLAGS_LIST_SUBCLASS,
    .tp_doc = "Built-in mutable sequence.\n\n"
              "If no argument is given, the constructor creates a new empty list.\n"
              "The argument must be an iterable if specified.",
    .tp_traverse = list_traverse,
    .tp_clear = list_clear_items,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_methods = list_methods,
    .tp_init = list_init,
    .tp_new = list_new,
    .tp_free = sp_object_free,
    .tp_vectorcall = list_vectorcall,
};

// ---------------------------------------------------------------------------
// Iterators: forward (iter(list)) and backward (reversed(list)).

typedef struct {
    SP_OBJECT_HEAD;
    ssize_t index;
    SpObject *seq;  // NULL once exhausted
} ListIterObject;

// Both iterators share one layout: a position and the list (dropped when exhausted, so a finished
// iterator does not keep a big list alive).
static SpObject *listiter_make(SpTypeObject *type, SpObject *seq, ssize_t index) {
    ListIterObject *it = (ListIterObject *)sp_object_alloc(type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->index = index;
    it->seq = sp_newref(seq);
    sp_gc_track((SpObject *)it);
    return (SpObject *)it;
}

static SpObject *list_iter(SpObject *seq) { return listiter_make(&SpListIter_Type, seq, 0); }

static SpObject *list_reversed_meth(SpObject *self, SpObject *unused) {
    return listiter_make(&SpListRevIter_Type, self, SP_SIZE(self) - 1);
}

static void listiter_dealloc(SpObject *op) {
    sp_gc_untrack(op);
    SP_XDECREF(((ListIterObject *)op)->seq);
    sp_object_free(op);
}

static int listiter_traverse(SpObject *op, SpVisitProc visit, void *arg) {
    SpObject *seq = ((ListIterObject *)op)->seq;
    return seq != NULL ? visit(seq, arg) : 0;
}

static int listiter_clear(SpObject *op) {
    SP_CLEAR(((ListIterObject *)op)->seq);
    return 0;
}

// Items appended during iteration are seen (the size is read each time), as in CPython; nothing is
// raised for mutation.
static SpObject *listiter_next(SpObject *op) {
    ListIterObject *it = (ListIterObject *)op;
    SpObject *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->index < SP_SIZE(seq)) {
        return sp_newref(LIST(seq)->ob_item[it->index++]);
    }
    it->seq = NULL;
    SP_DECREF(seq);
    return NULL;
}

static SpObject *listiter_length_hint(SpObject *op, SpObject *unused) {
    ListIterObject *it = (ListIterObject *)op;
    ssize_t n = 0;
    if (it->seq != NULL) {
        n = SP_SIZE(it->seq) - it->index;
        if (n < 0) {
            n = 0;
        }
    }
    return sp_cont_length_hint_result(n);
}

// Walks down from the last index; if the list shrank below the position, iteration simply ends.
static SpObject *listreviter_next(SpObject *op) {
    ListIterObject *it = (ListIterObject *)op;
    SpObject *seq = it->seq;
    if (seq == NULL) {
        return NULL;
    }
    ssize_t i = it->index;
    if (i >= 0 && i < SP_SIZE(seq)) {
        it->index--;
        return sp_newref(LIST(seq)->ob_item[i]);
    }
    it->index = -1;
    it->seq = NULL;
    SP_DECREF(seq);
    return NULL;
}

static SpObject *listreviter_length_hint(SpObject *op, SpObject *unused) {
    ListIterObject *it = (ListIterObject *)op;
    ssize_t n = 0;
    if (it->seq != NULL && it->index < SP_SIZE(it->seq)) {
        n = it->index + 1;
    }
    return sp_cont_length_hint_result(n);
}

static SpMethodDef listiter_methods[] = {
    {"__length_hint__", SP_METH(listiter_length_hint), SP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static SpMethodDef listreviter_methods[] = {
    {"__length_hint__", SP_METH(listreviter_length_hint), SP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

SpTypeObject SpListIter_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(ListIterObject),
    .tp_dealloc = listiter_dealloc,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_clear = listiter_clear,
    .tp_iter = sp_cont_self_iter,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
    .tp_free = sp_object_free,
};

SpTypeObject SpListRevIter_Type = {
    SP_TYPE_HEAD_INIT,
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(ListIterObject),
    .tp_dealloc = listiter_dealloc,
    .tp_getattro = sp_object_generic_getattr,
    .tp_flags = SP_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_clear = listiter_clear,
    .tp_iter = sp_cont_self_iter,
    .tp_iternext = listreviter_next,
    .tp_methods = listreviter_methods,
    .tp_free = sp_object_free,
};
