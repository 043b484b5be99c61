//! `METAJIT_CHECK=effects`: verify at run time that helpers keep to their
//! effect summaries.
//!
//! The optimizer trusts a call's `Effects::writes`: the heap cache keeps
//! every field the summary does not name across the call. A helper that
//! writes more than it declares makes compiled code read stale values, a
//! bug that shows up far from its cause. In this checking mode, every call
//! `abi::invoke` makes (the plain mode, the recorder, the IR interpreter
//! backend, the constant folder) whose summary does not say "writes
//! anything" is bracketed: before it, the words of every object on this
//! thread's heap are copied; after it, every word that changed in an object
//! that existed before must be covered by the summary: a `FieldDescr` in
//! `writes` at that offset, or an `ArrayDescr` in `writes` whose type id is
//! the object's, for its items. Anything else (a field, an array item or
//! length, an object's header, a word no descriptor names) panics with the
//! helper, the object and the location. Objects the helper allocates are its
//! own. The snapshot's objects are rooted for the duration of the call, so
//! none is freed and reused by an allocation in the helper.
//!
//! Cost: each checked call copies the whole live heap and compares it
//! afterwards, so a program runs many times slower (proportionally to heap
//! size × calls). It is a debugging mode, off by default. Calls from x86-64
//! machine code are not checked: run with `--jit backend=interp` to check
//! the calls compiled traces make. Reads are not checked.
//!
//! `METAJIT_CHECK` is a comma-separated list of checks; `effects` is the only
//! one. Like the other `METAJIT_*` variables, a bad value is ignored here (the
//! binaries refuse it at startup through `check_env` or
//! `parse_check_setting`).

use super::{CallDescr, DescrRef};
use crate::gc::{self, RootedWords};
use std::cell::{Cell, RefCell};
use std::fmt::Write;

/// The checks `METAJIT_CHECK` accepts, comma-separated.
pub const CHECKS: &[&str] = &["effects"];

/// Check a `METAJIT_CHECK` value: every comma-separated word must be one of
/// `CHECKS`. Returns whether it asks for the effect check, or what is wrong.
pub fn parse_check_setting(value: &str) -> Result<bool, String> {
    let mut effects = false;
    for word in value.split(',').map(str::trim).filter(|w| !w.is_empty()) {
        match word {
            "effects" => effects = true,
            _ => {
                return Err(format!(
                    "unknown check '{word}' (accepted: {})",
                    CHECKS.join(", ")
                ))
            }
        }
    }
    Ok(effects)
}

/// Check this process's `METAJIT_CHECK`: `Ok` when it is unset or valid,
/// otherwise what is wrong, naming the variable (for a binary to report at
/// startup).
pub fn check_env() -> Result<(), String> {
    match std::env::var_os("METAJIT_CHECK") {
        None => Ok(()),
        Some(v) => match v.to_str() {
            None => Err("METAJIT_CHECK: the value is not valid UTF-8".into()),
            Some(s) => parse_check_setting(s)
                .map(drop)
                .map_err(|e| format!("METAJIT_CHECK: {e}")),
        },
    }
}

const UNREAD: u8 = 0;
const OFF: u8 = 1;
const ON: u8 = 2;

thread_local! {
    /// Whether calls on this thread are checked; read from the environment
    /// at the first call.
    static STATE: Cell<u8> = const { Cell::new(UNREAD) };
    /// Descriptors the checker knows by name, for its messages.
    static KNOWN: RefCell<Vec<DescrRef>> = const { RefCell::new(Vec::new()) };
}

fn env_effects() -> bool {
    std::env::var("METAJIT_CHECK").is_ok_and(|v| parse_check_setting(&v).unwrap_or(false))
}

/// Is the effect check on for this thread?
#[inline]
pub fn effects_on() -> bool {
    let s = STATE.with(Cell::get);
    if s != UNREAD {
        return s == ON;
    }
    let on = env_effects();
    STATE.with(|c| c.set(if on { ON } else { OFF }));
    on
}

/// Turn the effect check on or off for this thread, whatever
/// `METAJIT_CHECK` says.
pub fn set_effect_checking(on: bool) {
    STATE.with(|c| c.set(if on { ON } else { OFF }));
}

/// Tell the checker the names of these descriptors, so that a violation
/// names the field it touched. Descriptors in the summaries of checked
/// calls are known without this.
pub fn name_descriptors(ds: &[DescrRef]) {
    KNOWN.with(|k| {
        let mut k = k.borrow_mut();
        for d in ds {
            if !k.contains(d) {
                k.push(*d);
            }
        }
    })
}

/// The words of every object on the heap before a call.
struct Image {
    /// (start address, index of its first word in `words`, word count),
    /// sorted by address.
    objects: Vec<(usize, usize, usize)>,
    words: Vec<u64>,
    /// The objects' addresses, rooted while the image lives.
    _roots: RootedWords,
}

impl Image {
    fn take() -> Image {
        let mut objects = Vec::new();
        let mut words = Vec::new();
        gc::for_each_object(&mut |start, w| {
            objects.push((start, words.len(), w.len()));
            words.extend_from_slice(w);
        });
        objects.sort_unstable_by_key(|o| o.0);
        let roots = RootedWords::new(objects.iter().map(|o| o.0 as u64).collect());
        Image {
            objects,
            words,
            _roots: roots,
        }
    }
}

/// A word that changed: the object, its type id before the call, the byte
/// offset, and the word before and after.
struct Change {
    obj: usize,
    type_id: u32,
    offset: usize,
    before: u64,
    after: u64,
}

/// Run `call`, a call of `d`, checking that it writes only what `d`'s
/// summary allows; panic if not.
pub(crate) fn around(d: &CallDescr, call: impl FnOnce() -> u64) -> u64 {
    let effects = d.effects();
    let Some(writes) = effects.writes else {
        return call();
    };
    name_descriptors(writes);
    if let Some(reads) = effects.reads {
        name_descriptors(reads);
    }
    let image = Image::take();
    let result = call();
    let mut bad = Vec::new();
    gc::for_each_object(&mut |start, now| {
        let Ok(k) = image.objects.binary_search_by_key(&start, |o| o.0) else {
            return; // allocated by the call
        };
        let (_, first, n) = image.objects[k];
        let before = &image.words[first..first + n];
        let type_id = before[0] as u32;
        for (i, (&b, &a)) in before.iter().zip(now).enumerate() {
            if b != a && !allowed(writes, type_id, 8 * i) {
                bad.push(Change {
                    obj: start,
                    type_id,
                    offset: 8 * i,
                    before: b,
                    after: a,
                });
            }
        }
    });
    if !bad.is_empty() {
        panic!("{}", report(d, writes, &bad));
    }
    result
}

/// May a call whose summary writes `writes` change the word at byte
/// `offset` of an object of type `type_id`?
fn allowed(writes: &[DescrRef], type_id: u32, offset: usize) -> bool {
    offset != 0
        && writes.iter().any(|d| match *d {
            DescrRef::Field(f) => f.offset as usize == offset,
            DescrRef::Array(a) => a.type_id == type_id && offset >= a.items_offset as usize,
        })
}

/// What the word at `offset` of an object of type `type_id` is, as far as
/// the descriptors the checker knows say.
fn location(type_id: u32, offset: usize) -> String {
    if offset == 0 {
        return "the header (type id)".into();
    }
    let known = KNOWN.with(|k| k.borrow().clone());
    for d in &known {
        if let DescrRef::Array(a) = *d {
            if a.type_id != type_id {
                continue;
            }
            if offset == a.len_offset as usize {
                return format!("the length of array `{}`", a.name);
            }
            if offset >= a.items_offset as usize {
                let item = (offset - a.items_offset as usize) / a.item_size.max(1) as usize;
                return format!("item {item} of array `{}`", a.name);
            }
        }
    }
    let fields: Vec<String> = known
        .iter()
        .filter_map(|d| match *d {
            DescrRef::Field(f) if f.offset as usize == offset => Some(format!("`{}`", f.name)),
            _ => None,
        })
        .collect();
    if fields.is_empty() {
        format!("the word at offset {offset} (no descriptor the checker knows names it)")
    } else {
        format!("field {} (offset {offset})", fields.join(" or "))
    }
}

fn report(d: &CallDescr, writes: &[DescrRef], bad: &[Change]) -> String {
    let names: Vec<&str> = writes.iter().map(|w| w.name()).collect();
    let mut msg = format!(
        "METAJIT_CHECK=effects: helper `{}` wrote outside its effect summary (writes: [{}]):",
        d.name(),
        names.join(", ")
    );
    for c in bad.iter().take(8) {
        let _ = write!(
            msg,
            "\n  {} of object {:#x} (type id {}): {:#x} -> {:#x}",
            location(c.type_id, c.offset),
            c.obj,
            c.type_id,
            c.before,
            c.after
        );
    }
    if bad.len() > 8 {
        let _ = write!(msg, "\n  … and {} more words", bad.len() - 8);
    }
    msg
}
