//! Allocation removal (RPython's `virtualize.py`, in our own terms).
//!
//! An object made by `new` is not allocated where the trace makes it. It
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
//! The first run is early (after `fold`), so the later passes see neither
//! the allocations nor their loads and stores. Arrays (`new_array`) are
//! not virtualized: they are allocated as the trace says.

use super::{empty_like, Forward};
use crate::ir::{
    Arg, Descr, FieldDescr, GuardInfo, Op, Opcode, SizeDescr, Trace, Type, Var, VirtualObject,
};
use std::collections::{HashMap, HashSet};

/// What the pass knows of an object it has not allocated.
struct Virtual {
    descr: &'static SizeDescr,
    /// Fields written so far and their values, in the order first written.
    fields: Vec<(&'static FieldDescr, Arg)>,
}

impl Virtual {
    fn field(&self, d: &'static FieldDescr) -> Option<Arg> {
        self.fields
            .iter()
            .find(|(f, _)| std::ptr::eq(*f, d))
            .map(|&(_, v)| v)
    }

    fn set(&mut self, d: &'static FieldDescr, value: Arg) {
        match self.fields.iter_mut().find(|(f, _)| std::ptr::eq(*f, d)) {
            Some(slot) => slot.1 = value,
            None => self.fields.push((d, value)),
        }
    }
}

/// A label operand passed as its fields: its position among the label's
/// operands, its size descriptor, and the fields (with their values' types)
/// in the order the label, and so the jump, lists their values.
struct Exploded {
    position: usize,
    descr: &'static SizeDescr,
    fields: Vec<(&'static FieldDescr, Type)>,
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
                        descr,
                        fields: Vec::new(),
                    },
                );
                return;
            }
            (Setfield, Descr::Field(field), Some(obj)) => {
                let value = op.args[1];
                if let Some(v) = self.virtuals.get_mut(&obj) {
                    v.set(field, value);
                }
                return;
            }
            (GetfieldI | GetfieldR | GetfieldF, Descr::Field(field), Some(obj)) => {
                let res = op.res.expect("loads have a result");
                let known = self.virtuals[&obj].field(field);
                let zero = Arg::from_word(self.out.types[res.index()], 0);
                self.fwd.replace(res, known.unwrap_or(zero));
                return;
            }
            (SameAs, _, Some(obj)) => {
                let res = op.res.expect("same_as has a result");
                self.fwd.replace(res, Arg::Var(obj));
                return;
            }
            (GuardNonnull, _, Some(_)) => return,
            (GuardClass | GuardNonnullClass, _, Some(obj))
                if op.args[1] == Arg::Int(self.virtuals[&obj].descr.type_id as i64) =>
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
    /// objects no other
    /// live virtual points to become their fields' values (fresh
    /// variables, so the jump can give them new ones); every other virtual
    /// still in use after the label is forced, and the rest are dead.
    fn label(&mut self, mut op: Op, candidates: &[usize]) {
        let used_after = self.used_after_label.iter().map(|&v| Arg::Var(v));
        let roots: Vec<Arg> = op.args.iter().copied().chain(used_after).collect();
        let live = self.reach(roots.into_iter().map(|a| self.fwd.get(a)));
        let mut eligible: Vec<(usize, Var)> = Vec::new();
        for &k in candidates {
            match self.virtual_var(self.fwd.get(op.args[k])) {
                Some(v) if !self.is_pointed_to(v, &live) => eligible.push((k, v)),
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
                descr: object.descr,
                fields: fresh_fields
                    .iter()
                    .map(|&(f, a)| (f, self.out.type_of(a)))
                    .collect(),
            });
            carried.push((
                v,
                Virtual {
                    descr: object.descr,
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
    /// of the same size descriptor whose fields are among the label's (the
    /// others are zero on both sides), passed to nothing else; it is passed
    /// as those fields' values.
    fn jump(&mut self, mut op: Op) {
        let live = self.reach(op.args.iter().copied());
        let mut eligible: Vec<(usize, Var)> = Vec::new();
        for e in &self.exploded {
            let a = op.args[e.position];
            let fits = self.virtual_var(a).filter(|&v| {
                let object = &self.virtuals[&v];
                std::ptr::eq(object.descr, e.descr)
                    && object
                        .fields
                        .iter()
                        .all(|(f, _)| e.fields.iter().any(|g| std::ptr::eq(*f, g.0)))
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
            let mut new = Op::new(Opcode::New, Vec::new());
            new.descr = Descr::Size(object.descr);
            new.res = Some(*v);
            self.out.ops.push(new);
        }
        for (v, object) in forced {
            for (field, value) in object.fields {
                let mut store = Op::new(Opcode::Setfield, vec![Arg::Var(v), self.fwd.get(value)]);
                store.descr = Descr::Field(field);
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
                descr: object.descr,
                fields,
            });
            next += 1;
        }
    }
}
