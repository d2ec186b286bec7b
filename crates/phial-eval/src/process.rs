//! A phial process as the runtime sees it: the `Body` that owns a frame
//! stack and a value stack, and what happens when its code finishes or
//! crashes (which depends on its role: script main, spawned, shell).
//!
//! Also the `Term` implementation that tells the runtime how to build exit
//! and DOWN messages out of phial values.
//!
//! Not here: executing ops (`machine`).

use crate::atom::Atom;
use crate::code::FnCode;
use crate::error::{format_banner, Kind, Raise};
use crate::format::inspect;
use crate::stacktrace::{self, Trace};
use crate::value::{Fun, Value};
use crate::vm::Vm;
use phial_runtime::{Body, Cx, Pid, Ref, Step, Term};
use std::sync::Arc;
use std::time::Instant;

/// A suspended call: where a frame resumes.
pub(crate) struct Frame {
    /// The running function. Either a module function, which the VM keeps
    /// for its whole life (`Vm::define_module` never frees a module), or the
    /// code held alive by `owner`. A raw pointer rather than an `Arc`: every
    /// process calling the same function would otherwise bounce that `Arc`'s
    /// reference count between cores on every call.
    code: *const FnCode,
    /// For closures and programs: the function value being called, which
    /// keeps `code` alive while the frame runs. Moved off the value stack
    /// by the call, so calling a closure touches no reference count (a
    /// closure shared by processes on other cores would otherwise bounce
    /// the count of its code between them). Never read: it is held for its
    /// `Drop`.
    owner: Option<Arc<Fun>>,
    // `pc` and `base` are full words, like the pointers beside them: a frame
    // built from two 32-bit halves and then copied as one 64-bit word stalls
    // the store buffer on every call (store-to-load forwarding fails).
    pub pc: usize,
    /// Index of local slot 0 in the value stack. Slots `0..arity` are the
    /// arguments, where the caller pushed them; everything from `base` up
    /// goes when the frame returns.
    pub base: usize,
}

impl Frame {
    /// A frame running a module function (code the VM never frees).
    #[inline]
    pub fn module_fn(code: &FnCode, pc: usize, base: usize) -> Frame {
        Frame {
            code,
            owner: None,
            pc,
            base,
        }
    }

    /// A frame running `code`, the code of closure `owner`, which keeps
    /// it alive (a pointer, since it points into `owner`, which moves in).
    #[inline]
    pub fn owned(owner: Arc<Fun>, code: *const FnCode, pc: usize, base: usize) -> Frame {
        Frame {
            code,
            owner: Some(owner),
            pc,
            base,
        }
    }

    /// The closure or program this frame runs, if it is one.
    pub(crate) fn owner(&self) -> Option<&Arc<Fun>> {
        self.owner.as_ref()
    }

    /// The code this frame runs. The reference is not tied to `self`: the
    /// machine keeps using it after popping the frame only for module code
    /// (see `machine::run`).
    #[inline]
    pub fn code<'a>(&self) -> &'a FnCode {
        // SAFETY: `code` points either into the VM's module table, which never
        // frees a module while the VM lives (and every process holds the VM),
        // or at the code `owner` keeps alive for as long as this frame exists.
        unsafe { &*self.code }
    }
}

// SAFETY: `FnCode` is immutable after compilation and `Sync`; the raw
// pointer is a borrow of code kept alive as described on `Frame::code`, so
// moving a frame to another worker thread is as safe as moving an `Arc`.
unsafe impl Send for Frame {}

/// A process dictionary: keys in insertion order (few, so a list).
pub type Dict = Vec<(Value, Value)>;

/// The parts of a process that few processes ever use, kept behind one
/// pointer so that a parked process stays small (`spawn_million`).
#[derive(Default)]
pub struct Rare {
    /// The process dictionary (`Process.put/2`, `get/1`, ...).
    pub dict: Dict,
    /// An uncaught exception waiting while its module's `message/1` runs,
    /// and what that returned (see `machine::unwind::ask_message`).
    pub crashing: Option<Raise>,
    pub crashing_trace: Option<Trace>,
    pub crash_message: Option<String>,
    /// Where the latest raise happened (`__STACKTRACE__`, exit reasons).
    pub trace: Option<Trace>,
    /// The trace the next raise carries instead of its own frames
    /// (`reraise/3`, `:erlang.raise/3`, an `after` re-raising).
    pub pending_trace: Option<Trace>,
    /// The next raise is `raise/1`'s, whose trace Elixir marks (see
    /// `stacktrace::mark_raised`).
    pub raise_marked: bool,
    /// The operator that failed and its operands, for the next raise's
    /// first entry (see `stacktrace::bif_entry`).
    pub bif: Option<(&'static str, Vec<Value>)>,
}

/// An installed `try`: where to unwind to.
pub(crate) struct HandlerRec {
    pub frame_depth: u32,
    pub stack_len: u32,
    pub handler: u32,
}

/// What the host of an interactive shell provides to the shell process.
pub trait ShellHost: Send + Sync {
    /// The next program to run, if one is waiting (taken once).
    fn next_job(&self) -> Option<(Arc<FnCode>, Vec<Value>)>;
    /// The result of the job just run (`Ok(value)` or the uncaught raise),
    /// with what IEx prints of a raise besides its banner (empty for a
    /// value).
    fn finished(&self, pid: Pid, result: Result<Value, Raise>, report: ErrorReport);
}

/// What the shell prints of an uncaught raise after its banner.
#[derive(Default)]
pub struct ErrorReport {
    /// Appended to the banner's message (`ArithmeticError.blame/2`).
    pub blame: String,
    /// The stacktrace's lines, the input's own frames left out.
    pub trace: String,
}

pub enum Role {
    /// The script's main process: prints an uncaught error and exits with it.
    Main,
    /// A spawned process: a crash is reported through Logger (stdout).
    Spawned,
    /// The interactive shell: runs jobs one after another, forever.
    Shell(Arc<dyn ShellHost>),
    /// Code the compiler runs for its value (a module attribute), whose
    /// result, or the report of its uncaught error, it waits for here.
    Eval(Arc<parking_lot::Mutex<Option<Result<Value, crate::compile::EvalError>>>>),
}

/// The marker a shell host sends to wake an idle shell; never seen by user code.
pub fn shell_wake() -> Value {
    Value::Atom(Atom::new("$phial_shell_wake"))
}

pub struct Process {
    pub(crate) vm: Arc<Vm>,
    pub(crate) frames: Vec<Frame>,
    pub(crate) stack: Vec<Value>,
    pub(crate) handlers: Vec<HandlerRec>,
    /// Continuations of stepping natives waiting for phial code they
    /// called, innermost last, each with the depth of the frame it waits in
    /// (see `machine::native`).
    pub(crate) natives: Vec<(u32, Box<dyn crate::library::Resume>)>,
    /// What few processes use (see `Rare`), allocated on first use.
    pub(crate) rare: Option<Box<Rare>>,
    pub(crate) recv_deadline: Option<Instant>,
    /// Messages at the front of the mailbox that a pure `receive` site
    /// already rejected: `(code address, switch, count)`.
    pub(crate) recv_mark: Option<(usize, u32, usize)>,
    /// Whether the call to make on the first run is waiting on the value
    /// stack: the function, then its arguments, all the stack holds. (On
    /// the stack rather than in a field of its own: the control block of
    /// a parked process must fit mimalloc's 384-byte size class; see
    /// `tests::parked_process_fits_its_size_class`.)
    pub(crate) starting: bool,
    pub(crate) role: Role,
}

impl Process {
    /// The rarely used parts, allocated now if they were not.
    pub(crate) fn rare(&mut self) -> &mut Rare {
        self.rare.get_or_insert_with(Default::default)
    }

    /// A process that will call `fun` with `args`.
    pub fn new(vm: Arc<Vm>, fun: Value, args: Vec<Value>, role: Role) -> Process {
        Process {
            vm,
            frames: Vec::new(),
            stack: {
                let mut stack = Vec::new();
                stack.push(fun);
                stack.extend(args);
                stack
            },
            handlers: Vec::new(),
            natives: Vec::new(),
            rare: None,
            recv_deadline: None,
            recv_mark: None,
            starting: true,
            role,
        }
    }

    /// A process that runs a compiled program (its captures are `bindings`).
    pub fn program(vm: Arc<Vm>, code: Arc<FnCode>, bindings: Vec<Value>, role: Role) -> Process {
        let fun = Value::Fun(Arc::new(Fun::Closure {
            code,
            captured: bindings.into_boxed_slice(),
        }));
        Process::new(vm, fun, Vec::new(), role)
    }

    /// The one-line report of an uncaught raise, with the message a
    /// `message/1` of the program's own gave, if it ran.
    fn banner(&mut self, r: &Raise) -> String {
        match (
            self.rare.as_mut().and_then(|x| x.crash_message.take()),
            r.kind,
        ) {
            (Some(m), Kind::Error) => {
                format!("** ({}) {m}", crate::error::exception_name(&r.value))
            }
            _ => format_banner(r),
        }
    }

    /// What the BEAM's error printers add to the message of `r` uncaught
    /// (`Exception.blame/3`): for an arithmetic error, the operation.
    fn blame(&self, r: &Raise) -> String {
        if r.kind == Kind::Error && r.value.struct_name() == Some(Atom::alias("ArithmeticError")) {
            stacktrace::arithmetic_blame(&self.trace_value())
        } else {
            String::new()
        }
    }

    /// The latest raise's trace as a term (`[]` if none was recorded).
    fn trace_value(&self) -> Value {
        self.rare
            .as_ref()
            .and_then(|x| x.trace.as_ref())
            .map_or(Value::Nil, Trace::to_value)
    }

    /// The exit reason of code that ended with `r`, as the BEAM gives it:
    /// the raw Erlang term of an error with its stacktrace (`{:badarith,
    /// stack}`, `{%RuntimeError{}, stack}`), `{{:nocatch, v}, stack}` for a
    /// throw, an exit's reason as it is.
    fn exit_reason(&self, r: &Raise) -> Value {
        match r.kind {
            Kind::Exit => r.value.clone(),
            Kind::Error => Value::tuple(vec![
                crate::error::denormalize(&r.value),
                self.trace_value(),
            ]),
            Kind::Throw => Value::tuple(vec![
                Value::tuple(vec![Value::Atom(Atom::NOCATCH), r.value.clone()]),
                self.trace_value(),
            ]),
        }
    }

    /// The code finished (or crashed) with this result.
    fn finish(
        &mut self,
        cx: &mut Cx<'_, Value, Process>,
        result: Result<Value, Raise>,
    ) -> Step<Value> {
        self.frames.clear();
        self.stack.clear();
        self.handlers.clear();
        self.natives.clear();
        self.recv_deadline = None;
        self.recv_mark = None;
        if matches!(self.role, Role::Main) {
            self.vm
                .main_finished
                .store(true, std::sync::atomic::Ordering::Release);
        }
        match &self.role {
            Role::Shell(host) => {
                let report = match &result {
                    Ok(_) => ErrorReport::default(),
                    Err(r) => ErrorReport {
                        blame: self.blame(r),
                        trace: stacktrace::format_compiled_lines(&self.trace_value(), "    "),
                    },
                };
                host.finished(cx.self_pid(), result, report);
                self.shell_idle(cx)
            }
            Role::Main => match result {
                Ok(_) => Step::Exit(Value::Atom(Atom::NORMAL)),
                Err(r) => {
                    let reason = self.exit_reason(&r);
                    if !(r.kind == Kind::Exit && quiet_exit(&r.value)) {
                        let mut text = self.banner(&r);
                        text.push_str(&self.blame(&r));
                        text.push('\n');
                        text.push_str(&stacktrace::format_lines(&self.trace_value(), "    "));
                        self.vm.out.stderr(&text);
                        self.vm.set_exit_code(1);
                    } else if let Some(code) = shutdown_code(&r.value) {
                        self.vm.set_exit_code(code);
                    }
                    Step::Exit(reason)
                }
            },
            Role::Eval(slot) => {
                let slot = slot.clone();
                let outcome = match result {
                    Ok(v) => Ok(v),
                    Err(r) => Err(crate::compile::EvalError {
                        report: self.banner(&r),
                        raised: Some(r),
                    }),
                };
                *slot.lock() = Some(outcome);
                Step::Exit(Value::Atom(Atom::NORMAL))
            }
            Role::Spawned => match result {
                Ok(_) => Step::Exit(Value::Atom(Atom::NORMAL)),
                Err(r) => {
                    let reason = self.exit_reason(&r);
                    if r.kind != Kind::Exit {
                        let body = match r.kind {
                            Kind::Throw => format!(
                                "** (ErlangError) Erlang error: {{:nocatch, {}}}",
                                inspect(&r.value)
                            ),
                            _ => self.banner(&r),
                        };
                        let mut report = crash_report(cx.self_pid(), &body);
                        report.push_str(&stacktrace::format_lines(&self.trace_value(), "    "));
                        // Elixir's Logger writes it, so it goes where a
                        // `Logger.error` goes, or nowhere below the level.
                        // Not when this crash kills the script's main
                        // process through a link: the VM halts first, and
                        // Elixir's asynchronous Logger never prints it.
                        if !self.kills_main(cx) {
                            crate::library::internal::phial_logger::log(
                                &self.vm,
                                "error",
                                report.trim_end_matches('\n'),
                                &[],
                            );
                        }
                    }
                    Step::Exit(reason)
                }
            },
        }
    }

    /// Whether this process's crash takes the script's main process down:
    /// they are linked and the main process does not trap exits.
    fn kills_main(&self, cx: &Cx<'_, Value, Process>) -> bool {
        let Some(main) = self.vm.main_pid.get().copied() else {
            return false;
        };
        let linked = cx
            .info(cx.self_pid())
            .is_some_and(|i| i.links.contains(&main));
        linked && cx.info(main).is_some_and(|i| !i.trap_exit)
    }

    /// An idle shell: start the next job if there is one, else wait.
    fn shell_idle(&mut self, cx: &mut Cx<'_, Value, Process>) -> Step<Value> {
        let Role::Shell(host) = &self.role else {
            return Step::Exit(Value::Atom(Atom::NORMAL));
        };
        cx.drain_new();
        let wake = shell_wake();
        let mut i = 0;
        while i < cx.mailbox_len() {
            if cx.message(i).map(|m| *m == wake).unwrap_or(false) {
                cx.take_message(i);
            } else {
                i += 1;
            }
        }
        match host.next_job() {
            Some((code, bindings)) => {
                let fun = Value::Fun(Arc::new(Fun::Closure {
                    code,
                    captured: bindings.into_boxed_slice(),
                }));
                // Nothing is live on the stack of an idle shell.
                self.stack.clear();
                self.stack.push(fun);
                self.starting = true;
                Step::Yield
            }
            None => Step::Wait { deadline: None },
        }
    }
}

/// Exits that end a script silently: `:normal` and `{:shutdown, _}`.
fn quiet_exit(reason: &Value) -> bool {
    match reason {
        Value::Atom(Atom::NORMAL) | Value::Atom(Atom::SHUTDOWN) => true,
        Value::Tuple(t) => t.len() == 2 && t[0].as_atom() == Some(Atom::SHUTDOWN),
        _ => false,
    }
}

fn shutdown_code(reason: &Value) -> Option<i32> {
    match reason {
        Value::Tuple(t) if t.len() == 2 && t[0].as_atom() == Some(Atom::SHUTDOWN) => {
            t[1].as_int().map(|i| i as i32)
        }
        _ => None,
    }
}

/// `Process #PID<0.N.0> raised an exception` and the error: the
/// message of Elixir's Logger report (the logger adds time and level).
fn crash_report(pid: Pid, body: &str) -> String {
    format!("Process {pid} raised an exception\n{body}\n")
}

thread_local! {
    /// Whether this worker thread is running a shell process's slice.
    static IN_SHELL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the code calling this (an `Output` write) runs in the shell
/// process: the REPL prints other processes' output after the input's
/// result, as IEx's asynchronous I/O ends up ordering it.
pub fn in_shell() -> bool {
    IN_SHELL.with(|c| c.get())
}

impl Body<Value> for Process {
    fn run(&mut self, cx: &mut Cx<'_, Value, Process>) -> Step<Value> {
        IN_SHELL.with(|c| c.set(matches!(self.role, Role::Shell(_))));
        if !self.starting && self.frames.is_empty() {
            return self.shell_idle(cx);
        }
        match crate::machine::execute(self, cx) {
            crate::machine::Outcome::Yield => Step::Yield,
            crate::machine::Outcome::Wait(deadline) => Step::Wait { deadline },
            crate::machine::Outcome::Done(v) => self.finish(cx, Ok(v)),
            crate::machine::Outcome::Raised(r) => self.finish(cx, Err(r)),
        }
    }

    fn heap_bytes(&self, messages: &mut dyn Iterator<Item = &Value>) -> usize {
        crate::heap::process_bytes(self, messages)
    }

    fn heap_exceeded(&mut self, pid: Pid, report: &phial_runtime::HeapReport) {
        if report.error_logger {
            self.vm.out.stderr(&crate::heap::report(pid, report));
        }
    }
}

impl Term for Value {
    fn normal() -> Self {
        Value::Atom(Atom::NORMAL)
    }
    fn kill() -> Self {
        Value::Atom(Atom::KILL)
    }
    fn killed() -> Self {
        Value::Atom(Atom::KILLED)
    }
    fn noproc() -> Self {
        Value::Atom(Atom::NOPROC)
    }
    fn is_normal(&self) -> bool {
        matches!(self, Value::Atom(Atom::NORMAL))
    }
    fn is_kill(&self) -> bool {
        matches!(self, Value::Atom(Atom::KILL))
    }
    fn exit_message(from: Pid, reason: Self) -> Self {
        Value::tuple(vec![Value::Atom(Atom::EXIT_TAG), Value::Pid(from), reason])
    }
    fn down_message(mref: Ref, pid: Pid, reason: Self) -> Self {
        Value::tuple(vec![
            Value::Atom(Atom::DOWN),
            Value::Ref(mref),
            Value::Atom(Atom::PROCESS),
            Value::Pid(pid),
            reason,
        ])
    }
    fn down_message_named(mref: Ref, pid: Pid, name: &str, reason: Self) -> Self {
        // The node of the pid (another node's for `{name, node}`).
        let object = Value::tuple(vec![
            Value::atom(name),
            Value::Atom(crate::dist::node_of(pid)),
        ]);
        Value::tuple(vec![
            Value::Atom(Atom::DOWN),
            Value::Ref(mref),
            Value::Atom(Atom::PROCESS),
            object,
            reason,
        ])
    }
    fn panic_reason(msg: &str) -> Self {
        Value::tuple(vec![Value::atom("phial_internal_error"), Value::str(msg)])
    }
    fn down_ref(&self) -> Option<Ref> {
        match self {
            Value::Tuple(t) if t.len() == 5 && t[0].as_atom() == Some(Atom::DOWN) => match t[1] {
                Value::Ref(r) => Some(r),
                _ => None,
            },
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Process;
    use crate::value::Value;

    /// A parked process's control block (the runtime's `Proc` holding this
    /// body) fits the 384-byte size class of mimalloc, the binary's
    /// allocator: one word more and every process takes the 448-byte
    /// class, 64 bytes more each (`spawn_million`'s bytes per process).
    #[test]
    fn parked_process_fits_its_size_class() {
        let bytes = phial_runtime::control_block_bytes::<Value, Process>();
        assert!(bytes <= 384, "a process's control block is {bytes} bytes");
    }
}
