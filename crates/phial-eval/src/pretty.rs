//! The layout engine behind `inspect` and `IO.inspect`: a small Wadler/Lindig
//! document algebra that reproduces Elixir 1.14's `Inspect.Algebra` exactly
//! (`concat`, `nest`, strict and flex `break`s, `group`, `container_doc`,
//! and the `format/2` fitting rules, quirks included), plus `to_doc`, which
//! turns a value into a document the way Elixir's `Inspect` protocol does.
//!
//! `inspect/1` renders the same document at infinite width, so the element
//! limit (`...`) behaves identically in both. Widths are counted in bytes, as
//! Elixir 1.14 does (`"é"` is 4 columns wide to it).
//!
//! Not here: the flat text of scalars (atoms, strings, floats: `format`).

use crate::atom::Atom;
use crate::format::{
    float_inspect, inspect_atom, inspect_fun, is_keyword, keyword_key, printable_charlist,
    quote_string, InspectOpts,
};
use crate::value::Value;
use std::fmt::Write;

/// A document. Breaks are `" "` or `""`; `flex` breaks decide one by one
/// whether the next chunk fits, strict ones follow their group's mode.
pub enum Doc {
    Nil,
    Text(String),
    Concat(Vec<Doc>),
    /// Indent everything after a line break inside by this many columns.
    Nest(usize, Box<Doc>),
    Break(&'static str, bool),
    /// Lay out flat if the whole group fits from here, else in break mode.
    Group(Box<Doc>),
}

fn text(s: impl Into<String>) -> Doc {
    Doc::Text(s.into())
}

/// Elixir's `simple?`: made only of text, so a container of such elements
/// may fill lines (flex) instead of going one per line.
fn simple(d: &Doc) -> bool {
    match d {
        Doc::Nil | Doc::Text(_) => true,
        Doc::Concat(v) => v.iter().all(simple),
        _ => false,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Flat,
    Break,
}

type Entry<'a> = (usize, Mode, &'a Doc);

enum FitItem<'a> {
    Doc(Entry<'a>),
    /// Restores the "seen a break" flag when leaving a group (Elixir's `{:tail, b?, t}`).
    Tail(bool),
}

/// Elixir's `fits?/4`: does the input fit in `w - k` columns up to the next
/// break that is in break mode? `local` is checked first, then (for flex
/// breaks) the rest of the document still to print, `rest`, from its top.
/// Overflow only counts once a break has been seen (`b`), as in Elixir.
fn fits<'a>(
    w: usize,
    mut k: usize,
    mut b: bool,
    mut local: Vec<FitItem<'a>>,
    rest: &[Entry<'a>],
) -> bool {
    let mut rest_iter = rest.iter().rev();
    loop {
        if k > w && b {
            return false;
        }
        let item = match local.pop() {
            Some(x) => x,
            None => match rest_iter.next() {
                Some(e) => FitItem::Doc(*e),
                None => return true,
            },
        };
        let (i, m, d) = match item {
            FitItem::Tail(b2) => {
                b = b2;
                continue;
            }
            FitItem::Doc(e) => e,
        };
        match d {
            Doc::Nil => {}
            Doc::Text(s) => k += s.len(),
            Doc::Concat(v) => {
                for x in v.iter().rev() {
                    local.push(FitItem::Doc((i, m, x)));
                }
            }
            Doc::Nest(j, x) => local.push(FitItem::Doc((i + j, m, x))),
            Doc::Group(x) => {
                local.push(FitItem::Tail(b));
                local.push(FitItem::Doc((i, Mode::Flat, x)));
            }
            Doc::Break(s, _) => {
                if m == Mode::Break {
                    return true;
                }
                k += s.len();
                b = true;
            }
        }
    }
}

/// Elixir's `Inspect.Algebra.format/2`. `width == usize::MAX` is `:infinity`.
pub fn render(doc: &Doc, width: usize) -> String {
    let mut out = String::new();
    let mut k = 0usize;
    let mut stack: Vec<Entry> = vec![(0, Mode::Flat, doc)];
    let infinite = width == usize::MAX;
    while let Some((i, m, d)) = stack.pop() {
        match d {
            Doc::Nil => {}
            Doc::Text(s) => {
                out.push_str(s);
                k += s.len();
            }
            Doc::Concat(v) => {
                for x in v.iter().rev() {
                    stack.push((i, m, x));
                }
            }
            Doc::Nest(j, x) => stack.push((i + j, m, x)),
            Doc::Break(s, true) => {
                let k2 = k + s.len();
                if infinite || m == Mode::Flat || fits(width, k2, true, Vec::new(), &stack) {
                    out.push_str(s);
                    k = k2;
                } else {
                    newline(&mut out, i);
                    k = i;
                }
            }
            Doc::Break(s, false) => {
                if m == Mode::Break {
                    newline(&mut out, i);
                    k = i;
                } else {
                    out.push_str(s);
                    k += s.len();
                }
            }
            Doc::Group(x) => {
                // Only the group itself is measured, not what follows it.
                let flat =
                    infinite || fits(width, k, false, vec![FitItem::Doc((i, Mode::Flat, x))], &[]);
                stack.push((i, if flat { Mode::Flat } else { Mode::Break }, x));
            }
        }
    }
    out
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    for _ in 0..indent {
        out.push(' ');
    }
}

/// Elixir's `container_doc/6`: `left`, the elements separated by `,` and a
/// break, `right`. `flex_always` is `break: :flex` (tuples); `strict` is
/// `break: :strict` (maps, keyword lists); otherwise (`:maybe`) a container
/// of simple elements fills lines and any other goes one element per line.
fn container(
    left: String,
    items: Vec<Doc>,
    right: &str,
    flex_always: bool,
    strict: bool,
    simple_hint: Option<bool>,
) -> Doc {
    if items.is_empty() {
        return text(left + right);
    }
    let all_simple = !strict && simple_hint.unwrap_or_else(|| items.iter().all(simple));
    let flex = flex_always || all_simple;
    let mut docs = Vec::with_capacity(items.len() * 3);
    let n = items.len();
    for (idx, d) in items.into_iter().enumerate() {
        docs.push(d);
        if idx + 1 < n {
            docs.push(text(","));
            docs.push(Doc::Break(" ", flex));
        }
    }
    let docs = Doc::Concat(docs);
    if flex {
        // Continuation lines line up under the first element.
        let indent = left.len();
        Doc::Group(Box::new(Doc::Concat(vec![
            text(left),
            Doc::Nest(indent, Box::new(docs)),
            text(right),
        ])))
    } else {
        Doc::Group(Box::new(Doc::Concat(vec![
            Doc::Nest(
                2,
                Box::new(Doc::Concat(vec![text(left), Doc::Break("", false), docs])),
            ),
            Doc::Break("", false),
            text(right),
        ])))
    }
}

fn decrement(limit: usize) -> usize {
    if limit == usize::MAX {
        limit
    } else {
        limit.saturating_sub(1)
    }
}

/// A container whose elements are being turned into documents: `to_doc`
/// keeps a stack of these instead of recursing, so a value of any depth
/// is laid out with heap memory only.
struct Frame<'a> {
    shape: Shape,
    /// The values to lay out, in order, each with the limit Elixir gives
    /// it (one less per element already shown).
    jobs: Vec<(&'a Value, usize)>,
    next: usize,
    /// The documents of `jobs[..next]`.
    docs: Vec<Doc>,
    /// For keyword lists and maps: each element's `key: ` text.
    keys: Vec<String>,
    /// The limit ran out: the container ends with `...`.
    ellipsis: bool,
}

enum Shape {
    /// A list; `improper`: the last two jobs are the last head and the tail.
    List {
        keyword: bool,
        improper: bool,
    },
    Tuple,
    /// A map or struct (`open` is `%{` or `%Name{`); unless `keyword`, the
    /// jobs are key, value, key, value, ...
    Map {
        open: String,
        keyword: bool,
    },
}

/// What `start` makes of a value: its document, or a frame to fill.
enum Start<'a> {
    Leaf(Doc),
    Frame(Frame<'a>),
}

fn frame(shape: Shape) -> Frame<'static> {
    Frame {
        shape,
        jobs: Vec::new(),
        next: 0,
        docs: Vec::new(),
        keys: Vec::new(),
        ellipsis: false,
    }
}

/// A scalar's document, or the frame of a container (the work of
/// Elixir's `Inspect` implementations up to their recursive calls).
fn start<'a>(v: &'a Value, limit: usize, opts: &InspectOpts) -> Start<'a> {
    Start::Leaf(match v {
        Value::Int(i) => text(crate::format::int_in_base(*i, opts.base)),
        Value::BigInt(b) => text(crate::format::bigint_in_base(b, opts.base)),
        Value::Float(f) => text(float_inspect(*f)),
        Value::Atom(a) => text(inspect_atom(*a)),
        Value::Bin(b) => {
            if let Some(s) = crate::format::binary_as_string(b, opts) {
                return Start::Leaf(text(s));
            }
            let mut items = Vec::new();
            let mut limit = limit;
            for e in crate::format::bitstring_elements(b, opts.base) {
                if limit == 0 {
                    items.push(text("..."));
                    break;
                }
                limit = decrement(limit);
                items.push(text(e));
            }
            container("<<".to_string(), items, ">>", true, false, Some(true))
        }
        Value::Nil => text("[]"),
        Value::Pid(p) => text(p.to_string()),
        Value::Ref(r) => text(r.to_string()),
        Value::Fun(f) => text(inspect_fun(f)),
        Value::Cons(_) => {
            if !opts.charlists_as_lists {
                if let Some(s) = printable_charlist(v) {
                    return Start::Leaf(text(quote_string(&s, '\'')));
                }
            }
            return Start::Frame(list_frame(v, limit));
        }
        Value::Tuple(t) => {
            let mut f = frame(Shape::Tuple);
            let mut limit = limit;
            for x in t.iter() {
                if limit == 0 {
                    f.ellipsis = true;
                    break;
                }
                limit = decrement(limit);
                f.jobs.push((x, limit));
            }
            return Start::Frame(f);
        }
        Value::Map(m) => {
            let Some(name) = v.struct_name().filter(|_| opts.structs) else {
                return Start::Frame(plain_map(m, limit));
            };
            // Elixir's Inspect impls of the calendar structs: `~D[...]`,
            // `~U[...]`, `Date.range(...)`, ... in the ISO calendar here
            // (library implementations, so before a program's own), in
            // another calendar by phial code (inspect.ex).
            match crate::library::support::calendar::inspect_form(v) {
                Some(Ok(form)) => return Start::Leaf(text(form)),
                Some(Err(())) => return Start::Leaf(user_inspected(v, m)),
                None => {}
            }
            if crate::protocols::has_user_inspect(name) {
                return Start::Leaf(user_inspected(v, m));
            }
            let def = crate::structs::get(name);
            if let Some(d) = &def {
                if let Some(o) = d.derives(Atom::alias("Inspect")) {
                    let keyed = |k| crate::library::support::terms::keyword_get(o, k).is_some();
                    if keyed("only") || keyed("except") {
                        return Start::Leaf(derived(d, o, m, opts));
                    }
                    // Only `optional:` (Elixir 1.14): still `%Name{...}`,
                    // without the optional fields that hold their default.
                    let optional = derive_atoms(o, "optional");
                    let entries: Vec<(&Value, &Value)> = d
                        .fields
                        .iter()
                        .filter(|(k, _)| *k != Atom::EXCEPTION)
                        .filter_map(|(k, default)| {
                            let (key, v) = m.get_key_value(&Value::Atom(*k))?;
                            let hidden = optional.contains(k) && crate::term::equal(v, default);
                            (!hidden).then_some((key, v))
                        })
                        .collect();
                    let open = format!("%{}{{", inspect_atom(name));
                    let keyword = keyword_keys(entries.iter().map(|(k, _)| *k));
                    return Start::Frame(map_frame(open, &entries, limit, keyword));
                }
            }
            if let Some((f, l, s)) = v.as_range() {
                let b = |i: i64| crate::format::int_in_base(i, opts.base);
                let mut out = format!("{}..{}", b(f), b(l));
                // Elixir's Inspect.Range leaves out the step only for an
                // increasing range with step 1.
                if s != 1 || l < f {
                    let _ = write!(out, "//{}", b(s));
                }
                return Start::Leaf(text(out));
            }
            if let Some(doc) = odd_range_doc(v, m, opts) {
                return Start::Leaf(doc);
            }
            if let Some(r) = crate::library::elixir::regex::inspect_parts(v) {
                // Elixir's Inspect.Regex.
                use crate::library::elixir::regex::Inspected;
                return Start::Leaf(match r {
                    Inspected::Sigil(t) => text(t),
                    Inspected::Call(source, list) => Doc::Concat(vec![
                        text("Regex.compile!("),
                        to_doc(&source, opts),
                        text(", "),
                        to_doc(&list, opts),
                        text(")"),
                    ]),
                });
            }
            if let Some(set) = v.as_mapset() {
                // Elixir's Inspect impl for MapSet: the elements as a
                // list, charlists as lists.
                let elements = Value::list(
                    crate::format::map_entries(set)
                        .into_iter()
                        .map(|(k, _)| k.clone())
                        .collect(),
                );
                let o = InspectOpts {
                    charlists_as_lists: true,
                    limit,
                    ..*opts
                };
                return Start::Leaf(Doc::Concat(vec![
                    text("MapSet.new("),
                    to_doc(&elements, &o),
                    text(")"),
                ]));
            }
            let entries: Vec<(&Value, &Value)> = match &def {
                // Fields in the order the struct defines them.
                Some(d) if d.fits(m) => d
                    .fields
                    .iter()
                    .filter(|(k, _)| *k != Atom::EXCEPTION)
                    .filter_map(|(k, _)| m.get_key_value(&Value::Atom(*k)))
                    .collect(),
                // A struct with a key added or removed is a map (the
                // exceptions phial raises itself may lack optional fields:
                // still shown as the exception).
                Some(d) if !d.is_exception() => return Start::Frame(plain_map(m, limit)),
                // Not a struct module: a map with a `__struct__` key.
                None if m.get(&Value::Atom(Atom::EXCEPTION)).is_none() => {
                    return Start::Frame(plain_map(m, limit))
                }
                _ => m
                    .iter()
                    .filter(|(k, _)| !matches!(k, Value::Atom(a) if *a == Atom::STRUCT || *a == Atom::EXCEPTION))
                    .collect(),
            };
            let open = format!("%{}{{", inspect_atom(name));
            let keyword = keyword_keys(entries.iter().map(|(k, _)| *k));
            return Start::Frame(map_frame(open, &entries, limit, keyword));
        }
        Value::Resource(r) => text(format!(
            "#Reference<0.{}.{}>",
            r.kind,
            std::sync::Arc::as_ptr(r) as usize
        )),
    })
}

/// A list's frame: its elements (possibly improper), and `...` once the
/// limit runs out.
fn list_frame(v: &Value, limit: usize) -> Frame<'_> {
    let keyword = is_keyword(v);
    let mut f = frame(Shape::List {
        keyword,
        improper: false,
    });
    let mut limit = limit;
    let mut cur = v;
    while let Value::Cons(c) = cur {
        if limit == 0 {
            f.ellipsis = true;
            break;
        }
        limit = decrement(limit);
        match &c.tail {
            Value::Nil | Value::Cons(_) => match (&c.head, keyword) {
                // `is_keyword` saw that every element is an `{atom, _}`.
                (Value::Tuple(t), true) if t.len() == 2 => {
                    let key = t[0].as_atom().map(keyword_key).unwrap_or_default();
                    f.keys.push(key);
                    f.jobs.push((&t[1], limit));
                }
                (head, _) => f.jobs.push((head, limit)),
            },
            tail => {
                f.jobs.push((&c.head, limit));
                f.jobs.push((tail, limit));
                f.shape = Shape::List {
                    keyword,
                    improper: true,
                };
                break;
            }
        }
        cur = &c.tail;
    }
    f
}

/// Map entries (already in print order) as `key: value` or `key => value`.
fn map_frame<'a>(
    open: String,
    entries: &[(&'a Value, &'a Value)],
    limit: usize,
    keyword: bool,
) -> Frame<'a> {
    let mut f = frame(Shape::Map { open, keyword });
    let mut limit = limit;
    for (k, v) in entries {
        if limit == 0 {
            f.ellipsis = true;
            break;
        }
        limit = decrement(limit);
        if keyword {
            f.keys
                .push(k.as_atom().map(keyword_key).unwrap_or_default());
        } else {
            f.jobs.push((k, limit));
        }
        f.jobs.push((v, limit));
    }
    f
}

impl Frame<'_> {
    /// The container's document, from its elements' documents.
    fn finish(self) -> Doc {
        let Frame {
            shape,
            docs,
            keys,
            ellipsis,
            ..
        } = self;
        let mut items = Vec::with_capacity(docs.len() + 1);
        match shape {
            Shape::List { keyword, improper } => {
                // Elixir's `simple?`, judged per element; an improper tail
                // counts its two sides, not the joined document.
                let mut all_simple = true;
                let mut docs = docs.into_iter();
                let plain = if improper {
                    docs.len().saturating_sub(2)
                } else {
                    docs.len()
                };
                let mut keys = keys.into_iter();
                for d in docs.by_ref().take(plain) {
                    let d = match (keyword, keys.next()) {
                        (true, Some(k)) => Doc::Concat(vec![text(k), d]),
                        _ => d,
                    };
                    all_simple = all_simple && simple(&d);
                    items.push(d);
                }
                if let (Some(l), Some(r)) = (docs.next(), docs.next()) {
                    all_simple = all_simple && simple(&l) && simple(&r);
                    items.push(Doc::Concat(vec![
                        l,
                        text(" |"),
                        Doc::Break(" ", all_simple),
                        r,
                    ]));
                }
                if ellipsis {
                    items.push(text("..."));
                }
                container("[".into(), items, "]", false, keyword, Some(all_simple))
            }
            Shape::Tuple => {
                items.extend(docs);
                if ellipsis {
                    items.push(text("..."));
                }
                container("{".into(), items, "}", true, false, None)
            }
            Shape::Map { open, keyword } => {
                if keyword {
                    for (k, d) in keys.into_iter().zip(docs) {
                        items.push(Doc::Concat(vec![text(k), d]));
                    }
                } else {
                    let mut docs = docs.into_iter();
                    while let (Some(k), Some(v)) = (docs.next(), docs.next()) {
                        items.push(Doc::Concat(vec![k, text(" => "), v]));
                    }
                }
                if ellipsis {
                    items.push(text("..."));
                }
                container(open, items, "}", false, true, None)
            }
        }
    }
}

/// Elixir's `Inspect.List.keyword?` for map keys: atoms, none an alias.
fn keyword_keys<'a>(mut keys: impl Iterator<Item = &'a Value>) -> bool {
    keys.all(|k| matches!(k, Value::Atom(a) if !a.as_str().starts_with("Elixir.")))
}

/// The document for one value: Elixir's `Inspect.Algebra.to_doc/2`, with
/// an explicit stack of the containers being laid out (first the value's,
/// then its current element's, ...) in place of recursion.
pub fn to_doc(v: &Value, opts: &InspectOpts) -> Doc {
    let mut stack: Vec<Frame> = Vec::new();
    let mut done: Option<Doc> = None;
    let mut visit = Some((v, opts.limit));
    loop {
        if let Some((v, limit)) = visit.take() {
            match start(v, limit, opts) {
                Start::Leaf(d) => done = Some(d),
                Start::Frame(f) => stack.push(f),
            }
        }
        let Some(top) = stack.last_mut() else {
            return done.unwrap_or(Doc::Nil);
        };
        if let Some(d) = done.take() {
            top.docs.push(d);
        }
        if let Some(&job) = top.jobs.get(top.next) {
            top.next += 1;
            visit = Some(job);
        } else if let Some(f) = stack.pop() {
            done = Some(f.finish());
        }
    }
}

impl Drop for Doc {
    /// Frees a document of any depth with a work list, not recursion: a
    /// million-deep value's document is millions of nested boxes.
    fn drop(&mut self) {
        fn take_children(d: &mut Doc, out: &mut Vec<Doc>) {
            match d {
                Doc::Concat(v) => out.append(v),
                Doc::Nest(_, b) | Doc::Group(b) => out.push(std::mem::replace(&mut **b, Doc::Nil)),
                Doc::Nil | Doc::Text(_) | Doc::Break(..) => {}
            }
        }
        let mut work = Vec::new();
        take_children(self, &mut work);
        while let Some(mut d) = work.pop() {
            take_children(&mut d, &mut work);
        }
    }
}

thread_local! {
    /// What a struct with its own Inspect implementation printed, by the
    /// address of its map, while a native renders (see `user_inspected`).
    static SUBSTITUTES: std::cell::RefCell<Vec<(usize, String)>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The first such struct met with nothing printed for it yet.
    static MISSING: std::cell::RefCell<Option<Value>> = const { std::cell::RefCell::new(None) };
}

/// A struct whose Inspect implementation is phial code: the text that
/// code produced, when the native rendering this was given it
/// (`with_substitutes`); else a placeholder, and the struct is recorded so
/// the native can have the implementation run and render again
/// (`take_missing`, `machine::native`).
fn user_inspected(v: &Value, m: &crate::value::MapInner) -> Doc {
    let key = m as *const crate::value::MapInner as usize;
    let found = SUBSTITUTES.with(|s| {
        s.borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, t)| t.clone())
    });
    match found {
        Some(t) => text(t),
        None => {
            MISSING.with(|x| {
                let mut x = x.borrow_mut();
                if x.is_none() {
                    *x = Some(v.clone());
                }
            });
            Doc::Nil
        }
    }
}

/// Runs `f` (a native that renders) with these texts for structs with
/// their own Inspect implementation, keyed by `substitute_key`.
pub fn with_substitutes<R>(subs: &[(usize, String)], f: impl FnOnce() -> R) -> R {
    let saved = SUBSTITUTES.with(|s| std::mem::replace(&mut *s.borrow_mut(), subs.to_vec()));
    let r = f();
    SUBSTITUTES.with(|s| *s.borrow_mut() = saved);
    r
}

/// An `Inspect.Algebra` document built by phial code (binaries and the
/// `{:doc_cons, a, b}`-style tuples of `library/elixir/inspect_algebra.ex`), as a layout
/// document. `None`: not a document. Iterative: user code can build a
/// document of any depth (a fold over a long list nests to the right).
pub fn from_algebra(v: &Value) -> Option<Doc> {
    enum Work<'a> {
        Visit(&'a Value),
        /// Build from the last `n` results.
        Cons,
        Nest(usize),
        Group,
    }
    let mut work = vec![Work::Visit(v)];
    let mut out: Vec<Doc> = Vec::new();
    while let Some(w) = work.pop() {
        match w {
            Work::Visit(v) => match v {
                Value::Bin(s) => out.push(text(s.to_string_lossy().into_owned())),
                Value::Atom(a) if a.as_str() == "doc_nil" => out.push(Doc::Nil),
                Value::Atom(a) if a.as_str() == "doc_line" => out.push(Doc::Break(" ", false)),
                Value::Tuple(t) => {
                    let tag = t.first().and_then(Value::as_atom)?;
                    match (tag.as_str(), &t[1..]) {
                        ("doc_string", [Value::Bin(s), _]) => {
                            out.push(text(s.to_string_lossy().into_owned()))
                        }
                        ("doc_cons", [a, b]) => {
                            work.push(Work::Cons);
                            work.push(Work::Visit(b));
                            work.push(Work::Visit(a));
                        }
                        ("doc_nest", [d, Value::Int(n), ..]) => {
                            work.push(Work::Nest((*n).max(0) as usize));
                            work.push(Work::Visit(d));
                        }
                        ("doc_break", [Value::Bin(s), mode]) => {
                            let flex = mode.as_atom().is_some_and(|m| m.as_str() == "flex");
                            out.push(Doc::Break(if s.byte_len() == 0 { "" } else { " " }, flex));
                        }
                        ("doc_group", [d, ..]) => {
                            work.push(Work::Group);
                            work.push(Work::Visit(d));
                        }
                        ("doc_color" | "doc_force" | "doc_fits", [d, ..]) => {
                            work.push(Work::Visit(d))
                        }
                        ("doc_collapse", _) => out.push(Doc::Nil),
                        _ => return None,
                    }
                }
                _ => return None,
            },
            Work::Cons => {
                let b = out.pop()?;
                let a = out.pop()?;
                out.push(Doc::Concat(vec![a, b]));
            }
            Work::Nest(n) => {
                let d = out.pop()?;
                out.push(Doc::Nest(n, Box::new(d)));
            }
            Work::Group => {
                let d = out.pop()?;
                out.push(Doc::Group(Box::new(d)));
            }
        }
    }
    out.pop()
}

/// The key `with_substitutes` knows a struct value by.
pub fn substitute_key(v: &Value) -> Option<usize> {
    match v {
        Value::Map(m) => Some(&**m as *const crate::value::MapInner as usize),
        _ => None,
    }
}

/// The first struct a rendering since the last call could not print.
pub fn take_missing() -> Option<Value> {
    MISSING.with(|x| x.borrow_mut().take())
}

/// A `%Range{}` whose fields are not all integers (`Range.__struct__()`
/// is `nil..nil//nil`): Elixir's Inspect.Range prints it all the same.
fn odd_range_doc(v: &Value, m: &crate::value::MapInner, opts: &InspectOpts) -> Option<Doc> {
    if v.struct_name() != Some(Atom::RANGE) || m.len() != 4 {
        return None;
    }
    let first = v.map_get(Atom::FIRST)?;
    let last = v.map_get(Atom::LAST)?;
    let step = v.map_get(Atom::STEP)?;
    let mut parts = vec![to_doc(first, opts), text(".."), to_doc(last, opts)];
    let ascending = crate::term::compare(last, first) != std::cmp::Ordering::Less;
    if !(matches!(step, Value::Int(1)) && ascending) {
        parts.push(text("//"));
        parts.push(to_doc(step, opts));
    }
    Some(Doc::Concat(parts))
}

/// `@derive {Inspect, only: [...]}` / `except: [...]`: `#Name<k: v, ...>`,
/// the hidden fields shown as a trailing `...`. (Its fields' documents are
/// made by a nested `to_doc`: a derived struct nests only as deep as the
/// program's own struct definitions.)
fn derived(
    d: &crate::structs::StructDef,
    o: &Value,
    m: &crate::value::MapInner,
    opts: &InspectOpts,
) -> Doc {
    let only: Option<Vec<Atom>> = crate::library::support::terms::keyword_get(o, "only")
        .map(|l| l.iter_list().filter_map(Value::as_atom).collect());
    let except = derive_atoms(o, "except");
    let optional = derive_atoms(o, "optional");
    let fields: Vec<Atom> = d
        .fields
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| *k != Atom::EXCEPTION)
        .collect();
    let shown: Vec<Atom> = fields
        .iter()
        .copied()
        .filter(|k| only.as_ref().is_none_or(|o| o.contains(k)) && !except.contains(k))
        .collect();
    let mut items: Vec<Doc> = shown
        .iter()
        .filter_map(|k| m.get(&Value::Atom(*k)).map(|v| (k, v)))
        .filter(|(k, v)| {
            !(optional.contains(k)
                && d.fields
                    .iter()
                    .any(|(f, default)| f == *k && crate::term::equal(v, default)))
        })
        .map(|(k, v)| Doc::Concat(vec![text(keyword_key(*k)), to_doc(v, opts)]))
        .collect();
    if shown.len() < fields.len() {
        items.push(text("..."));
    }
    let open = format!("#{}<", crate::error::module_name(d.module));
    container(open, items, ">", false, true, None)
}

/// The atoms a derive option lists (`except: [...]`), none if absent.
fn derive_atoms(o: &Value, key: &str) -> Vec<Atom> {
    crate::library::support::terms::keyword_get(o, key)
        .map(|l| l.iter_list().filter_map(Value::as_atom).collect())
        .unwrap_or_default()
}

/// `%{...}`: a map's entries in map order.
fn plain_map(m: &crate::value::MapInner, limit: usize) -> Frame<'_> {
    let entries = crate::format::map_entries(m);
    let keyword = keyword_keys(m.keys());
    map_frame("%{".into(), &entries, limit, keyword)
}

/// `v` laid out to fit `width` columns where it can (`usize::MAX`: flat),
/// as `IO.inspect` prints it. The caller's label is not counted.
pub fn pretty(v: &Value, opts: &InspectOpts, width: usize) -> String {
    render(&Doc::Group(Box::new(to_doc(v, opts))), width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(n: i64) -> Value {
        Value::list((1..=n).map(Value::Int).collect())
    }

    #[test]
    fn flat_list_fills_lines_with_one_space_indent() {
        let s = pretty(&ints(26), &InspectOpts::default(), 80);
        assert_eq!(
            s,
            "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,\n 23, 24, 25, 26]"
        );
    }

    #[test]
    fn nested_limit_is_decremented() {
        let v = Value::list(vec![ints(52)]);
        let s = pretty(&v, &InspectOpts::default(), usize::MAX);
        assert!(s.ends_with("48, 49, ...]]"), "{s}");
    }
}
