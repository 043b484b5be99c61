//! The object model: every kind of Python object as a payload in the GC
//! heap (`heap.rs`), the built-in classes, and the operations on values that
//! do not depend on the interpreter (`class_of`, constructors, downcasts).
//!
//! Classes are objects too (`PyClass`): built-in types have one each, found
//! from an object's type id, so `type(x)`, `isinstance` and attribute lookup
//! work the same for `int` and for a user class. Instances of user classes
//! keep their attributes in a slot vector described by a *map* (hidden
//! class, `PyMap`): instances that got the same attributes in the same order
//! share a map, so an attribute is a map lookup plus an index (the JIT can
//! promote the map). Attribute names are interned `str` objects, compared
//! by address.

pub mod deque;
pub mod dict;
pub mod heap;
pub mod intern;
pub mod list;
pub mod settable;
pub mod types;

pub use heap::{alloc, float_of, get, new_float, type_id, Payload, RootedVec, Value};
pub use list::{PyList, LIST_ITEMS, LIST_ITEMS_FIELD, LIST_LEN};
pub use types::{class_of, Types};

use crate::bytecode::Code;
use crate::payload;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};

// Type ids: one per payload kind (metajit numbers its own from 0x7000_0000).
pub const STR: u32 = 0x5059_0001;
pub const BYTES: u32 = 0x5059_0002;
pub const LONG: u32 = 0x5059_0003;
pub const LIST: u32 = 0x5059_0004;
pub const TUPLE: u32 = 0x5059_0005;
pub const DICT: u32 = 0x5059_0006;
pub const SET: u32 = 0x5059_0007;
pub const FUNCTION: u32 = 0x5059_0008;
pub const BUILTIN: u32 = 0x5059_0009;
pub const METHOD: u32 = 0x5059_000a;
pub const CLASS: u32 = 0x5059_000b;
pub const INSTANCE: u32 = 0x5059_000c;
pub const MAP: u32 = 0x5059_000d;
pub const MODULE: u32 = 0x5059_000e;
pub const CELL: u32 = 0x5059_000f;
pub const RANGE: u32 = 0x5059_0010;
pub const SLICE: u32 = 0x5059_0011;
pub const ITER: u32 = 0x5059_0012;
pub const GENERATOR: u32 = 0x5059_0013;
pub const WRAPPER: u32 = 0x5059_0014;
pub const SINGLETON: u32 = 0x5059_0015;
pub const BOOL: u32 = 0x5059_0016;
pub const SUPER: u32 = 0x5059_0017;
pub const FRAME: u32 = 0x5059_0018;
pub const VIEW: u32 = 0x5059_0019;
pub const FILE: u32 = 0x5059_001a;
pub const COMPLEX: u32 = 0x5059_001b;
pub const UNION: u32 = 0x5059_001c;
pub const BYTEARRAY: u32 = 0x5059_0030;
pub const CODE: u32 = 0x5059_0020;
pub const MAPPINGPROXY: u32 = 0x5059_0040;
/// The GC array of an instance's attribute slots (`ATTRS`).
pub const ATTRS_ARRAY: u32 = 0x5059_0041;
/// The holder of the classes' version (`builtins::lookup_cache`).
pub const CLASS_VERSION: u32 = 0x5059_0042;
/// The item arrays of lists (`list.rs`).
pub const LIST_STORAGE: u32 = 0x5059_0043;
/// `collections.deque`, its slot arrays and its iterators (`deque.rs`).
pub const DEQUE: u32 = 0x5059_0044;
pub const DEQUE_STORAGE: u32 = 0x5059_0045;
pub const DEQUE_ITER: u32 = 0x5059_0046;

/// `str`: UTF-8 text, its length in code points, its hash once computed.
/// A str with lone surrogates (`chr(0xd800)`), which Rust text cannot
/// hold, keeps all its code points in `wide`, and U+FFFD for each surrogate
/// in `s` (`lossy_text`): equality, ordering, `repr`, `ord`, indexing,
/// slicing, iteration, `+`, `in`, `encode` and `print` read `wide`; other
/// operations see the replacement characters. For non-ASCII text that is
/// indexed, `offsets` holds where every `OFFSET_STEP`th code point starts
/// in `s` and where the last one looked up does (so `s[i]` walks at most
/// that many characters, not `i`, and a scan `s[i]`, `s[i + 1]`, … one).
pub struct PyStr {
    pub s: Box<str>,
    pub chars: usize,
    pub hash: Cell<Option<i64>>,
    pub offsets: std::cell::OnceCell<StrIndex>,
    pub wide: Option<Box<[u32]>>,
}

/// The byte offsets `PyStr::byte_offset` starts its walks from.
pub struct StrIndex {
    /// Where code points 0, `OFFSET_STEP`, 2 × `OFFSET_STEP`, … start.
    every: Box<[usize]>,
    /// The code point last looked up and where it starts.
    last: Cell<(usize, usize)>,
}

/// Code points between two entries of `PyStr::offsets`.
const OFFSET_STEP: usize = 32;
payload!(PyStr, STR, "str", |s, v| {});

impl PyStr {
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }

    /// The byte offset where code point `k` (at most `chars`) starts.
    pub fn byte_offset(&self, k: usize) -> usize {
        if self.is_ascii() || k == 0 {
            return k;
        }
        if k >= self.chars {
            return self.s.len();
        }
        let index = self.offsets.get_or_init(|| StrIndex {
            every: self
                .s
                .char_indices()
                .step_by(OFFSET_STEP)
                .map(|(at, _)| at)
                .collect(),
            last: Cell::new((0, 0)),
        });
        let mut from = (k / OFFSET_STEP * OFFSET_STEP, index.every[k / OFFSET_STEP]);
        let last = index.last.get();
        if last.0 <= k && last.0 > from.0 {
            from = last;
        }
        let at = match self.s[from.1..].char_indices().nth(k - from.0) {
            Some((at, _)) => from.1 + at,
            None => self.s.len(),
        };
        index.last.set((k, at));
        at
    }

    /// The code points (surrogates included).
    pub fn code_points(&self) -> Vec<u32> {
        match &self.wide {
            Some(w) => w.to_vec(),
            None => self.s.chars().map(|c| c as u32).collect(),
        }
    }

    /// Python's hash of the text, computed once (of `s`: strs equal in
    /// `wide` are equal in `s` too).
    #[inline]
    pub fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = crate::runtime::hash::hash_str(&self.s);
        self.hash.set(Some(h));
        h
    }
}

pub struct PyBytes {
    pub b: Box<[u8]>,
}
payload!(PyBytes, BYTES, "bytes", |s, v| {});

/// `bytearray`: bytes that change in place. Borrow `b` only for work that
/// runs no Python code.
pub struct PyByteArray {
    pub b: RefCell<Vec<u8>>,
}
payload!(PyByteArray, BYTEARRAY, "bytearray", |s, v| {});

/// An `int` outside the small-integer range (always: small ones are tagged).
pub struct PyLong {
    pub n: BigInt,
}
payload!(PyLong, LONG, "int", |s, v| {});

/// `complex`: real and imaginary parts (`builtins/complex.rs`).
pub struct PyComplex {
    pub re: f64,
    pub im: f64,
}
payload!(PyComplex, COMPLEX, "complex", |s, v| {});

/// `int | str`: the member classes (`builtins/union.rs`).
pub struct PyUnion {
    pub args: Box<[Value]>,
}
payload!(PyUnion, UNION, "UnionType", |s, v| {
    for &x in s.args.iter() {
        v(x)
    }
});

/// What `compile()` makes: the source, checked, that `exec`/`eval` compile
/// again against the globals they run it with (bytecode binds its globals
/// when compiled; `builtins/namespaces.rs`).
pub struct PyCodeSource {
    pub source: Value,
    pub filename: Value,
    pub mode: crate::compiler::CompileMode,
}
payload!(PyCodeSource, CODE, "code", |s, v| {
    v(s.source);
    v(s.filename)
});

/// `True` and `False`.
pub struct PyBool {
    pub b: bool,
}
payload!(PyBool, BOOL, "bool", |s, v| {});

/// `None`, `NotImplemented`, `Ellipsis`.
pub struct PySingleton {
    pub name: &'static str,
}
payload!(PySingleton, SINGLETON, "singleton", |s, v| {});

/// A tuple is no payload but a GC array of references with the type id
/// `TUPLE`: its items are in the object itself, so compiled code reads
/// its length and items through `TUPLE_ITEMS` (`arraylen`,
/// `getarrayitem`), and making one is a single allocation.
pub static TUPLE_ITEMS: metajit::ir::ArrayDescr = metajit::ir::ArrayDescr {
    name: "tuple",
    type_id: TUPLE,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: metajit::ir::Type::Ref,
};

pub struct PyDict {
    pub table: RefCell<dict::Table>,
    /// Bumped whenever the set of keys changes (not when the value of a
    /// key is replaced): a cached entry index (`builtins::lookup_cache`,
    /// the interpreter's inline caches) stays right while it holds.
    pub keys_version: Cell<u64>,
    /// The namespace of a class: a change also invalidates the cached
    /// lookups through classes.
    pub class_namespace: Cell<bool>,
    /// Nonzero while compiled code may hold one of this namespace's
    /// values as a constant: a quasi-immutable field
    /// (`lookup_cache::GLOBALS_WATCHED`), whose change invalidates that code.
    pub watched: Cell<u64>,
    /// How many times a change of this namespace invalidated code: past a
    /// few, its values are no longer taken as constants.
    pub invalidations: Cell<u32>,
}
payload!(PyDict, DICT, "dict", |s, v| {
    heap::traced(&s.table).trace(v)
});

/// `set` and `frozenset` (`frozen`).
pub struct PySet {
    pub table: RefCell<settable::SetTable>,
    pub frozen: bool,
}
payload!(PySet, SET, "set", |s, v| {
    heap::traced(&s.table).trace(v)
});

/// A function defined in Python.
pub struct PyFunction {
    pub code: &'static Code,
    /// `code`'s id: what compiled code reads and promotes to know the
    /// callee, so that functions made anew at each call (closures, nested
    /// `def`s) share one specialization.
    pub code_id: usize,
    pub globals: Value,
    /// Defaults of the positional parameters (a tuple), or 0.
    pub defaults: Cell<Value>,
    /// Defaults of keyword-only parameters (a dict), or 0.
    pub kwdefaults: Cell<Value>,
    /// The cells of the free variables (a tuple), or 0.
    pub closure: Value,
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    pub doc: Cell<Value>,
    pub module: Value,
    /// Attributes set on the function (a dict), or 0.
    pub dict: Cell<Value>,
}
payload!(PyFunction, FUNCTION, "function", |s, v| {
    v(s.globals);
    v(s.defaults.get());
    v(s.kwdefaults.get());
    v(s.closure);
    v(s.name.get());
    v(s.qualname.get());
    v(s.doc.get());
    v(s.module);
    v(s.dict.get());
});

/// A built-in function or method. `receiver` is the object a method was
/// looked up on (0 for a plain function).
pub struct PyBuiltin {
    pub name: &'static str,
    pub f: crate::builtins::BuiltinFn,
    pub receiver: Value,
    /// The class a method belongs to, for its repr (0 for a function).
    pub owner: Value,
}
payload!(PyBuiltin, BUILTIN, "builtin_function_or_method", |s, v| {
    v(s.receiver);
    v(s.owner)
});

/// A function bound to an object.
pub struct PyMethod {
    pub func: Value,
    pub receiver: Value,
}
payload!(PyMethod, METHOD, "method", |s, v| {
    v(s.func);
    v(s.receiver)
});

/// What kind of built-in data instances of a class carry (a class that
/// derives from `list` makes instances that are lists).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    Object,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    Deque,
    Exception,
}

pub struct PyClass {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub bases: RefCell<Vec<Value>>,
    pub mro: RefCell<Vec<Value>>,
    /// The namespace (a dict).
    pub dict: Value,
    /// The built-in data of its instances.
    pub base: Base,
    /// Built-in classes cannot get new attributes.
    pub builtin: bool,
    /// The empty map its instances start with.
    pub empty_map: Value,
    /// `__slots__` names, if the class (or a base) restricts attributes.
    pub slots: RefCell<Option<Vec<Value>>>,
    /// The class's class when it is a user metaclass (a subclass of
    /// `type`); 0 for `type` itself.
    pub metaclass: Cell<Value>,
}
payload!(PyClass, CLASS, "type", |s, v| {
    if s.metaclass.get() != 0 {
        v(s.metaclass.get());
    }
    for &b in heap::traced(&s.bases).iter() {
        v(b)
    }
    for &b in heap::traced(&s.mro).iter() {
        v(b)
    }
    v(s.dict);
    v(s.empty_map);
    if let Some(slots) = heap::traced(&s.slots) {
        for &b in slots {
            v(b)
        }
    }
});

/// A hidden class: the attribute names of instances, in slot order, and the
/// maps that follow from adding one more.
pub struct PyMap {
    /// Unique among all maps ever made (`new_map`): inline caches key on
    /// it, so a freed map's address reused by another cannot fool them.
    pub serial: u64,
    pub names: Vec<Value>,
    /// The map of instances that have a `__dict__` (whose other
    /// attributes are there): such maps are never shared with instances
    /// without one (`builtins::ops::instance_dict`), so the map alone says
    /// whether its names are all the attributes.
    pub with_dict: bool,
    pub transitions: RefCell<Vec<(Value, Value)>>,
}
payload!(PyMap, MAP, "map", |s, v| {
    for &n in &s.names {
        v(n)
    }
    for &(n, m) in heap::traced(&s.transitions).iter() {
        v(n);
        v(m)
    }
});

thread_local! {
    static MAP_SERIALS: Cell<u64> = const { Cell::new(1) };
}

/// A new map with these attribute names.
pub fn new_map(names: Vec<Value>, with_dict: bool) -> Value {
    let serial = MAP_SERIALS.with(|s| {
        s.set(s.get() + 1);
        s.get()
    });
    alloc(PyMap {
        serial,
        names,
        with_dict,
        transitions: RefCell::new(Vec::new()),
    })
}

impl PyMap {
    pub fn index_of(&self, name: Value) -> Option<usize> {
        self.names.iter().position(|&n| n == name)
    }
}

/// An instance of a user class: its class, its map and attribute slots,
/// and for a class derived from a built-in type, the built-in value.
/// Once `__dict__` is asked for, the attributes move to a real dict
/// (`dict`, else 0) that stays the instance's storage from then on; only
/// names of `__slots__` stay in slots (`builtins::ops::instance_dict`).
///
/// The slots are a GC array (`attrs`, `ATTRS`; 0 while the map is empty)
/// rather than a Rust vector, so that compiled code reads and writes an
/// attribute with plain loads and stores (`interp/attrs.rs`). Slot `k`
/// holds the value of the map's `k`th name (0 once deleted); the array is
/// at least `attrs_capacity(n)` long for a map of `n` names, so whether a
/// new attribute fits depends on the map alone.
pub struct PyInstance {
    pub class: Cell<Value>,
    pub map: Cell<Value>,
    pub attrs: Cell<Value>,
    pub dict: Cell<Value>,
    pub base_value: Cell<Value>,
    /// For exceptions: the frames it went through, innermost first (code
    /// and line), as the traceback shows them in reverse.
    pub traceback: RefCell<Vec<(&'static Code, u32)>>,
}
payload!(PyInstance, INSTANCE, "object", |s, v| {
    v(s.class.get());
    v(s.map.get());
    v(s.dict.get());
    v(s.base_value.get());
    v(s.attrs.get());
});

/// The array of instance attribute slots (`PyInstance::attrs`).
pub static ATTRS: metajit::ir::ArrayDescr = metajit::ir::ArrayDescr {
    name: "attrs",
    type_id: ATTRS_ARRAY,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: metajit::ir::Type::Ref,
};

/// The length an attribute array has (at least) for a map of `names`
/// names: none for no name, then powers of two from 4, so that a few
/// attributes added one by one reallocate the array a few times only.
#[inline]
pub fn attrs_capacity(names: usize) -> usize {
    match names {
        0 => 0,
        n => n.next_power_of_two().max(4),
    }
}

impl PyInstance {
    /// Attribute slot `k` (0 when unset or deleted, or out of range).
    #[inline]
    pub fn slot(&self, k: usize) -> Value {
        let a = self.attrs.get();
        if a == 0 || k >= heap::array_len(a, &ATTRS) {
            return 0;
        }
        heap::array_get(a, &ATTRS, k)
    }

    /// Set attribute slot `k`, which the map has (so the array holds it).
    #[inline]
    pub fn set_slot(&self, k: usize, v: Value) {
        let a = self.attrs.get();
        assert!(
            a != 0 && k < heap::array_len(a, &ATTRS),
            "attribute slot {k} out of range"
        );
        heap::array_set(a, &ATTRS, k, v)
    }

    /// The first `n` slots (those of a map of `n` names).
    pub fn slots(&self, n: usize) -> Vec<Value> {
        (0..n).map(|k| self.slot(k)).collect()
    }

    /// Replace the slots by `values`, for a map of that many names.
    pub fn set_slots(&self, values: &[Value]) {
        let a = new_attrs(attrs_capacity(values.len()));
        for (k, &v) in values.iter().enumerate() {
            heap::array_set(a, &ATTRS, k, v)
        }
        self.attrs.set(a)
    }

    /// Store `v` in slot `n`, after the `n` slots of the map the instance
    /// is leaving (growing the array to the next capacity when full).
    pub fn push_slot(&self, n: usize, v: Value) {
        let a = self.attrs.get();
        if a == 0 || n >= heap::array_len(a, &ATTRS) {
            let grown = new_attrs(attrs_capacity(n + 1));
            for k in 0..n {
                heap::array_set(grown, &ATTRS, k, self.slot(k))
            }
            self.attrs.set(grown);
        }
        self.set_slot(n, v)
    }
}

/// A new attribute array of `len` slots (0 for none).
fn new_attrs(len: usize) -> Value {
    if len == 0 {
        return 0;
    }
    metajit::heap::alloc_array(&ATTRS, len as i64)
}

pub struct PyModule {
    pub name: Value,
    pub dict: Value,
}
payload!(PyModule, MODULE, "module", |s, v| {
    v(s.name);
    v(s.dict)
});

/// A cell of a closed-over variable (0 while unbound).
pub struct PyCell {
    pub v: Cell<Value>,
}
payload!(PyCell, CELL, "cell", |s, v| { v(s.v.get()) });

/// `range`: its bounds as machine words when all three fit (every range a
/// loop counts with: made and iterated without big-integer arithmetic), as
/// arbitrary ints otherwise (the operations are in `builtins/range.rs`).
pub enum PyRange {
    Words {
        start: i64,
        stop: i64,
        step: i64,
    },
    Big {
        start: BigInt,
        stop: BigInt,
        step: BigInt,
    },
}
payload!(PyRange, RANGE, "range", |s, v| {});

pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
payload!(PySlice, SLICE, "slice", |s, v| {
    v(s.start);
    v(s.stop);
    v(s.step)
});

/// The iterators of built-in containers, and the lazy built-ins (`map`,
/// `zip`, `enumerate`, ...): one payload, one state enum.
///
/// Laid out for the JIT: the two kinds a `for` loop meets most keep their
/// state in plain fields that compiled code reads and writes through the
/// descriptors in `interp/iterate.rs`, `kind` saying which:
/// - `ITER_RANGE`, over a range whose bounds fit a machine word: `index`
///   is the next value, `stop` and `step` the range's;
/// - `ITER_SEQ`, over a list or tuple `seq` (by index, so a growing list
///   is seen): `index` is the next index;
/// - `ITER_STATE`: every other kind, and a finished sequence iterator,
///   in `state`.
#[repr(C)]
pub struct PyIter {
    pub kind: Cell<i64>,
    pub index: Cell<i64>,
    pub stop: Cell<i64>,
    pub step: i64,
    pub seq: Value,
    pub state: RefCell<IterState>,
}
payload!(PyIter, ITER, "iterator", |s, v| {
    v(s.seq);
    heap::traced(&s.state).trace(v)
});

pub const ITER_STATE: i64 = 0;
pub const ITER_RANGE: i64 = 1;
pub const ITER_SEQ: i64 = 2;

pub enum IterState {
    /// Over a range whose bounds do not fit a machine word.
    BigRange {
        next: BigInt,
        remaining: BigInt,
        step: BigInt,
    },
    /// Over a str, by byte offset.
    Str {
        s: Value,
        offset: usize,
    },
    /// Over a dict's keys, values or items.
    Dict {
        dict: Value,
        index: usize,
        kind: DictIterKind,
        len: usize,
    },
    /// Over a set, by slot.
    Set {
        set: Value,
        index: usize,
        len: usize,
    },
    /// A reversed list or tuple.
    Reversed {
        seq: Value,
        index: usize,
    },
    /// `count` is the next index (an int, unbounded).
    Enumerate {
        it: Value,
        count: Value,
    },
    /// `strict`: unequal lengths are a `ValueError`.
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    Map {
        f: Value,
        its: Vec<Value>,
    },
    Filter {
        f: Value,
        it: Value,
    },
    /// An object with only `__getitem__`: items 0, 1, ... until
    /// `IndexError`, fetched one at a time.
    GetItem {
        obj: Value,
        index: i64,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        f: Value,
        sentinel: Value,
    },
    /// Items computed in advance (itertools, sorted views...).
    Vec {
        items: Vec<Value>,
        index: usize,
    },
    Exhausted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

impl IterState {
    fn trace(&self, v: &mut dyn FnMut(usize)) {
        match self {
            IterState::Reversed { seq, .. } => v(*seq),
            IterState::Str { s, .. } => v(*s),
            IterState::Dict { dict, .. } => v(*dict),
            IterState::Set { set, .. } => v(*set),
            IterState::Enumerate { it, count } => {
                v(*it);
                v(*count)
            }
            IterState::Zip { its, .. } => its.iter().for_each(|&x| v(x)),
            IterState::Map { f, its } => {
                v(*f);
                its.iter().for_each(|&x| v(x))
            }
            IterState::Filter { f, it } => {
                v(*f);
                v(*it)
            }
            IterState::GetItem { obj, .. } => v(*obj),
            IterState::Callable { f, sentinel } => {
                v(*f);
                v(*sentinel)
            }
            IterState::Vec { items, .. } => items.iter().for_each(|&x| v(x)),
            IterState::BigRange { .. } | IterState::Exhausted => {}
        }
    }
}

/// A generator: its suspended frame and where it resumes.
/// Laid out for the JIT: the dispatch loop reads `code` (an id of
/// `bytecode::code_by_id`), `frame` and `running` through field descriptors.
/// Where it resumes is in its frame (`Code::resume_slot`).
#[repr(C)]
pub struct PyGenerator {
    pub code: usize,
    pub frame: Value,
    pub running: Cell<usize>,
    pub name: Value,
    pub qualname: Value,
}
payload!(PyGenerator, GENERATOR, "generator", |s, v| {
    v(s.frame);
    v(s.name);
    v(s.qualname)
});

/// `property`, `classmethod`, `staticmethod`.
pub struct PyWrapper {
    pub kind: WrapperKind,
    pub f: Value,
    pub fset: Cell<Value>,
    pub fdel: Cell<Value>,
    pub doc: Cell<Value>,
}
payload!(PyWrapper, WRAPPER, "wrapper", |s, v| {
    v(s.f);
    v(s.fset.get());
    v(s.fdel.get());
    v(s.doc.get())
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WrapperKind {
    Property,
    ClassMethod,
    StaticMethod,
}

/// A dict's `keys()`, `values()` or `items()`: a live view.
pub struct PyView {
    pub kind: DictIterKind,
    pub dict: Value,
}
payload!(PyView, VIEW, "dict_view", |s, v| { v(s.dict) });

/// A file object (`open()`, `sys.stdout`): its Rust state.
pub struct PyFile {
    pub state: RefCell<crate::builtins::files::FileState>,
}
payload!(PyFile, FILE, "file", |s, v| {});

/// `mappingproxy`: a read-only view of a class's namespace
/// (`builtins/mappingproxy.rs`).
pub struct PyMappingProxy {
    pub mapping: Value,
}
payload!(PyMappingProxy, MAPPINGPROXY, "mappingproxy", |s, v| {
    v(s.mapping)
});

/// `super(class, obj)`.
pub struct PySuper {
    pub class: Value,
    pub obj: Value,
}
payload!(PySuper, SUPER, "super", |s, v| {
    v(s.class);
    v(s.obj)
});

/// Register every payload type with the collector (once per process).
pub fn register_types() {
    use heap::register;
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        register::<PyStr>();
        register::<PyBytes>();
        register::<PyByteArray>();
        register::<PyLong>();
        register::<PyBool>();
        register::<PyComplex>();
        register::<PyUnion>();
        register::<PyCodeSource>();
        register::<PySingleton>();
        list::register();
        deque::register();
        metajit::gc::register_type(TUPLE, metajit::gc::TypeLayout::of_array(&TUPLE_ITEMS));
        register::<PyDict>();
        register::<PySet>();
        register::<PyFunction>();
        register::<PyBuiltin>();
        register::<PyMethod>();
        register::<PyClass>();
        register::<PyMap>();
        register::<PyInstance>();
        register::<PyModule>();
        register::<PyCell>();
        register::<PyRange>();
        register::<PySlice>();
        register::<PyIter>();
        register::<PyGenerator>();
        register::<PyWrapper>();
        register::<PySuper>();
        register::<PyView>();
        register::<PyMappingProxy>();
        register::<PyFile>();
        register::<crate::builtins::lookup_cache::PyClassVersion>();
        metajit::gc::register_type(
            metajit::value::FLOAT_BOX_TYPE_ID,
            metajit::gc::TypeLayout::Fixed { refs: Vec::new() },
        );
    });
}

// Constructors.

pub fn new_str(s: &str) -> Value {
    alloc(PyStr {
        s: s.into(),
        chars: s.chars().count(),
        hash: Cell::new(None),
        offsets: Default::default(),
        wide: None,
    })
}

pub fn new_string(s: String) -> Value {
    let chars = s.chars().count();
    new_string_of_chars(s, chars)
}

/// `new_string` for text whose length in code points the caller knows
/// (concatenations: the sum of the parts').
pub fn new_string_of_chars(s: String, chars: usize) -> Value {
    debug_assert_eq!(s.chars().count(), chars);
    alloc(PyStr {
        s: s.into_boxed_str(),
        chars,
        hash: Cell::new(None),
        offsets: Default::default(),
        wide: None,
    })
}

/// Code points as Rust text, U+FFFD for each lone surrogate.
pub fn lossy_text(code_points: &[u32]) -> String {
    code_points
        .iter()
        .map(|&c| char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// A str of these code points (each below 0x110000), which may include
/// lone surrogates.
pub fn new_str_of_code_points(code_points: &[u32]) -> Value {
    let text = lossy_text(code_points);
    if !code_points.iter().any(|c| (0xD800..0xE000).contains(c)) {
        return new_string(text);
    }
    alloc(PyStr {
        s: text.into_boxed_str(),
        chars: code_points.len(),
        hash: Cell::new(None),
        offsets: Default::default(),
        wide: Some(code_points.into()),
    })
}

pub fn new_bytes(b: Vec<u8>) -> Value {
    alloc(PyBytes { b: b.into() })
}

pub fn new_bytearray(b: Vec<u8>) -> Value {
    alloc(PyByteArray { b: RefCell::new(b) })
}

pub fn new_list(items: Vec<Value>) -> Value {
    list::new_list(&items)
}

pub fn new_tuple(items: Vec<Value>) -> Value {
    if items.is_empty() {
        return Types::get().empty_tuple;
    }
    heap::alloc_ref_array(&TUPLE_ITEMS, &items)
}

/// A new tuple of `item(0)`... `item(len - 1)`, with the same conditions as
/// `heap::alloc_ref_array_with`.
pub fn new_tuple_with(len: usize, item: impl Fn(usize) -> Value) -> Value {
    if len == 0 {
        return Types::get().empty_tuple;
    }
    heap::alloc_ref_array_with(&TUPLE_ITEMS, len, item)
}

pub fn new_dict() -> Value {
    alloc(PyDict {
        table: RefCell::new(dict::Table::default()),
        keys_version: Cell::new(0),
        class_namespace: Cell::new(false),
        watched: Cell::new(0),
        invalidations: Cell::new(0),
    })
}

pub fn new_set(frozen: bool) -> Value {
    alloc(PySet {
        table: RefCell::new(settable::SetTable::default()),
        frozen,
    })
}

pub fn new_cell(v: Value) -> Value {
    alloc(PyCell { v: Cell::new(v) })
}

pub fn new_iter(state: IterState) -> Value {
    alloc(PyIter {
        kind: Cell::new(ITER_STATE),
        index: Cell::new(0),
        stop: Cell::new(0),
        step: 0,
        seq: 0,
        state: RefCell::new(state),
    })
}

/// An iterator over the machine-word range `start..stop` by `step`.
pub fn new_range_iter(start: i64, stop: i64, step: i64) -> Value {
    alloc(PyIter {
        kind: Cell::new(ITER_RANGE),
        index: Cell::new(start),
        stop: Cell::new(stop),
        step,
        seq: 0,
        state: RefCell::new(IterState::Exhausted),
    })
}

/// An iterator over the list or tuple `seq`.
pub fn new_seq_iter(seq: Value) -> Value {
    alloc(PyIter {
        kind: Cell::new(ITER_SEQ),
        index: Cell::new(0),
        stop: Cell::new(0),
        step: 0,
        seq,
        state: RefCell::new(IterState::Exhausted),
    })
}

/// An int value from an i64 (tagged when it fits).
pub fn new_int(n: i64) -> Value {
    match metajit::value::small_int(n) {
        Some(w) => w as Value,
        None => alloc(PyLong { n: BigInt::from(n) }),
    }
}

/// An int value from a big integer, tagged when it fits.
pub fn new_bigint(n: BigInt) -> Value {
    use num_traits::ToPrimitive;
    match n.to_i64().and_then(metajit::value::small_int) {
        Some(w) => w as Value,
        None => alloc(PyLong { n }),
    }
}

pub fn new_complex((re, im): (f64, f64)) -> Value {
    alloc(PyComplex { re, im })
}

pub fn new_bool(b: bool) -> Value {
    let t = Types::get();
    if b {
        t.true_
    } else {
        t.false_
    }
}

// Downcasts and views.

#[inline(always)]
pub fn is_small_int(v: Value) -> bool {
    metajit::value::is_tagged(v as u64)
}

#[inline(always)]
pub fn small_int_value(v: Value) -> i64 {
    metajit::value::untag(v as u64)
}

pub fn str_of(v: Value) -> Option<&'static str> {
    get::<PyStr>(v).map(|s| &*s.s)
}

/// Unwrap an instance of a subclass of a built-in type to its built-in value.
pub fn base_value(v: Value) -> Value {
    match get::<PyInstance>(v) {
        Some(i) if i.base_value.get() != 0 => i.base_value.get(),
        _ => v,
    }
}

/// The integer value of an int or bool (also of an int subclass' instance).
pub enum IntVal<'a> {
    Small(i64),
    Big(&'a BigInt),
}

pub fn int_of(v: Value) -> Option<IntVal<'static>> {
    if is_small_int(v) {
        return Some(IntVal::Small(small_int_value(v)));
    }
    match type_id(v)? {
        LONG => get::<PyLong>(v).map(|l| IntVal::Big(&l.n)),
        BOOL => get::<PyBool>(v).map(|b| IntVal::Small(b.b as i64)),
        INSTANCE => {
            let b = base_value(v);
            if b != v {
                int_of(b)
            } else {
                None
            }
        }
        _ => None,
    }
}

pub fn bigint_of(v: Value) -> Option<BigInt> {
    match int_of(v)? {
        IntVal::Small(n) => Some(BigInt::from(n)),
        IntVal::Big(n) => Some(n.clone()),
    }
}

/// The number of items of a list or tuple (0 for anything else).
pub fn seq_len(v: Value) -> usize {
    match get::<PyList>(v) {
        Some(l) => l.len(),
        None => tuple_items(v).map_or(0, |t| t.len()),
    }
}

/// Item `i` of a list or tuple, if it has one: read again at each call,
/// so a loop that runs Python code between items sees a list change as
/// CPython's loops do.
pub fn seq_item(v: Value, i: usize) -> Option<Value> {
    match get::<PyList>(v) {
        Some(l) => l.get(i),
        None => tuple_items(v)?.get(i).copied(),
    }
}

pub fn tuple_items(v: Value) -> Option<&'static [Value]> {
    if type_id(v)? != TUPLE {
        return None;
    }
    // SAFETY: objects of type id `TUPLE` are made by `new_tuple` (and the
    // empty tuple in `types.rs`) as arrays of `TUPLE_ITEMS`.
    Some(unsafe { heap::ref_array_items(v, &TUPLE_ITEMS) })
}
