// smallpy: build-time knobs. Every compile-time option is an SP_CFG_* macro
// defined here (or overridden with -D on the command line), so one grep lists
// them all. Run-time options (-X) live in core/options.c instead.
#ifndef SP_CORE_CONFIG_H
#define SP_CORE_CONFIG_H

// Debug build: asserts, interface checks, reference totals. `make debug`.
#ifndef SP_CFG_DEBUG
#define SP_CFG_DEBUG 0
#endif

// Dispatch the eval loop with computed goto (GCC/Clang "labels as values").
// 0 forces the portable switch; CI builds both.
#ifndef SP_CFG_COMPUTED_GOTO
#if defined(__GNUC__)
#define SP_CFG_COMPUTED_GOTO 1
#else
#define SP_CFG_COMPUTED_GOTO 0
#endif
#endif

// Free lists of ints, floats, tuples, frames. 0 turns every free list off so
// that sanitizer runs see each object's real lifetime.
#ifndef SP_CFG_FREELISTS
#define SP_CFG_FREELISTS 1
#endif

// Default shared small-int range, [LO, HI] inclusive (CPython: -5..256).
#define SP_CFG_SMALL_INT_LO (-5)
#define SP_CFG_SMALL_INT_HI 256

// Default recursion limit (sys.getrecursionlimit()).
#define SP_CFG_RECURSION_LIMIT 1000

// Size of the VM's value stack (frames live on it), in SpObject* slots.
#define SP_CFG_DATASTACK_SLOTS (1 << 20)

#endif  // SP_CORE_CONFIG_H
