//! One trace as the log prints it (`jit-log-noopt`, `jit-log-opt`), cut into
//! blocks: the operations that follow each `debug_merge_point`, under the
//! source position it names. That is the view a reader wants ("what did
//! `pc 13: ADD_R_TO_A 0` turn into?"), and it keeps the merge points that the
//! optimizer emptied, which show what was optimized away.
//!
//! A guard's fail arguments describe the frames the interpreter takes up
//! when it fails, outermost first, separated by ` | ` (a loop that inlined a
//! call has the caller's frame and the callee's); a frame's virtual items
//! follow its slots in braces, and the innermost frame may end with
//! `; returned`, `; raised` or `; pending` (its call has completed, so the
//! interpreter finishes the caller's instruction instead of running it
//! again). `FailArgs` is that, counted; each frame gets the source position
//! it resumes at when the merge points tell it.

/// What a trace is, from its header line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TraceKind {
    /// `# Loop N (position) with K ops`
    Loop { number: u32, position: String },
    /// `# Bridge out of guard G with K ops`
    Bridge { guard: u32 },
    /// `# Entry N (position) with K ops`: a function-entry trace, from the
    /// start of a function to its return (`finish`). It shares its number
    /// space with the loops, so its machine code is dumped as `loop N:`.
    Entry { number: u32, position: String },
    /// A header this viewer does not know; shown as it is.
    Other,
}

/// A header line, taken apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The header without `# ` and ` with K ops`: "Loop 0 (pc 10: SET_A 1)".
    pub what: String,
    pub kind: TraceKind,
    /// K, as the log states it.
    pub ops: Option<usize>,
}

impl Header {
    pub fn parse(line: &str) -> Header {
        let text = line.trim().trim_start_matches('#').trim();
        let (what, ops) = match text.rsplit_once(" with ") {
            Some((w, rest)) => match rest.strip_suffix(" ops").and_then(|n| n.parse().ok()) {
                Some(n) => (w.to_string(), Some(n)),
                None => (text.to_string(), None),
            },
            None => (text.to_string(), None),
        };
        // `N (position)`, as the number and the position.
        let numbered = |rest: &str| {
            let (num, pos) = rest.split_once(' ').unwrap_or((rest, ""));
            let pos = pos.trim();
            let pos = pos
                .strip_prefix('(')
                .and_then(|p| p.strip_suffix(')'))
                .unwrap_or(pos);
            num.parse().ok().map(|n: u32| (n, pos.to_string()))
        };
        let kind = if let Some(rest) = what.strip_prefix("Loop ") {
            match numbered(rest) {
                Some((number, position)) => TraceKind::Loop { number, position },
                None => TraceKind::Other,
            }
        } else if let Some(rest) = what.strip_prefix("Entry ") {
            match numbered(rest) {
                Some((number, position)) => TraceKind::Entry { number, position },
                None => TraceKind::Other,
            }
        } else if let Some(g) = what.strip_prefix("Bridge out of guard ") {
            match g.trim().parse() {
                Ok(guard) => TraceKind::Bridge { guard },
                Err(_) => TraceKind::Other,
            }
        } else {
            TraceKind::Other
        };
        Header { what, kind, ops }
    }
}

/// What kind of line an operation is, for highlighting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpKind {
    /// `[i0, r1]`: the trace's input arguments.
    Inputs,
    /// `guard_...(...) [fail args]`
    Guard,
    /// `label(...)`: where the loop proper starts after the peeled iteration.
    Label,
    /// `jump(...)`: back to the label, or to another loop.
    Jump,
    /// `finish(code, value)`: the end of a function-entry trace, where the
    /// function returns (or raises) `value`.
    Finish,
    /// A user-level call the recorder did not inline: `call_may_force_*`
    /// runs the callee through the interpreter's portal, `call_assembler_*`
    /// enters the callee's compiled function-entry trace.
    ResidualCall,
    Plain,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Op {
    pub text: String,
    pub kind: OpKind,
    /// For guards in optimized traces: the global guard number, which the
    /// log prints after the guard as `# guard N` (not part of `text`).
    pub guard_id: Option<u32>,
    /// For guards: the frames their fail arguments describe.
    pub fail: Option<FailArgs>,
}

impl Op {
    /// A guard's text cut before its fail arguments: (`guard_true(i3)`,
    /// `[i0, r1]`, followed by the descriptions of the virtual objects the
    /// guard keeps, `virt0=new(...)`, if any); the whole text and "" for
    /// anything else.
    pub fn split_fail_args(&self) -> (&str, &str) {
        match fail_args_start(&self.text) {
            Some(k) => (&self.text[..k], &self.text[k..]),
            None => (&self.text, ""),
        }
    }
}

/// How the interpreter takes up a guard's innermost frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResumeKind {
    /// Run the frame's instruction again from its start (the fail arguments
    /// say nothing).
    Dispatch,
    /// `; returned`: the frame's call returned the value in its last slot.
    Returned,
    /// `; raised`: the frame's call raised the value in its last slot.
    Raised,
    /// `; pending`: the frame's residual call left its completion (or an
    /// exception) in the pending slot; `guard_no_exception` after the call.
    Pending,
}

impl ResumeKind {
    /// The word the log writes, `None` for `Dispatch`.
    pub fn word(self) -> Option<&'static str> {
        match self {
            ResumeKind::Dispatch => None,
            ResumeKind::Returned => Some("returned"),
            ResumeKind::Raised => Some("raised"),
            ResumeKind::Pending => Some("pending"),
        }
    }
}

/// One frame of a guard's fail arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuardFrame {
    /// How many red slots the frame has.
    pub slots: usize,
    /// How many items of its virtualizable object compiled code had not
    /// stored yet (`{descr=..., object=K, I=ARG, ...}`).
    pub virtual_items: usize,
    /// The source position the frame resumes at, when the trace's merge
    /// points tell it (see `TraceBody::push_line`).
    pub position: Option<String>,
}

/// A guard's fail arguments, frame by frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailArgs {
    /// Outermost first: the frame that entered the compiled code, then each
    /// inlined callee.
    pub frames: Vec<GuardFrame>,
    /// How the innermost frame is taken up.
    pub resume: ResumeKind,
}

impl FailArgs {
    /// Read the text between a guard's brackets: frames separated by `|`,
    /// each `slot, slot {virtual items}`, the last one perhaps ending with
    /// `; returned`, `; raised` or `; pending`. Anything else is counted as
    /// well as it can be; this never fails.
    pub fn parse(inner: &str) -> FailArgs {
        let mut resume = ResumeKind::Dispatch;
        let frames = inner
            .split('|')
            .map(|part| {
                let mut part = part.trim();
                if let Some((before, word)) = part.rsplit_once(';') {
                    let kind = match word.trim() {
                        "returned" => Some(ResumeKind::Returned),
                        "raised" => Some(ResumeKind::Raised),
                        "pending" => Some(ResumeKind::Pending),
                        _ => None,
                    };
                    if let Some(kind) = kind {
                        resume = kind;
                        part = before.trim_end();
                    }
                }
                let (slots, virtual_items) = match part.split_once('{') {
                    Some((slots, items)) => {
                        let items = items.split('}').next().unwrap_or("");
                        let n = items
                            .split(',')
                            .filter_map(|e| e.split_once('='))
                            .filter(|(k, _)| k.trim().parse::<i64>().is_ok())
                            .count();
                        (slots, n)
                    }
                    None => (part, 0),
                };
                GuardFrame {
                    slots: slots.split(',').filter(|a| !a.trim().is_empty()).count(),
                    virtual_items,
                    position: None,
                }
            })
            .collect();
        FailArgs { frames, resume }
    }

    /// Virtual items over all frames.
    pub fn virtual_items(&self) -> usize {
        self.frames.iter().map(|f| f.virtual_items).sum()
    }

    /// The innermost frame's position, if known.
    pub fn position(&self) -> Option<&str> {
        self.frames.last()?.position.as_deref()
    }

    /// Whether there is more to say than "one frame, run the instruction
    /// again": more frames, virtual items or a completed call.
    pub fn is_simple(&self) -> bool {
        self.frames.len() == 1 && self.resume == ResumeKind::Dispatch && self.virtual_items() == 0
    }
}

/// Where a guard's ` [fail args]` start: after the parenthesis that closes
/// the operation's arguments.
fn fail_args_start(text: &str) -> Option<usize> {
    let open = text.find('(')?;
    let mut depth = 0usize;
    let mut quoted = false;
    for (i, c) in text[open..].char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => {
                depth -= 1;
                if depth == 0 {
                    let close = open + i + 1;
                    let rest = text[close..].trim_start();
                    return (rest.starts_with('[') && rest.contains(']')).then_some(close);
                }
            }
            _ => {}
        }
    }
    None
}

/// The operations that follow one `debug_merge_point` (or that come before
/// the first one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The position the merge point names, `None` for the operations before
    /// any merge point.
    pub position: Option<String>,
    /// The inlining depth the merge point gives (its first argument).
    pub depth: u32,
    pub ops: Vec<Op>,
}

/// A parsed trace body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TraceBody {
    pub blocks: Vec<Block>,
    /// Whether the section was cut off before its closing line.
    pub truncated: bool,
    /// The position of the latest merge point at each inlining depth, as
    /// far as the merge points go: the frames a guard resumes.
    frames: Vec<Option<String>>,
}

impl TraceBody {
    /// Operations that do work: neither merge points nor the inputs line.
    pub fn real_ops(&self) -> usize {
        self.ops().filter(|o| o.kind != OpKind::Inputs).count()
    }

    pub fn guards(&self) -> usize {
        self.ops().filter(|o| o.kind == OpKind::Guard).count()
    }

    pub fn ops(&self) -> impl Iterator<Item = &Op> {
        self.blocks.iter().flat_map(|b| b.ops.iter())
    }

    pub fn positions(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| b.position.as_deref())
    }

    /// User-level calls left in the trace (`call_may_force_*`,
    /// `call_assembler_*`).
    pub fn residual_calls(&self) -> usize {
        self.ops()
            .filter(|o| o.kind == OpKind::ResidualCall)
            .count()
    }

    /// The most frames any guard resumes (1 when nothing was inlined, 0
    /// without guards).
    pub fn max_frames(&self) -> usize {
        self.ops()
            .filter_map(|o| o.fail.as_ref())
            .map(|f| f.frames.len())
            .max()
            .unwrap_or(0)
    }

    /// Guards named `guard_<name>`, e.g. `not_invalidated`.
    pub fn guards_named(&self, name: &str) -> usize {
        self.ops()
            .filter(|o| {
                o.kind == OpKind::Guard
                    && o.text
                        .strip_prefix("guard_")
                        .and_then(|t| t.strip_prefix(name))
                        .is_some_and(|t| t.starts_with('('))
            })
            .count()
    }

    /// Add one body line (not the header).
    pub fn push_line(&mut self, line: &str) {
        let line = line.trim_end();
        if line.trim().is_empty() {
            return;
        }
        if let Some((depth, pos)) = merge_point(line) {
            let d = depth as usize;
            self.frames.resize(d, None);
            self.frames.push(Some(pos.clone()));
            self.blocks.push(Block {
                position: Some(pos),
                depth,
                ops: Vec::new(),
            });
            return;
        }
        let mut t = line.trim_start();
        let call = t.split_once(" = ").map_or(t, |(_, rhs)| rhs);
        let kind = if t.starts_with('[') {
            OpKind::Inputs
        } else if call.starts_with("guard_") {
            OpKind::Guard
        } else if call.starts_with("label(") {
            OpKind::Label
        } else if call.starts_with("jump(") {
            OpKind::Jump
        } else if call.starts_with("finish(") {
            OpKind::Finish
        } else if call.starts_with("call_may_force_") || call.starts_with("call_assembler_") {
            OpKind::ResidualCall
        } else {
            OpKind::Plain
        };
        if self.blocks.is_empty() {
            self.blocks.push(Block {
                position: None,
                depth: 0,
                ops: Vec::new(),
            });
        }
        let mut guard_id = None;
        if kind == OpKind::Guard {
            if let Some((op, id)) = t.rsplit_once(" # guard ") {
                if let Ok(id) = id.trim().parse() {
                    guard_id = Some(id);
                    t = op.trim_end();
                }
            }
        }
        let block = self.blocks.last_mut().expect("a block was pushed");
        let mut op = Op {
            text: t.to_string(),
            kind,
            guard_id,
            fail: None,
        };
        if kind == OpKind::Guard {
            let (_, fail) = op.split_fail_args();
            // Between the brackets; virtual objects' descriptions follow.
            let inner = fail
                .trim()
                .strip_prefix('[')
                .and_then(|f| f.split_once(']'))
                .map_or("", |(inner, _)| inner);
            if !fail.is_empty() {
                let mut args = FailArgs::parse(inner);
                let residual = block.ops.iter().any(|o| o.kind == OpKind::ResidualCall);
                place_frames(&mut args, &self.frames, residual);
                op.fail = Some(args);
            }
        }
        block.ops.push(op);
    }
}

/// Give a guard's frames their positions from the latest merge point at
/// each depth (`stack`), where that is sure.
///
/// A frame that runs its instruction again, or whose residual call is
/// pending, is at the latest merge point: with `n` frames, the stack holds
/// them all when the merge points give inlining depths. A frame whose call
/// has completed (`returned`, `raised`) is at the call: the latest merge
/// point if the call was residual (one in this block), else the one below
/// the callee's (the stack is one deeper). Logs whose merge points all say
/// depth 0 tell only the innermost frame's position, and only in those
/// first two cases.
fn place_frames(args: &mut FailArgs, stack: &[Option<String>], residual_in_block: bool) {
    let n = args.frames.len();
    let completed = matches!(args.resume, ResumeKind::Returned | ResumeKind::Raised);
    let whole = if completed {
        stack.len() == n + 1 || (stack.len() == n && residual_in_block)
    } else {
        stack.len() == n
    };
    if whole {
        for (f, pos) in args.frames.iter_mut().zip(stack) {
            f.position = pos.clone();
        }
    } else if !completed || residual_in_block {
        if let Some(f) = args.frames.last_mut() {
            f.position = stack.last().cloned().flatten();
        }
    }
}

/// `debug_merge_point(0, 'pc 10: SET_A 1')` -> (0, "pc 10: SET_A 1").
fn merge_point(line: &str) -> Option<(u32, String)> {
    let args = line
        .trim()
        .strip_prefix("debug_merge_point(")?
        .strip_suffix(')')?;
    let (depth, pos) = args.split_once(',')?;
    let pos = pos.trim();
    let pos = pos
        .strip_prefix('\'')
        .and_then(|p| p.strip_suffix('\''))
        .unwrap_or(pos);
    Some((depth.trim().parse().unwrap_or(0), pos.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        let h = Header::parse("# Loop 0 (pc 10: SET_A 1) with 23 ops");
        assert_eq!(h.what, "Loop 0 (pc 10: SET_A 1)");
        assert_eq!(h.ops, Some(23));
        assert_eq!(
            h.kind,
            TraceKind::Loop {
                number: 0,
                position: "pc 10: SET_A 1".into()
            }
        );
        let h = Header::parse("# Bridge out of guard 12 with 5 ops");
        assert_eq!(h.kind, TraceKind::Bridge { guard: 12 });
        let h = Header::parse("# Something else");
        assert_eq!(h.kind, TraceKind::Other);
        assert_eq!(h.ops, None);
        // Function entries; positions that end in parentheses keep them.
        let h = Header::parse("# Entry 0 (sum pc 0: Some(Load(0))) with 38 ops");
        assert_eq!(h.what, "Entry 0 (sum pc 0: Some(Load(0)))");
        assert_eq!(
            h.kind,
            TraceKind::Entry {
                number: 0,
                position: "sum pc 0: Some(Load(0))".into()
            }
        );
        let h = Header::parse("# Loop 1 (main pc 8: Some(Load(0))) with 112 ops");
        assert_eq!(
            h.kind,
            TraceKind::Loop {
                number: 1,
                position: "main pc 8: Some(Load(0))".into()
            }
        );
        assert_eq!(Header::parse("# Entry x").kind, TraceKind::Other);
    }

    #[test]
    fn fail_args() {
        let f = FailArgs::parse("i0, r1");
        assert_eq!(f.frames.len(), 1);
        assert_eq!(f.frames[0].slots, 2);
        assert_eq!(f.resume, ResumeKind::Dispatch);
        assert!(f.is_simple());
        let f = FailArgs::parse("");
        assert_eq!((f.frames.len(), f.frames[0].slots), (1, 0));

        let f = FailArgs::parse(
            "r0, i1 {descr=slots, object=0, 2=r12, 3=ConstPtr(0x51)} | r13, i15; pending",
        );
        assert_eq!(f.frames.len(), 2);
        assert_eq!((f.frames[0].slots, f.frames[0].virtual_items), (2, 2));
        assert_eq!((f.frames[1].slots, f.frames[1].virtual_items), (2, 0));
        assert_eq!(f.resume, ResumeKind::Pending);
        assert_eq!(f.virtual_items(), 2);
        assert!(!f.is_simple());

        let f = FailArgs::parse(" | r3, i4 {descr=slots, object=0, 5=i8}, r9; returned");
        assert_eq!(f.frames.len(), 2);
        assert_eq!(f.frames[0].slots, 0);
        assert_eq!(f.frames[1].virtual_items, 1);
        assert_eq!(f.resume, ResumeKind::Returned);
        assert_eq!(FailArgs::parse("r0, r2; raised").resume, ResumeKind::Raised);
        // A word that is not a resume kind stays a slot.
        assert_eq!(FailArgs::parse("r0; later").resume, ResumeKind::Dispatch);
    }

    #[test]
    fn ops_of_recursive_traces() {
        let mut b = TraceBody::default();
        for l in [
            "[r0, i1]",
            "debug_merge_point(0, 'sum pc 10: Some(Call(0, 1))')",
            "r19 = call_may_force_r(0, r16, i18, descr=portal)",
            "guard_no_exception() [r0, i1; pending] # guard 4",
            "r33 = call_assembler_r(0, r30, i32, descr=assembler)",
            "guard_true(i7) [r0, i1 {descr=slots, object=0, 1=r6}] # guard 5",
            "guard_true(i8) [r0, i1 | virt0, i26 {descr=slots, object=0, 1=r6}] virt0=new_array(2, descr=slots, 0=r6) # guard 6",
            "finish(2, r33)",
        ] {
            b.push_line(l);
        }
        let ops: Vec<&Op> = b.ops().collect();
        assert_eq!(ops[1].kind, OpKind::ResidualCall);
        assert_eq!(ops[3].kind, OpKind::ResidualCall);
        assert_eq!(ops[6].kind, OpKind::Finish);
        let with_virtual = ops[5].fail.as_ref().unwrap();
        assert_eq!(with_virtual.frames.len(), 2);
        assert_eq!(with_virtual.frames[1].virtual_items, 1);
        assert_eq!(b.residual_calls(), 2);
        assert_eq!(b.max_frames(), 2);
        assert_eq!(b.guards_named("no_exception"), 1);
        assert_eq!(b.guards_named("no"), 0);
        assert_eq!(
            ops[2].split_fail_args(),
            ("guard_no_exception()", " [r0, i1; pending]")
        );
        let f = ops[2].fail.as_ref().unwrap();
        assert_eq!(f.resume, ResumeKind::Pending);
        assert_eq!(f.position(), Some("sum pc 10: Some(Call(0, 1))"));
        assert_eq!(ops[4].fail.as_ref().unwrap().frames[0].virtual_items, 1);
        assert_eq!(ops[1].split_fail_args().1, "");
    }

    #[test]
    fn blocks() {
        let mut b = TraceBody::default();
        for l in [
            "[i0, r1]",
            "debug_merge_point(0, 'pc 10: SET_A 1')",
            "debug_merge_point(0, 'pc 12: NEG_A')",
            "i2 = arraylen(r1, descr=regs)",
            "guard_true(i3) [i0, r1] # guard 7",
            "guard_false(i3) [i0, r1]",
            "label(i0)",
            "jump(i0)",
        ] {
            b.push_line(l);
        }
        assert_eq!(b.blocks.len(), 3);
        assert_eq!(b.blocks[0].position, None);
        assert_eq!(b.blocks[2].position.as_deref(), Some("pc 12: NEG_A"));
        assert_eq!(b.real_ops(), 5);
        assert_eq!(b.guards(), 2);
        let guards: Vec<&Op> = b.ops().filter(|o| o.kind == OpKind::Guard).collect();
        assert_eq!(guards[0].text, "guard_true(i3) [i0, r1]");
        assert_eq!(guards[0].guard_id, Some(7));
        assert_eq!(guards[1].guard_id, None);
    }
}
