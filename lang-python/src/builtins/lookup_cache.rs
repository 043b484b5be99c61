//! Caches of the two lookups every attribute access and global name pays
//! for: a name through a class's MRO, and a global through the module's
//! namespace and then the builtins.
//!
//! Both are direct-mapped tables of a thousand entries, indexed by the
//! addresses of the keys (a class and a name, interned as names are; a
//! globals dict and a name), the way CPython's type attribute cache is. An entry is current
//! while nothing it depends on has changed:
//! - a class lookup depends on the namespaces of every class in the MRO.
//!   Those dicts are marked (`PyDict::class_namespace`) and any change to
//!   one bumps `CLASS_EPOCH`, which every class entry records. Classes are
//!   built once and rarely patched afterwards, so a global epoch costs
//!   little and needs no list of subclasses;
//! - a global lookup depends on the globals dict and the builtins dict: the
//!   entry records where the name was found (an entry index) and both
//!   dicts' keys versions (`PyDict::keys_version`, bumped when a key comes
//!   or goes), so storing to an existing global keeps it cached.
//!
//! Compiled code relies on the class facts too (`interp/attrs.rs`): a trace
//! looks attributes and methods up while it is recorded and keeps the
//! answers as constants. For it, a change to a class namespace (not the
//! making of a new class, which changes no lookup a trace did) also writes
//! the quasi-immutable `CLASSES_VERSION` field of one holder object, which
//! invalidates every compiled trace that read it (metajit's `quasi.rs`).
//!
//! Compiled code goes further and takes a global as a constant
//! (`constant_global`): the namespaces it came from are then *watched*,
//! and their next change invalidates that code (`watched_changed`), the
//! way a quasi-immutable field does (metajit's `quasi.rs`). A namespace
//! that keeps changing under compiled code is no longer watched.
//!
//! Entries hold references (keys, and for classes the results); the tables
//! are GC roots, so
//! a cached key is never freed and its address never reused for another
//! object while the entry exists (a bounded amount of memory, kept alive
//! until the slot is overwritten).

use super::dict;
use crate::objects::{get, PyClass, PyDict, Value};
use crate::payload;
use metajit::ir::{FieldDescr, Type};
use std::cell::Cell;
use std::mem::offset_of;

/// The object that holds the version of all class namespaces together
/// (`CLASSES_VERSION`): one for the thread, since metajit tracks what a
/// trace read per field descriptor anyway, not per object.
pub struct PyClassVersion {
    pub version: Cell<u64>,
}
payload!(
    PyClassVersion,
    crate::objects::CLASS_VERSION,
    "class_version",
    |s, v| {}
);

/// The quasi-immutable field a trace reads (`Mode::quasi_immutable`) to
/// rely on the class lookups it made while recording.
pub static CLASSES_VERSION: FieldDescr = FieldDescr {
    name: "classes.version",
    offset: 8 + offset_of!(PyClassVersion, version) as i32,
    ty: Type::Int,
};

/// The quasi-immutable field a trace reads when it takes a global as a
/// constant: `PyDict::watched` of the module's namespace. Every compiled
/// trace that read it depends on every watched namespace.
pub static GLOBALS_WATCHED: FieldDescr = FieldDescr {
    name: "dict.watched",
    offset: 8 + offset_of!(PyDict, watched) as i32,
    ty: Type::Int,
};

/// After this many invalidations a namespace's values stay variables.
const WATCHED_CHANGES_LIMIT: u32 = 8;

const SIZE: usize = 1024;

#[derive(Clone, Copy)]
struct ClassEntry {
    class: Value,
    name: Value,
    epoch: u64,
    /// The attribute (0 when no class of the MRO has it).
    value: Value,
    /// Found in a user class before any built-in class of the MRO.
    in_user_class: bool,
}

#[derive(Clone, Copy)]
struct GlobalEntry {
    globals: Value,
    builtins: Value,
    name: Value,
    found: GlobalRef,
}

/// Where a global name was found: its entry in the globals dict or, when
/// the globals lack it, in the builtins dict; valid while neither dict's
/// set of keys changes (so a store to an existing global keeps it valid).
#[derive(Clone, Copy, Default)]
pub struct GlobalRef {
    globals_keys: u64,
    builtins_keys: u64,
    in_builtins: bool,
    index: usize,
}

impl GlobalRef {
    /// Look `name` up in `globals`, then `builtins`.
    pub fn find(globals: Value, name: Value, builtins: Value) -> Option<GlobalRef> {
        let (in_builtins, index) = match dict::index_of_str(globals, name) {
            Some(i) => (false, i),
            None => (true, dict::index_of_str(builtins, name)?),
        };
        Some(GlobalRef {
            globals_keys: keys_version(globals),
            builtins_keys: keys_version(builtins),
            in_builtins,
            index,
        })
    }

    /// The value now, if the reference is still valid. A name found in
    /// the globals stays found there whatever the builtins do, so only a
    /// builtin's reference checks both dicts' keys.
    #[inline(always)]
    pub fn read(&self, globals: Value, builtins: Value) -> Option<Value> {
        let g = get::<PyDict>(globals)?;
        if g.keys_version.get() != self.globals_keys {
            return None;
        }
        if !self.in_builtins {
            return dict::entry_value(g, self.index);
        }
        let b = get::<PyDict>(builtins)?;
        if b.keys_version.get() != self.builtins_keys {
            return None;
        }
        dict::entry_value(b, self.index)
    }
}

impl GlobalRef {
    /// Store `v` as the global, if the reference is still valid and is to
    /// an entry of `globals` (a store never goes to the builtins).
    #[inline]
    pub fn write(&self, globals: Value, builtins: Value, v: Value) -> bool {
        !self.in_builtins
            && self.globals_keys == keys_version(globals)
            && self.builtins_keys == keys_version(builtins)
            && dict::set_value_at(globals, self.index, v)
    }
}

const NO_CLASS_ENTRY: ClassEntry = ClassEntry {
    class: 0,
    name: 0,
    epoch: 0,
    value: 0,
    in_user_class: false,
};
const NO_GLOBAL_ENTRY: GlobalEntry = GlobalEntry {
    globals: 0,
    builtins: 0,
    name: 0,
    found: GlobalRef {
        globals_keys: 0,
        builtins_keys: 0,
        in_builtins: false,
        index: 0,
    },
};

thread_local! {
    static VERSION_HOLDER: Cell<Value> = const { Cell::new(0) };
    static CLASS_EPOCH: Cell<u64> = const { Cell::new(1) };
    static CLASS_ENTRIES: [Cell<ClassEntry>; SIZE] =
        const { [const { Cell::new(NO_CLASS_ENTRY) }; SIZE] };
    static GLOBAL_ENTRIES: [Cell<GlobalEntry>; SIZE] =
        const { [const { Cell::new(NO_GLOBAL_ENTRY) }; SIZE] };
}

/// Register the tables as GC roots (once per thread, at startup).
pub fn register_tracer() {
    metajit::gc::add_root_tracer(Box::new(|visit| {
        CLASS_ENTRIES.with(|t| {
            for e in t.iter().map(Cell::get) {
                visit(e.class);
                visit(e.name);
                visit(e.value);
            }
        });
        GLOBAL_ENTRIES.with(|t| {
            for e in t.iter().map(Cell::get) {
                visit(e.globals);
                visit(e.builtins);
                visit(e.name);
            }
        });
    }));
}

/// A class namespace changed: forget every class lookup, and invalidate
/// the compiled code that relied on one.
pub fn classes_changed() {
    class_made();
    metajit::quasi::invalidate(&CLASSES_VERSION);
    if let Some(h) = get::<PyClassVersion>(version_holder()) {
        h.version.set(h.version.get() + 1);
    }
}

/// A class was made: a new class may take a dead one's address, so the
/// cached lookups (keyed on addresses) are forgotten. Compiled code keeps
/// the classes it names alive, so it needs no invalidation for this.
pub fn class_made() {
    CLASS_EPOCH.with(|e| e.set(e.get() + 1));
}

/// The object whose `CLASSES_VERSION` field a trace reads (made on first
/// use, kept alive for the thread's life).
pub fn version_holder() -> Value {
    VERSION_HOLDER.with(|h| {
        if h.get() == 0 {
            let v = crate::objects::alloc(PyClassVersion {
                version: Cell::new(0),
            });
            metajit::gc::add_permanent_root(v);
            h.set(v);
        }
        h.get()
    })
}

#[inline(always)]
fn slot(a: Value, b: Value) -> usize {
    // Objects are 16-byte aligned at least: drop the low bits, and mix the
    // name in so that the attributes of one class spread out.
    ((a >> 4) ^ (b >> 3).wrapping_mul(0x9e37)) % SIZE
}

/// `name` looked up through the MRO of `class`: the attribute and whether
/// a user class before any built-in one has it. Names compare by address
/// first, so an interned name finds its entry.
#[inline]
pub fn class_lookup(class: Value, name: Value) -> (Option<Value>, bool) {
    let epoch = CLASS_EPOCH.with(Cell::get);
    let i = slot(class, name);
    let e = CLASS_ENTRIES.with(|t| t[i].get());
    if e.class == class && e.name == name && e.epoch == epoch {
        return ((e.value != 0).then_some(e.value), e.in_user_class);
    }
    let (value, in_user_class) = walk_mro(class, name);
    CLASS_ENTRIES.with(|t| {
        t[i].set(ClassEntry {
            class,
            name,
            epoch,
            value: value.unwrap_or(0),
            in_user_class,
        })
    });
    (value, in_user_class)
}

fn walk_mro(class: Value, name: Value) -> (Option<Value>, bool) {
    let Some(c) = get::<PyClass>(class) else {
        return (None, false);
    };
    let mut before_builtin = true;
    for &k in c.mro.borrow().iter() {
        if let Some(kc) = get::<PyClass>(k) {
            if kc.builtin {
                before_builtin = false;
            }
            if let Some(v) = dict::get_str(kc.dict, name) {
                return (Some(v), before_builtin);
            }
        }
    }
    (None, false)
}

/// The global `name` of the module whose namespace is `globals`, else the
/// builtin; `None` if neither has it.
#[inline]
pub fn global_lookup(globals: Value, name: Value, builtins: Value) -> Option<Value> {
    let i = slot(globals, name);
    let e = GLOBAL_ENTRIES.with(|t| t[i].get());
    if e.globals == globals && e.name == name && e.builtins == builtins {
        if let Some(v) = e.found.read(globals, builtins) {
            return Some(v);
        }
    }
    let found = GlobalRef::find(globals, name, builtins)?;
    GLOBAL_ENTRIES.with(|t| {
        t[i].set(GlobalEntry {
            globals,
            builtins,
            name,
            found,
        })
    });
    found.read(globals, builtins)
}

/// The number of class-namespace changes so far (and of classes made).
#[inline(always)]
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.with(Cell::get)
}

/// The keys version of the dict `d` (`PyDict::keys_version`).
#[inline(always)]
fn keys_version(d: Value) -> u64 {
    get::<PyDict>(d).map_or(0, |d| d.keys_version.get())
}

/// For the recorder: the global `name` of `globals` (else the builtin),
/// to take as a constant of the trace behind a quasi-immutable read of
/// `GLOBALS_WATCHED`; `None` when it is missing, or when either namespace
/// has changed under compiled code too often.
pub fn constant_global(globals: Value, name: Value, builtins: Value) -> Option<Value> {
    let (g, b) = (get::<PyDict>(globals)?, get::<PyDict>(builtins)?);
    if g.invalidations.get() >= WATCHED_CHANGES_LIMIT
        || b.invalidations.get() >= WATCHED_CHANGES_LIMIT
    {
        return None;
    }
    let v = global_lookup(globals, name, builtins)?;
    g.watched.set(1);
    b.watched.set(1);
    Some(v)
}

/// The watched namespace `d` is changing: invalidate the code that may
/// hold its values.
pub fn watched_changed(d: &PyDict) {
    d.watched.set(0);
    d.invalidations.set(d.invalidations.get() + 1);
    metajit::quasi::invalidate(&GLOBALS_WATCHED);
}
