// smallpy: list.sort() and sorted(): a stable natural merge sort in the
// spirit of timsort (runs found in the data, short runs extended by binary
// insertion, merges kept balanced by the classic run-stack invariants).
// Homogeneous keys (all str, all small ints, all floats) are compared
// without going through rich comparison. Counterpart: CPython 3.11
// Objects/listobject.c (list_sort_impl, the merge machinery).
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/mem.h"
#include "objects/cont.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"

// Every element carries its sort key and the value that goes back into the
// list (the same object when there is no key function).
typedef struct {
    SpObject *key;
    SpObject *value;
} SortItem;

typedef int (*LessThan)(SpObject *a, SpObject *b);  // 1, 0, -1 on error

// The comparisons: the generic one honours __lt__ (and its errors); the others are only chosen when
// every key has that exact built-in type, so they give the same answers without dispatch.
static int lt_generic(SpObject *a, SpObject *b) { return sp_object_richcompare_bool(a, b, SP_LT); }

static int lt_str(SpObject *a, SpObject *b) { return sp_str_compare(a, b) < 0; }

static int lt_small_int(SpObject *a, SpObject *b) {
    return sp_int_compact_value(a) < sp_int_compact_value(b);
}

static int lt_float(SpObject *a, SpObject *b) { return SP_FLOAT_VALUE(a) < SP_FLOAT_VALUE(b); }

// Choose the cheapest correct comparison for these keys.
static LessThan choose_compare(SortItem *items, ssize_t n) {
    if (n < 2) {
        return lt_generic;
    }
    SpTypeObject *t = SP_TYPE(items[0].key);
    int small_ints = t == &SpInt_Type;
    for (ssize_t i = 0; i < n; i++) {
        SpObject *k = items[i].key;
        if (SP_TYPE(k) != t) {
            return lt_generic;
        }
        if (small_ints && !SP_INT_IS_COMPACT(k)) {
            small_ints = 0;
        }
    }
    if (t == &SpStr_Type) {
        return lt_str;
    }
    if (t == &SpInt_Type && small_ints) {
        return lt_small_int;
    }
    if (t == &SpFloat_Type) {
        return lt_float;
    }
    return lt_generic;
}

// Per-sort state: the comparison and the merge buffer (grown on demand).
typedef struct {
    LessThan lt;
    SortItem *tmp;  // merge buffer
    ssize_t tmp_cap;
} SortState;

#define MAX_RUNS 85  // enough for 2**64 items with the invariants below

typedef struct {
    ssize_t base, len;
} Run;

// Reverse [lo, hi) in place.
static void reverse_items(SortItem *lo, SortItem *hi) {
    for (--hi; lo < hi; lo++, hi--) {
        SortItem t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

// Sort items[lo, hi) given that [lo, start) is sorted: binary insertion,
// which is stable (new items go after equal ones).
static int binary_insertion(SortState *st, SortItem *lo, SortItem *hi, SortItem *start) {
    for (; start < hi; start++) {
        SortItem pivot = *start;
        SortItem *l = lo, *r = start;
        while (l < r) {
            SortItem *p = l + ((r - l) >> 1);
            int k = st->lt(pivot.key, p->key);
            if (k < 0) {
                return -1;
            }
            if (k) {
                r = p;
            } else {
                l = p + 1;
            }
        }
        memmove(l + 1, l, (size_t)(start - l) * sizeof(SortItem));
        *l = pivot;
    }
    return 0;
}

// Length of the run starting at lo; a strictly descending run is reversed in
// place (strictness keeps the sort stable). -1 on error.
static ssize_t count_run(SortState *st, SortItem *lo, SortItem *hi) {
    if (lo + 1 >= hi) {
        return hi - lo;
    }
    ssize_t n = 2;
    int k = st->lt(lo[1].key, lo[0].key);
    if (k < 0) {
        return -1;
    }
    if (k) {
        for (SortItem *p = lo + 2; p < hi; p++, n++) {
            k = st->lt(p[0].key, p[-1].key);
            if (k < 0) {
                return -1;
            }
            if (!k) {
                break;
            }
        }
        reverse_items(lo, lo + n);
    } else {
        for (SortItem *p = lo + 2; p < hi; p++, n++) {
            k = st->lt(p[0].key, p[-1].key);
            if (k < 0) {
                return -1;
            }
            if (k) {
                break;
            }
        }
    }
    return n;
}

// The merge buffer must hold the shorter of two runs.
static int ensure_tmp(SortState *st, ssize_t need) {
    if (need <= st->tmp_cap) {
        return 0;
    }
    sp_mem_free(st->tmp);
    st->tmp = sp_mem_alloc((size_t)need * sizeof(SortItem));
    if (st->tmp == NULL) {
        st->tmp_cap = 0;
        sp_err_no_memory();
        return -1;
    }
    st->tmp_cap = need;
    return 0;
}

// Merge the adjacent sorted runs a[0, na) and a[na, na+nb). The shorter run
// is copied aside; on a comparison error the copied items are put back so
// that the array still holds every element exactly once.
static int merge_runs(SortState *st, SortItem *a, ssize_t na, ssize_t nb) {
    SortItem *b = a + na;
    // Items of a already <= b[0] stay where they are; likewise items of b
    // already >= a[na-1]. Cheap trimming that makes presorted data fast.
    {
        ssize_t l = 0, r = na;
        while (l < r) {
            ssize_t m = (l + r) >> 1;
            // Binary search for the first a[m] > b[0] (strictly: equal items of a stay
            // in front, which is what keeps the merge stable).
            int k = st->lt(b[0].key, a[m].key);
            if (k < 0) {
                return -1;
            }
            if (k) {
                r = m;
            } else {
                l = m + 1;
            }
        }
        a += l;
        na -= l;
        if (na == 0) {
            return 0;
        }
        l = 0;
        r = nb;
        while (l < r) {
            ssize_t m = (l + r) >> 1;
            // And the last b item that is < a's last: everything after it is in place.
            int k = st->lt(b[m].key, a[na - 1].key);
            if (k < 0) {
                return -1;
            }
            if (k) {
                l = m + 1;
            } else {
                r = m;
            }
        }
        nb = l;
        if (nb == 0) {
            return 0;
        }
    }
    // Merge low (a is the shorter run): copy a aside and fill from the left.
    // The invariant at each step: dest < bp, so the unread part of b is never
    // overwritten; the leftover of t (if any) fills the gap at the end.
    if (na <= nb) {
        if (ensure_tmp(st, na) < 0) {
            return -1;
        }
        SortItem *t = st->tmp, *tend = st->tmp + na;
        memcpy(t, a, (size_t)na * sizeof(SortItem));
        SortItem *dest = a, *bp = b, *bend = b + nb;
        while (t < tend && bp < bend) {
            // Take from b only when strictly smaller: ties go to a, the earlier run.
            int k = st->lt(bp->key, t->key);
            if (k < 0) {
                memcpy(dest, t, (size_t)(tend - t) * sizeof(SortItem));
                return -1;
            }
            *dest++ = k ? *bp++ : *t++;
        }
        memcpy(dest, t, (size_t)(tend - t) * sizeof(SortItem));
        return 0;
    }
    if (ensure_tmp(st, nb) < 0) {
        return -1;
    }
    memcpy(st->tmp, b, (size_t)nb * sizeof(SortItem));
    // Fill from the right end: the larger of the two tails moves last.
    SortItem *t = st->tmp + nb - 1;  // last item of the copy of b
    SortItem *ap = a + na - 1;        // last item of a
    SortItem *dest = b + nb - 1;
    while (t >= st->tmp && ap >= a) {
        // Merge high: b's item goes last unless a's is strictly greater, which is
        // again the stable choice for ties.
        int k = st->lt(t->key, ap->key);
        if (k < 0) {
            ssize_t left = t - st->tmp + 1;
            memcpy(dest - left + 1, st->tmp, (size_t)left * sizeof(SortItem));
            return -1;
        }
        *dest-- = k ? *ap-- : *t--;
    }
    if (t >= st->tmp) {
        ssize_t left = t - st->tmp + 1;
        memcpy(dest - left + 1, st->tmp, (size_t)left * sizeof(SortItem));
    }
    return 0;
}

// The smallest run length worth merging: CPython's minrun (32..64).
static ssize_t compute_minrun(ssize_t n) {
    ssize_t r = 0;
    // n / 2**k rounded up (any shifted-out 1 bit adds one) so that n / minrun
    // is a power of two or just below one: the final merges are then balanced.
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

// The main loop: find a run (extending short ones to minrun by binary insertion), push it, and
// merge neighbours while the run lengths break the invariants; at the end merge everything left on
// the stack.
static int sort_items(SortState *st, SortItem *items, ssize_t n) {
    if (n < 2) {
        return 0;
    }
    Run stack[MAX_RUNS];
    int nruns = 0;
    ssize_t minrun = compute_minrun(n);
    SortItem *lo = items, *hi = items + n;
    while (lo < hi) {
        ssize_t len = count_run(st, lo, hi);
        if (len < 0) {
            return -1;
        }
        if (len < minrun) {
            // Short natural run: extend it to minrun items (or to the end) by binary
            // insertion, cheap for small slices and it keeps the runs few.
            ssize_t force = hi - lo < minrun ? hi - lo : minrun;
            if (binary_insertion(st, lo, lo + force, lo + len) < 0) {
                return -1;
            }
            len = force;
        }
        stack[nruns].base = lo - items;
        stack[nruns].len = len;
        nruns++;
        lo += len;
        // Keep run lengths decreasing faster than Fibonacci numbers, so the
        // stack stays shallow and merges balanced.
        while (nruns > 1) {
            int m = nruns - 2;
            // With A, B, C the top three runs (C newest) the invariants are
            // A > B + C and B > C. When one breaks, C merges with the smaller of A and
            // B; the second test is the 2015 fix (de Gouw et al.) that also checks
            // the run below A, as CPython does.
            if ((m > 0 && stack[m - 1].len <= stack[m].len + stack[m + 1].len) ||
                (m > 1 && stack[m - 2].len <= stack[m - 1].len + stack[m].len)) {
                if (stack[m - 1].len < stack[m + 1].len) {
                    m--;
                }
            } else if (stack[m].len > stack[m + 1].len) {
                break;
            }
            if (merge_runs(st, items + stack[m].base, stack[m].len, stack[m + 1].len) < 0) {
                return -1;
            }
            stack[m].len += stack[m + 1].len;
            if (m + 2 < nruns) {
                stack[m + 1] = stack[m + 2];
            }
            nruns--;
        }
    }
    while (nruns > 1) {
        // Final collapse: merge from the top down, preferring the smaller
        // neighbour, until a single run covers everything.
        int m = nruns - 2;
        if (m > 0 && stack[m - 1].len < stack[m + 1].len) {
            m--;
        }
        if (merge_runs(st, items + stack[m].base, stack[m].len, stack[m + 1].len) < 0) {
            return -1;
        }
        stack[m].len += stack[m + 1].len;
        if (m + 2 < nruns) {
            stack[m + 1] = stack[m + 2];
        }
        nruns--;
    }
    return 0;
}

// list.sort: the list is emptied while sorting (so that code run by key
// functions and comparisons sees [] and any change is detected), then given
// its items back in order.
int sp_list_sort(SpObject *list, SpObject *keyfunc, int reverse) {
    SpListObject *self = (SpListObject *)list;
    ssize_t n = SP_SIZE(self);
    SpObject **saved = self->ob_item;
    ssize_t saved_allocated = self->allocated;
    SP_SET_SIZE(self, 0);
    self->ob_item = NULL;
    self->allocated = -1;  // a marker: any change to the list resets it

    int result = -1;
    ssize_t nkeys = 0;
    ssize_t ninit = 0;  // items[0, ninit) hold values
    SortState st = {lt_generic, NULL, 0};
    SortItem *items = NULL;
    if (n > 0) {
        items = sp_mem_alloc((size_t)n * sizeof(SortItem));
        if (items == NULL) {
            sp_err_no_memory();
            goto restore;
        }
    }
    for (ssize_t i = 0; i < n; i++) {
        items[i].value = saved[i];
        ninit = i + 1;
        if (keyfunc == NULL) {
            items[i].key = saved[i];
        } else {
            SpObject *k = sp_call_one_arg(keyfunc, saved[i]);
            if (k == NULL) {
                goto restore;
            }
            items[i].key = k;
            nkeys++;
        }
    }
    // Reversing before and after keeps equal items in their original order.
    if (reverse && n > 1) {
        reverse_items(items, items + n);
    }
    st.lt = choose_compare(items, n);
    result = sort_items(&st, items, n);
    if (reverse && n > 1) {
        reverse_items(items, items + n);
    }
restore:
    // After a failed comparison the items are a permutation of the list:
    // hand it back as it stands, as CPython does.
    for (ssize_t i = 0; i < ninit; i++) {
        saved[i] = items[i].value;
    }
    if (keyfunc != NULL && items != NULL) {
        // Keys were computed in order; after a failed key call only the
        // first nkeys exist (and the values were not moved).
        for (ssize_t i = 0; i < nkeys; i++) {
            SP_DECREF(items[i].key);
        }
    }
    sp_mem_free(st.tmp);
    sp_mem_free(items);
    {
        SpObject **junk = self->ob_item;
        ssize_t njunk = SP_SIZE(self);
        if (self->allocated != -1 && result == 0) {
            sp_err_set_string(&SpExc_ValueError, "list modified during sort");
            result = -1;
        }
        self->ob_item = saved;
        SP_SET_SIZE(self, n);
        self->allocated = saved_allocated;
        if (junk != NULL) {
            while (--njunk >= 0) {
                SP_XDECREF(junk[njunk]);
            }
            sp_mem_free(junk);
        }
    }
    return result;
}

// sorted(): a new list of the items, sorted.
SpObject *sp_list_sorted(SpObject *iterable, SpObject *key, int reverse) {
    SpObject *list = sp_sequence_list(iterable);
    if (list == NULL) {
        return NULL;
    }
    if (sp_list_sort(list, key, reverse) < 0) {
        SP_DECREF(list);
        return NULL;
    }
    return list;
}
