//! The built-in classes and singletons, made once per thread when the
//! interpreter starts, and `class_of`, which finds a value's class from its
//! type id (an instance of a user class carries its own).

use super::*;
use std::cell::Cell;

macro_rules! types_struct {
    ($($field:ident : $name:literal),* $(,)?) => {
        /// The built-in classes (each a `PyClass` object) and singletons.
        pub struct Types {
            $(pub $field: Value,)*
            pub none: Value,
            pub true_: Value,
            pub false_: Value,
            pub not_implemented: Value,
            pub ellipsis: Value,
            pub empty_tuple: Value,
            /// The built-in exception classes, by name.
            pub exceptions: Vec<(&'static str, Value)>,
            /// The classes of the built-in iterators, by name.
            pub iterators: Vec<(&'static str, Value)>,
        }
        const CLASS_NAMES: &[&str] = &[$($name),*];
        impl Types {
            fn from_classes(c: &[Value], singletons: [Value; 6], exceptions: Vec<(&'static str, Value)>, iterators: Vec<(&'static str, Value)>) -> Types {
                let mut it = c.iter().copied();
                Types {
                    $($field: it.next().unwrap(),)*
                    none: singletons[0],
                    true_: singletons[1],
                    false_: singletons[2],
                    not_implemented: singletons[3],
                    ellipsis: singletons[4],
                    empty_tuple: singletons[5],
                    exceptions,
                    iterators,
                }
            }
        }
    };
}

types_struct! {
    object: "object", type_: "type", int: "int", bool_: "bool", float: "float", str_: "str",
    bytes: "bytes", list: "list", tuple: "tuple", dict: "dict", set: "set", frozenset: "frozenset",
    none_type: "NoneType", not_implemented_type: "NotImplementedType", ellipsis_type: "ellipsis",
    function: "function", builtin: "builtin_function_or_method", method: "method",
    module: "module", cell: "cell", range: "range", slice: "slice", iterator: "iterator",
    generator: "generator", property: "property", classmethod: "classmethod",
    staticmethod: "staticmethod", super_: "super", dict_keys: "dict_keys",
    dict_values: "dict_values", dict_items: "dict_items", file: "TextIOWrapper", complex: "complex",
    union_type: "UnionType", traceback: "traceback", bytearray: "bytearray", code: "code",
    mappingproxy: "mappingproxy", deque: "collections.deque",
    deque_iterator: "_collections._deque_iterator",
    deque_reverse_iterator: "_collections._deque_reverse_iterator",
}

/// The classes of the built-in iterators (`type(iter([]))` is
/// `list_iterator`); one `PyIter` payload serves them all, its state
/// telling which (`builtins::iter_kind_name`).
/// The binary file classes are here too: a `PyFile` is a `TextIOWrapper`
/// or one of them (`builtins::files::class_name`).
pub const ITERATOR_CLASSES: &[&str] = &[
    "list_iterator",
    "tuple_iterator",
    "range_iterator",
    "longrange_iterator",
    "str_ascii_iterator",
    "dict_keyiterator",
    "set_iterator",
    "list_reverseiterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "callable_iterator",
    "BufferedReader",
    "BufferedWriter",
    "BufferedRandom",
];

/// The built-in exception hierarchy: (name, parents separated by ", ").
pub const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("StopAsyncIteration", "Exception"),
    ("UnsupportedOperation", "OSError, ValueError"),
    ("ConnectionError", "OSError"),
    ("TimeoutError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("ChildProcessError", "OSError"),
    ("InterruptedError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("SyntaxWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
];

thread_local! {
    static TYPES: Cell<Option<&'static Types>> = const { Cell::new(None) };
}

impl Types {
    /// This thread's built-in classes (made on first use).
    #[inline(always)]
    pub fn get() -> &'static Types {
        TYPES.with(|t| match t.get() {
            Some(types) => types,
            None => {
                let types: &'static Types = Box::leak(Box::new(Types::make()));
                t.set(Some(types));
                types
            }
        })
    }

    fn make() -> Types {
        register_types();
        let object = new_class_raw("object", vec![], Base::Object, true);
        let mut classes = vec![object];
        for &name in &CLASS_NAMES[1..] {
            let base = match name {
                "int" | "bool" => Base::Int,
                "float" => Base::Float,
                "str" => Base::Str,
                "list" => Base::List,
                "tuple" => Base::Tuple,
                "dict" => Base::Dict,
                "set" | "frozenset" => Base::Set,
                "collections.deque" => Base::Deque,
                _ => Base::Object,
            };
            let bases = if name == "bool" {
                vec![classes[2]]
            } else {
                vec![object]
            };
            classes.push(new_class_raw(name, bases, base, true));
        }
        let mut exceptions: Vec<(&'static str, Value)> = Vec::new();
        for &(name, parent) in EXCEPTIONS {
            let bases = if parent.is_empty() {
                vec![object]
            } else {
                parent
                    .split(", ")
                    .map(|p| exceptions.iter().find(|(n, _)| *n == p).unwrap().1)
                    .collect()
            };
            exceptions.push((name, new_class_raw(name, bases, Base::Exception, true)));
        }
        let iterators: Vec<(&'static str, Value)> = ITERATOR_CLASSES
            .iter()
            .map(|&name| (name, new_class_raw(name, vec![object], Base::Object, true)))
            .collect();
        let singleton = |name| {
            let v = alloc(PySingleton { name });
            metajit::gc::add_permanent_root(v);
            v
        };
        let singletons = [
            singleton("None"),
            {
                let v = alloc(PyBool { b: true });
                metajit::gc::add_permanent_root(v);
                v
            },
            {
                let v = alloc(PyBool { b: false });
                metajit::gc::add_permanent_root(v);
                v
            },
            singleton("NotImplemented"),
            singleton("Ellipsis"),
            super::heap::alloc_ref_array(&super::TUPLE_ITEMS, &[]),
        ];
        for &v in classes.iter().chain(&singletons) {
            metajit::gc::add_permanent_root(v);
        }
        for &(_, v) in &exceptions {
            metajit::gc::add_permanent_root(v);
        }
        Types::from_classes(&classes, singletons, exceptions, iterators)
    }

    /// The built-in exception class `name`.
    pub fn exception(&self, name: &str) -> Value {
        self.exceptions
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("no built-in exception {name}"))
            .1
    }
}

/// A class object with the given bases, its MRO computed (C3; the caller
/// checks consistency for user classes first, `c3_mro`).
fn new_class_raw(name: &str, bases: Vec<Value>, base: Base, builtin: bool) -> Value {
    let empty_map = super::new_map(Vec::new(), false);
    let class = alloc(PyClass {
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(name.to_string()),
        bases: RefCell::new(bases.clone()),
        mro: RefCell::new(Vec::new()),
        dict: new_dict(),
        base,
        builtin,
        empty_map,
        slots: RefCell::new(None),
        metaclass: Cell::new(0),
    });
    // Built-in classes live as long as the thread (and are only in Rust
    // memory while the table is made).
    metajit::gc::add_permanent_root(class);
    mark_namespace(get::<PyClass>(class).unwrap().dict);
    let mro = c3_mro(class, &bases).expect("built-in hierarchies are consistent");
    *get::<PyClass>(class).unwrap().mro.borrow_mut() = mro;
    class
}

/// A new user class (`class` statement or `type(name, bases, dict)`); the
/// caller checked the bases and computed the MRO.
pub fn new_class(
    name: &str,
    qualname: &str,
    bases: Vec<Value>,
    mro: Vec<Value>,
    dict: Value,
) -> Value {
    let base = bases
        .iter()
        .map(|&b| get::<PyClass>(b).map_or(Base::Object, |c| c.base))
        .find(|&b| b != Base::Object)
        .unwrap_or(Base::Object);
    let empty_map = super::new_map(Vec::new(), false);
    let class = alloc(PyClass {
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(qualname.to_string()),
        bases: RefCell::new(bases),
        mro: RefCell::new(Vec::new()),
        dict,
        base,
        builtin: false,
        empty_map,
        slots: RefCell::new(None),
        metaclass: Cell::new(0),
    });
    let mut full = vec![class];
    full.extend(mro);
    *get::<PyClass>(class).unwrap().mro.borrow_mut() = full;
    mark_namespace(dict);
    class
}

/// Make `dict` a class namespace: its changes invalidate the cached
/// lookups through classes (`builtins::lookup_cache`).
fn mark_namespace(dict: Value) {
    if let Some(d) = get::<super::PyDict>(dict) {
        d.class_namespace.set(true);
    }
    crate::builtins::lookup_cache::class_made();
}

/// The C3 linearization of a class with `bases` (itself first); `None` if
/// the bases admit no consistent order.
pub fn c3_mro(class: Value, bases: &[Value]) -> Option<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases
        .iter()
        .map(|&b| get::<PyClass>(b).map_or(vec![b], |c| c.mro.borrow().clone()))
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![class];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let head = seqs
            .iter()
            .map(|s| s[0])
            .find(|&h| !seqs.iter().any(|s| s[1..].contains(&h)))?;
        out.push(head);
        for s in &mut seqs {
            if s[0] == head {
                s.remove(0);
            }
        }
    }
}

/// The class of any value.
#[inline]
pub fn class_of(v: Value) -> Value {
    let t = Types::get();
    let Some(id) = type_id(v) else {
        return t.int;
    };
    match id {
        STR => t.str_,
        LONG => t.int,
        metajit::value::FLOAT_BOX_TYPE_ID => t.float,
        LIST => t.list,
        TUPLE => t.tuple,
        DICT => t.dict,
        INSTANCE => get::<PyInstance>(v).unwrap().class.get(),
        BOOL => t.bool_,
        FUNCTION => t.function,
        BUILTIN => t.builtin,
        METHOD => t.method,
        CLASS => match get::<PyClass>(v).unwrap().metaclass.get() {
            0 => t.type_,
            meta => meta,
        },
        SET => {
            if get::<PySet>(v).unwrap().frozen {
                t.frozenset
            } else {
                t.set
            }
        }
        BYTES => t.bytes,
        BYTEARRAY => t.bytearray,
        SINGLETON => {
            if v == t.none {
                t.none_type
            } else if v == t.not_implemented {
                t.not_implemented_type
            } else {
                t.ellipsis_type
            }
        }
        MODULE => t.module,
        CELL => t.cell,
        RANGE => t.range,
        SLICE => t.slice,
        ITER => {
            let name = crate::builtins::iter_kind_name(v);
            t.iterators
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(t.iterator, |&(_, c)| c)
        }
        GENERATOR => t.generator,
        WRAPPER => match get::<PyWrapper>(v).unwrap().kind {
            WrapperKind::Property => t.property,
            WrapperKind::ClassMethod => t.classmethod,
            WrapperKind::StaticMethod => t.staticmethod,
        },
        SUPER => t.super_,
        FILE => {
            let name = crate::builtins::files::class_name(v);
            t.iterators
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(t.file, |&(_, c)| c)
        }
        COMPLEX => t.complex,
        UNION => t.union_type,
        CODE => t.code,
        MAPPINGPROXY => t.mappingproxy,
        DEQUE => t.deque,
        DEQUE_ITER => {
            if get::<super::deque::PyDequeIter>(v).unwrap().reverse {
                t.deque_reverse_iterator
            } else {
                t.deque_iterator
            }
        }
        VIEW => match get::<PyView>(v).unwrap().kind {
            DictIterKind::Keys => t.dict_keys,
            DictIterKind::Values => t.dict_values,
            DictIterKind::Items => t.dict_items,
        },
        _ => t.object,
    }
}

/// Is `class` `other` or a subclass of it?
pub fn is_subclass(class: Value, other: Value) -> bool {
    class == other || get::<PyClass>(class).is_some_and(|c| c.mro.borrow().contains(&other))
}

pub fn class_name(class: Value) -> String {
    get::<PyClass>(class).map_or_else(|| "?".into(), |c| c.name.borrow().clone())
}

/// The name of `v`'s class, as error messages show it.
pub fn type_name(v: Value) -> String {
    class_name(class_of(v))
}
