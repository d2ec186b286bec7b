//! Building and matching bitstring segments: `<<a::16-little, rest::binary>>`.
//!
//! A segment says how a value is laid out in bits: its type (`integer`,
//! `float`, `binary`, `bits`, `utf8/16/32`), a size counted in units, the
//! unit, signedness and byte order. The compiler turns each `<<...>>` into a
//! list of `Segment`s (checked as Elixir checks them when it expands the
//! form); here they run: `build` lays values out into a new bitstring and
//! `match_segments` reads them back out of one, binding into a frame's
//! locals. Both work on a bit cursor and take the byte-aligned shortcut
//! whenever the cursor allows, which is nearly always.
//!
//! Not here: compiling segment specifiers (`compile::bitstring`), the
//! `Binary` type itself (`binary`).

use crate::binary::Binary;
use crate::code::Pat;
use crate::error::{self, Raise};
use crate::format::inspect;
use crate::matching::match_pat;
use crate::value::Value;
use num_bigint::{BigInt, Sign};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegType {
    Integer,
    Float,
    Binary,
    Bits,
    Utf8,
    Utf16,
    Utf32,
}

impl SegType {
    pub fn name(self) -> &'static str {
        match self {
            SegType::Integer => "integer",
            SegType::Float => "float",
            SegType::Binary => "binary",
            SegType::Bits => "bitstring",
            SegType::Utf8 => "utf8",
            SegType::Utf16 => "utf16",
            SegType::Utf32 => "utf32",
        }
    }
    fn is_utf(self) -> bool {
        matches!(self, SegType::Utf8 | SegType::Utf16 | SegType::Utf32)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endian {
    Big,
    Little,
}

/// Where a segment's size comes from.
#[derive(Clone, Copy, Debug)]
pub enum Size {
    /// The type's default: 8 for integers, 64 for floats, none for utf.
    Default,
    /// The whole of the value (construction) or of what is left (a last
    /// `binary`/`bits` segment of a pattern).
    All,
    Lit(u64),
    /// A local slot holding the size (a variable bound earlier in the same
    /// pattern, or before it).
    Local(u32),
    /// Construction only: the size was computed and pushed after the value.
    Pushed,
}

#[derive(Clone, Debug)]
pub struct Segment {
    pub ty: SegType,
    pub size: Size,
    pub unit: u32,
    pub signed: bool,
    pub endian: Endian,
}

/// A pattern segment: the layout and what the value read must match.
#[derive(Clone, Debug)]
pub struct PatSegment {
    pub seg: Segment,
    pub value: Pat,
}

/// `native` is the machine's order.
pub fn native_endian() -> Endian {
    if cfg!(target_endian = "little") {
        Endian::Little
    } else {
        Endian::Big
    }
}

/// Bits appended one segment at a time.
struct Writer {
    bytes: Vec<u8>,
    bits: usize,
}

impl Writer {
    fn push_bytes(&mut self, b: &[u8]) {
        if self.bits.is_multiple_of(8) {
            self.bytes.extend_from_slice(b);
            self.bits += b.len() * 8;
        } else {
            for &x in b {
                self.push_bits_u64(x as u64, 8);
            }
        }
    }

    /// The low `n` (<= 64) bits of `v`, most significant first.
    fn push_bits_u64(&mut self, v: u64, n: usize) {
        if n == 0 {
            return;
        }
        if self.bits.is_multiple_of(8) && n.is_multiple_of(8) {
            for i in (0..n / 8).rev() {
                self.bytes.push((v >> (i * 8)) as u8);
            }
            self.bits += n;
            return;
        }
        for i in (0..n).rev() {
            self.push_bit(((v >> i) & 1) as u8);
        }
    }

    fn push_bit(&mut self, bit: u8) {
        if self.bits.is_multiple_of(8) {
            self.bytes.push(0);
        }
        if bit != 0 {
            let last = self.bytes.len() - 1;
            self.bytes[last] |= 0x80 >> (self.bits % 8);
        }
        self.bits += 1;
    }

    /// Bits `from..from + n` of `src` (MSB-first).
    fn push_bits_of(&mut self, src: &[u8], from: usize, n: usize) {
        if from.is_multiple_of(8) && n.is_multiple_of(8) {
            self.push_bytes(&src[from / 8..(from + n) / 8]);
            return;
        }
        for i in from..from + n {
            self.push_bit(crate::binary::bit(src, i));
        }
    }

    fn finish(self) -> Binary {
        Binary::from_bits(self.bytes, self.bits)
    }
}

fn failed(i: usize, ty: SegType, what: String) -> Raise {
    error::argument_error(format!(
        "construction of binary failed: segment {} of type '{}': {what}",
        i + 1,
        ty.name()
    ))
}

/// The largest segment the BEAM builds, in bits: its sizes are small
/// integers, below 2^59. Past it construction raises `SystemLimitError`
/// instead of asking the allocator for exabytes.
const MAX_SEGMENT_BITS: u64 = 1 << 59;

/// The size of segment `i` (`seg`) in bits for construction; `pushed` is
/// its computed size when `Size::Pushed`.
fn build_size(i: usize, seg: &Segment, pushed: Option<&Value>) -> Result<Option<u64>, Raise> {
    let sized = |n: u64, shown: &dyn std::fmt::Display| match n.checked_mul(seg.unit as u64) {
        Some(bits) if bits < MAX_SEGMENT_BITS => Ok(Some(bits)),
        _ => Err(too_large(i, seg.ty, shown)),
    };
    match seg.size {
        Size::Default => Ok(match seg.ty {
            SegType::Integer => Some(8),
            SegType::Float => Some(64),
            _ => None,
        }),
        Size::All => Ok(None),
        Size::Lit(n) => sized(n, &n),
        Size::Local(_) | Size::Pushed => match pushed {
            Some(Value::Int(n)) if *n >= 0 => sized(*n as u64, n),
            Some(Value::BigInt(b)) if b.sign() != num_bigint::Sign::Minus => {
                Err(too_large(i, seg.ty, b))
            }
            _ => Err(error::badarg()),
        },
    }
}

/// The BEAM's `system_limit` for a segment size past `MAX_SEGMENT_BITS`.
fn too_large(i: usize, ty: SegType, size: &dyn std::fmt::Display) -> Raise {
    error::system_limit(format!(
        "construction of binary failed: segment {} of type '{}': the size {size} is too large",
        i + 1,
        ty.name()
    ))
}

/// Lays `values` out as `segs` say. `values` holds each segment's value,
/// followed by its size for a `Size::Pushed` segment.
pub fn build(segs: &[Segment], values: &[Value]) -> Result<Value, Raise> {
    let mut w = Writer {
        bytes: Vec::new(),
        bits: 0,
    };
    let mut k = 0;
    for (i, seg) in segs.iter().enumerate() {
        let v = &values[k];
        k += 1;
        let pushed = if matches!(seg.size, Size::Pushed) {
            k += 1;
            Some(&values[k - 1])
        } else {
            None
        };
        let bits = build_size(i, seg, pushed)?;
        match seg.ty {
            SegType::Integer => {
                let n = bits.unwrap_or(8) as usize;
                // A legal but huge size (`<<0::size(80_000_000_000)>>`) is
                // the process's memory to refuse, as other big requests are.
                if n > 1 << 23 && phial_runtime::over_limit(n / 8) {
                    return Err(crate::library::support::processes::over_memory_limit());
                }
                write_integer(&mut w, v, n, seg.endian).ok_or_else(|| {
                    failed(
                        i,
                        seg.ty,
                        format!("expected an integer but got: {}", inspect(v)),
                    )
                })?;
            }
            SegType::Float => {
                let f = match v {
                    Value::Float(f) => *f,
                    Value::Int(n) => *n as f64,
                    Value::BigInt(b) => {
                        use num_traits::ToPrimitive;
                        b.to_f64().unwrap_or(f64::INFINITY)
                    }
                    _ => {
                        return Err(failed(
                            i,
                            seg.ty,
                            format!("expected a float or an integer but got: {}", inspect(v)),
                        ))
                    }
                };
                let n = bits.unwrap_or(64);
                let mut be: Vec<u8> = match n {
                    64 => f.to_be_bytes().to_vec(),
                    32 => (f as f32).to_be_bytes().to_vec(),
                    16 => half::f16::from_f64(f).to_be_bytes().to_vec(),
                    _ => return Err(error::badarg()),
                };
                if seg.endian == Endian::Little {
                    be.reverse();
                }
                w.push_bytes(&be);
            }
            SegType::Binary | SegType::Bits => {
                let Value::Bin(b) = v else {
                    return Err(failed(
                        i,
                        seg.ty,
                        format!("expected a binary but got: {}", inspect(v)),
                    ));
                };
                let have = b.bit_len() as u64;
                let take = bits.unwrap_or(have);
                if seg.ty == SegType::Binary && bits.is_none() && !b.is_binary() {
                    return Err(failed(
                        i,
                        seg.ty,
                        format!(
                            "the size of the value {} is not a multiple of the unit for the segment",
                            inspect(v)
                        ),
                    ));
                }
                if take > have {
                    return Err(failed(
                        i,
                        seg.ty,
                        format!(
                            "the value {} is shorter than the size of the segment",
                            inspect(v)
                        ),
                    ));
                }
                w.push_bits_of(b.bytes(), 0, take as usize);
            }
            SegType::Utf8 | SegType::Utf16 | SegType::Utf32 => {
                let c = match v {
                    Value::Int(n) => u32::try_from(*n).ok().and_then(char::from_u32),
                    _ => None,
                };
                let Some(c) = c else {
                    return Err(failed(
                        i,
                        seg.ty,
                        format!(
                            "expected a non-negative integer encodable as {} but got: {}",
                            seg.ty.name(),
                            inspect(v)
                        ),
                    ));
                };
                write_utf(&mut w, c, seg.ty, seg.endian);
            }
        }
    }
    Ok(Value::Bin(w.finish()))
}

fn write_utf(w: &mut Writer, c: char, ty: SegType, endian: Endian) {
    match ty {
        SegType::Utf8 => {
            let mut buf = [0u8; 4];
            w.push_bytes(c.encode_utf8(&mut buf).as_bytes());
        }
        SegType::Utf16 => {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                let b = match endian {
                    Endian::Big => unit.to_be_bytes(),
                    Endian::Little => unit.to_le_bytes(),
                };
                w.push_bytes(&b);
            }
        }
        _ => {
            let b = match endian {
                Endian::Big => (c as u32).to_be_bytes(),
                Endian::Little => (c as u32).to_le_bytes(),
            };
            w.push_bytes(&b);
        }
    }
}

/// The low `n` bits of integer `v` (two's complement), in `endian` order.
/// `None` when `v` is not an integer.
fn write_integer(w: &mut Writer, v: &Value, n: usize, endian: Endian) -> Option<()> {
    match v {
        Value::Int(x) if n <= 64 => {
            let x = *x as u64;
            if endian == Endian::Little && n.is_multiple_of(8) {
                let le = x.to_le_bytes();
                w.push_bytes(&le[..n / 8]);
            } else {
                w.push_bits_u64(if n == 64 { x } else { x & ((1u64 << n) - 1) }, n);
            }
        }
        Value::Int(_) | Value::BigInt(_) => {
            let big = match v {
                Value::Int(x) => BigInt::from(*x),
                Value::BigInt(b) => (**b).clone(),
                _ => return None,
            };
            // n bits of two's complement, big-endian, as whole bytes with
            // the top byte's extra bits dropped.
            let nbytes = n.div_ceil(8);
            let mut le = big.to_signed_bytes_le();
            let fill = if big.sign() == Sign::Minus { 0xFF } else { 0 };
            le.resize(nbytes.max(le.len()), fill);
            le.truncate(nbytes);
            if endian == Endian::Little && n.is_multiple_of(8) {
                w.push_bytes(&le);
            } else {
                le.reverse();
                let skip = nbytes * 8 - n;
                w.push_bits_of(&le, skip, n);
            }
        }
        _ => return None,
    }
    Some(())
}

/// Reads bits out of a bitstring.
struct Reader<'a> {
    bytes: &'a [u8],
    /// The bitstring's length in bits.
    len: usize,
    pos: usize,
}

impl Reader<'_> {
    fn left(&self) -> usize {
        self.len - self.pos
    }

    /// `n` bits as an unsigned integer (n <= 64).
    fn read_u64(&mut self, n: usize) -> u64 {
        let mut v = 0u64;
        if self.pos.is_multiple_of(8) && n.is_multiple_of(8) {
            for &b in &self.bytes[self.pos / 8..(self.pos + n) / 8] {
                v = (v << 8) | b as u64;
            }
        } else {
            for i in self.pos..self.pos + n {
                v = (v << 1) | crate::binary::bit(self.bytes, i) as u64;
            }
        }
        self.pos += n;
        v
    }

    /// `n` bits as big-endian bytes, the first byte holding the top
    /// `n % 8` bits when `n` is not whole bytes.
    fn read_bytes(&mut self, n: usize) -> Vec<u8> {
        let mut w = Writer {
            bytes: Vec::new(),
            bits: 0,
        };
        let pad = (8 - n % 8) % 8;
        for _ in 0..pad {
            w.push_bit(0);
        }
        w.push_bits_of(self.bytes, self.pos, n);
        self.pos += n;
        w.bytes
    }
}

fn read_integer(r: &mut Reader, n: usize, seg: &Segment) -> Value {
    if n <= 64 {
        let mut v = r.read_u64(n);
        if seg.endian == Endian::Little && n.is_multiple_of(8) {
            v = v.swap_bytes() >> (64 - n);
        }
        if seg.signed && n > 0 && n < 64 && v >> (n - 1) & 1 == 1 {
            return Value::Int((v as i64) - (1i64 << n));
        }
        if seg.signed && n == 64 {
            return Value::Int(v as i64);
        }
        return match i64::try_from(v) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::bigint(BigInt::from(v)),
        };
    }
    let mut be = r.read_bytes(n);
    if seg.endian == Endian::Little && n.is_multiple_of(8) {
        be.reverse();
    }
    let mut big = BigInt::from_bytes_be(Sign::Plus, &be);
    if seg.signed && big.bit(n as u64 - 1) {
        big -= BigInt::from(1) << n;
    }
    Value::bigint(big)
}

fn read_float(r: &mut Reader, n: usize, seg: &Segment) -> Option<Value> {
    let mut be = r.read_bytes(n);
    if seg.endian == Endian::Little {
        be.reverse();
    }
    let f = match n {
        64 => f64::from_be_bytes(be.try_into().ok()?),
        32 => f32::from_be_bytes(be.try_into().ok()?) as f64,
        16 => half::f16::from_be_bytes(be.try_into().ok()?).to_f64(),
        _ => return None,
    };
    // NaN and infinities do not match a float segment on the BEAM.
    f.is_finite().then_some(Value::Float(f))
}

fn read_utf(r: &mut Reader, ty: SegType, endian: Endian) -> Option<Value> {
    if !r.pos.is_multiple_of(8) {
        // Unaligned text is rare enough to take the slow road.
        let n = r.left() / 8 * 8;
        let bytes = Reader {
            bytes: r.bytes,
            len: r.len,
            pos: r.pos,
        }
        .read_bytes(n);
        let mut inner = Reader {
            bytes: &bytes,
            len: n,
            pos: 0,
        };
        let v = read_utf(&mut inner, ty, endian)?;
        r.pos += inner.pos;
        return Some(v);
    }
    let rest = &r.bytes[r.pos / 8..r.len / 8];
    let (c, used) = match ty {
        SegType::Utf8 => {
            let len = match *rest.first()? {
                b if b < 0x80 => 1,
                b if b >> 5 == 0b110 => 2,
                b if b >> 4 == 0b1110 => 3,
                b if b >> 3 == 0b11110 => 4,
                _ => return None,
            };
            let s = std::str::from_utf8(rest.get(..len)?).ok()?;
            (s.chars().next()?, len)
        }
        SegType::Utf16 => {
            let unit = |i: usize| -> Option<u16> {
                let b: [u8; 2] = rest.get(i..i + 2)?.try_into().ok()?;
                Some(match endian {
                    Endian::Big => u16::from_be_bytes(b),
                    Endian::Little => u16::from_le_bytes(b),
                })
            };
            let first = unit(0)?;
            if (0xD800..0xDC00).contains(&first) {
                let second = unit(2)?;
                let c = char::decode_utf16([first, second]).next()?.ok()?;
                (c, 4)
            } else {
                (char::decode_utf16([first]).next()?.ok()?, 2)
            }
        }
        _ => {
            let b: [u8; 4] = rest.get(..4)?.try_into().ok()?;
            let n = match endian {
                Endian::Big => u32::from_be_bytes(b),
                Endian::Little => u32::from_le_bytes(b),
            };
            (char::from_u32(n)?, 4)
        }
    };
    r.pos += used * 8;
    Some(Value::Int(c as i64))
}

/// The size in bits a pattern segment reads, or `None` if it cannot match
/// (a size variable that is not a non-negative integer).
fn match_size(seg: &Segment, locals: &[Value], left: usize) -> Option<usize> {
    let units = match seg.size {
        Size::Default => {
            return match seg.ty {
                SegType::Integer => Some(8),
                SegType::Float => Some(64),
                _ => None,
            }
        }
        Size::All | Size::Pushed => return Some(left),
        Size::Lit(n) => n,
        Size::Local(s) => match &locals[s as usize] {
            Value::Int(n) if *n >= 0 => *n as u64,
            _ => return None,
        },
    };
    usize::try_from(units.checked_mul(seg.unit as u64)?).ok()
}

/// Matches `v` against the segments, binding into `locals`.
pub fn match_segments(segs: &[PatSegment], v: &Value, locals: &mut [Value]) -> bool {
    let Value::Bin(b) = v else {
        return false;
    };
    let mut r = Reader {
        bytes: b.bytes(),
        len: b.bit_len(),
        pos: 0,
    };
    for ps in segs {
        let seg = &ps.seg;
        let got = if seg.ty.is_utf() {
            match read_utf(&mut r, seg.ty, seg.endian) {
                Some(v) => v,
                None => return false,
            }
        } else {
            let Some(n) = match_size(seg, locals, r.left()) else {
                return false;
            };
            if n > r.left() {
                return false;
            }
            match seg.ty {
                SegType::Integer => read_integer(&mut r, n, seg),
                SegType::Float => match read_float(&mut r, n, seg) {
                    Some(f) => f,
                    None => return false,
                },
                _ => {
                    if seg.ty == SegType::Binary && n % 8 != 0 {
                        return false;
                    }
                    // `_::binary` (a skipped field, the ignored tail) binds
                    // nothing: build no sub-binary for it.
                    if matches!(ps.value, Pat::Any) {
                        r.pos += n;
                        continue;
                    }
                    let part = if r.pos.is_multiple_of(8) && n % 8 == 0 {
                        b.part(r.pos / 8, n / 8)
                    } else {
                        let bytes = Reader {
                            bytes: r.bytes,
                            len: r.len,
                            pos: r.pos,
                        }
                        .read_bytes(n);
                        // read_bytes pads at the front; a bitstring keeps
                        // its bits at the front instead.
                        let mut w = Writer {
                            bytes: Vec::new(),
                            bits: 0,
                        };
                        w.push_bits_of(&bytes, (8 - n % 8) % 8, n);
                        w.finish()
                    };
                    r.pos += n;
                    Value::Bin(part)
                }
            }
        };
        if !match_pat(&ps.value, &got, locals) {
            return false;
        }
    }
    r.pos == r.len
}
