//! Allocation removal (RPython's `virtualize.py`, in our own terms).
//!
//! An object made by `new` (or an array, below) is not allocated where the
//! trace makes it. It
//! becomes a *virtual*: the pass keeps, for its result variable, the size
//! descriptor and the value last written to each field, as IR operands.
//! `setfield` on a virtual updates that record and is dropped; `getfield`
//! is replaced by the recorded value (zero for a field never written, as
//! `new` leaves it); `guard_nonnull`, `guard_class` and `guard_nonnull_class`
//! on a virtual are decided by the record, and `ptr_eq`/`ptr_ne` with a
//! virtual fold (a virtual is the same object only as itself: nothing else
//! can point at it, and it is never null).
//!
//! A virtual is *forced*, allocated for real, only where it escapes: as an
//! operand of anything not listed above (a call, a store into an object
//! that is not virtual, `jump`, `finish`, a `label` (but see below), a
//! guard that would always fail, an operation this pass does not
//! understand). Forcing emits,
//! right there, the `new` with the virtual's own result variable (so later
//! uses need no renaming) and a `setfield` for each recorded field. Every
//! virtual reachable from the forced one through its fields is forced with
//! it: first all their `new`s, then all their stores, so cycles close
//! without recursion.
//!
//! A guard's fail arguments do not force: a virtual there goes into the
//! guard's resume data (`ir::Virtuals`), with every virtual its fields
//! reach. Each such object is described by its size descriptor and, for
//! each recorded field, the index of a fail argument holding the field's
//! value; those values are appended after the frames' fail arguments, and
//! where a fail argument *is* a virtual it holds a `NULL` placeholder listed
//! in `Virtuals::refs`. Backends hand the words back as for any guard;
//! `resume.rs` allocates the objects and fills their fields, cycles
//! included, before the interpreter's frames are rebuilt.
//!
//! Across the loop header: the pass runs a second time on the peeled trace
//! (`unroll`). An operand of the loop's `label` that is a virtual there and
//! a virtual of the same size descriptor at the `jump` back (with no field
//! the label's lacks, and no other live virtual pointing at it on either
//! side) is passed as its fields: the label takes fresh copies (`same_as`)
//! of the preamble's field values, the loop body starts from a virtual
//! whose fields are those label variables, and the jump passes the
//! virtual's current field values (zero for one it never wrote) in the
//! same order. So `i = box(i.value + 1)` allocates nothing in the loop. A
//! candidate that fails at the label or at the jump is dropped and the walk
//! done again without it; fields that are virtuals themselves are forced
//! (one level is passed as fields, not nested objects). At the label,
//! virtuals that nothing after it reads are dead and simply forgotten.
//!
//! Arrays are virtuals too when `new_array` has a constant length (up to
//! `MAX_VIRTUAL_ITEMS`) and word-sized items: their items are slots like
//! fields, read and written at constant indices inside the array, and
//! `arraylen` is the constant. An access at an index that is not such a
//! constant forces the array. (Byte arrays are left alone: forwarding a
//! store to a load would need the value cut to a byte.)
//!
//! An interpreter that tags small integers in references tests a value's
//! low bit (`int_and(cast_ptr_to_int(r), 1)`) before it treats it as an
//! object. On a virtual that test does not force it: a `cast_ptr_to_int`
//! of a virtual whose every use is such an `int_and` with a constant below
//! the objects' alignment (8) is dropped, and those `int_and`s are 0.
//!
//! The first run is early (after `fold`), so the later passes see neither
//! the allocations nor their loads and stores.

use super::{empty_like, Forward};
use crate::ir::{
    Arg, Descr, GuardInfo, Op, Opcode, Slot, Trace, Type, Var, VirtualKind, VirtualObject,
};
use std::collections::{HashMap, HashSet};

/// Arrays longer than this are allocated as the trace says: their items
/// would make resume data and label operands large.
const MAX_VIRTUAL_ITEMS: i64 = 64;

/// Every object's address is a multiple of this: the low bits of a pointer
/// below it are zero.
const OBJECT_ALIGNMENT: i64 = 8;

/// Is `a` a constant that keeps only bits below the objects' alignment?
fn low_bits_mask(a: Arg) -> bool {
    matches!(a, Arg::Int(c) if (0..OBJECT_ALIGNMENT).contains(&c))
}

/// The results of `cast_ptr_to_int` that are only ever masked to their low
/// bits (each use an `int_and` with a `low_bits_mask` constant; none in a
/// guard's fail arguments, a label or a jump).
fn only_low_bits_read(trace: &Trace) -> HashSet<Var> {
    let casts: HashSet<Var> = trace
        .ops
        .iter()
        .filter(|op| op.opcode == Opcode::CastPtrToInt)
        .filter_map(|op| op.res)
        .collect();
    let mut other_use = HashSet::new();
    for op in &trace.ops {
        let masked = op.opcode == Opcode::IntAnd && op.args.len() == 2;
        for (i, a) in op.args.iter().enumerate() {
            let Some(v) = a.as_var().filter(|v| casts.contains(v)) else {
                continue;
            };
            if !(masked && low_bits_mask(op.args[1 - i])) {
                other_use.insert(v);
            }
        }
        for a in op.guard.iter().flat_map(|g| g.fail_args.iter()) {
            other_use.extend(a.as_var().filter(|v| casts.contains(v)));
        }
    }
    casts.difference(&other_use).copied().collect()
}

/// What the pass knows of an object it has not allocated.
struct Virtual {
    kind: VirtualKind,
    /// Fields (or items) written so far and their values, in the order
    /// first written.
    fields: Vec<(Slot, Arg)>,
}

impl Virtual {
    fn field(&self, slot: Slot) -> Option<Arg> {
        self.fields
            .iter()
            .find(|(f, _)| *f == slot)
            .map(|&(_, v)| v)
    }

    fn set(&mut self, slot: Slot, value: Arg) {
        match self.fields.iter_mut().find(|(f, _)| *f == slot) {
            Some(known) => known.1 = value,
            None => self.fields.push((slot, value)),
        }
    }

    fn type_id(&self) -> u32 {
        match self.kind {
            VirtualKind::Object(d) => d.type_id,
            VirtualKind::Array(d, _) => d.type_id,
        }
    }

    /// The slot an array access at `index` reaches, if it is a constant
    /// inside the array (and the access is to this kind of array).
    fn item(&self, descr: Descr, index: Arg) -> Option<Slot> {
        match (self.kind, descr, index) {
            (VirtualKind::Array(d, len), Descr::Array(e), Arg::Int(i))
                if std::ptr::eq(d, e) && (0..len).contains(&i) =>
            {
                Some(Slot::Item(i))
            }
            _ => None,
        }
    }
}

/// A label operand passed as its fields: its position among the label's
/// operands, what it is, and the fields (with their values' types) in the
/// order the label, and so the jump, lists their values.
struct Exploded {
    position: usize,
    kind: VirtualKind,
    fields: Vec<(Slot, Type)>,
}

struct Pass {
    out: Trace,
    fwd: Forward,
    virtuals: HashMap<Var, Virtual>,
    exploded: Vec<Exploded>,
    /// Candidates that turned out not to be virtual objects of one shape at
    /// both the label and the jump.
    rejected: Vec<usize>,
    /// The variables the operations after the label read: what may still
    /// need a virtual there.
    used_after_label: Vec<Var>,
    /// Casts whose only uses read low bits (`only_low_bits_read`), and those
    /// of them dropped because their operand was a virtual.
    low_bits_only: HashSet<Var>,
    dropped_casts: HashSet<Var>,
}

pub fn run(trace: &Trace) -> Trace {
    // Every label operand is a candidate; a walk that finds some cannot be
    // passed as fields is done again without them (each time fewer).
    let head = trace.ops.iter().rposition(|op| op.opcode == Opcode::Label);
    let mut used_after_label: HashSet<Var> = HashSet::new();
    for op in head.map_or(&[][..], |h| &trace.ops[h + 1..]) {
        let fail_args = op.guard.iter().flat_map(|g| g.fail_args.iter());
        used_after_label.extend(op.args.iter().chain(fail_args).filter_map(|a| a.as_var()));
    }
    let mut used_after_label: Vec<Var> = used_after_label.into_iter().collect();
    used_after_label.sort();
    let low_bits_only = only_low_bits_read(trace);
    let mut candidates = match (head, trace.ops.last()) {
        (Some(head), Some(jump))
            if trace.is_loop() && trace.ops[head].args.len() == jump.args.len() =>
        {
            (0..jump.args.len()).collect()
        }
        _ => Vec::new(),
    };
    loop {
        let mut pass = Pass {
            out: empty_like(trace),
            fwd: Forward::new(trace),
            virtuals: HashMap::new(),
            exploded: Vec::new(),
            rejected: Vec::new(),
            used_after_label: used_after_label.clone(),
            low_bits_only: low_bits_only.clone(),
            dropped_casts: HashSet::new(),
        };
        for (i, op) in trace.ops.iter().enumerate() {
            let mut op = op.clone();
            // A label keeps its operands as written: `Forward::label`
            // redefines those whose definition was dropped. Only the loop's
            // own (last) label passes objects as fields.
            if op.opcode == Opcode::Label {
                let at_head = Some(i) == head;
                pass.label(op, if at_head { &candidates } else { &[] });
                continue;
            }
            pass.fwd.rewrite(&mut op);
            pass.step(op);
        }
        if pass.rejected.is_empty() {
            return pass.out;
        }
        candidates.retain(|k| !pass.rejected.contains(k));
    }
}

impl Pass {
    /// The virtual `a` is, if it is one.
    fn virtual_var(&self, a: Arg) -> Option<Var> {
        a.as_var().filter(|v| self.virtuals.contains_key(v))
    }

    fn step(&mut self, mut op: Op) {
        use Opcode::*;
        let virt = op.args.first().and_then(|&a| self.virtual_var(a));
        match (op.opcode, op.descr, virt) {
            (New, Descr::Size(descr), _) => {
                let res = op.res.expect("new has a result");
                self.virtuals.insert(
                    res,
                    Virtual {
                        kind: VirtualKind::Object(descr),
                        fields: Vec::new(),
                    },
                );
                return;
            }
            // Arrays of words only: a byte array's load would have to cut
            // the stored value to a byte.
            (NewArray, Descr::Array(descr), _) if descr.item_size == 8 => {
                if let Arg::Int(len) = op.args[0] {
                    if (0..=MAX_VIRTUAL_ITEMS).contains(&len) {
                        let res = op.res.expect("new_array has a result");
                        self.virtuals.insert(
                            res,
                            Virtual {
                                kind: VirtualKind::Array(descr, len),
                                fields: Vec::new(),
                            },
                        );
                        return;
                    }
                }
            }
            (Setfield, Descr::Field(field), Some(obj))
                if matches!(self.virtuals[&obj].kind, VirtualKind::Object(_)) =>
            {
                let value = op.args[1];
                if let Some(v) = self.virtuals.get_mut(&obj) {
                    v.set(Slot::Field(field), value);
                }
                return;
            }
            (GetfieldI | GetfieldR | GetfieldF, Descr::Field(field), Some(obj))
                if matches!(self.virtuals[&obj].kind, VirtualKind::Object(_)) =>
            {
                let res = op.res.expect("loads have a result");
                let known = self.virtuals[&obj].field(Slot::Field(field));
                let zero = Arg::from_word(self.out.types[res.index()], 0);
                self.fwd.replace(res, known.unwrap_or(zero));
                return;
            }
            (Setarrayitem, descr, Some(obj)) => {
                if let Some(slot) = self.virtuals[&obj].item(descr, op.args[1]) {
                    let value = op.args[2];
                    if let Some(v) = self.virtuals.get_mut(&obj) {
                        v.set(slot, value);
                    }
                    return;
                }
            }
            (GetarrayitemI | GetarrayitemR | GetarrayitemF, descr, Some(obj)) => {
                if let Some(slot) = self.virtuals[&obj].item(descr, op.args[1]) {
                    let res = op.res.expect("loads have a result");
                    let known = self.virtuals[&obj].field(slot);
                    let zero = Arg::from_word(self.out.types[res.index()], 0);
                    self.fwd.replace(res, known.unwrap_or(zero));
                    return;
                }
            }
            (Arraylen, Descr::Array(d), Some(obj)) => {
                if let VirtualKind::Array(e, len) = self.virtuals[&obj].kind {
                    if std::ptr::eq(d, e) {
                        let res = op.res.expect("arraylen has a result");
                        self.fwd.replace(res, Arg::Int(len));
                        return;
                    }
                }
            }
            (SameAs, _, Some(obj)) => {
                let res = op.res.expect("same_as has a result");
                self.fwd.replace(res, Arg::Var(obj));
                return;
            }
            (CastPtrToInt, _, Some(_))
                if op.res.is_some_and(|r| self.low_bits_only.contains(&r)) =>
            {
                self.dropped_casts.extend(op.res);
                return;
            }
            (IntAnd, _, _)
                if op.args.iter().enumerate().any(|(i, a)| {
                    a.as_var().is_some_and(|v| self.dropped_casts.contains(&v))
                        && low_bits_mask(op.args[1 - i])
                }) =>
            {
                let res = op.res.expect("int_and has a result");
                self.fwd.replace(res, Arg::Int(0));
                return;
            }
            (GuardNonnull, _, Some(_)) => return,
            (GuardClass | GuardNonnullClass, _, Some(obj))
                if op.args[1] == Arg::Int(self.virtuals[&obj].type_id() as i64) =>
            {
                return
            }
            (PtrEq | PtrNe, _, _) => {
                if let Some(same) = self.identical(op.args[0], op.args[1]) {
                    let res = op.res.expect("comparisons have a result");
                    let truth = same == (op.opcode == PtrEq);
                    self.fwd.replace(res, Arg::Int(truth as i64));
                    return;
                }
            }
            _ => {}
        }
        match op.opcode {
            Jump if matches!(op.descr, Descr::None) && !self.exploded.is_empty() => {
                return self.jump(op)
            }
            _ => {}
        }
        // Anything else: its operands escape.
        for i in 0..op.args.len() {
            self.force(op.args[i]);
        }
        if let Some(g) = op.guard.as_deref_mut() {
            self.describe(g);
        }
        self.out.ops.push(op);
    }

    /// The virtuals reachable from `roots` through fields, roots included.
    fn reach(&self, roots: impl IntoIterator<Item = Arg>) -> Vec<Var> {
        let mut seen = HashSet::new();
        let mut order = Vec::new();
        let mut pending: Vec<Var> = roots
            .into_iter()
            .filter_map(|a| self.virtual_var(a))
            .collect();
        while let Some(v) = pending.pop() {
            if seen.insert(v) {
                order.push(v);
                let fields = &self.virtuals[&v].fields;
                pending.extend(fields.iter().filter_map(|&(_, x)| self.virtual_var(x)));
            }
        }
        order
    }

    /// Is virtual `v` the value of a field of one of the virtuals `among`?
    fn is_pointed_to(&self, v: Var, among: &[Var]) -> bool {
        among.iter().any(|w| {
            self.virtuals[w]
                .fields
                .iter()
                .any(|&(_, x)| x == Arg::Var(v))
        })
    }

    /// The loop's label: the candidate operand positions that hold virtual
    /// objects no other live virtual points to become their fields' values
    /// (fresh variables, so the jump can give them new ones); every other
    /// virtual still in use after the label is forced, and the rest are
    /// dead.
    fn label(&mut self, mut op: Op, candidates: &[usize]) {
        let used_after = self.used_after_label.iter().map(|&v| Arg::Var(v));
        let roots: Vec<Arg> = op.args.iter().copied().chain(used_after).collect();
        let live = self.reach(roots.into_iter().map(|a| self.fwd.get(a)));
        let resolved: Vec<Arg> = op.args.iter().map(|&a| self.fwd.get(a)).collect();
        let mut eligible: Vec<(usize, Var)> = Vec::new();
        for &k in candidates {
            let once = resolved.iter().filter(|&&a| a == resolved[k]).count() == 1;
            match self.virtual_var(resolved[k]) {
                Some(v) if once && !self.is_pointed_to(v, &live) => eligible.push((k, v)),
                _ => self.rejected.push(k),
            }
        }
        let taken: Vec<(usize, Var, Virtual)> = eligible
            .into_iter()
            .map(|(k, v)| (k, v, self.virtuals.remove(&v).expect("a virtual")))
            .collect();
        for v in live {
            self.force(Arg::Var(v));
        }
        self.virtuals.clear();
        // Fields of the exploded objects that are virtuals were just forced.
        let mut args: Vec<Vec<Arg>> = op.args.iter().map(|&a| vec![a]).collect();
        let mut carried = Vec::new();
        for (k, v, object) in taken {
            let mut fresh_fields = Vec::with_capacity(object.fields.len());
            args[k].clear();
            for (field, value) in object.fields {
                let value = self.fwd.get(value);
                let fresh = self.out.new_var(self.out.type_of(value));
                let mut copy = Op::new(Opcode::SameAs, vec![value]);
                copy.res = Some(fresh);
                self.out.ops.push(copy);
                args[k].push(Arg::Var(fresh));
                fresh_fields.push((field, Arg::Var(fresh)));
            }
            self.exploded.push(Exploded {
                position: k,
                kind: object.kind,
                fields: fresh_fields
                    .iter()
                    .map(|&(f, a)| (f, self.out.type_of(a)))
                    .collect(),
            });
            carried.push((
                v,
                Virtual {
                    kind: object.kind,
                    fields: fresh_fields,
                },
            ));
        }
        op.args = args.into_iter().flatten().collect();
        self.fwd.cover(&self.out);
        self.fwd.label(&mut self.out, &op);
        self.virtuals.extend(carried);
    }

    /// The jump back to the label: each exploded operand must be a virtual
    /// of the same kind (descriptor, and length for an array) whose fields
    /// are among the label's (the
    /// others are zero on both sides), passed to nothing else; it is passed
    /// as those fields' values.
    fn jump(&mut self, mut op: Op) {
        let live = self.reach(op.args.iter().copied());
        let mut eligible: Vec<(usize, Var)> = Vec::new();
        for e in &self.exploded {
            let a = op.args[e.position];
            let fits = self.virtual_var(a).filter(|&v| {
                let object = &self.virtuals[&v];
                object.kind == e.kind
                    && object
                        .fields
                        .iter()
                        .all(|(f, _)| e.fields.iter().any(|g| *f == g.0))
                    && op.args.iter().filter(|&&b| b == a).count() == 1
                    && !self.is_pointed_to(v, &live)
            });
            match fits {
                Some(v) => eligible.push((e.position, v)),
                None => self.rejected.push(e.position),
            }
        }
        let taken: Vec<(usize, Virtual)> = eligible
            .into_iter()
            .map(|(k, v)| (k, self.virtuals.remove(&v).expect("a virtual")))
            .collect();
        for k in 0..op.args.len() {
            if !taken.iter().any(|&(at, _)| at == k) {
                self.force(op.args[k]);
            }
        }
        let mut args: Vec<Vec<Arg>> = op.args.iter().map(|&a| vec![a]).collect();
        for (k, object) in taken {
            let e = self
                .exploded
                .iter()
                .find(|e| e.position == k)
                .expect("taken from exploded");
            let values: Vec<Arg> = e
                .fields
                .iter()
                .map(|&(f, ty)| object.field(f).unwrap_or(Arg::from_word(ty, 0)))
                .collect();
            for &value in &values {
                self.force(value);
            }
            args[k] = values.into_iter().map(|v| self.fwd.get(v)).collect();
        }
        op.args = args.into_iter().flatten().collect();
        self.out.ops.push(op);
    }

    /// Whether `a` and `b` are the same object, when a virtual decides it.
    fn identical(&self, a: Arg, b: Arg) -> Option<bool> {
        match (self.virtual_var(a), self.virtual_var(b)) {
            (None, None) => None,
            _ => Some(a == b),
        }
    }

    /// Allocate `a` here if it is a virtual, with every virtual reachable
    /// from it: all the `new`s, then all the stores.
    fn force(&mut self, a: Arg) {
        let Some(root) = self.virtual_var(a) else {
            return;
        };
        let mut forced: Vec<(Var, Virtual)> = Vec::new();
        let mut pending = vec![root];
        while let Some(v) = pending.pop() {
            let Some(object) = self.virtuals.remove(&v) else {
                continue;
            };
            pending.extend(
                object
                    .fields
                    .iter()
                    .filter_map(|&(_, x)| self.virtual_var(x)),
            );
            forced.push((v, object));
        }
        for (v, object) in &forced {
            let mut new = match object.kind {
                VirtualKind::Object(d) => {
                    let mut new = Op::new(Opcode::New, Vec::new());
                    new.descr = Descr::Size(d);
                    new
                }
                VirtualKind::Array(d, len) => {
                    let mut new = Op::new(Opcode::NewArray, vec![Arg::Int(len)]);
                    new.descr = Descr::Array(d);
                    new
                }
            };
            new.res = Some(*v);
            self.out.ops.push(new);
        }
        for (v, object) in forced {
            for (slot, value) in object.fields {
                let value = self.fwd.get(value);
                let store = match (slot, object.kind) {
                    (Slot::Field(field), _) => {
                        let mut store = Op::new(Opcode::Setfield, vec![Arg::Var(v), value]);
                        store.descr = Descr::Field(field);
                        store
                    }
                    (Slot::Item(i), kind) => {
                        let args = vec![Arg::Var(v), Arg::Int(i), value];
                        let mut store = Op::new(Opcode::Setarrayitem, args);
                        if let VirtualKind::Array(d, _) = kind {
                            store.descr = Descr::Array(d);
                        }
                        store
                    }
                };
                self.out.ops.push(store);
            }
        }
    }

    /// Put the virtuals among `g`'s fail arguments into its resume data,
    /// with those their fields reach (the module comment says how).
    fn describe(&self, g: &mut GuardInfo) {
        let first = g.virtuals.objects.len();
        let mut order: Vec<Var> = Vec::new();
        let mut index: HashMap<Var, u32> = HashMap::new();
        let mut intern = |v: Var, order: &mut Vec<Var>| {
            *index.entry(v).or_insert_with(|| {
                order.push(v);
                (first + order.len() - 1) as u32
            })
        };
        for i in 0..g.fail_args.len() {
            if let Some(v) = self.virtual_var(g.fail_args[i]) {
                let k = intern(v, &mut order);
                g.fail_args[i] = Arg::Ref(0);
                g.virtuals.refs.push((i as u32, k));
            }
        }
        let mut next = 0;
        while next < order.len() {
            let object = &self.virtuals[&order[next]];
            let mut fields = Vec::with_capacity(object.fields.len());
            for &(field, value) in &object.fields {
                let at = g.fail_args.len() as u32;
                match self.virtual_var(value) {
                    Some(v) => {
                        let k = intern(v, &mut order);
                        g.fail_args.push(Arg::Ref(0));
                        g.virtuals.refs.push((at, k));
                    }
                    None => g.fail_args.push(value),
                }
                fields.push((field, at));
            }
            g.virtuals.objects.push(VirtualObject {
                kind: object.kind,
                slots: fields,
            });
            next += 1;
        }
    }
}
