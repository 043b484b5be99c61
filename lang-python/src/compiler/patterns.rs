//! The `match` statement as ordinary bytecode, the way CPython 3.11
//! compiles it: the subject stays on the stack while each case tries a
//! copy of it; a pattern is a series of tests (`==`, `is`, the
//! `Match*` questions, length checks) that jump to a failure label, with
//! unpacking to reach the parts that sub-patterns match. Names are bound
//! as soon as their sub-pattern matches (PEP 634 allows this; a failed
//! case may leave some bound).
//!
//! A failure can happen with values of the pattern being matched still on
//! the stack; `Fail` keeps one label per count of values to pop, and the
//! case ends with the chain `fail[n]: Pop; fail[n-1]: Pop; … fail[0]:`,
//! which leaves the subject for the next case.

use super::{err, Compiler, Label, Result};
use crate::ast::*;
use crate::bytecode::{CmpOp, Instr};
use crate::objects::intern::intern;

/// The failure labels of one case (or one alternative of an or-pattern),
/// by how many values each pops.
#[derive(Default)]
struct Fail {
    labels: Vec<Label>,
}

impl Compiler<'_> {
    pub(super) fn match_stmt(&mut self, subject: &Expr, cases: &[MatchCase]) -> Result<()> {
        for (i, case) in cases.iter().enumerate() {
            if i + 1 < cases.len() && case.guard.is_none() {
                check_reachable(&case.pattern)?;
            }
        }
        self.expr(subject)?;
        let end = self.label();
        for case in cases {
            self.set_line(case.pattern.loc);
            let mut fail = Fail::default();
            self.emit(Instr::Copy(0));
            self.pattern(&case.pattern, &mut fail, 0)?;
            if let Some(guard) = &case.guard {
                self.expr(guard)?;
                self.jump_fail(&mut fail, 0);
            }
            self.emit(Instr::Pop);
            self.stmts(&case.body)?;
            self.jump(Instr::Jump, end);
            self.fail_chain(fail);
        }
        self.emit(Instr::Pop);
        self.bind(end);
        Ok(())
    }

    /// `PopJumpIfFalse` to the label that pops `pops` values.
    fn jump_fail(&mut self, fail: &mut Fail, pops: usize) {
        while fail.labels.len() <= pops {
            let l = self.label();
            fail.labels.push(l);
        }
        self.jump(Instr::PopJumpIfFalse, fail.labels[pops]);
    }

    fn fail_chain(&mut self, fail: Fail) {
        for (i, &l) in fail.labels.iter().enumerate().rev() {
            self.bind(l);
            if i > 0 {
                self.emit(Instr::Pop);
            }
        }
    }

    /// Match the value on top of the stack against `p`, consuming it; a
    /// failure pops it, the values it was unpacked into, and the `below`
    /// values under it that belong to the pattern being matched.
    fn pattern(&mut self, p: &Pattern, fail: &mut Fail, below: usize) -> Result<()> {
        check_unique_names(p)?;
        match &p.kind {
            PatternKind::MatchAs { pattern, name } => {
                if let Some(inner) = pattern {
                    self.emit(Instr::Copy(0));
                    self.pattern(inner, fail, below + 1)?;
                }
                match name {
                    Some(n) => self.store_name(n),
                    None => {
                        self.emit(Instr::Pop);
                    }
                }
            }
            PatternKind::MatchStar { name } => match name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            },
            PatternKind::MatchValue { value } => {
                self.expr(value)?;
                self.emit(Instr::Compare(CmpOp::Eq));
                self.jump_fail(fail, below);
            }
            PatternKind::MatchSingleton { value } => {
                let k = self.constant(value);
                self.emit(Instr::Const(k));
                self.emit(Instr::Is(true));
                self.jump_fail(fail, below);
            }
            PatternKind::MatchSequence { patterns } => {
                self.sequence_pattern(patterns, fail, below, p.loc)?
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.mapping_pattern(keys, patterns, rest.as_deref(), fail, below)?,
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                for (i, a) in kwd_attrs.iter().enumerate() {
                    if kwd_attrs[..i].contains(a) {
                        return err(
                            format!("attribute name repeated in class pattern: {a}"),
                            kwd_patterns[i].loc,
                        );
                    }
                }
                self.expr(cls)?;
                let names: Vec<_> = kwd_attrs.iter().map(|a| intern(a)).collect();
                let keys = kwd_attrs.iter().map(|a| self.str_const(a)).collect();
                let k = self.tuple_const(&names, keys);
                self.emit(Instr::Const(k));
                self.emit(Instr::MatchClass(patterns.len() as u32));
                self.test_not_none(fail, below + 1);
                let all: Vec<&Pattern> = patterns.iter().chain(kwd_patterns).collect();
                self.sub_patterns(&all, fail, below)?;
            }
            PatternKind::MatchOr { patterns } => self.or_pattern(patterns, fail, below)?,
        }
        Ok(())
    }

    /// [value] -> [value], failing (with `pops` values) if it is None.
    fn test_not_none(&mut self, fail: &mut Fail, pops: usize) {
        self.emit(Instr::Copy(0));
        let none = self.none_const();
        self.emit(Instr::Const(none));
        self.emit(Instr::Is(false));
        self.jump_fail(fail, pops);
    }

    /// [tuple] -> []: unpack and match each item against its pattern.
    fn sub_patterns(&mut self, items: &[&Pattern], fail: &mut Fail, below: usize) -> Result<()> {
        if items.is_empty() {
            self.emit(Instr::Pop);
            return Ok(());
        }
        self.emit(Instr::UnpackSequence(items.len() as u32));
        for (i, q) in items.iter().enumerate() {
            self.pattern(q, fail, below + items.len() - 1 - i)?;
        }
        Ok(())
    }

    fn sequence_pattern(
        &mut self,
        patterns: &[Pattern],
        fail: &mut Fail,
        below: usize,
        loc: Loc,
    ) -> Result<()> {
        let stars: Vec<usize> = (0..patterns.len())
            .filter(|&i| matches!(patterns[i].kind, PatternKind::MatchStar { .. }))
            .collect();
        if stars.len() > 1 {
            return err("multiple starred names in sequence pattern", loc);
        }
        self.emit(Instr::MatchSequence);
        self.jump_fail(fail, below + 1);
        let fixed = patterns.len() - stars.len();
        self.emit(Instr::GetLen);
        let k = self.constant(&Constant::Int(fixed as i64));
        self.emit(Instr::Const(k));
        let op = if stars.is_empty() {
            CmpOp::Eq
        } else {
            CmpOp::Ge
        };
        self.emit(Instr::Compare(op));
        self.jump_fail(fail, below + 1);
        match stars.first() {
            None => {
                let items: Vec<&Pattern> = patterns.iter().collect();
                self.sub_patterns(&items, fail, below)
            }
            Some(&star) => {
                let after = patterns.len() - star - 1;
                self.emit(Instr::UnpackEx(star as u32, after as u32));
                for (i, q) in patterns.iter().enumerate() {
                    self.pattern(q, fail, below + patterns.len() - 1 - i)?;
                }
                Ok(())
            }
        }
    }

    fn mapping_pattern(
        &mut self,
        keys: &[Expr],
        patterns: &[Pattern],
        rest: Option<&str>,
        fail: &mut Fail,
        below: usize,
    ) -> Result<()> {
        self.emit(Instr::MatchMapping);
        self.jump_fail(fail, below + 1);
        if keys.is_empty() && rest.is_none() {
            self.emit(Instr::Pop);
            return Ok(());
        }
        if !keys.is_empty() {
            self.emit(Instr::GetLen);
            let k = self.constant(&Constant::Int(keys.len() as i64));
            self.emit(Instr::Const(k));
            self.emit(Instr::Compare(CmpOp::Ge));
            self.jump_fail(fail, below + 1);
        }
        let mut literal_keys: Vec<&Constant> = Vec::new();
        for key in keys {
            if let ExprKind::Constant { value, .. } = &key.kind {
                if literal_keys.contains(&value) {
                    let mut shown = String::new();
                    match value {
                        Constant::Str(s) => crate::ast_dump::str_repr(&mut shown, s),
                        Constant::Int(n) => shown = n.to_string(),
                        _ => shown = "...".into(),
                    }
                    return err(
                        format!("mapping pattern checks duplicate key ({shown})"),
                        key.loc,
                    );
                }
                literal_keys.push(value);
            }
            self.expr(key)?;
        }
        self.emit(Instr::BuildTuple(keys.len() as u32));
        if !keys.is_empty() {
            self.emit(Instr::MatchKeys);
            self.test_not_none(fail, below + 3);
            let items: Vec<&Pattern> = patterns.iter().collect();
            self.sub_patterns(&items, fail, below + 2)?;
        }
        match rest {
            Some(name) => {
                self.emit(Instr::CopyDictWithoutKeys);
                self.store_name(name);
            }
            None => {
                self.emit(Instr::Pop);
            }
        }
        self.emit(Instr::Pop);
        Ok(())
    }

    /// Each alternative but the last tries a copy and, failing, falls to
    /// the next; the last one fails as the whole pattern does.
    fn or_pattern(
        &mut self,
        alternatives: &[Pattern],
        fail: &mut Fail,
        below: usize,
    ) -> Result<()> {
        let names = bound_names(&alternatives[0]);
        for (i, alt) in alternatives.iter().enumerate() {
            if i + 1 < alternatives.len() {
                check_reachable(alt)?;
            }
            let mut these = bound_names(alt);
            these.sort();
            let mut first = names.clone();
            first.sort();
            if these != first {
                return err("alternative patterns bind different names", alt.loc);
            }
        }
        let end = self.label();
        let (last, rest) = alternatives
            .split_last()
            .expect("an or-pattern has alternatives");
        for alt in rest {
            let mut alt_fail = Fail::default();
            self.emit(Instr::Copy(0));
            self.pattern(alt, &mut alt_fail, 0)?;
            self.emit(Instr::Pop);
            self.jump(Instr::Jump, end);
            self.fail_chain(alt_fail);
        }
        self.pattern(last, fail, below)?;
        self.bind(end);
        Ok(())
    }
}

/// The names `p` binds, in order.
fn bound_names(p: &Pattern) -> Vec<String> {
    let mut out = Vec::new();
    collect_names(p, &mut out);
    out
}

fn collect_names(p: &Pattern, out: &mut Vec<String>) {
    match &p.kind {
        PatternKind::MatchValue { .. } | PatternKind::MatchSingleton { .. } => {}
        PatternKind::MatchSequence { patterns } => {
            patterns.iter().for_each(|q| collect_names(q, out))
        }
        PatternKind::MatchMapping { patterns, rest, .. } => {
            patterns.iter().for_each(|q| collect_names(q, out));
            out.extend(rest.iter().cloned());
        }
        PatternKind::MatchClass {
            patterns,
            kwd_patterns,
            ..
        } => patterns
            .iter()
            .chain(kwd_patterns)
            .for_each(|q| collect_names(q, out)),
        PatternKind::MatchStar { name } => out.extend(name.iter().cloned()),
        PatternKind::MatchAs { pattern, name } => {
            if let Some(q) = pattern {
                collect_names(q, out);
            }
            out.extend(name.iter().cloned());
        }
        // The alternatives bind the same names (checked where compiled).
        PatternKind::MatchOr { patterns } => collect_names(&patterns[0], out),
    }
}

/// "multiple assignments to name 'x' in pattern".
fn check_unique_names(p: &Pattern) -> Result<()> {
    let names = bound_names(p);
    for (i, n) in names.iter().enumerate() {
        if names[..i].contains(n) {
            return err(
                format!("multiple assignments to name '{n}' in pattern"),
                p.loc,
            );
        }
    }
    Ok(())
}

/// A pattern that matches anything (a capture or `_`, maybe under `as` or
/// in an or-pattern) leaves the cases or alternatives after it unreachable.
fn check_reachable(p: &Pattern) -> Result<()> {
    match irrefutable(p) {
        Some(Some(name)) => err(
            format!("name capture '{name}' makes remaining patterns unreachable"),
            p.loc,
        ),
        Some(None) => err("wildcard makes remaining patterns unreachable", p.loc),
        None => Ok(()),
    }
}

/// `Some(capture name or None for a wildcard)` if `p` always matches.
fn irrefutable(p: &Pattern) -> Option<Option<&str>> {
    match &p.kind {
        PatternKind::MatchAs {
            pattern: None,
            name,
        } => Some(name.as_deref()),
        PatternKind::MatchAs {
            pattern: Some(inner),
            ..
        } => irrefutable(inner),
        PatternKind::MatchOr { patterns } => patterns.iter().find_map(irrefutable),
        _ => None,
    }
}
