//! Lowering of `<<...>>`: segment specifiers read and checked as Elixir's
//! expansion checks them, then an `Op::Bits` that builds the bitstring, or
//! a `Pat::Bits` that matches one.
//!
//! A segment is `value`, or `value :: spec` where the spec is specifiers
//! joined by `-`: a type (`integer`, `float`, `binary`/`bytes`,
//! `bits`/`bitstring`, `utf8/16/32`), `signed`/`unsigned`,
//! `big`/`little`/`native`, a size (`8`, `size(n)`) and `unit(u)`.
//!
//! Not here: laying out and reading bits (`crate::bitstring`).

use super::Compiler;
use crate::bitstring::{native_endian, Endian, PatSegment, SegType, Segment, Size};
use crate::code::{Op, Pat};
use crate::value::Value;
use phial_syntax::ast::*;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// A segment's specifiers as written, before defaults are filled in.
#[derive(Default)]
struct Spec<'e> {
    ty: Option<SegType>,
    signed: Option<bool>,
    endian: Option<Endian>,
    size: Option<&'e Expr>,
    unit: Option<u32>,
}

/// Why a specifier list was refused: Elixir's compile error text.
type SpecError = String;

fn type_named(name: &str) -> Option<SegType> {
    Some(match name {
        "integer" => SegType::Integer,
        "float" => SegType::Float,
        "binary" | "bytes" => SegType::Binary,
        "bits" | "bitstring" => SegType::Bits,
        "utf8" => SegType::Utf8,
        "utf16" => SegType::Utf16,
        "utf32" => SegType::Utf32,
        _ => return None,
    })
}

/// A bare name in a spec (`binary`, `little`), as a variable or a
/// no-parens call.
fn bare_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Var(n) => Some(n),
        ExprKind::Call {
            target: CallTarget::Local(n),
            args,
            block: None,
            ..
        } if args.is_empty() => Some(n),
        _ => None,
    }
}

impl<'e> Spec<'e> {
    fn read(&mut self, e: &'e Expr) -> Result<(), SpecError> {
        if let ExprKind::Binary {
            op: BinaryOp::Sub,
            lhs,
            rhs,
        } = &e.kind
        {
            self.read(lhs)?;
            return self.read(rhs);
        }
        if let ExprKind::Int(_) = e.kind {
            self.size = Some(e);
            return Ok(());
        }
        if let ExprKind::Call {
            target: CallTarget::Local(name),
            args,
            block: None,
            ..
        } = &e.kind
        {
            match (name.as_str(), args.as_slice()) {
                ("size", [n]) => {
                    self.size = Some(n);
                    return Ok(());
                }
                ("unit", [u]) => {
                    return match u.kind {
                        ExprKind::Int(u) if (1..=256).contains(&u) => {
                            self.unit = Some(u as u32);
                            Ok(())
                        }
                        _ => {
                            Err("unit in bitstring expects an integer as argument, got: ...".into())
                        }
                    };
                }
                _ => {}
            }
        }
        let Some(name) = bare_name(e) else {
            return Err("unknown bitstring specifier: ...".into());
        };
        if let Some(t) = type_named(name) {
            if let Some(old) = self.ty.filter(|old| *old != t) {
                return Err(format!(
                    "conflicting type specification for bit field: \"{}\" and \"{}\"",
                    t.name(),
                    old.name()
                ));
            }
            self.ty = Some(t);
            return Ok(());
        }
        match name {
            "signed" => self.signed = Some(true),
            "unsigned" => self.signed = Some(false),
            "big" => self.endian = Some(Endian::Big),
            "little" => self.endian = Some(Endian::Little),
            "native" => self.endian = Some(native_endian()),
            _ => return Err(format!("unknown bitstring specifier: {name}()")),
        }
        Ok(())
    }
}

/// How the compiler will supply a segment's size.
enum SizeFrom<'e> {
    Default,
    Lit(u64),
    Expr(&'e Expr),
}

impl<'k> Compiler<'k> {
    /// Splits a segment into its value and its checked layout. `inferred`
    /// is the type the value's own syntax gives (a string literal is a
    /// binary, a float literal a float).
    fn segment<'e>(&mut self, e: &'e Expr) -> Option<(&'e Expr, Segment, SizeFrom<'e>)> {
        let (value, spec_expr) = match &e.kind {
            ExprKind::Binary {
                op: BinaryOp::Type,
                lhs,
                rhs,
            } => (&**lhs, Some(&**rhs)),
            _ => (e, None),
        };
        let mut spec = Spec {
            ty: match value.kind {
                ExprKind::Str(_) => Some(SegType::Binary),
                ExprKind::Float(_) => Some(SegType::Float),
                _ => None,
            },
            ..Spec::default()
        };
        let string_literal = matches!(value.kind, ExprKind::Str(_));
        if let Some(s) = spec_expr {
            // A string literal keeps its type unless the spec names one.
            if string_literal {
                spec.ty = None;
            }
            if let Err(msg) = spec.read(s) {
                self.error(e.span.start, msg);
                return None;
            }
            if string_literal && spec.ty.is_none() {
                spec.ty = Some(SegType::Binary);
            }
        }
        let ty = spec.ty.unwrap_or(SegType::Integer);
        let utf = matches!(ty, SegType::Utf8 | SegType::Utf16 | SegType::Utf32);
        if utf && (spec.size.is_some() || spec.unit.is_some()) {
            self.error(e.span.start, "size and unit are not supported on utf types");
            return None;
        }
        let size = match spec.size {
            None => SizeFrom::Default,
            Some(Expr {
                kind: ExprKind::Int(n),
                ..
            }) if *n >= 0 => SizeFrom::Lit(*n as u64),
            Some(x) => SizeFrom::Expr(x),
        };
        let unit = spec.unit.unwrap_or(match ty {
            SegType::Binary => 8,
            _ => 1,
        });
        if ty == SegType::Float {
            let bits = match size {
                SizeFrom::Default => Some(64),
                SizeFrom::Lit(n) => Some(n * unit as u64),
                SizeFrom::Expr(_) => None,
            };
            if let Some(b) = bits.filter(|b| ![16, 32, 64].contains(b)) {
                self.error(
                    e.span.start,
                    format!("float requires size*unit to be 16, 32, or 64 (default), got: {b}"),
                );
                return None;
            }
        }
        let seg = Segment {
            ty,
            size: Size::Default,
            unit,
            signed: spec.signed.unwrap_or(false),
            endian: spec.endian.unwrap_or(Endian::Big),
        };
        Some((value, seg, size))
    }

    /// `<<...>>` as an expression: each segment's value (and computed
    /// size) pushed, then one `Op::Bits`.
    pub(crate) fn bitstring(&mut self, items: &[Expr]) {
        let mut segs = Vec::with_capacity(items.len());
        for item in items {
            let Some((value, mut seg, size)) = self.segment(item) else {
                return;
            };
            // A string literal laid out as text: its characters, one
            // segment each.
            if let (ExprKind::Str(parts), true) = (
                &value.kind,
                matches!(seg.ty, SegType::Utf8 | SegType::Utf16 | SegType::Utf32),
            ) {
                if let Some(text) = super::pattern::literal_string(parts) {
                    for c in text.chars() {
                        self.emit_const(Value::Int(c as i64));
                        segs.push(seg.clone());
                    }
                    continue;
                }
            }
            self.expr(value, false);
            seg.size = match size {
                SizeFrom::Default => match seg.ty {
                    SegType::Binary | SegType::Bits => Size::All,
                    _ => Size::Default,
                },
                SizeFrom::Lit(n) => Size::Lit(n),
                SizeFrom::Expr(x) => {
                    self.expr(x, false);
                    Size::Pushed
                }
            };
            segs.push(seg);
        }
        let f = self.cur();
        let i = f.bitstrings.len() as u32;
        f.bitstrings.push(Arc::from(segs));
        self.emit(Op::Bits(i));
    }

    /// `<<...>>` as a pattern.
    pub(crate) fn bitstring_pattern(
        &mut self,
        items: &[Expr],
        seen: &mut FxHashMap<String, u32>,
    ) -> Pat {
        let mut segs = Vec::with_capacity(items.len());
        let last = items.len().saturating_sub(1);
        for (i, item) in items.iter().enumerate() {
            let Some((value, mut seg, size)) = self.segment(item) else {
                return Pat::Any;
            };
            if let ExprKind::Str(parts) = &value.kind {
                let Some(text) = super::pattern::literal_string(parts) else {
                    self.error(item.span.start, "invalid pattern in match");
                    return Pat::Any;
                };
                match seg.ty {
                    SegType::Utf8 | SegType::Utf16 | SegType::Utf32 => {
                        for c in text.chars() {
                            segs.push(PatSegment {
                                seg: seg.clone(),
                                value: Pat::Lit(Value::Int(c as i64)),
                            });
                        }
                        continue;
                    }
                    _ => {
                        seg.size = Size::Lit(text.len() as u64);
                        seg.unit = 8;
                        segs.push(PatSegment {
                            seg,
                            value: Pat::Lit(Value::str(text)),
                        });
                        continue;
                    }
                }
            }
            seg.size = match size {
                SizeFrom::Default => match seg.ty {
                    SegType::Binary | SegType::Bits if i == last => Size::All,
                    SegType::Binary | SegType::Bits => {
                        self.error(
                            item.span.start,
                            "a binary field without size is only allowed at the end of a binary pattern, at the right side of binary concatenation and and never allowed in binary generators",
                        );
                        return Pat::Any;
                    }
                    _ => Size::Default,
                },
                SizeFrom::Lit(n) => Size::Lit(n),
                SizeFrom::Expr(x) => match &x.kind {
                    ExprKind::Var(name) => {
                        match seen.get(name).copied().or_else(|| self.lookup(name)) {
                            Some(slot) => Size::Local(slot),
                            None => {
                                self.error(x.span.start, format!("undefined variable \"{name}\""));
                                return Pat::Any;
                            }
                        }
                    }
                    ExprKind::Unary {
                        op: UnaryOp::Pin,
                        expr,
                    } => match &expr.kind {
                        ExprKind::Var(name) if self.lookup(name).is_some() => {
                            Size::Local(self.lookup(name).unwrap_or_default())
                        }
                        _ => {
                            self.error(x.span.start, "invalid size in bitstring pattern");
                            return Pat::Any;
                        }
                    },
                    _ => {
                        self.error(
                            x.span.start,
                            "size in bitstring patterns must be an integer or a variable",
                        );
                        return Pat::Any;
                    }
                },
            };
            let value = self.pat(value, seen);
            segs.push(PatSegment { seg, value });
        }
        Pat::Bits(segs)
    }
}
