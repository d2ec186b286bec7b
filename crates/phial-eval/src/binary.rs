//! Binaries and bitstrings: the bytes behind every Elixir string.
//!
//! A `Binary` is a thin shared pointer (so `Value` stays two words) to its
//! bytes and how many bits of the last byte count. An Elixir string is a
//! binary whose bytes are valid UTF-8; whether they are is worked out once
//! and remembered, so string functions on the same value do not re-scan it.
//!
//! Taking part of a large binary (`binary_part/3`, a `rest::binary` match,
//! `"prefix" <> rest`) makes a *slice* that shares the parent's bytes, as
//! the BEAM's sub-binaries do, so a recursive parser over a 10 MB binary is
//! linear. Parts under `SHARE_AT` bytes are copied instead: a small copy is
//! cheaper than the bookkeeping, and it does not keep a big parent alive.
//!
//! Not here: building and matching segments (`bitstring`), printing
//! (`format`), ordering (`term`).

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;

/// Parts at least this long share their parent's bytes (the BEAM's limit
/// between heap binaries and sub-binaries of refc binaries).
const SHARE_AT: usize = 64;

#[derive(Clone)]
pub struct Binary(Arc<Repr>);

struct Repr {
    store: Store,
    /// Bits used in the last byte (its high bits), 1..=7; 0 when the
    /// bitstring is whole bytes (a binary).
    tail_bits: u8,
    /// `UNKNOWN`, `VALID` or `INVALID` UTF-8.
    utf8: AtomicU8,
}

enum Store {
    Owned(Vec<u8>),
    /// `len` bytes of `parent` from `start`; the parent is always `Owned`.
    Slice {
        parent: Arc<Repr>,
        start: usize,
        len: usize,
    },
}

const UNKNOWN: u8 = 0;
const VALID: u8 = 1;
const INVALID: u8 = 2;

impl Binary {
    fn make(bytes: Vec<u8>, tail_bits: u8, utf8: u8) -> Binary {
        Binary(Arc::new(Repr {
            store: Store::Owned(bytes),
            tail_bits,
            utf8: AtomicU8::new(utf8),
        }))
    }

    /// A string: bytes known to be UTF-8.
    pub fn from_string(s: String) -> Binary {
        Binary::make(s.into_bytes(), 0, VALID)
    }

    /// Any bytes.
    pub fn from_bytes(bytes: Vec<u8>) -> Binary {
        Binary::make(bytes, 0, UNKNOWN)
    }

    /// A bitstring of `bit_len` bits held MSB-first in `bytes` (whose
    /// length must be `bit_len` rounded up to bytes; unused low bits of the
    /// last byte are zeroed here).
    pub fn from_bits(mut bytes: Vec<u8>, bit_len: usize) -> Binary {
        debug_assert_eq!(bytes.len(), bit_len.div_ceil(8));
        let tail_bits = (bit_len % 8) as u8;
        if tail_bits != 0 {
            if let Some(last) = bytes.last_mut() {
                *last &= 0xFFu8 << (8 - tail_bits);
            }
            return Binary::make(bytes, tail_bits, INVALID);
        }
        Binary::make(bytes, 0, UNKNOWN)
    }

    /// All the bytes, the partial last byte of a bitstring included.
    #[inline]
    pub fn bytes(&self) -> &[u8] {
        match &self.0.store {
            Store::Owned(v) => v,
            Store::Slice { parent, start, len } => match &parent.store {
                Store::Owned(v) => &v[*start..*start + *len],
                // Slices are only ever taken of owned bytes.
                Store::Slice { .. } => &[],
            },
        }
    }

    /// Is it whole bytes (`is_binary/1`)?
    #[inline]
    pub fn is_binary(&self) -> bool {
        self.0.tail_bits == 0
    }

    pub fn byte_len(&self) -> usize {
        self.bytes().len()
    }

    /// The allocation holding the bytes (a slice's parent), its size, and
    /// whether another reference to it may exist (for counting shared
    /// bytes once, `heap`).
    pub(crate) fn storage(&self) -> (usize, usize, bool) {
        match &self.0.store {
            Store::Owned(v) => (
                Arc::as_ptr(&self.0) as usize,
                v.capacity(),
                Arc::strong_count(&self.0) > 1,
            ),
            Store::Slice { parent, .. } => {
                let cap = match &parent.store {
                    Store::Owned(v) => v.capacity(),
                    Store::Slice { .. } => 0,
                };
                (Arc::as_ptr(parent) as usize, cap, true)
            }
        }
    }

    /// Bits in the last byte when not whole (1..=7), else 0.
    pub fn tail_bits(&self) -> u8 {
        self.0.tail_bits
    }

    pub fn bit_len(&self) -> usize {
        let n = self.bytes().len() * 8;
        match self.0.tail_bits {
            0 => n,
            t => n - 8 + t as usize,
        }
    }

    /// The text, when this is a binary of valid UTF-8 (an Elixir string).
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        let bytes = self.bytes();
        match self.0.utf8.load(Ordering::Relaxed) {
            // SAFETY: VALID is only stored after the bytes were checked (or
            // were a Rust `String`), and the bytes never change.
            VALID => Some(unsafe { std::str::from_utf8_unchecked(bytes) }),
            INVALID => None,
            _ => {
                let checked = std::str::from_utf8(bytes).ok();
                let flag = if checked.is_some() { VALID } else { INVALID };
                self.0.utf8.store(flag, Ordering::Relaxed);
                checked
            }
        }
    }

    /// Bytes `start..start + len` (in range: the caller checked), sharing
    /// this binary's storage when the part is large.
    pub fn part(&self, start: usize, len: usize) -> Binary {
        if start == 0 && len == self.byte_len() && self.is_binary() {
            return self.clone();
        }
        let bytes = &self.bytes()[start..start + len];
        // A part of valid UTF-8 cut on character boundaries is valid too.
        let utf8 = match self.0.utf8.load(Ordering::Relaxed) {
            VALID
                if is_char_boundary(self.bytes(), start)
                    && is_char_boundary(self.bytes(), start + len) =>
            {
                VALID
            }
            _ => UNKNOWN,
        };
        if len < SHARE_AT {
            return Binary::make(bytes.to_vec(), 0, utf8);
        }
        let (parent, offset) = match &self.0.store {
            Store::Owned(_) => (self.0.clone(), 0),
            Store::Slice { parent, start, .. } => (parent.clone(), *start),
        };
        Binary(Arc::new(Repr {
            store: Store::Slice {
                parent,
                start: offset + start,
                len,
            },
            tail_bits: 0,
            utf8: AtomicU8::new(utf8),
        }))
    }

    /// The two joined (`<>` of binaries).
    pub fn concat(&self, other: &Binary) -> Binary {
        Binary::concat_all([self, other])
    }

    /// The binaries joined, in order (string interpolation). Text joined
    /// to text is known to be text without a scan.
    pub fn concat_all<'a>(parts: impl IntoIterator<Item = &'a Binary> + Clone) -> Binary {
        let len = parts.clone().into_iter().map(Binary::byte_len).sum();
        let mut v = Vec::with_capacity(len);
        let mut utf8 = VALID;
        for p in parts {
            v.extend_from_slice(p.bytes());
            if p.0.utf8.load(Ordering::Relaxed) != VALID {
                utf8 = UNKNOWN;
            }
        }
        Binary::make(v, 0, utf8)
    }

    /// The text, with invalid UTF-8 shown as U+FFFD (for messages and
    /// output that must be text).
    pub fn to_string_lossy(&self) -> std::borrow::Cow<'_, str> {
        match self.as_str() {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => String::from_utf8_lossy(self.bytes()),
        }
    }

    /// Do both point at the same storage (a cheap equality short-cut)?
    pub fn ptr_eq(&self, other: &Binary) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// How many values share this binary's own header (for tests of
    /// sharing and of frees).
    pub fn strong_count(&self) -> usize {
        Arc::strong_count(&self.0)
    }

    /// The size of the storage this binary's bytes live in: its parent's
    /// for a shared part (`:binary.referenced_byte_size/1`).
    pub fn referenced_len(&self) -> usize {
        match &self.0.store {
            Store::Owned(v) => v.len(),
            Store::Slice { parent, .. } => match &parent.store {
                Store::Owned(v) => v.len(),
                Store::Slice { len, .. } => *len,
            },
        }
    }

    /// Is this a slice sharing a parent's bytes?
    pub fn is_shared_part(&self) -> bool {
        matches!(self.0.store, Store::Slice { .. })
    }
}

fn is_char_boundary(bytes: &[u8], i: usize) -> bool {
    i == bytes.len() || (i < bytes.len() && (bytes[i] as i8) >= -0x40)
}

impl std::fmt::Display for Binary {
    /// The text (invalid UTF-8 as U+FFFD), for messages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_string_lossy())
    }
}

impl PartialEq for Binary {
    fn eq(&self, other: &Binary) -> bool {
        self.ptr_eq(other)
            || (self.0.tail_bits == other.0.tail_bits && self.bytes() == other.bytes())
    }
}

impl Eq for Binary {}

impl std::hash::Hash for Binary {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.bytes().hash(h);
        self.0.tail_bits.hash(h);
    }
}

impl Ord for Binary {
    /// Erlang's order: bit by bit, a prefix before what extends it.
    fn cmp(&self, other: &Binary) -> std::cmp::Ordering {
        if self.is_binary() && other.is_binary() {
            return self.bytes().cmp(other.bytes());
        }
        let (a, b) = (self.bit_len(), other.bit_len());
        for i in 0..a.min(b) {
            let (x, y) = (bit(self.bytes(), i), bit(other.bytes(), i));
            if x != y {
                return x.cmp(&y);
            }
        }
        a.cmp(&b)
    }
}

impl PartialOrd for Binary {
    fn partial_cmp(&self, other: &Binary) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Bit `i` (MSB-first) of `bytes`.
pub fn bit(bytes: &[u8], i: usize) -> u8 {
    (bytes[i / 8] >> (7 - i % 8)) & 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_parts_share_and_small_parts_copy() {
        let b = Binary::from_bytes(vec![7; 1000]);
        let big = b.part(10, 500);
        assert!(big.is_shared_part());
        let bigger = big.part(100, 300);
        assert!(bigger.is_shared_part());
        assert_eq!(bigger.bytes(), &[7; 300][..]);
        let small = b.part(0, 10);
        assert!(!small.is_shared_part());
    }

    #[test]
    fn utf8_is_decided_once_and_parts_keep_it_on_boundaries() {
        let s = Binary::from_string("héllo".to_string());
        assert_eq!(s.as_str(), Some("héllo"));
        assert_eq!(s.part(0, 1).as_str(), Some("h"));
        assert_eq!(s.part(0, 2).as_str(), None);
        let raw = Binary::from_bytes(vec![0xff, 0x41]);
        assert_eq!(raw.as_str(), None);
        assert_eq!(Binary::from_bytes(b"ok".to_vec()).as_str(), Some("ok"));
    }

    #[test]
    fn bitstrings_keep_their_bit_length_and_order_bitwise() {
        let b = Binary::from_bits(vec![0b1011_1111], 3);
        assert_eq!(b.bit_len(), 3);
        assert!(!b.is_binary());
        assert_eq!(b.bytes(), &[0b1010_0000]);
        let longer = Binary::from_bits(vec![0b1010_0000], 4);
        assert!(b < longer);
        assert!(Binary::from_bytes(vec![1]) < Binary::from_bytes(vec![1, 0]));
    }
}
