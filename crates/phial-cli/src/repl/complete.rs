//! Tab completion: variables in scope, helpers and Kernel functions for a
//! bare word; module names for a capitalised word (`Enu` → `Enum`); a
//! module's public functions after `Mod.` or `:erl.` (`IO.pu` → `IO.puts`).
//!
//! Not here: the editor wiring (`editor`).

use super::Names;
use phial_eval::atom::Atom;
use phial_eval::error::module_name;
use phial_eval::Vm;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

pub struct Completer {
    pub vm: Arc<Vm>,
    pub names: Names,
}

/// One candidate: what is shown (`puts/1`) and what is inserted (`puts`);
/// a function has one candidate per arity, as IEx lists them.
pub struct Candidate {
    pub display: String,
    pub replacement: String,
    /// A module name: typed in full, Tab adds its `.` (as IEx).
    pub module: bool,
}

/// A function's candidates, one per arity (`map/2`, `map/3`).
fn per_arity(name: String, mut arities: Vec<u32>) -> impl Iterator<Item = Candidate> {
    arities.sort();
    arities.dedup();
    arities.into_iter().map(move |a| Candidate {
        display: format!("{name}/{a}"),
        replacement: name.clone(),
        module: false,
    })
}

fn module(name: String) -> Candidate {
    Candidate {
        display: name.clone(),
        replacement: name,
        module: true,
    }
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '?' | '!' | ':')
}

impl Completer {
    /// Every module with its public functions: compiled modules and builtins.
    fn modules(&self) -> HashMap<Atom, Vec<(Atom, u32)>> {
        let mut all: HashMap<Atom, Vec<(Atom, u32)>> = HashMap::new();
        for (m, fs) in self.vm.module_functions() {
            all.entry(m).or_default().extend(fs);
        }
        for m in phial_eval::library::modules() {
            let fs = phial_eval::library::functions_of(m);
            all.entry(m)
                .or_default()
                .extend(fs.into_iter().map(|(n, a)| (n, a as u32)));
        }
        all
    }

    /// The start of the word being completed and the candidates for it.
    pub fn complete(&self, line: &str, pos: usize) -> (usize, Vec<Candidate>) {
        let before = &line[..pos];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| word_char(*c))
            .last()
            .map_or(pos, |(i, _)| i);
        let word = &before[start..];
        // A module of a lazily compiled unit (Enum's phial part) lists its
        // functions only once loaded.
        if let Some(dot) = word.rfind('.') {
            let m = &word[..dot];
            self.vm.ensure_lazy(match m.strip_prefix(':') {
                Some(erl) => Atom::new(erl),
                None => Atom::alias(m),
            });
        }
        let modules = self.modules();
        let mut out: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut plain: Vec<String> = Vec::new();
        if let Some(dot) = word.rfind('.') {
            // `Mod.fun` or `:erl.fun`
            let (m, prefix) = (&word[..dot], &word[dot + 1..]);
            let atom = match m.strip_prefix(':') {
                Some(erl) => Atom::new(erl),
                None => Atom::alias(m),
            };
            if let Some(fs) = modules.get(&atom) {
                for (f, a) in fs {
                    let name = f.as_str();
                    if name.starts_with(prefix) && !name.starts_with("__") {
                        out.entry(name.to_string()).or_default().push(*a);
                    }
                }
            }
            // Nested module names: `IEx.He` → `IEx.Helpers`.
            for mod_atom in modules.keys() {
                let full = module_name(*mod_atom);
                if let Some(rest) = full.strip_prefix(&format!("{m}.")) {
                    if rest.starts_with(prefix) && !rest.contains('.') {
                        plain.push(rest.to_string());
                    }
                }
            }
            plain.sort();
            plain.dedup();
            let cands = out
                .into_iter()
                .flat_map(|(name, arities)| per_arity(name, arities))
                .chain(plain.into_iter().map(module))
                .collect();
            return (start + dot + 1, cands);
        }
        if word.starts_with(|c: char| c.is_uppercase()) {
            let mut names: Vec<String> = modules
                .keys()
                .map(|m| module_name(*m))
                .filter(|n| n.starts_with(word) && !n.starts_with(':'))
                .map(|n| n.split('.').next().unwrap_or_default().to_string())
                .collect();
            names.sort();
            names.dedup();
            let cands = names.into_iter().map(module).collect();
            return (start, cands);
        }
        if let Some(prefix) = word.strip_prefix(':') {
            let mut names: Vec<String> = modules
                .keys()
                .map(|m| module_name(*m))
                .filter_map(|n| n.strip_prefix(':').map(str::to_string))
                .filter(|n| n.starts_with(prefix))
                .collect();
            names.sort();
            names.dedup();
            let cands = names.into_iter().map(|n| module(format!(":{n}"))).collect();
            return (start, cands);
        }
        // A bare word: variables, helpers, Kernel functions.
        let mut vars: Vec<String> = Vec::new();
        if let Ok(names) = self.names.lock() {
            vars.extend(names.iter().filter(|n| n.starts_with(word)).cloned());
        }
        let mut funs: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (h, _) in super::helpers::HELPERS {
            let (name, arity) = h.split_once('/').unwrap_or((h, "0"));
            if name.starts_with(word) {
                funs.entry(name.to_string())
                    .or_default()
                    .push(arity.parse().unwrap_or(0));
            }
        }
        if let Some(fs) = modules.get(&Atom::KERNEL) {
            for (f, a) in fs {
                let name = f.as_str();
                let callable = name.starts_with(|c: char| c.is_alphabetic() || c == '_');
                if callable && name.starts_with(word) && !name.starts_with("__") {
                    funs.entry(name.to_string()).or_default().push(*a);
                }
            }
        }
        let mut cands: Vec<Candidate> = vars
            .iter()
            .map(|v| Candidate {
                display: v.clone(),
                replacement: v.clone(),
                module: false,
            })
            .collect();
        cands.extend(
            funs.into_iter()
                .filter(|(name, _)| !vars.contains(name))
                .flat_map(|(name, arities)| per_arity(name, arities)),
        );
        (start, cands)
    }
}
