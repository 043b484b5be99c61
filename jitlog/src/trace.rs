//! One trace as the log prints it (`jit-log-noopt`, `jit-log-opt`), cut into
//! blocks: the operations that follow each `debug_merge_point`, under the
//! source position it names. That is the view a reader wants ("what did
//! `pc 13: ADD_R_TO_A 0` turn into?"), and it keeps the merge points that the
//! optimizer emptied, which show what was optimized away.

/// What a trace is, from its header line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TraceKind {
    /// `# Loop N (position) with K ops`
    Loop { number: u32, position: String },
    /// `# Bridge out of guard G with K ops`
    Bridge { guard: u32 },
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
        let kind = if let Some(rest) = what.strip_prefix("Loop ") {
            let (num, pos) = rest.split_once(' ').unwrap_or((rest, ""));
            match num.parse() {
                Ok(number) => TraceKind::Loop {
                    number,
                    position: pos
                        .trim()
                        .trim_start_matches('(')
                        .trim_end_matches(')')
                        .to_string(),
                },
                Err(_) => TraceKind::Other,
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
    Plain,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Op {
    pub text: String,
    pub kind: OpKind,
    /// For guards in optimized traces: the global guard number, which the
    /// log prints after the guard as `# guard N` (not part of `text`).
    pub guard_id: Option<u32>,
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

    /// Add one body line (not the header).
    pub fn push_line(&mut self, line: &str) {
        let line = line.trim_end();
        if line.trim().is_empty() {
            return;
        }
        if let Some((depth, pos)) = merge_point(line) {
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
        block.ops.push(Op {
            text: t.to_string(),
            kind,
            guard_id,
        });
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
