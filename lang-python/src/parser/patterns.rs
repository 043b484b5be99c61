//! The `match` statement and its patterns (PEP 634), as CPython 3.11's
//! grammar reads them: `match` and `case` are soft keywords (the statement
//! parser has already seen that `match …:` ends its line), a pattern is an
//! or-pattern with an optional `as`, and a top-level `case a, *b:` is a
//! sequence pattern without brackets. Literal and value patterns are
//! expressions; everything else is a `Pattern` node.

use super::expr::span;
use super::{PResult, Parser};
use crate::ast::*;
use crate::lexer::{Op, Tok};

fn pattern_node(kind: PatternKind, loc: Loc) -> Pattern {
    Pattern { kind, loc }
}

impl Parser<'_> {
    /// `match subject: NEWLINE INDENT case+ DEDENT`, at `match`.
    pub(crate) fn match_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().loc;
        let subject = Box::new(self.match_subject()?);
        self.expect_colon(false)?;
        if self.peek().tok != Tok::Newline {
            return Err(self.invalid_syntax());
        }
        self.advance();
        if self.peek().tok != Tok::Indent {
            let t = self.peek();
            return Err(self.error_kind(
                crate::syntax_error::ErrorKind::IndentationError,
                &format!(
                    "expected an indented block after 'match' statement on line {}",
                    start.line
                ),
                t.loc.line,
                t.loc.col + 1,
                t.loc.end_col + 1,
            ));
        }
        self.advance();
        let mut cases = Vec::new();
        while self.at_kw("case") {
            cases.push(self.case_block()?);
        }
        if cases.is_empty() || !matches!(self.peek().tok, Tok::Dedent | Tok::EndMarker) {
            return Err(self.invalid_syntax());
        }
        if self.peek().tok == Tok::Dedent {
            self.advance();
        }
        Ok(Stmt {
            kind: StmtKind::Match { subject, cases },
            loc: self.span_from(start),
        })
    }

    /// `star_named_expression ',' …` (a tuple) or a named expression.
    fn match_subject(&mut self) -> PResult<Expr> {
        let first = self.star_named_expression()?;
        if !self.at_op(Op::Comma) {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let start = first.loc;
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::Colon) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            loc: span(start, self.previous().loc),
        })
    }

    fn case_block(&mut self) -> PResult<MatchCase> {
        let case = self.advance();
        let pattern = self.top_patterns()?;
        let guard = if self.eat_kw("if") {
            Some(self.named_expression()?)
        } else {
            None
        };
        self.expect_colon(false)?;
        let body = self.block("'case' statement", case.loc.line)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    /// A case's patterns: one pattern, or several separated by commas (a
    /// sequence pattern without brackets).
    fn top_patterns(&mut self) -> PResult<Pattern> {
        let first = self.maybe_star_pattern()?;
        if !self.at_op(Op::Comma) {
            if let PatternKind::MatchStar { .. } = first.kind {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let start = first.loc;
        let mut items = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::Colon) || self.at_kw("if") {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok(pattern_node(
            PatternKind::MatchSequence { patterns: items },
            span(start, self.previous().loc),
        ))
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.at_op(Op::Star) {
            let star = self.advance().loc;
            let t = self.peek();
            let name = self.name()?;
            let name = (name != "_").then_some(name);
            return Ok(pattern_node(
                PatternKind::MatchStar { name },
                span(star, t.loc),
            ));
        }
        self.pattern()
    }

    /// `or_pattern ['as' NAME]`.
    fn pattern(&mut self) -> PResult<Pattern> {
        self.nested(|p| {
            let inner = p.or_pattern()?;
            if !p.at_kw("as") {
                return Ok(inner);
            }
            p.advance();
            let t = p.peek();
            let name = p.name()?;
            if name == "_" {
                return Err(p.error_at("cannot use '_' as a target", t.loc));
            }
            let loc = span(inner.loc, t.loc);
            Ok(pattern_node(
                PatternKind::MatchAs {
                    pattern: Some(Box::new(inner)),
                    name: Some(name),
                },
                loc,
            ))
        })
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let first = self.closed_pattern()?;
        if !self.at_op(Op::VBar) {
            return Ok(first);
        }
        let start = first.loc;
        let mut alternatives = vec![first];
        while self.eat_op(Op::VBar) {
            alternatives.push(self.closed_pattern()?);
        }
        Ok(pattern_node(
            PatternKind::MatchOr {
                patterns: alternatives,
            },
            span(start, self.previous().loc),
        ))
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let t = self.peek();
        match t.tok {
            Tok::Number | Tok::Str | Tok::Op(Op::Minus) => {
                let value = self.literal_expr()?;
                let loc = value.loc;
                Ok(pattern_node(
                    PatternKind::MatchValue {
                        value: Box::new(value),
                    },
                    loc,
                ))
            }
            Tok::Name => {
                let text = self.text(t);
                let singleton = match text {
                    "None" => Some(Constant::None),
                    "True" => Some(Constant::Bool(true)),
                    "False" => Some(Constant::Bool(false)),
                    _ => None,
                };
                if let Some(value) = singleton {
                    self.advance();
                    return Ok(pattern_node(PatternKind::MatchSingleton { value }, t.loc));
                }
                self.name_pattern()
            }
            Tok::Op(Op::LPar) => self.group_or_tuple_pattern(),
            Tok::Op(Op::LSqb) => {
                let open = self.advance().loc;
                let items = self.pattern_items(Op::RSqb)?;
                self.expect_op(Op::RSqb)?;
                Ok(pattern_node(
                    PatternKind::MatchSequence { patterns: items },
                    span(open, self.previous().loc),
                ))
            }
            Tok::Op(Op::LBrace) => self.mapping_pattern(),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// A signed number, a complex literal `a ± bj`, or strings.
    fn literal_expr(&mut self) -> PResult<Expr> {
        if self.peek().tok == Tok::Str {
            return self.strings();
        }
        let start = self.peek().loc;
        let mut value = self.signed_number()?;
        if let Tok::Op(op @ (Op::Plus | Op::Minus)) = self.peek().tok {
            if self.peek_at(1).tok == Tok::Number {
                self.advance();
                let right = self.signed_number()?;
                let op = if op == Op::Plus {
                    Operator::Add
                } else {
                    Operator::Sub
                };
                value = Expr {
                    kind: ExprKind::BinOp {
                        left: Box::new(value),
                        op,
                        right: Box::new(right),
                    },
                    loc: span(start, self.previous().loc),
                };
            }
        }
        Ok(value)
    }

    fn signed_number(&mut self) -> PResult<Expr> {
        let start = self.peek().loc;
        let negative = self.eat_op(Op::Minus);
        let t = self.peek();
        if t.tok != Tok::Number {
            return Err(self.invalid_syntax());
        }
        self.advance();
        let value = self.number(t)?;
        let number = Expr {
            kind: ExprKind::Constant { value, kind: None },
            loc: t.loc,
        };
        if !negative {
            return Ok(number);
        }
        Ok(Expr {
            kind: ExprKind::UnaryOp {
                op: UnaryOperator::USub,
                operand: Box::new(number),
            },
            loc: span(start, t.loc),
        })
    }

    /// A capture (`x`), the wildcard `_`, a value (`a.b`) or a class
    /// pattern (`C(…)`, `a.C(…)`).
    fn name_pattern(&mut self) -> PResult<Pattern> {
        let start = self.peek().loc;
        let first = self.name()?;
        let mut value = Expr {
            kind: ExprKind::Name {
                id: first.clone(),
                ctx: ExprContext::Load,
            },
            loc: start,
        };
        let mut dotted = false;
        while self.eat_op(Op::Dot) {
            let attr = self.name()?;
            dotted = true;
            value = Expr {
                kind: ExprKind::Attribute {
                    value: Box::new(value),
                    attr,
                    ctx: ExprContext::Load,
                },
                loc: span(start, self.previous().loc),
            };
        }
        if self.at_op(Op::LPar) {
            return self.class_pattern(value);
        }
        if dotted {
            let loc = value.loc;
            return Ok(pattern_node(
                PatternKind::MatchValue {
                    value: Box::new(value),
                },
                loc,
            ));
        }
        let name = (first != "_").then_some(first);
        Ok(pattern_node(
            PatternKind::MatchAs {
                pattern: None,
                name,
            },
            start,
        ))
    }

    fn class_pattern(&mut self, cls: Expr) -> PResult<Pattern> {
        self.advance();
        let mut positional = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.at_op(Op::RPar) {
            let t = self.peek();
            if t.tok == Tok::Name && self.peek_at(1).tok == Tok::Op(Op::Equal) {
                let attr = self.name()?;
                self.advance();
                kwd_attrs.push(attr);
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(self.error_at("positional patterns follow keyword patterns", p.loc));
                }
                positional.push(p);
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RPar)?;
        let loc = span(cls.loc, self.previous().loc);
        Ok(pattern_node(
            PatternKind::MatchClass {
                cls: Box::new(cls),
                patterns: positional,
                kwd_attrs,
                kwd_patterns,
            },
            loc,
        ))
    }

    /// `(pattern)` (just the pattern), `()` or `(p,)`/`(p, q…)` (a
    /// sequence pattern).
    fn group_or_tuple_pattern(&mut self) -> PResult<Pattern> {
        let open = self.advance().loc;
        if self.eat_op(Op::RPar) {
            return Ok(pattern_node(
                PatternKind::MatchSequence {
                    patterns: Vec::new(),
                },
                span(open, self.previous().loc),
            ));
        }
        let first = self.maybe_star_pattern()?;
        if self.eat_op(Op::RPar) {
            if let PatternKind::MatchStar { .. } = first.kind {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        self.expect_op(Op::Comma)?;
        let mut items = vec![first];
        items.extend(self.pattern_items(Op::RPar)?);
        self.expect_op(Op::RPar)?;
        Ok(pattern_node(
            PatternKind::MatchSequence { patterns: items },
            span(open, self.previous().loc),
        ))
    }

    /// Comma-separated (star) patterns up to `close`, a trailing comma
    /// allowed.
    fn pattern_items(&mut self, close: Op) -> PResult<Vec<Pattern>> {
        let mut items = Vec::new();
        while !self.at_op(close) {
            items.push(self.maybe_star_pattern()?);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(items)
    }

    /// `{key: pattern, …, **rest}`: keys are literals or dotted names.
    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let open = self.advance().loc;
        let mut keys = Vec::new();
        let mut values = Vec::new();
        let mut rest = None;
        while !self.at_op(Op::RBrace) {
            if self.eat_op(Op::DoubleStar) {
                let name = self.name()?;
                if name == "_" {
                    return Err(self.invalid_syntax());
                }
                rest = Some(name);
                self.eat_op(Op::Comma);
                break;
            }
            let t = self.peek();
            let key = match t.tok {
                Tok::Name if matches!(self.text(t), "None" | "True" | "False") => {
                    self.advance();
                    let value = match self.text(t) {
                        "None" => Constant::None,
                        "True" => Constant::Bool(true),
                        _ => Constant::Bool(false),
                    };
                    Expr {
                        kind: ExprKind::Constant { value, kind: None },
                        loc: t.loc,
                    }
                }
                Tok::Name => match self.name_pattern()?.kind {
                    PatternKind::MatchValue { value } => *value,
                    _ => return Err(self.invalid_syntax()),
                },
                _ => self.literal_expr()?,
            };
            self.expect_op(Op::Colon)?;
            keys.push(key);
            values.push(self.pattern()?);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RBrace)?;
        Ok(pattern_node(
            PatternKind::MatchMapping {
                keys,
                patterns: values,
                rest,
            },
            span(open, self.previous().loc),
        ))
    }
}
