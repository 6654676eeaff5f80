# Messages of common built-in exceptions raised by the runtime.
def _unpack():
    a, b = 1, 2, 3
def _strset():
    'abc'[1] = 'x'
def _del():
    del [][0]
def _realset():
    (1).real = 2
cases = [
    ('1/0', ZeroDivisionError, lambda: 1/0),
    ('[][0]', IndexError, lambda: [][0]),
    ('()[1]', IndexError, lambda: ()[1]),
    ("''[0]", IndexError, lambda: ''[0]),
    ("{}['x']", KeyError, lambda: {}['x']),
    ('{}[1]', KeyError, lambda: {}[1]),
    ('undefined_name', NameError, lambda: undefined_name),
    ("int('z')", ValueError, lambda: int('z')),
    ('[].pop()', IndexError, lambda: [].pop()),
    ('None.x', AttributeError, lambda: None.x),
    ('(1).x', AttributeError, lambda: (1).x),
    ('len(1)', TypeError, lambda: len(1)),
    ('1 + None', TypeError, lambda: 1 + None),
    ("'a' < 1", TypeError, lambda: 'a' < 1),
    ('[1, 2][1:2:0]', ValueError, lambda: [1, 2][1:2:0]),
    ('iter(5)', TypeError, lambda: iter(5)),
    ('next(iter([]))', StopIteration, lambda: next(iter([]))),
    ('list.nope', AttributeError, lambda: list.nope),
    ('{}.nope()', AttributeError, lambda: {}.nope()),
    ('[1][None]', TypeError, lambda: [1][none]),
    ("'abc'.index('z')", ValueError, lambda: 'abc'.index('z')),
    ('[1].index(2)', ValueError, lambda: [1].index(2)),
    ('int([])', TypeError, lambda: int([])),
    ("float('x')", ValueError, lambda: float('x')),
    ('chr(-1)', ValueError, lambda: chr(-1)),
    ("ord('')", TypeError, lambda: ord('')),
    ('range(0, 1, 0)', ValueError, lambda: range(0, 1, 0)),
    ('dict(1)', TypeError, lambda: dict(1)),
    ('set(1)', TypeError, lambda: set(1)),
    ('tuple(1)', TypeError, lambda: tuple(1)),
    ('list(1)', TypeError, lambda: list(1)),
    ("sum(['a'])", TypeError, lambda: sum(['a'])),
    ('max([])', ValueError, lambda: max([])),
    ('min()', TypeError, lambda: min()),
    ('divmod(1, 0)', ZeroDivisionError, lambda: divmod(1, 0)),
    ("'x' * 'y'", TypeError, lambda: 'x' * 'y'),
    ('[] + {}', TypeError, lambda: [] + {}),
    ('{1: 2} + {3: 4}', TypeError, lambda: {1: 2} + {3: 4}),
    ("-'a'", TypeError, lambda: -'a'),
    ('hash([])', TypeError, lambda: hash([])),
    ('{[]: 1}', TypeError, lambda: {[]: 1}),
    ('{[]}', TypeError, lambda: {[]}),
    ("'%d' % 'x'", TypeError, lambda: '%d' % 'x'),
    ("'a'.join([1])", TypeError, lambda: 'a'.join([1])),
    ("int('')", ValueError, lambda: int('')),
    ('pow(0, -1)', ZeroDivisionError, lambda: pow(0, -1)),
    ('a, b = 1, 2, 3', ValueError, _unpack),
    ("getattr(1, 'x')", AttributeError, lambda: getattr(1, 'x')),
    ('object.x', AttributeError, lambda: object.x),
    ("sorted([1, 'a'])", TypeError, lambda: sorted([1, 'a'])),
    ('print(sep=1)', TypeError, lambda: print(sep=1)),
    ("round('x')", TypeError, lambda: round('x')),
    ("abs('x')", TypeError, lambda: abs('x')),
    ("'abc'[1] = 'x'", TypeError, _strset),
    ('del [][0]', IndexError, _del),
    ('isinstance(1, 1)', TypeError, lambda: isinstance(1, 1)),
    ("bytes('x')", TypeError, lambda: bytes('x')),
    ("str(b'x', 'nope')", LookupError, lambda: str(b'x', 'nope')),
    ('1 .real = 2', AttributeError, _realset),
]
none = None
for src, exc, fn in cases:
    try:
        fn()
        print(src, "-> no exception")
    except exc as e:
        print(src, "->", type(e).__name__ + ":", e)
