//! Expressions: from `star_expressions` (a tuple without parentheses) down
//! to atoms, following the precedence of Python 3.11's grammar. Binary
//! operators use precedence climbing; comparisons, `and` and `or` build
//! one flat node for a whole chain, as CPython's AST has it. Also function
//! parameters and call arguments, shared with `def`, `lambda` and `class`.

use super::{is_keyword, PResult, Parser};
use crate::ast::*;
use crate::lexer::{Op, Tok};

/// Binary operators and their precedence, loosest first.
fn binary_operator(tok: Tok) -> Option<(Operator, u8)> {
    let Tok::Op(op) = tok else { return None };
    Some(match op {
        Op::VBar => (Operator::BitOr, 1),
        Op::Circumflex => (Operator::BitXor, 2),
        Op::Amper => (Operator::BitAnd, 3),
        Op::LeftShift => (Operator::LShift, 4),
        Op::RightShift => (Operator::RShift, 4),
        Op::Plus => (Operator::Add, 5),
        Op::Minus => (Operator::Sub, 5),
        Op::Star => (Operator::Mult, 6),
        Op::Slash => (Operator::Div, 6),
        Op::DoubleSlash => (Operator::FloorDiv, 6),
        Op::Percent => (Operator::Mod, 6),
        Op::At => (Operator::MatMult, 6),
        _ => return None,
    })
}

pub(crate) fn span(start: Loc, end: Loc) -> Loc {
    Loc {
        line: start.line,
        col: start.col,
        end_line: end.end_line,
        end_col: end.end_col,
    }
}

fn expr(kind: ExprKind, loc: Loc) -> Expr {
    Expr { kind, loc }
}

impl Parser<'_> {
    /// `eval` input: expressions without stars, a tuple if commas.
    pub(crate) fn expressions(&mut self) -> PResult<Expr> {
        let start = self.peek().loc;
        let first = self.expression()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_tuple_end() {
                break;
            }
            elts.push(self.expression()?);
        }
        let loc = span(start, self.previous().loc);
        Ok(expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            loc,
        ))
    }

    /// `a, *b, c` (a tuple when there is a comma) or a single expression.
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.peek().loc;
        let first = self.star_expression()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_tuple_end() {
                break;
            }
            elts.push(self.star_expression()?);
        }
        let loc = span(start, self.previous().loc);
        Ok(expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            loc,
        ))
    }

    /// After a comma: does the tuple end here (a trailing comma)?
    fn at_tuple_end(&self) -> bool {
        matches!(
            self.peek().tok,
            Tok::Newline
                | Tok::EndMarker
                | Tok::Op(
                    Op::Semi
                        | Op::Equal
                        | Op::RPar
                        | Op::RSqb
                        | Op::RBrace
                        | Op::Colon
                        | Op::PlusEqual
                        | Op::MinEqual
                        | Op::StarEqual
                        | Op::SlashEqual
                        | Op::PercentEqual
                        | Op::AmperEqual
                        | Op::VBarEqual
                        | Op::CircumflexEqual
                        | Op::LeftShiftEqual
                        | Op::RightShiftEqual
                        | Op::DoubleStarEqual
                        | Op::DoubleSlashEqual
                        | Op::AtEqual
                )
        ) || self.at_kw("in")
    }

    pub(crate) fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let star = self.advance();
            let value = self.nested(|p| p.bitwise_or())?;
            let loc = span(star.loc, self.previous().loc);
            return Ok(expr(
                ExprKind::Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Load,
                },
                loc,
            ));
        }
        self.expression()
    }

    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            return self.star_expression();
        }
        self.named_expression()
    }

    /// `name := value`, or an expression.
    pub(crate) fn named_expression(&mut self) -> PResult<Expr> {
        if self.at_name() && self.peek_at(1).tok == Tok::Op(Op::ColonEqual) {
            let t = self.advance();
            self.advance();
            let value = self.nested(|p| p.expression())?;
            let loc = span(t.loc, self.previous().loc);
            let target = expr(
                ExprKind::Name {
                    id: self.text(t).to_string(),
                    ctx: ExprContext::Store,
                },
                t.loc,
            );
            return Ok(expr(
                ExprKind::NamedExpr {
                    target: Box::new(target),
                    value: Box::new(value),
                },
                loc,
            ));
        }
        let e = self.expression()?;
        if self.at_op(Op::ColonEqual) {
            let what = super::targets::expr_name(&e);
            return Err(self.error_at(
                &format!("cannot use assignment expressions with {what}"),
                e.loc,
            ));
        }
        if self.at_op(Op::Equal) {
            return Err(self.misplaced_equal(e));
        }
        Ok(e)
    }

    /// `x = 1` where only an expression may stand (`if x = 1:`).
    fn misplaced_equal(&mut self, e: Expr) -> crate::syntax_error::SyntaxError {
        if let ExprKind::Name { .. } = e.kind {
            let value_end = self.speculate(|p| {
                p.advance();
                match p.bitwise_or() {
                    Ok(v) if !p.at_op(Op::Equal) && !p.at_op(Op::ColonEqual) => Some(v.loc),
                    _ => None,
                }
            });
            return match value_end {
                Some(end) => self.error_at(
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    span(e.loc, end),
                ),
                None => self.invalid_syntax(),
            };
        }
        // CPython suggests `==` only if a value follows the `=`.
        let value_follows = self.speculate(|p| {
            p.advance();
            p.bitwise_or().is_ok() && !p.at_op(Op::Equal) && !p.at_op(Op::ColonEqual)
        });
        if super::targets::is_valid_target(&e) || !value_follows {
            return self.invalid_syntax();
        }
        let what = super::targets::expr_name(&e);
        self.error_at(
            &format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
            e.loc,
        )
    }

    /// `a if b else c`, `lambda`, or a disjunction.
    pub(crate) fn expression(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.nested(|p| p.lambda());
        }
        let start = self.peek().loc;
        let body = self.disjunction()?;
        if !self.at_kw("if") {
            return Ok(body);
        }
        self.advance();
        let test = self.disjunction()?;
        if !self.eat_kw("else") {
            if self.at_op(Op::Colon) {
                return Err(self.invalid_syntax());
            }
            let loc = span(body.loc, test.loc);
            return Err(self.error_at("expected 'else' after 'if' expression", loc));
        }
        let orelse = self.nested(|p| p.expression())?;
        let loc = span(start, self.previous().loc);
        Ok(expr(
            ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            },
            loc,
        ))
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.advance().loc;
        let args = self.parameters(Op::Colon, false)?;
        self.expect_op(Op::Colon)?;
        let body = self.expression()?;
        let loc = span(start, self.previous().loc);
        Ok(expr(
            ExprKind::Lambda {
                args: Box::new(args),
                body: Box::new(body),
            },
            loc,
        ))
    }

    fn disjunction(&mut self) -> PResult<Expr> {
        self.bool_chain("or", BoolOperator::Or)
    }

    fn bool_chain(&mut self, kw: &str, op: BoolOperator) -> PResult<Expr> {
        let operand = |p: &mut Self| {
            if op == BoolOperator::Or {
                p.bool_chain("and", BoolOperator::And)
            } else {
                p.inversion()
            }
        };
        let start = self.peek().loc;
        let first = operand(self)?;
        if !self.at_kw(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(kw) {
            values.push(operand(self)?);
        }
        let loc = span(start, self.previous().loc);
        Ok(expr(ExprKind::BoolOp { op, values }, loc))
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if self.at_kw("not") {
            let start = self.advance().loc;
            let operand = self.nested(|p| p.inversion())?;
            let loc = span(start, self.previous().loc);
            return Ok(expr(
                ExprKind::UnaryOp {
                    op: UnaryOperator::Not,
                    operand: Box::new(operand),
                },
                loc,
            ));
        }
        self.comparison()
    }

    fn comparison_operator(&mut self) -> Option<CmpOperator> {
        let t = self.peek();
        let op = match t.tok {
            Tok::Op(Op::EqEqual) => CmpOperator::Eq,
            Tok::Op(Op::NotEqual) => CmpOperator::NotEq,
            Tok::Op(Op::Less) => CmpOperator::Lt,
            Tok::Op(Op::LessEqual) => CmpOperator::LtE,
            Tok::Op(Op::Greater) => CmpOperator::Gt,
            Tok::Op(Op::GreaterEqual) => CmpOperator::GtE,
            Tok::Name => match self.text(t) {
                "in" => CmpOperator::In,
                "is" if self.peek_at(1).tok == Tok::Name && self.text(self.peek_at(1)) == "not" => {
                    self.advance();
                    CmpOperator::IsNot
                }
                "is" => CmpOperator::Is,
                "not" if self.peek_at(1).tok == Tok::Name && self.text(self.peek_at(1)) == "in" => {
                    self.advance();
                    CmpOperator::NotIn
                }
                _ => return None,
            },
            _ => return None,
        };
        self.advance();
        Some(op)
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.peek().loc;
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.comparison_operator() {
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let loc = span(start, self.previous().loc);
        Ok(expr(
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            loc,
        ))
    }

    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    /// Operators of precedence `min` and tighter; a chain of them nests to
    /// the left, and its length counts toward the nesting limit.
    fn binary(&mut self, min: u8) -> PResult<Expr> {
        let start = self.peek().loc;
        let mut left = self.factor()?;
        let mut chain = 0;
        while let Some((op, prec)) = binary_operator(self.peek().tok) {
            if prec < min {
                break;
            }
            self.advance();
            let right = self.nested(|p| p.binary(prec + 1))?;
            chain += 1;
            if chain > 1 && chain % 64 == 0 {
                self.chain_limit(chain)?;
            }
            let loc = span(start, self.previous().loc);
            left = expr(
                ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
                loc,
            );
        }
        Ok(left)
    }

    /// A chain of `length` left-nested nodes must stay within the nesting
    /// limit like any other nesting.
    fn chain_limit(&mut self, length: u32) -> PResult<()> {
        self.nested(|p| {
            if length > super::MAX_DEPTH {
                let t = p.previous();
                return Err(p.error_range(
                    "too many nested expressions",
                    t.loc.line,
                    t.loc.col,
                    t.loc.end_col,
                ));
            }
            Ok(())
        })
    }

    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.peek().tok {
            Tok::Op(Op::Minus) => UnaryOperator::USub,
            Tok::Op(Op::Plus) => UnaryOperator::UAdd,
            Tok::Op(Op::Tilde) => UnaryOperator::Invert,
            _ => return self.power(),
        };
        let start = self.advance().loc;
        let operand = self.nested(|p| p.factor())?;
        let loc = span(start, self.previous().loc);
        Ok(expr(
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
            loc,
        ))
    }

    fn power(&mut self) -> PResult<Expr> {
        if self.at_kw("await") {
            // No function here is async (this interpreter has no `async
            // def`), so an `await` is always where CPython refuses it.
            let t = self.peek();
            let msg = if self.def_depth == 0 {
                "'await' outside function"
            } else {
                "'await' outside async function"
            };
            return Err(self.error_range(msg, t.loc.line, t.loc.col, t.loc.end_col));
        }
        let start = self.peek().loc;
        let base = self.primary()?;
        if !self.eat_op(Op::DoubleStar) {
            return Ok(base);
        }
        let exponent = self.nested(|p| p.factor())?;
        let loc = span(start, self.previous().loc);
        Ok(expr(
            ExprKind::BinOp {
                left: Box::new(base),
                op: Operator::Pow,
                right: Box::new(exponent),
            },
            loc,
        ))
    }

    /// An atom followed by attribute accesses, calls and subscripts.
    pub(crate) fn primary(&mut self) -> PResult<Expr> {
        let start = self.peek().loc;
        let mut e = self.atom()?;
        let mut chain = 0;
        loop {
            match self.peek().tok {
                Tok::Op(Op::Dot) => {
                    self.advance();
                    let attr = self.name()?;
                    e = expr(
                        ExprKind::Attribute {
                            value: Box::new(e),
                            attr,
                            ctx: ExprContext::Load,
                        },
                        span(start, self.previous().loc),
                    );
                }
                Tok::Op(Op::LPar) => {
                    self.advance();
                    let (args, keywords) = self.call_arguments()?;
                    self.expect_op(Op::RPar)?;
                    e = expr(
                        ExprKind::Call {
                            func: Box::new(e),
                            args,
                            keywords,
                        },
                        span(start, self.previous().loc),
                    );
                }
                Tok::Op(Op::LSqb) => {
                    self.advance();
                    let slice = self.slices()?;
                    self.expect_op(Op::RSqb)?;
                    e = expr(
                        ExprKind::Subscript {
                            value: Box::new(e),
                            slice: Box::new(slice),
                            ctx: ExprContext::Load,
                        },
                        span(start, self.previous().loc),
                    );
                }
                _ => return Ok(e),
            }
            chain += 1;
            if chain % 64 == 0 {
                self.chain_limit(chain)?;
            }
        }
    }

    /// The inside of `[...]` after a value: one slice or expression, or a
    /// tuple of them.
    fn slices(&mut self) -> PResult<Expr> {
        let first = self.slice()?;
        if !self.at_op(Op::Comma) {
            if !self.at_op(Op::RSqb) {
                return Err(self.missing_comma_or_invalid(&first));
            }
            return Ok(first);
        }
        let start = first.loc;
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RSqb) {
                break;
            }
            elts.push(self.slice()?);
        }
        if !self.at_op(Op::RSqb) {
            return Err(self.missing_comma_or_invalid(&elts[elts.len() - 1]));
        }
        Ok(expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            span(start, self.previous().loc),
        ))
    }

    fn slice(&mut self) -> PResult<Expr> {
        let start = self.peek().loc;
        let lower = if self.at_op(Op::Colon) {
            None
        } else if self.at_op(Op::Star) {
            return self.star_expression();
        } else {
            let e = self.named_expression()?;
            if !self.at_op(Op::Colon) {
                return Ok(e);
            }
            Some(Box::new(e))
        };
        self.advance();
        let bound_ends =
            |p: &Self| matches!(p.peek().tok, Tok::Op(Op::Colon | Op::Comma | Op::RSqb));
        let upper = if bound_ends(self) {
            None
        } else {
            Some(Box::new(self.expression()?))
        };
        let step = if self.eat_op(Op::Colon) && !bound_ends(self) {
            Some(Box::new(self.expression()?))
        } else {
            None
        };
        Ok(expr(
            ExprKind::Slice { lower, upper, step },
            span(start, self.previous().loc),
        ))
    }

    fn atom(&mut self) -> PResult<Expr> {
        let t = self.peek();
        match t.tok {
            Tok::Name => {
                let text = self.text(t);
                let value = match text {
                    "True" => Constant::Bool(true),
                    "False" => Constant::Bool(false),
                    "None" => Constant::None,
                    _ if is_keyword(text) => return Err(self.invalid_syntax()),
                    _ => {
                        self.advance();
                        return Ok(expr(
                            ExprKind::Name {
                                id: text.to_string(),
                                ctx: ExprContext::Load,
                            },
                            t.loc,
                        ));
                    }
                };
                self.advance();
                Ok(expr(ExprKind::Constant { value, kind: None }, t.loc))
            }
            Tok::Number => {
                self.advance();
                let value = self.number(t)?;
                Ok(expr(ExprKind::Constant { value, kind: None }, t.loc))
            }
            Tok::Str => self.strings(),
            Tok::Op(Op::Ellipsis) => {
                self.advance();
                Ok(expr(
                    ExprKind::Constant {
                        value: Constant::Ellipsis,
                        kind: None,
                    },
                    t.loc,
                ))
            }
            Tok::Op(Op::LPar) => self.nested(|p| p.parenthesized()),
            Tok::Op(Op::LSqb) => self.nested(|p| p.list_display()),
            Tok::Op(Op::LBrace) => self.nested(|p| p.brace_display()),
            _ => Err(self.invalid_syntax()),
        }
    }

    fn parenthesized(&mut self) -> PResult<Expr> {
        let open = self.advance();
        if self.eat_op(Op::RPar) {
            return Ok(expr(
                ExprKind::Tuple {
                    elts: Vec::new(),
                    ctx: ExprContext::Load,
                },
                span(open.loc, self.previous().loc),
            ));
        }
        if self.at_kw("yield") {
            let e = self.yield_expr()?;
            self.expect_op(Op::RPar)?;
            return Ok(e);
        }
        if self.at_op(Op::DoubleStar) {
            let star = self.advance();
            let value = self.expression()?;
            if !self.at_op(Op::RPar) {
                return Err(self.missing_comma_or_invalid(&value));
            }
            let loc = span(star.loc, value.loc);
            return Err(self.error_at("cannot use double starred expression here", loc));
        }
        let first = self.star_named_expression()?;
        if self.at_kw("for") {
            let generators = self.comprehension_clauses()?;
            self.expect_op(Op::RPar)?;
            return Ok(expr(
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                span(open.loc, self.previous().loc),
            ));
        }
        if self.eat_op(Op::RPar) {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(self.error_at("cannot use starred expression here", first.loc));
            }
            return Ok(first);
        }
        if !self.at_op(Op::Comma) {
            return Err(self.missing_comma_or_invalid(&first));
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RPar) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        if !self.at_op(Op::RPar) {
            return Err(self.missing_comma_or_invalid(&elts[elts.len() - 1]));
        }
        self.advance();
        Ok(expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            span(open.loc, self.previous().loc),
        ))
    }

    /// Inside brackets, an expression followed by another one: CPython
    /// suggests a missing comma (from the first to the second).
    pub(crate) fn missing_comma_or_invalid(
        &mut self,
        before: &Expr,
    ) -> crate::syntax_error::SyntaxError {
        let t = self.peek();
        let starts_expression = match t.tok {
            Tok::Name => {
                !is_keyword(self.text(t))
                    || matches!(self.text(t), "True" | "False" | "None" | "not" | "lambda")
            }
            Tok::Number | Tok::Str => true,
            Tok::Op(Op::LPar | Op::LSqb | Op::LBrace | Op::Tilde | Op::Ellipsis) => true,
            _ => false,
        };
        // CPython makes no suggestion after a starred expression or
        // between a name and a string (`f 'x'`).
        let name_then_string = matches!(before.kind, ExprKind::Name { .. }) && t.tok == Tok::Str;
        if !starts_expression || name_then_string || matches!(before.kind, ExprKind::Starred { .. })
        {
            return self.invalid_syntax();
        }
        // CPython's second expression may be a shorter one than a failed
        // conditional expression (`x y if z` without `else`).
        let next = self
            .speculate(|p| p.expression().ok())
            .or_else(|| self.speculate(|p| p.disjunction().ok()));
        match next {
            Some(next) => self.error_at(
                "invalid syntax. Perhaps you forgot a comma?",
                span(before.loc, next.loc),
            ),
            None => self.invalid_syntax(),
        }
    }

    fn list_display(&mut self) -> PResult<Expr> {
        let open = self.advance();
        let mut elts = Vec::new();
        if !self.at_op(Op::RSqb) {
            let first = self.star_named_expression()?;
            if self.at_kw("for") {
                let generators = self.comprehension_clauses()?;
                self.expect_op(Op::RSqb)?;
                return Ok(expr(
                    ExprKind::ListComp {
                        elt: Box::new(first),
                        generators,
                    },
                    span(open.loc, self.previous().loc),
                ));
            }
            elts.push(first);
            while self.eat_op(Op::Comma) {
                if self.at_op(Op::RSqb) {
                    break;
                }
                elts.push(self.star_named_expression()?);
            }
            if !self.at_op(Op::RSqb) {
                return Err(self.missing_comma_or_invalid(&elts[elts.len() - 1]));
            }
        }
        self.advance();
        Ok(expr(
            ExprKind::List {
                elts,
                ctx: ExprContext::Load,
            },
            span(open.loc, self.previous().loc),
        ))
    }

    /// `{}`, `{k: v, **m}`, `{a, *b}` and their comprehensions.
    fn brace_display(&mut self) -> PResult<Expr> {
        let open = self.advance();
        if self.eat_op(Op::RBrace) {
            return Ok(expr(
                ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
                span(open.loc, self.previous().loc),
            ));
        }
        // The first item tells a dict from a set.
        let (first_key, first_value) = if self.eat_op(Op::DoubleStar) {
            (None, Some(self.bitwise_or()?))
        } else {
            let e = self.star_named_expression()?;
            if self.eat_op(Op::Colon) {
                (Some(e), Some(self.dict_value()?))
            } else {
                (Some(e), None)
            }
        };
        let Some(first_value) = first_value else {
            let first = first_key.unwrap_or_else(|| unreachable!("a set item has a value"));
            if self.at_kw("for") {
                let generators = self.comprehension_clauses()?;
                self.expect_op(Op::RBrace)?;
                return Ok(expr(
                    ExprKind::SetComp {
                        elt: Box::new(first),
                        generators,
                    },
                    span(open.loc, self.previous().loc),
                ));
            }
            let mut elts = vec![first];
            while self.eat_op(Op::Comma) {
                if self.at_op(Op::RBrace) {
                    break;
                }
                elts.push(self.star_named_expression()?);
            }
            if !self.at_op(Op::RBrace) {
                return Err(self.missing_comma_or_invalid(&elts[elts.len() - 1]));
            }
            self.advance();
            return Ok(expr(
                ExprKind::Set { elts },
                span(open.loc, self.previous().loc),
            ));
        };
        if let Some(key) = &first_key {
            if self.at_kw("for") {
                let key = key.clone();
                let generators = self.comprehension_clauses()?;
                self.expect_op(Op::RBrace)?;
                return Ok(expr(
                    ExprKind::DictComp {
                        key: Box::new(key),
                        value: Box::new(first_value),
                        generators,
                    },
                    span(open.loc, self.previous().loc),
                ));
            }
        }
        let mut keys = vec![first_key];
        let mut values = vec![first_value];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RBrace) {
                break;
            }
            if self.eat_op(Op::DoubleStar) {
                keys.push(None);
                values.push(self.bitwise_or()?);
            } else {
                let key = self.expression()?;
                if !self.at_op(Op::Colon) {
                    if matches!(self.peek().tok, Tok::Op(Op::Comma | Op::RBrace)) {
                        // CPython's caret: the key's last character.
                        let at = key.loc.end_col.saturating_sub(1);
                        return Err(self.error_range(
                            "':' expected after dictionary key",
                            key.loc.end_line,
                            at,
                            at,
                        ));
                    }
                    return Err(self.missing_comma_or_invalid(&key));
                }
                self.advance();
                keys.push(Some(key));
                values.push(self.dict_value()?);
            }
        }
        if !self.at_op(Op::RBrace) {
            return Err(self.missing_comma_or_invalid(&values[values.len() - 1]));
        }
        self.advance();
        Ok(expr(
            ExprKind::Dict { keys, values },
            span(open.loc, self.previous().loc),
        ))
    }

    /// A dict display's value, after its key's `:`.
    fn dict_value(&mut self) -> PResult<Expr> {
        if matches!(self.peek().tok, Tok::Op(Op::RBrace | Op::Comma)) {
            let colon = self.previous().loc;
            return Err(self.error_at("expression expected after dictionary key and ':'", colon));
        }
        self.expression()
    }

    /// `for target in iter if cond …`, one or more.
    pub(crate) fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while self.at_kw("for") {
            self.advance();
            let target = self.for_target()?;
            if !self.eat_kw("in") {
                return Err(self.missing_comma_or_invalid(&target));
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension { target, iter, ifs });
        }
        if self.at_kw("async") {
            return Err(self.unsupported("'async' is"));
        }
        Ok(generators)
    }

    /// `yield`, `yield x, y`, `yield from x`.
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.advance().loc;
        if self.eat_kw("from") {
            let value = self.expression()?;
            let loc = span(start, self.previous().loc);
            return Ok(expr(
                ExprKind::YieldFrom {
                    value: Box::new(value),
                },
                loc,
            ));
        }
        let value = if self.at_expression_end()
            || matches!(
                self.peek().tok,
                Tok::Op(Op::RPar | Op::RSqb | Op::RBrace | Op::Equal)
            ) {
            None
        } else {
            Some(Box::new(self.star_expressions()?))
        };
        Ok(expr(
            ExprKind::Yield { value },
            span(start, self.previous().loc),
        ))
    }

    /// A `for` target: a target list, a tuple if commas, up to `in`.
    pub(crate) fn for_target(&mut self) -> PResult<Expr> {
        let first = self.star_target_expression()?;
        let e = if self.at_op(Op::Comma) {
            let start = first.loc;
            let mut elts = vec![first];
            while self.eat_op(Op::Comma) {
                if self.at_kw("in") || self.at_op(Op::Equal) {
                    break;
                }
                elts.push(self.star_target_expression()?);
            }
            expr(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                span(start, self.previous().loc),
            )
        } else {
            first
        };
        self.to_target(e, ExprContext::Store)
    }

    /// One target of a target list, as an expression (checked after).
    fn star_target_expression(&mut self) -> PResult<Expr> {
        // CPython's target grammar starts with an atom or `*`: an operator
        // or `not`/`lambda` there is the error itself.
        let t = self.peek();
        let cannot_start = matches!(t.tok, Tok::Op(Op::Minus | Op::Plus | Op::Tilde))
            || (t.tok == Tok::Name && matches!(self.text(t), "not" | "lambda" | "await"));
        if cannot_start {
            return Err(self.invalid_syntax());
        }
        if self.at_op(Op::Star) {
            let star = self.advance();
            let value = self.nested(|p| p.star_target_expression())?;
            let loc = span(star.loc, self.previous().loc);
            return Ok(expr(
                ExprKind::Starred {
                    value: Box::new(value),
                    ctx: ExprContext::Load,
                },
                loc,
            ));
        }
        self.bitwise_or()
    }

    /// A `with … as` target.
    pub(crate) fn star_target(&mut self) -> PResult<Expr> {
        let e = self.star_target_expression()?;
        self.to_target(e, ExprContext::Store)
    }

    /// Parameters of a `def` (`annotations`) or a `lambda`, up to `close`.
    pub(crate) fn parameters(&mut self, close: Op, annotations: bool) -> PResult<Arguments> {
        let mut args = Arguments::default();
        let mut seen_slash = false;
        let mut seen_star = false;
        let mut seen_default = false;
        while !self.at_op(close) {
            let t = self.peek();
            if args.kwarg.is_some() {
                return Err(self.error_range(
                    "arguments cannot follow var-keyword argument",
                    t.loc.line,
                    t.loc.col,
                    t.loc.end_col,
                ));
            }
            if self.eat_op(Op::Slash) {
                if seen_slash {
                    return Err(self.error_range(
                        "/ may appear only once",
                        t.loc.line,
                        t.loc.col,
                        t.loc.end_col,
                    ));
                }
                if seen_star {
                    return Err(self.error_range(
                        "/ must be ahead of *",
                        t.loc.line,
                        t.loc.col,
                        t.loc.end_col,
                    ));
                }
                if args.args.is_empty() {
                    return Err(self.error_range(
                        "at least one argument must precede /",
                        t.loc.line,
                        t.loc.col,
                        t.loc.end_col,
                    ));
                }
                seen_slash = true;
                args.posonlyargs = std::mem::take(&mut args.args);
            } else if self.eat_op(Op::Star) {
                if seen_star {
                    return Err(self.error_range(
                        "* argument may appear only once",
                        t.loc.line,
                        t.loc.col,
                        t.loc.end_col,
                    ));
                }
                seen_star = true;
                if self.at_op(Op::Comma) {
                    let next = self.peek_at(1);
                    if next.tok == Tok::Op(close) || next.tok == Tok::Op(Op::DoubleStar) {
                        return Err(self.error_range(
                            "named arguments must follow bare *",
                            t.loc.line,
                            t.loc.col,
                            t.loc.end_col,
                        ));
                    }
                } else if self.at_op(close) {
                    return Err(self.error_range(
                        "named arguments must follow bare *",
                        t.loc.line,
                        t.loc.col,
                        t.loc.end_col,
                    ));
                } else {
                    args.vararg = Some(self.parameter(annotations)?);
                    if self.at_op(Op::Equal) {
                        let e = self.peek();
                        return Err(self.error_range(
                            "var-positional argument cannot have default value",
                            e.loc.line,
                            e.loc.col,
                            e.loc.end_col,
                        ));
                    }
                }
            } else if self.eat_op(Op::DoubleStar) {
                args.kwarg = Some(self.parameter(annotations)?);
                if self.at_op(Op::Equal) {
                    let e = self.peek();
                    return Err(self.error_range(
                        "var-keyword argument cannot have default value",
                        e.loc.line,
                        e.loc.col,
                        e.loc.end_col,
                    ));
                }
            } else {
                let arg = self.parameter(annotations)?;
                let default = if self.eat_op(Op::Equal) {
                    Some(self.expression()?)
                } else {
                    None
                };
                if seen_star {
                    args.kwonlyargs.push(arg);
                    args.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => {
                            seen_default = true;
                            args.defaults.push(d);
                        }
                        None if seen_default => {
                            return Err(self.error_range(
                                "non-default argument follows default argument",
                                arg.loc.line,
                                arg.loc.col,
                                arg.loc.end_col,
                            ));
                        }
                        None => {}
                    }
                    args.args.push(arg);
                }
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.at_op(close) {
            return Err(self.invalid_syntax());
        }
        Ok(args)
    }

    fn parameter(&mut self, annotations: bool) -> PResult<Arg> {
        let start = self.peek().loc;
        let arg = self.name()?;
        let annotation = if annotations && self.eat_op(Op::Colon) {
            Some(Box::new(if self.at_op(Op::Star) {
                self.star_expression()?
            } else {
                self.expression()?
            }))
        } else {
            None
        };
        Ok(Arg {
            arg,
            annotation,
            loc: span(start, self.previous().loc),
        })
    }

    /// A call's arguments (or a class's bases), up to the `)`.
    pub(crate) fn call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let open = self.previous().loc;
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        // The first misplaced argument: CPython reports it at the `)`.
        let mut misplaced: Option<&str> = None;
        while !self.at_op(Op::RPar) {
            let t = self.peek();
            let has_kw_unpacking = keywords.iter().any(|k| k.arg.is_none());
            if self.at_op(Op::Star) {
                if has_kw_unpacking {
                    return Err(self.error_range(
                        "iterable argument unpacking follows keyword argument unpacking",
                        t.loc.line,
                        t.loc.col,
                        t.loc.end_col,
                    ));
                }
                // In a call, `*` takes a whole expression (`*a or b`).
                let star = self.advance();
                let value = self.nested(|p| p.expression())?;
                let loc = span(star.loc, self.previous().loc);
                args.push(expr(
                    ExprKind::Starred {
                        value: Box::new(value),
                        ctx: ExprContext::Load,
                    },
                    loc,
                ));
            } else if self.eat_op(Op::DoubleStar) {
                let value = self.expression()?;
                let loc = span(t.loc, self.previous().loc);
                keywords.push(Keyword {
                    arg: None,
                    value,
                    loc,
                });
            } else if t.tok == Tok::Name
                && (!is_keyword(self.text(t)) || matches!(self.text(t), "True" | "False" | "None"))
                && self.peek_at(1).tok == Tok::Op(Op::Equal)
            {
                let name = self.text(t);
                if matches!(name, "True" | "False" | "None") {
                    let equal = self.peek_at(1).loc;
                    return Err(
                        self.error_at(&format!("cannot assign to {name}"), span(t.loc, equal))
                    );
                }
                if is_keyword(name) {
                    return Err(self.invalid_syntax());
                }
                self.advance();
                self.advance();
                let value = self.expression()?;
                if self.at_kw("for") {
                    let loc = span(t.loc, self.previous().loc);
                    return Err(self.error_at(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        loc,
                    ));
                }
                let loc = span(t.loc, self.previous().loc);
                keywords.push(Keyword {
                    arg: Some(name.to_string()),
                    value,
                    loc,
                });
            } else {
                let value = self.named_expression_in_call()?;
                if self.at_kw("for") {
                    let generators = self.comprehension_clauses()?;
                    let bare = span(value.loc, self.previous().loc);
                    if !args.is_empty() || !keywords.is_empty() || !self.at_op(Op::RPar) {
                        return Err(
                            self.error_at("Generator expression must be parenthesized", bare)
                        );
                    }
                    // CPython's generator expression spans the call's
                    // parentheses.
                    let loc = span(open, self.peek().loc);
                    let genexp = expr(
                        ExprKind::GeneratorExp {
                            elt: Box::new(value),
                            generators,
                        },
                        loc,
                    );
                    args.push(genexp);
                } else {
                    if misplaced.is_none() && !keywords.is_empty() {
                        misplaced = Some(if has_kw_unpacking {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        });
                    }
                    args.push(value);
                }
            }
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        if !self.at_op(Op::RPar) {
            if let Some(last) = args
                .last()
                .cloned()
                .or_else(|| keywords.last().map(|k| k.value.clone()))
            {
                return Err(self.missing_comma_or_invalid(&last));
            }
            return Err(self.invalid_syntax());
        }
        if let Some(msg) = misplaced {
            let t = self.peek();
            return Err(self.error_range(msg, t.loc.line, t.loc.col, t.loc.end_col));
        }
        Ok((args, keywords))
    }

    /// A positional argument; `f(a.b=1)` gets CPython's message.
    fn named_expression_in_call(&mut self) -> PResult<Expr> {
        let e = if self.at_name() && self.peek_at(1).tok == Tok::Op(Op::ColonEqual) {
            self.named_expression()?
        } else {
            self.expression()?
        };
        if self.at_op(Op::Equal) {
            return Err(self.error_at(
                "expression cannot contain assignment, perhaps you meant \"==\"?",
                span(e.loc, self.peek().loc),
            ));
        }
        Ok(e)
    }
}
