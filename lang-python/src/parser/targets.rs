//! Assignment and deletion targets. The parser reads a target as an
//! expression and then checks and converts it here (contexts `Store` or
//! `Del`), so that a wrong target gets CPython's message naming what it
//! is: "cannot assign to function call", "cannot delete literal".

use super::{PResult, Parser};
use crate::ast::*;

/// What CPython calls an expression in "cannot assign to …".
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    use ExprKind::*;
    match &e.kind {
        Attribute { .. } => "attribute",
        Subscript { .. } => "subscript",
        Starred { .. } => "starred",
        Name { .. } => "name",
        List { .. } => "list",
        Tuple { .. } => "tuple",
        Lambda { .. } => "lambda",
        Call { .. } => "function call",
        BoolOp { .. } | BinOp { .. } | UnaryOp { .. } => "expression",
        GeneratorExp { .. } => "generator expression",
        Yield { .. } | YieldFrom { .. } => "yield expression",
        ListComp { .. } => "list comprehension",
        SetComp { .. } => "set comprehension",
        DictComp { .. } => "dict comprehension",
        Dict { .. } => "dict literal",
        Set { .. } => "set display",
        JoinedStr { .. } | FormattedValue { .. } => "f-string expression",
        Constant { value, .. } => match value {
            crate::ast::Constant::None => "None",
            crate::ast::Constant::Bool(true) => "True",
            crate::ast::Constant::Bool(false) => "False",
            crate::ast::Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        Compare { .. } => "comparison",
        IfExp { .. } => "conditional expression",
        NamedExpr { .. } => "named expression",
        Slice { .. } => "slice",
    }
}

/// Can `e` be assigned to (all of it)?
pub(crate) fn is_valid_target(e: &Expr) -> bool {
    first_invalid(e, ExprContext::Store).is_none()
}

/// The first part of `e` that cannot be a target, depth first.
fn first_invalid(e: &Expr, ctx: ExprContext) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred { value, .. } if ctx == ExprContext::Store => first_invalid(value, ctx),
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|elt| first_invalid(elt, ctx))
        }
        _ => Some(e),
    }
}

/// `e` with `ctx` set on it and on its elements.
fn with_context(e: Expr, ctx: ExprContext) -> Expr {
    let Expr { kind, loc } = e;
    let set_all = |elts: Vec<Expr>| elts.into_iter().map(|elt| with_context(elt, ctx)).collect();
    let kind = match kind {
        ExprKind::Name { id, .. } => ExprKind::Name { id, ctx },
        ExprKind::Attribute { value, attr, .. } => ExprKind::Attribute { value, attr, ctx },
        ExprKind::Subscript { value, slice, .. } => ExprKind::Subscript { value, slice, ctx },
        ExprKind::Starred { value, .. } => ExprKind::Starred {
            value: Box::new(with_context(*value, ctx)),
            ctx,
        },
        ExprKind::List { elts, .. } => ExprKind::List {
            elts: set_all(elts),
            ctx,
        },
        ExprKind::Tuple { elts, .. } => ExprKind::Tuple {
            elts: set_all(elts),
            ctx,
        },
        other => other,
    };
    Expr { kind, loc }
}

impl Parser<'_> {
    /// Checks `e` as a target of `for`, `with … as`, `del` or a
    /// comprehension and gives it `ctx`.
    pub(crate) fn to_target(&self, e: Expr, ctx: ExprContext) -> PResult<Expr> {
        if let Some(bad) = first_invalid(&e, ctx) {
            let verb = if ctx == ExprContext::Del {
                "delete"
            } else {
                "assign to"
            };
            return Err(self.error_at(&format!("cannot {verb} {}", expr_name(bad)), bad.loc));
        }
        Ok(with_context(e, ctx))
    }

    /// A target of `=`. With a single `=`, a lone wrong target (`f() = 1`)
    /// may be a mistyped comparison, and CPython says so.
    pub(crate) fn assignment_target(
        &self,
        e: Expr,
        single_equal: bool,
        value: &Expr,
    ) -> PResult<Expr> {
        if is_valid_target(&e) {
            return Ok(with_context(e, ExprContext::Store));
        }
        // In a tuple without parentheses, its last element is the one
        // standing before the `=`.
        let unparenthesized_last = match &e.kind {
            ExprKind::Tuple { elts, .. }
                if elts.first().is_some_and(|first| {
                    first.loc.col == e.loc.col && first.loc.line == e.loc.line
                }) =>
            {
                elts.last()
            }
            _ => None,
        };
        let suspect = unparenthesized_last.unwrap_or(&e);
        let maybe_comparison = single_equal
            && !matches!(
                value.kind,
                ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }
            )
            && !matches!(
                suspect.kind,
                ExprKind::List { .. }
                    | ExprKind::Tuple { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::Compare { .. }
                    | ExprKind::BoolOp { .. }
                    | ExprKind::IfExp { .. }
                    | ExprKind::Lambda { .. }
                    | ExprKind::NamedExpr { .. }
                    | ExprKind::Starred { .. }
                    | ExprKind::Constant {
                        value: Constant::None | Constant::Bool(_),
                        ..
                    }
            )
            && !matches!(
                suspect.kind,
                ExprKind::UnaryOp {
                    op: UnaryOperator::Not,
                    ..
                }
            )
            && !is_valid_target(suspect);
        if maybe_comparison {
            let msg = format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                expr_name(suspect)
            );
            return Err(self.error_at(&msg, suspect.loc));
        }
        self.to_target(e, ExprContext::Store)
    }

    pub(crate) fn annotation_target(&self, e: Expr) -> PResult<Expr> {
        match e.kind {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                Ok(with_context(e, ExprContext::Store))
            }
            ExprKind::Tuple { ref elts, .. } => {
                // Without parentheses, CPython points at the first element.
                let loc = match elts.first() {
                    Some(first) if first.loc.col == e.loc.col && first.loc.line == e.loc.line => {
                        first.loc
                    }
                    _ => e.loc,
                };
                Err(self.error_at("only single target (not tuple) can be annotated", loc))
            }
            ExprKind::List { .. } => {
                Err(self.error_at("only single target (not list) can be annotated", e.loc))
            }
            _ => Err(self.error_at("illegal target for annotation", e.loc)),
        }
    }

    pub(crate) fn augmented_target(&self, e: Expr) -> PResult<Expr> {
        match e.kind {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                Ok(with_context(e, ExprContext::Store))
            }
            _ => {
                let msg = format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(&e)
                );
                Err(self.error_at(&msg, e.loc))
            }
        }
    }
}
