//! `collections.deque` as Python sees it: the constructor and `__init__`,
//! the methods, indexing, `in`, comparison, `+` `*` `+=` `*=`, `repr` and
//! the iterators, with CPython 3.11's messages. The ring buffer itself is
//! `objects/deque.rs`.
//!
//! Every loop that compares items (`count`, `index`, `remove`, `in`, `==`)
//! runs Python code between reads, so it reads each item afresh and checks
//! the deque's mutation counter after each comparison, as CPython does,
//! instead of holding a copy. A method's receiver may be an instance of a
//! subclass: `as_deque` finds the deque it carries, and what makes a new
//! deque from one (`copy`, `+`, `*`) calls the subclass, as CPython does.

use super::{arg_count, check_kwargs, exc, method_arg_count, number, ops, BuiltinFn, PyResult};
use crate::bytecode::{BinOp, CmpOp};
use crate::interp::call_object;
use crate::objects::deque::{new_deque, new_iter, PyDeque, PyDequeIter};
use crate::objects::{self, get, types, IntVal, Types, Value};

/// The deque `v` is, or carries (an instance of a subclass of deque).
#[inline]
pub fn as_deque(v: Value) -> Option<&'static PyDeque> {
    get::<PyDeque>(objects::base_value(v))
}

fn this(args: &[Value], name: &str) -> PyResult<&'static PyDeque> {
    let v = args.first().copied().unwrap_or(0);
    as_deque(v).ok_or_else(|| {
        exc::type_error(format!(
            "descriptor '{name}' for 'collections.deque' objects doesn't apply to a '{}' object",
            types::type_name(v)
        ))
    })
}

fn mutated() -> Value {
    exc::new(
        "RuntimeError",
        Some("deque mutated during iteration".into()),
    )
}

/// A Python int as a C `Py_ssize_t` (an object with `__index__` too).
fn ssize(v: Value) -> PyResult<i64> {
    match objects::int_of(v) {
        Some(IntVal::Small(k)) => Ok(k),
        Some(IntVal::Big(_)) => Err(exc::overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
        None => number::to_index(v),
    }
}

pub fn methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("append", append),
        ("appendleft", appendleft),
        ("pop", pop),
        ("popleft", popleft),
        ("extend", extend),
        ("extendleft", extendleft),
        ("clear", clear),
        ("copy", copy),
        ("__copy__", copy),
        ("count", count),
        ("index", index),
        ("insert", insert),
        ("remove", remove),
        ("reverse", reverse),
        ("rotate", rotate),
        ("__init__", init),
        ("__reversed__", reversed),
        ("__iadd__", iadd),
        ("__imul__", imul),
    ]
}

/// `deque(iterable=(), maxlen=None)`.
pub fn construct(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let d = new_deque(None);
    let mut all = objects::RootedVec::from_vec(vec![d]);
    for &a in args {
        all.push(a);
    }
    init(&all, kw)?;
    Ok(d)
}

/// `deque.__init__(self, iterable=(), maxlen=None)`: set the bound, drop
/// the items, take the iterable's.
fn init(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let d = this(args, "__init__")?;
    check_kwargs("deque", kw, &["iterable", "maxlen"])?;
    let given = args.len() - 1 + kw.len();
    if given > 2 {
        return Err(exc::type_error(format!(
            "deque() takes at most 2 arguments ({given} given)"
        )));
    }
    let mut iterable = args.get(1).copied();
    let mut maxlen = args.get(2).copied();
    for &(k, v) in kw {
        let (slot, position) = match objects::str_of(k) {
            Some("iterable") => (&mut iterable, 1),
            _ => (&mut maxlen, 2),
        };
        if slot.is_some() {
            return Err(exc::type_error(format!(
                "argument for deque() given by name ('{}') and position ({position})",
                objects::str_of(k).unwrap_or("")
            )));
        }
        *slot = Some(v);
    }
    let bound = match maxlen {
        None => None,
        Some(m) if m == Types::get().none => None,
        Some(m) => match objects::int_of(m) {
            Some(IntVal::Small(k)) if k < 0 => {
                return Err(exc::value_error("maxlen must be non-negative"))
            }
            Some(IntVal::Small(k)) => Some(k as usize),
            Some(IntVal::Big(_)) => {
                return Err(exc::overflow_error(
                    "Python int too large to convert to C ssize_t",
                ))
            }
            None => return Err(exc::type_error("an integer is required")),
        },
    };
    d.set_maxlen(bound);
    d.clear();
    if let Some(it) = iterable {
        extend_with(objects::base_value(args[0]), it, false)?;
    }
    Ok(Types::get().none)
}

fn append(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("deque", "append", args, 2, 2)?;
    this(args, "append")?.append(args[1]);
    Ok(Types::get().none)
}

fn appendleft(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("deque", "appendleft", args, 2, 2)?;
    this(args, "appendleft")?.append_left(args[1]);
    Ok(Types::get().none)
}

fn pop(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("deque", "pop", args, 1, 1)?;
    this(args, "pop")?
        .pop()
        .ok_or_else(|| exc::index_error("pop from an empty deque"))
}

fn popleft(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("deque", "popleft", args, 1, 1)?;
    this(args, "popleft")?
        .pop_left()
        .ok_or_else(|| exc::index_error("pop from an empty deque"))
}

/// Add the items of `iterable` to the deque `dv`, on the right or (`left`)
/// one by one on the left. Items are added as the iteration yields them
/// (so an iteration over the deque itself sees it change), except when
/// `iterable` is the deque, whose items are copied first.
fn extend_with(dv: Value, iterable: Value, left: bool) -> PyResult<()> {
    let d = get::<PyDeque>(dv).expect("a deque");
    let add = |x: Value| {
        if left {
            d.append_left(x)
        } else {
            d.append(x)
        }
    };
    if objects::base_value(iterable) == dv {
        for &x in d.rooted().iter() {
            add(x);
        }
        return Ok(());
    }
    if matches!(
        objects::type_id(iterable),
        Some(objects::LIST | objects::TUPLE)
    ) {
        let mut i = 0;
        while let Some(x) = objects::seq_item(iterable, i) {
            add(x);
            i += 1;
        }
        return Ok(());
    }
    let it = ops::iter(iterable)?;
    while let Some(x) = ops::next(it)? {
        add(x);
    }
    Ok(())
}

fn extend(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("deque", "extend", args, 2, 2)?;
    this(args, "extend")?;
    extend_with(objects::base_value(args[0]), args[1], false)?;
    Ok(Types::get().none)
}

fn extendleft(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("deque", "extendleft", args, 2, 2)?;
    this(args, "extendleft")?;
    extend_with(objects::base_value(args[0]), args[1], true)?;
    Ok(Types::get().none)
}

fn clear(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("deque", "clear", args, 1, 1)?;
    this(args, "clear")?.clear();
    Ok(Types::get().none)
}

/// A shallow copy of `v` (a deque or an instance of a subclass, which is
/// copied by calling its class with the items and the bound).
fn copy_of(v: Value) -> PyResult {
    let d = as_deque(v).expect("a deque");
    if objects::type_id(v) == Some(objects::DEQUE) {
        let new = new_deque(d.maxlen());
        let copy = get::<PyDeque>(new).expect("a deque");
        for i in 0..d.len() {
            copy.append(d.get(i).unwrap_or(0));
        }
        return Ok(new);
    }
    let class = objects::class_of(v);
    let r = match d.maxlen() {
        None => call_object(class, &[v], &[])?,
        Some(m) => call_object(class, &[v, objects::new_int(m as i64)], &[])?,
    };
    if as_deque(r).is_none() {
        return Err(exc::type_error(format!(
            "{}() must return a deque, not {}",
            types::class_name(class),
            types::type_name(r)
        )));
    }
    Ok(r)
}

fn copy(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("deque", "copy", args, 1, 1)?;
    this(args, "copy")?;
    copy_of(args[0])
}

fn count(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("deque", "count", args, 2, 2)?;
    let d = this(args, "count")?;
    let (x, state) = (args[1], d.state());
    let mut found = 0;
    for i in 0..d.len() {
        let item = d.get(i).ok_or_else(mutated)?;
        if item == x || ops::eq(item, x)? {
            found += 1;
        }
        if d.state() != state {
            return Err(mutated());
        }
    }
    Ok(objects::new_int(found))
}

/// `x in d`.
pub fn contains(dv: Value, x: Value) -> PyResult<bool> {
    let d = get::<PyDeque>(dv).expect("a deque");
    let state = d.state();
    for i in 0..d.len() {
        let item = d.get(i).ok_or_else(mutated)?;
        if item == x || ops::eq(item, x)? {
            return Ok(true);
        }
        if d.state() != state {
            return Err(mutated());
        }
    }
    Ok(false)
}

/// A bound of `index(x, start, stop)`: an int (huge ones clamped) or an
/// object with `__index__`.
fn slice_bound(v: Value) -> PyResult<i64> {
    match objects::int_of(v) {
        Some(IntVal::Small(k)) => Ok(k),
        Some(IntVal::Big(b)) => Ok(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        }),
        None if ops::user_special(v, "__index__").is_some() => number::to_index(v),
        None => Err(exc::type_error(
            "slice indices must be integers or have an __index__ method",
        )),
    }
}

fn index(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("index", args, 2, 4)?;
    let d = this(args, "index")?;
    let x = args[1];
    let n = d.len() as i64;
    let clamp = |k: i64| if k < 0 { k.saturating_add(n).max(0) } else { k };
    let start = match args.get(2) {
        Some(&v) => clamp(slice_bound(v)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(&v) => clamp(slice_bound(v)?).min(n),
        None => n,
    };
    let state = d.state();
    for i in start.min(stop)..stop {
        let item = d.get(i as usize).ok_or_else(mutated)?;
        if item == x || ops::eq(item, x)? {
            return Ok(objects::new_int(i));
        }
        if d.state() != state {
            return Err(mutated());
        }
    }
    Err(exc::value_error(format!(
        "{} is not in deque",
        ops::repr(x)?
    )))
}

fn insert(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("insert", args, 3, 3)?;
    let d = this(args, "insert")?;
    let i = ssize(args[1])?;
    if d.maxlen() == Some(d.len()) {
        return Err(exc::index_error("deque already at its maximum size"));
    }
    let n = d.len() as i64;
    let k = if i < 0 { (i + n).max(0) } else { i.min(n) };
    d.insert(k as usize, args[2]);
    Ok(Types::get().none)
}

fn remove(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("deque", "remove", args, 2, 2)?;
    let d = this(args, "remove")?;
    let (x, state) = (args[1], d.state());
    for i in 0..d.len() {
        let item = d.get(i).ok_or_else(mutated)?;
        let equal = item == x || ops::eq(item, x)?;
        if d.state() != state {
            return Err(exc::index_error("deque mutated during iteration"));
        }
        if equal {
            d.remove(i);
            return Ok(Types::get().none);
        }
    }
    Err(exc::value_error(format!(
        "{} is not in deque",
        ops::repr(x)?
    )))
}

fn reverse(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("deque", "reverse", args, 1, 1)?;
    this(args, "reverse")?.reverse();
    Ok(Types::get().none)
}

fn rotate(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    if args.len() > 2 {
        return Err(exc::type_error(format!(
            "deque.rotate expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let d = this(args, "rotate")?;
    let k = match args.get(1) {
        Some(&v) => ssize(v)?,
        None => 1,
    };
    d.rotate(k);
    Ok(Types::get().none)
}

fn reversed(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("deque", "__reversed__", args, 1, 1)?;
    this(args, "__reversed__")?;
    Ok(new_iter(objects::base_value(args[0]), true))
}

fn iadd(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__iadd__", args, 2, 2)?;
    this(args, "__iadd__")?;
    extend_with(objects::base_value(args[0]), args[1], false)?;
    Ok(args[0])
}

fn imul(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__imul__", args, 2, 2)?;
    this(args, "__imul__")?;
    repeat_in_place(objects::base_value(args[0]), ssize(args[1])?)?;
    Ok(args[0])
}

/// `d *= n`: the items `n` times over (what a bound lets stay).
fn repeat_in_place(dv: Value, n: i64) -> PyResult<()> {
    let d = get::<PyDeque>(dv).expect("a deque");
    if n <= 0 {
        d.clear();
        return Ok(());
    }
    let size = d.len() as i64;
    if n == 1 || size == 0 {
        return Ok(());
    }
    let n = match d.maxlen() {
        // Copies past the bound would all be dropped again.
        Some(m) if n.saturating_mul(size) > m as i64 => (m as i64 + size - 1) / size,
        None if n.saturating_mul(size) > 1 << 31 => {
            return Err(exc::new("MemoryError", None));
        }
        _ => n,
    };
    let items = d.rooted();
    for _ in 1..n {
        for &x in items.iter() {
            d.append(x);
        }
    }
    Ok(())
}

/// `len(d)`.
#[inline]
pub fn len(dv: Value) -> usize {
    get::<PyDeque>(dv).map_or(0, PyDeque::len)
}

/// `d[key]`: an int (or `__index__`) index, negative from the end.
fn position(d: &PyDeque, key: Value) -> PyResult<usize> {
    let i = match objects::int_of(key) {
        Some(IntVal::Small(k)) => k,
        Some(IntVal::Big(_)) => {
            return Err(exc::index_error(
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        None if ops::user_special(key, "__index__").is_some() => number::to_index(key)?,
        None => {
            return Err(exc::type_error(format!(
                "sequence index must be integer, not '{}'",
                types::type_name(key)
            )))
        }
    };
    let n = d.len() as i64;
    let k = if i < 0 { i + n } else { i };
    if k < 0 || k >= n {
        return Err(exc::index_error("deque index out of range"));
    }
    Ok(k as usize)
}

pub fn getitem(dv: Value, key: Value) -> PyResult {
    let d = get::<PyDeque>(dv).expect("a deque");
    let i = position(d, key)?;
    d.get(i)
        .ok_or_else(|| exc::index_error("deque index out of range"))
}

/// `d[key] = v`, or `del d[key]` when `v` is 0.
pub fn setitem(dv: Value, key: Value, v: Value) -> PyResult<()> {
    let d = get::<PyDeque>(dv).expect("a deque");
    let i = position(d, key)?;
    let done = if v == 0 {
        d.remove(i).is_some()
    } else {
        d.set(i, v)
    };
    if !done {
        return Err(exc::index_error("deque index out of range"));
    }
    Ok(())
}

/// `a op b` for two deques (lengths first for `==`/`!=`, then item by
/// item as two iterators would read them, then the lengths).
pub fn compare(op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
    let (x, y) = (
        get::<PyDeque>(a).expect("a deque"),
        get::<PyDeque>(b).expect("a deque"),
    );
    let (m, n) = (x.len(), y.len());
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && m != n {
        return Ok(op == CmpOp::Ne);
    }
    let (sx, sy) = (x.state(), y.state());
    let mut i = 0;
    loop {
        if x.state() != sx {
            return Err(mutated());
        }
        let Some(p) = (i < m).then(|| x.get(i)).flatten() else {
            break;
        };
        if y.state() != sy {
            return Err(mutated());
        }
        let Some(q) = (i < n).then(|| y.get(i)).flatten() else {
            break;
        };
        if p != q && !ops::eq(p, q)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => ops::truthy(ops::compare(op, p, q)?),
            };
        }
        i += 1;
    }
    Ok(ops::ordering_result(op, m.cmp(&n)))
}

/// `a + b` and `a * n` / `n * a` where a deque (or an instance of a
/// subclass) takes part; `None` when it is not such a case.
pub fn binary(op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let has_index =
        |v: Value| objects::int_of(v).is_some() || ops::user_special(v, "__index__").is_some();
    match op {
        BinOp::Add if as_deque(a).is_some() && as_deque(b).is_some() => {
            let new = copy_of(a)?;
            extend_with(objects::base_value(new), b, false)?;
            Ok(Some(new))
        }
        BinOp::Mul => {
            let (seq, n) = if as_deque(a).is_some() && has_index(b) {
                (a, b)
            } else if as_deque(b).is_some() && has_index(a) {
                (b, a)
            } else {
                return Ok(None);
            };
            let n = match objects::int_of(n) {
                Some(IntVal::Big(_)) => {
                    return Err(exc::overflow_error(
                        "cannot fit 'int' into an index-sized integer",
                    ))
                }
                _ => number::to_index(n)?,
            };
            let new = copy_of(seq)?;
            repeat_in_place(objects::base_value(new), n)?;
            Ok(Some(new))
        }
        _ => Ok(None),
    }
}

/// `a += b` and `a *= n` on a deque; `None` when `a` is none or the
/// operation is not one of these.
pub fn inplace(op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if as_deque(a).is_none() {
        return Ok(None);
    }
    match op {
        BinOp::Add => {
            extend_with(objects::base_value(a), b, false)?;
            Ok(Some(a))
        }
        BinOp::Mul
            if objects::int_of(b).is_some() || ops::user_special(b, "__index__").is_some() =>
        {
            repeat_in_place(objects::base_value(a), ssize(b)?)?;
            Ok(Some(a))
        }
        _ => Ok(None),
    }
}

/// The message of `a + b` failing when `a` is a deque.
pub fn concat_error(b: Value) -> Value {
    exc::type_error(format!(
        "can only concatenate deque (not \"{}\") to deque",
        types::type_name(b)
    ))
}

/// `repr(v)`, `v` a deque or an instance of a subclass (named by its
/// class): `deque([1, 2])`, `deque([], maxlen=3)`; `[...]` for a deque
/// already being printed.
pub fn repr(v: Value) -> PyResult<String> {
    let dv = objects::base_value(v);
    let d = get::<PyDeque>(dv).expect("a deque");
    let class = types::class_name(objects::class_of(v));
    let name = class.rsplit('.').next().unwrap_or("deque").to_string();
    super::repr::guarded(dv, "[", "]", || {
        let items = d.rooted();
        let mut parts = Vec::with_capacity(items.len());
        for &x in items.iter() {
            parts.push(ops::repr(x)?);
        }
        let list = parts.join(", ");
        Ok(match d.maxlen() {
            Some(m) => format!("{name}([{list}], maxlen={m})"),
            None => format!("{name}([{list}])"),
        })
    })
}

/// `maxlen`: the bound or None.
pub fn get_maxlen(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let d = this(args, "maxlen")?;
    Ok(d.maxlen()
        .map_or(Types::get().none, |m| objects::new_int(m as i64)))
}

/// Setting or deleting `maxlen`: refused.
pub fn set_maxlen(_: &[Value], _: &[(Value, Value)]) -> PyResult {
    Err(exc::attribute_error(
        "attribute 'maxlen' of 'collections.deque' objects is not writable",
    ))
}

/// The next item of a deque iterator; `RuntimeError` once the deque
/// changed length (or rotated) since the iterator was made.
pub fn next(it: Value) -> PyResult<Option<Value>> {
    let i = get::<PyDequeIter>(it).expect("a deque iterator");
    let d = get::<PyDeque>(i.deque).expect("a deque");
    if d.state() != i.state {
        i.left.set(0);
        return Err(mutated());
    }
    let left = i.left.get();
    if left == 0 {
        return Ok(None);
    }
    let at = i.index.get();
    let v = d.get(at).ok_or_else(mutated)?;
    i.index.set(if i.reverse {
        at.wrapping_sub(1)
    } else {
        at + 1
    });
    i.left.set(left - 1);
    Ok(Some(v))
}

/// The next item of the deque iterator `it` when it has one and its
/// deque is unchanged (the plain interpreter's `for` shortcut); `None`,
/// with nothing changed, in every other case.
#[inline]
pub fn next_unchanged(it: Value) -> Option<Value> {
    let i = get::<PyDequeIter>(it)?;
    let d = get::<PyDeque>(i.deque)?;
    let left = i.left.get();
    if d.state() != i.state || left == 0 {
        return None;
    }
    let at = i.index.get();
    let v = d.get(at)?;
    i.index.set(if i.reverse {
        at.wrapping_sub(1)
    } else {
        at + 1
    });
    i.left.set(left - 1);
    Some(v)
}

/// `iterator.__length_hint__()`: the items left.
pub fn length_hint(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__length_hint__", args, 1, 1)?;
    let left = args
        .first()
        .and_then(|&v| get::<PyDequeIter>(v))
        .map_or(0, |i| i.left.get());
    Ok(objects::new_int(left as i64))
}
