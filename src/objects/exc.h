// smallpy: the built-in exception hierarchy and exception instances.
// Counterpart: CPython 3.11 Objects/exceptions.c, Include/cpython/pyerrors.h.
#ifndef SP_OBJECTS_EXC_H
#define SP_OBJECTS_EXC_H

#include "core/object.h"

// Every built-in exception type, once: X(Name, Base, Struct). The struct names
// the instance layout (SpBaseExceptionObject unless the type adds fields).
// Declares `extern SpTypeObject SpExc_<Name>`; the type's tp_name is "<Name>".
#define SP_EXCEPTION_TYPES(X)                                          \
    X(BaseException, object, SpBaseExceptionObject)                    \
    X(Exception, BaseException, SpBaseExceptionObject)                 \
    X(BaseExceptionGroup, BaseException, SpBaseExceptionObject)        \
    X(GeneratorExit, BaseException, SpBaseExceptionObject)             \
    X(KeyboardInterrupt, BaseException, SpBaseExceptionObject)         \
    X(SystemExit, BaseException, SpSystemExitObject)                   \
    X(ArithmeticError, Exception, SpBaseExceptionObject)               \
    X(FloatingPointError, ArithmeticError, SpBaseExceptionObject)      \
    X(OverflowError, ArithmeticError, SpBaseExceptionObject)           \
    X(ZeroDivisionError, ArithmeticError, SpBaseExceptionObject)       \
    X(AssertionError, Exception, SpBaseExceptionObject)                \
    X(AttributeError, Exception, SpAttributeErrorObject)               \
    X(BufferError, Exception, SpBaseExceptionObject)                   \
    X(EOFError, Exception, SpBaseExceptionObject)                      \
    X(ImportError, Exception, SpImportErrorObject)                     \
    X(ModuleNotFoundError, ImportError, SpImportErrorObject)           \
    X(LookupError, Exception, SpBaseExceptionObject)                   \
    X(IndexError, LookupError, SpBaseExceptionObject)                  \
    X(KeyError, LookupError, SpBaseExceptionObject)                    \
    X(MemoryError, Exception, SpBaseExceptionObject)                   \
    X(NameError, Exception, SpNameErrorObject)                         \
    X(UnboundLocalError, NameError, SpNameErrorObject)                 \
    X(OSError, Exception, SpOSErrorObject)                             \
    X(BlockingIOError, OSError, SpOSErrorObject)                       \
    X(ChildProcessError, OSError, SpOSErrorObject)                     \
    X(ConnectionError, OSError, SpOSErrorObject)                       \
    X(BrokenPipeError, ConnectionError, SpOSErrorObject)               \
    X(ConnectionAbortedError, ConnectionError, SpOSErrorObject)        \
    X(ConnectionRefusedError, ConnectionError, SpOSErrorObject)        \
    X(ConnectionResetError, ConnectionError, SpOSErrorObject)          \
    X(FileExistsError, OSError, SpOSErrorObject)                       \
    X(FileNotFoundError, OSError, SpOSErrorObject)                     \
    X(InterruptedError, OSError, SpOSErrorObject)                      \
    X(IsADirectoryError, OSError, SpOSErrorObject)                     \
    X(NotADirectoryError, OSError, SpOSErrorObject)                    \
    X(PermissionError, OSError, SpOSErrorObject)                       \
    X(ProcessLookupError, OSError, SpOSErrorObject)                    \
    X(TimeoutError, OSError, SpOSErrorObject)                          \
    X(ReferenceError, Exception, SpBaseExceptionObject)                \
    X(RuntimeError, Exception, SpBaseExceptionObject)                  \
    X(NotImplementedError, RuntimeError, SpBaseExceptionObject)        \
    X(RecursionError, RuntimeError, SpBaseExceptionObject)             \
    X(StopAsyncIteration, Exception, SpBaseExceptionObject)            \
    X(StopIteration, Exception, SpStopIterationObject)                 \
    X(SyntaxError, Exception, SpSyntaxErrorObject)                     \
    X(IndentationError, SyntaxError, SpSyntaxErrorObject)              \
    X(TabError, IndentationError, SpSyntaxErrorObject)                 \
    X(SystemError, Exception, SpBaseExceptionObject)                   \
    X(TypeError, Exception, SpBaseExceptionObject)                     \
    X(ValueError, Exception, SpBaseExceptionObject)                    \
    X(UnicodeError, ValueError, SpBaseExceptionObject)                 \
    X(UnicodeDecodeError, UnicodeError, SpUnicodeErrorObject)          \
    X(UnicodeEncodeError, UnicodeError, SpUnicodeErrorObject)          \
    X(UnicodeTranslateError, UnicodeError, SpUnicodeErrorObject)       \
    X(Warning, Exception, SpBaseExceptionObject)                       \
    X(BytesWarning, Warning, SpBaseExceptionObject)                    \
    X(DeprecationWarning, Warning, SpBaseExceptionObject)              \
    X(EncodingWarning, Warning, SpBaseExceptionObject)                 \
    X(FutureWarning, Warning, SpBaseExceptionObject)                   \
    X(ImportWarning, Warning, SpBaseExceptionObject)                   \
    X(PendingDeprecationWarning, Warning, SpBaseExceptionObject)       \
    X(ResourceWarning, Warning, SpBaseExceptionObject)                 \
    X(RuntimeWarning, Warning, SpBaseExceptionObject)                  \
    X(SyntaxWarning, Warning, SpBaseExceptionObject)                   \
    X(UnicodeWarning, Warning, SpBaseExceptionObject)                  \
    X(UserWarning, Warning, SpBaseExceptionObject)

#define SP_DECLARE_EXC_(name, base, st) extern SpTypeObject SpExc_##name;
SP_EXCEPTION_TYPES(SP_DECLARE_EXC_)
#undef SP_DECLARE_EXC_

// Instance layouts, as CPython 3.11's (field order kept).
#define SP_EXCEPTION_HEAD                                                          \
    SP_OBJECT_HEAD;                                                                \
    SpObject *dict;                                                                \
    SpObject *args;       /* tuple */                                              \
    SpObject *notes;                                                               \
    SpObject *traceback;  /* SpTracebackObject or NULL */                          \
    SpObject *context;                                                             \
    SpObject *cause;                                                               \
    char suppress_context

typedef struct { SP_EXCEPTION_HEAD; } SpBaseExceptionObject;
typedef struct { SP_EXCEPTION_HEAD; SpObject *code; } SpSystemExitObject;
typedef struct { SP_EXCEPTION_HEAD; SpObject *value; } SpStopIterationObject;
typedef struct { SP_EXCEPTION_HEAD; SpObject *obj; SpObject *name; } SpAttributeErrorObject;
typedef struct { SP_EXCEPTION_HEAD; SpObject *name; } SpNameErrorObject;
typedef struct {
    SP_EXCEPTION_HEAD;
    SpObject *msg, *name, *path;
} SpImportErrorObject;
typedef struct {
    SP_EXCEPTION_HEAD;
    SpObject *myerrno, *strerror, *filename, *filename2;
} SpOSErrorObject;
typedef struct {
    SP_EXCEPTION_HEAD;
    SpObject *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset;
    SpObject *print_file_and_line;
} SpSyntaxErrorObject;
typedef struct {
    SP_EXCEPTION_HEAD;
    SpObject *encoding, *object;
    ssize_t start, end;
    SpObject *reason;
} SpUnicodeErrorObject;

#define SP_EXC_CHECK(o) sp_type_has_flag(SP_TYPE(o), SP_TPFLAGS_BASE_EXC_SUBCLASS)
#define SP_EXC_TYPE_CHECK(t) sp_type_has_flag((t), SP_TPFLAGS_BASE_EXC_SUBCLASS)

// sp_exc_new(type, args): instantiate exception `type` with the tuple args
// (borrowed). New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_exc_new(SpTypeObject *type, SpObject *args);
// Accessors; the getters return borrowed references (NULL if unset).
SP_FUNC SpObject *sp_exc_get_traceback_borrow(SpObject *exc);
SP_FUNC void sp_exc_set_traceback(SpObject *exc, SpObject *tb);  // borrows tb (may be NULL)
SP_FUNC SpObject *sp_exc_get_context_borrow(SpObject *exc);
SP_FUNC void sp_exc_set_context(SpObject *exc, SP_STEALS SpObject *ctx);  // ctx may be NULL
SP_FUNC SpObject *sp_exc_get_cause_borrow(SpObject *exc);
SP_FUNC void sp_exc_set_cause(SpObject *exc, SP_STEALS SpObject *cause);  // sets suppress_context
SP_FUNC SpObject *sp_exc_get_args_borrow(SpObject *exc);

// sp_exc_init_types(): sp_type_ready every exception type and preallocate
// the MemoryError instance. -1 on failure.
SP_FUNC int sp_exc_init_types(void);
// The preallocated MemoryError instance (sp_err_no_memory raises it).
extern SpObject *sp_exc_memory_error_instance;

#endif  // SP_OBJECTS_EXC_H
