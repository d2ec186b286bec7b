//! The document algebra the formatter builds and lays out: Elixir's
//! `Inspect.Algebra` semantics (strict and flex breaks, groups that
//! inherit their parent's mode, nesting by a number, to the cursor or back
//! to column 0, `force_unfit`, `next_break_fits`), over an arena of nodes.
//!
//! Not here: what the formatter puts in a document (`format.rs`); the
//! runtime's `Inspect.Algebra` for `inspect` (phial-eval's `pretty.rs`).
//! Laying out never recurses: both the layout and the fitting test keep
//! explicit stacks.

/// A node of the arena.
pub type Id = u32;

#[derive(Clone, Copy, PartialEq)]
pub enum Indent {
    By(i32),
    Cursor,
    Reset,
}

enum Node {
    Nil,
    Text(Box<str>),
    Cons(Id, Id),
    /// The document, the nesting, and whether it applies always (else
    /// only when its group breaks).
    Nest(Id, Indent, bool),
    /// The text of the break when flat, and whether it is a flex break.
    Break(&'static str, bool),
    /// The document, and whether it inherits a breaking parent's mode.
    Group(Id, bool),
    /// `next_break_fits`: enabled or disabled.
    Fits(Id, bool),
    Force(Id),
    Line,
    /// `collapse_lines`: the line breaks that follow, up to the next
    /// text, become at most this many.
    Collapse(u32),
}

/// The documents of one formatting run.
pub struct Docs {
    nodes: Vec<Node>,
}

pub const NIL: Id = 0;

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Flat,
    FlatNoBreak,
    Break,
    BreakNoFlat,
}

impl Default for Docs {
    fn default() -> Self {
        Self::new()
    }
}

impl Docs {
    pub fn new() -> Self {
        Docs {
            nodes: vec![Node::Nil],
        }
    }

    fn push(&mut self, n: Node) -> Id {
        self.nodes.push(n);
        (self.nodes.len() - 1) as Id
    }

    pub fn is_nil(&self, d: Id) -> bool {
        matches!(self.nodes[d as usize], Node::Nil)
    }

    pub fn text(&mut self, s: &str) -> Id {
        if s.is_empty() {
            return NIL;
        }
        self.push(Node::Text(s.into()))
    }

    pub fn concat(&mut self, a: Id, b: Id) -> Id {
        if self.is_nil(a) {
            return b;
        }
        if self.is_nil(b) {
            return a;
        }
        self.push(Node::Cons(a, b))
    }

    pub fn concat_all(&mut self, parts: &[Id]) -> Id {
        parts.iter().fold(NIL, |acc, &p| self.concat(acc, p))
    }

    pub fn nest(&mut self, d: Id, by: Indent, always: bool) -> Id {
        if by == Indent::By(0) {
            return d;
        }
        self.push(Node::Nest(d, by, always))
    }

    pub fn nest2(&mut self, d: Id) -> Id {
        self.nest(d, Indent::By(2), true)
    }

    pub fn brk(&mut self, s: &'static str) -> Id {
        self.push(Node::Break(s, false))
    }

    pub fn flex_break(&mut self, s: &'static str) -> Id {
        self.push(Node::Break(s, true))
    }

    pub fn glue(&mut self, a: Id, s: &'static str, b: Id) -> Id {
        let br = self.brk(s);
        let ab = self.concat(a, br);
        self.concat(ab, b)
    }

    pub fn flex_glue(&mut self, a: Id, b: Id) -> Id {
        let br = self.flex_break(" ");
        let ab = self.concat(a, br);
        self.concat(ab, b)
    }

    pub fn group(&mut self, d: Id) -> Id {
        self.push(Node::Group(d, false))
    }

    pub fn group_inherit(&mut self, d: Id) -> Id {
        self.push(Node::Group(d, true))
    }

    /// The document inside a group, for callers that rebuild around it.
    pub fn ungroup(&self, d: Id) -> Id {
        match self.nodes[d as usize] {
            Node::Group(x, _) => x,
            _ => d,
        }
    }

    pub fn is_group(&self, d: Id) -> bool {
        matches!(self.nodes[d as usize], Node::Group(..))
    }

    pub fn next_break_fits(&mut self, d: Id, enabled: bool) -> Id {
        self.push(Node::Fits(d, enabled))
    }

    pub fn force(&mut self, d: Id) -> Id {
        self.push(Node::Force(d))
    }

    pub fn line(&mut self) -> Id {
        self.push(Node::Line)
    }

    pub fn collapse(&mut self, max: u32) -> Id {
        self.push(Node::Collapse(max))
    }

    /// `a`, a line break, `b`.
    pub fn line_join(&mut self, a: Id, b: Id) -> Id {
        let l = self.line();
        let al = self.concat(a, l);
        self.concat(al, b)
    }

    /// Appends `s` to the last group of `d` (a comma after an argument
    /// belongs inside the argument's group, so it is measured with it).
    pub fn concat_to_last_group(&mut self, d: Id, s: &str) -> Id {
        let t = self.text(s);
        match self.nodes[d as usize] {
            Node::Cons(a, b) => {
                let b2 = self.concat_to_last_group(b, s);
                self.push(Node::Cons(a, b2))
            }
            Node::Group(x, inherit) => {
                let x2 = self.concat(x, t);
                self.push(Node::Group(x2, inherit))
            }
            _ => self.concat(d, t),
        }
    }

    /// Lays `d` out at `width` columns.
    pub fn render(&self, d: Id, width: usize) -> String {
        let w = width as i64;
        let mut out = String::new();
        let mut k: i64 = 0;
        let mut stack: Vec<(i64, Mode, Id)> = vec![(0, Mode::Flat, d)];
        // An open collapse: its maximum, its indentation, the newlines
        // held back so far.
        let mut collapse: Option<(u32, i64, u32)> = None;
        while let Some((i, m, id)) = stack.pop() {
            if let Some((max, ci, count)) = collapse {
                match &self.nodes[id as usize] {
                    Node::Line => {
                        collapse = Some((max, ci, count + 1));
                        k = i;
                        continue;
                    }
                    Node::Break(s, false) if m == Mode::Break => {
                        collapse = Some((max, ci, count + 1));
                        k = i;
                        let _ = s;
                        continue;
                    }
                    Node::Text(_) => {
                        for _ in 0..count.min(max) {
                            out.push('\n');
                        }
                        for _ in 0..ci.max(0) {
                            out.push(' ');
                        }
                        k = ci;
                        collapse = None;
                    }
                    _ => {}
                }
            }
            match &self.nodes[id as usize] {
                Node::Nil => {}
                Node::Collapse(max) => {
                    collapse = Some((*max, i, 0));
                    k = i;
                }
                Node::Line => {
                    newline(&mut out, i);
                    k = i;
                }
                Node::Cons(a, b) => {
                    stack.push((i, m, *b));
                    stack.push((i, m, *a));
                }
                Node::Text(s) => {
                    out.push_str(s);
                    k += s.len() as i64;
                }
                Node::Force(x) | Node::Fits(x, _) => stack.push((i, m, *x)),
                Node::Break(s, true) => {
                    k += s.len() as i64;
                    if m == Mode::Flat || self.fits(w, k, true, Vec::new(), &stack) {
                        out.push_str(s);
                    } else {
                        newline(&mut out, i);
                        k = i;
                    }
                }
                Node::Break(s, false) => {
                    if m == Mode::Break {
                        newline(&mut out, i);
                        k = i;
                    } else {
                        out.push_str(s);
                        k += s.len() as i64;
                    }
                }
                Node::Nest(x, by, always) => {
                    if *always || m == Mode::Break {
                        stack.push((nesting(i, k, *by), m, *x));
                    } else {
                        stack.push((i, m, *x));
                    }
                }
                Node::Group(x, true) if m == Mode::Break => stack.push((i, Mode::Break, *x)),
                Node::Group(x, _) => {
                    let mode = if self.fits(w, k, false, vec![Fit::Doc(i, Mode::Flat, *x)], &[]) {
                        Mode::Flat
                    } else {
                        Mode::Break
                    };
                    stack.push((i, mode, *x));
                }
            }
        }
        if let Some((max, ci, count)) = collapse {
            for _ in 0..count.min(max) {
                out.push('\n');
            }
            let _ = ci;
        }
        out
    }

    /// Whether what is in `local`, then `rest` (read from its top), fits
    /// on the current line: Elixir's `fits?/4`.
    fn fits(
        &self,
        w: i64,
        mut k: i64,
        mut b: bool,
        mut local: Vec<Fit>,
        rest: &[(i64, Mode, Id)],
    ) -> bool {
        let mut next_rest = rest.len();
        loop {
            if k > w && b {
                return false;
            }
            let entry = match local.pop() {
                Some(e) => e,
                None => {
                    if next_rest == 0 {
                        return true;
                    }
                    next_rest -= 1;
                    let (i, m, id) = rest[next_rest];
                    Fit::Doc(i, m, id)
                }
            };
            let (i, m, id) = match entry {
                Fit::Tail(tb) => {
                    b = tb;
                    continue;
                }
                Fit::Doc(i, m, id) => (i, m, id),
            };
            match (&self.nodes[id as usize], m) {
                (Node::Fits(x, false), _) => local.push(Fit::Doc(i, Mode::FlatNoBreak, *x)),
                (Node::Fits(x, _), Mode::FlatNoBreak) => {
                    local.push(Fit::Doc(i, Mode::FlatNoBreak, *x))
                }
                (Node::Fits(x, true), _) => local.push(Fit::Doc(i, Mode::BreakNoFlat, *x)),
                (Node::Force(x), Mode::BreakNoFlat) => {
                    local.push(Fit::Doc(i, Mode::BreakNoFlat, *x))
                }
                (Node::Break(..) | Node::Line, Mode::BreakNoFlat | Mode::Break) => return true,
                (Node::Group(x, _), Mode::Break) => {
                    local.push(Fit::Tail(b));
                    local.push(Fit::Doc(i, Mode::Flat, *x));
                }
                (Node::Line, _) => {
                    k = i;
                    b = false;
                }
                (Node::Nil, _) => {}
                (Node::Collapse(_), _) => k = i,
                (Node::Text(s), _) => k += s.len() as i64,
                (Node::Force(_), _) => return false,
                (Node::Break(s, _), _) => {
                    k += s.len() as i64;
                    b = true;
                }
                (Node::Nest(x, _, false), _) => local.push(Fit::Doc(i, m, *x)),
                (Node::Nest(x, by, true), _) => local.push(Fit::Doc(nesting(i, k, *by), m, *x)),
                (Node::Cons(x, y), _) => {
                    local.push(Fit::Doc(i, m, *y));
                    local.push(Fit::Doc(i, m, *x));
                }
                (Node::Group(x, _), _) => {
                    local.push(Fit::Tail(b));
                    local.push(Fit::Doc(i, m, *x));
                }
            }
        }
    }
}

enum Fit {
    Doc(i64, Mode, Id),
    Tail(bool),
}

fn nesting(i: i64, k: i64, by: Indent) -> i64 {
    match by {
        Indent::By(j) => i + j as i64,
        Indent::Cursor => k,
        Indent::Reset => 0,
    }
}

fn newline(out: &mut String, i: i64) {
    out.push('\n');
    for _ in 0..i.max(0) {
        out.push(' ');
    }
}
