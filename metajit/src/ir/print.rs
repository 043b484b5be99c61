//! The text form of a trace, as printed in logs and written in tests.
//!
//! ```text
//! [i0, r1]
//! debug_merge_point(0, 'pc 4: MOV_R_A 2')
//! i2 = getarrayitem_i(r1, 2, descr=regs)
//! i3 = int_add(i0, i2)
//! guard_true(i3) [i0, r1]
//! jump(i3, r1)
//! ```
//!
//! Variables print as a type letter and a number; constants as literals
//! (`42`, `1.5`, `ConstPtr(0x1000)`, `NULL`); descriptors by name; a guard's
//! fail arguments in brackets after it, then the objects its resume data
//! describes instead of compiled code allocating them
//! (`guard_true(i3) [i0, virt0] virt0=new(descr=box, value=i3)`, see
//! `ir::Virtuals`) and the stores pending at it, which failing performs
//! (`guard_true(i3) [i0] setfield(r1, i3, descr=value)`, `opt/heap.rs`).
//! `parse.rs` reads exactly this back.
//!
//! Once the driver has numbered a trace's guards, the logs print it with
//! `Trace::with_guard_ids`: each guard line ends with its global id as a
//! comment, `guard_true(i3) [i0, r1] # guard 7`, the number `jit-summary`
//! and the bridges' headers use. The parser reads the id back from there.

use super::{Arg, Descr, GuardInfo, Op, Slot, Trace, VirtualKind};
use std::fmt::{self, Write};

pub fn write_arg(f: &mut (impl Write + ?Sized), t: &Trace, a: Arg) -> fmt::Result {
    match a {
        Arg::Var(v) => write!(f, "{}{}", t.types[v.index()].prefix(), v.0),
        Arg::Int(i) => write!(f, "{i}"),
        Arg::Float(bits) => write_float(f, f64::from_bits(bits)),
        Arg::Ref(0) => write!(f, "NULL"),
        Arg::Ref(p) => write!(f, "ConstPtr({p:#x})"),
    }
}

/// Floats always show a point or exponent (so they parse back as floats) and
/// enough digits to round-trip.
fn write_float(f: &mut (impl Write + ?Sized), x: f64) -> fmt::Result {
    if x.is_nan() {
        write!(f, "nan")
    } else if x.is_infinite() {
        write!(f, "{}", if x > 0.0 { "inf" } else { "-inf" })
    } else {
        let s = format!("{x:?}");
        write!(f, "{s}")
    }
}

fn write_args(f: &mut impl Write, t: &Trace, args: &[Arg]) -> fmt::Result {
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            write!(f, ", ")?;
        }
        write_arg(f, t, a)?;
    }
    Ok(())
}

pub fn write_op(f: &mut impl Write, t: &Trace, op: &Op) -> fmt::Result {
    if let Some(r) = op.res {
        write!(f, "{}{} = ", t.types[r.index()].prefix(), r.0)?;
    }
    write!(f, "{}(", op.opcode.name())?;
    write_args(f, t, &op.args)?;
    match op.descr {
        Descr::None => {}
        Descr::Comment(i) => {
            write!(f, ", '{}'", t.comments[i as usize].replace('\'', "\""))?;
        }
        Descr::Loop(id) => {
            if !op.args.is_empty() {
                write!(f, ", ")?;
            }
            write!(f, "descr=loop{id}")?;
        }
        Descr::Label(id) => {
            if !op.args.is_empty() {
                write!(f, ", ")?;
            }
            write!(f, "descr=label{id}")?;
        }
        d => {
            if !op.args.is_empty() {
                write!(f, ", ")?;
            }
            write!(f, "descr={}", d.name().unwrap_or("?"))?;
        }
    }
    write!(f, ")")?;
    if let Some(g) = &op.guard {
        write!(f, " [")?;
        write_fail_args(f, t, g)?;
    }
    Ok(())
}

/// Fail arguments frame by frame, outermost first, separated by ` | `; the
/// innermost frame's way of resuming, when it is not "dispatch", after a `;`.
/// After the brackets, the guard's virtual objects, each as
/// `virtN=new(descr=SIZE, FIELD=VALUE, ...)` or
/// `virtN=new_array(LEN, descr=ARRAY, INDEX=VALUE, ...)`; a fail argument that stands
/// for one of them prints as its `virtN`. Then the stores pending at the
/// guard, in order, as `setfield(OBJECT, VALUE, descr=FIELD)` or
/// `setarrayitem(OBJECT, INDEX, VALUE, descr=ARRAY)`.
fn write_fail_args(f: &mut impl Write, t: &Trace, g: &GuardInfo) -> fmt::Result {
    let frames = t.frames_of(g.snapshot);
    let at = |f: &mut dyn Write, i: usize| -> fmt::Result {
        match g.virtuals.object_at(i) {
            Some(k) => write!(f, "virt{k}"),
            None => write_arg(f, t, g.fail_args[i]),
        }
    };
    let list = |f: &mut dyn Write, from: usize, to: usize| -> fmt::Result {
        for i in from..to {
            if i > from {
                write!(f, ", ")?;
            }
            at(f, i)?;
        }
        Ok(())
    };
    let total = g.fail_args.len();
    let mut next = 0;
    let framed = !frames.is_empty();
    for (i, frame) in frames.into_iter().enumerate() {
        if i > 0 {
            write!(f, " | ")?;
        }
        let n = (frame.slots as usize).min(total - next);
        list(f, next, next + n)?;
        next += n;
        if let Some(v) = &frame.virtuals {
            write!(f, " {{descr={}, object={}", v.descr.name, v.object)?;
            for &item in &v.items {
                if next == total {
                    break;
                }
                write!(f, ", {item}=")?;
                at(f, next)?;
                next += 1;
            }
            write!(f, "}}")?;
        }
        if let Some(word) = frame.resume.keyword() {
            write!(f, "; {word}")?;
        }
    }
    // What the frames do not account for: the virtual objects' fields, or
    // anything else (a malformed trace).
    let unaccounted = total - next - g.virtuals.width(next).min(total - next);
    if unaccounted > 0 {
        if framed {
            write!(f, " ")?;
        }
        list(f, next, next + unaccounted)?;
    }
    write!(f, "]")?;
    for (k, object) in g.virtuals.objects.iter().enumerate() {
        match object.kind {
            VirtualKind::Object(d) => write!(f, " virt{k}=new(descr={}", d.name)?,
            VirtualKind::Array(d, len) => write!(f, " virt{k}=new_array({len}, descr={}", d.name)?,
        }
        for &(slot, i) in &object.slots {
            match slot {
                Slot::Field(field) => write!(f, ", {}=", field.name)?,
                Slot::Item(item) => write!(f, ", {item}=")?,
            }
            if (i as usize) < total {
                at(f, i as usize)?;
            } else {
                write!(f, "?")?;
            }
        }
        write!(f, ")")?;
    }
    for store in &g.virtuals.stores {
        let arg = |f: &mut dyn Write, i: u32| -> fmt::Result {
            if (i as usize) < total {
                at(f, i as usize)
            } else {
                write!(f, "?")
            }
        };
        match store.index {
            None => write!(f, " setfield(")?,
            Some(_) => write!(f, " setarrayitem(")?,
        }
        arg(f, store.object)?;
        if let Some(i) = store.index {
            write!(f, ", {i}")?;
        }
        write!(f, ", ")?;
        arg(f, store.value)?;
        write!(f, ", descr={})", store.descr.name())?;
    }
    Ok(())
}

/// `write_op`, then for a guard its id as a trailing comment (` # guard 7`).
pub fn write_op_with_guard_id(f: &mut impl Write, t: &Trace, op: &Op) -> fmt::Result {
    write_op(f, t, op)?;
    if let Some(g) = &op.guard {
        write!(f, " # guard {}", g.id)?;
    }
    Ok(())
}

pub fn write_trace(f: &mut impl Write, t: &Trace) -> fmt::Result {
    write_trace_as(f, t, false)
}

/// The trace with each guard's id, as the logs print it.
pub fn write_trace_with_guard_ids(f: &mut impl Write, t: &Trace) -> fmt::Result {
    write_trace_as(f, t, true)
}

fn write_trace_as(f: &mut impl Write, t: &Trace, guard_ids: bool) -> fmt::Result {
    write!(f, "[")?;
    let inputs: Vec<Arg> = t.inputs.iter().map(|&v| Arg::Var(v)).collect();
    write_args(f, t, &inputs)?;
    writeln!(f, "]")?;
    for op in &t.ops {
        if guard_ids {
            write_op_with_guard_id(f, t, op)?;
        } else {
            write_op(f, t, op)?;
        }
        writeln!(f)?;
    }
    Ok(())
}
