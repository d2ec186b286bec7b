//! SIGTERM and SIGINT for scripts, as the BEAM answers them: SIGTERM
//! logs a notice and shuts down with status 0; SIGINT opens the BREAK
//! menu on stdout and reads the choice from stdin (`c` continues,
//! anything else, end of input included, aborts with status 0). Either
//! way what the script printed is flushed first, so nothing written is
//! lost.
//!
//! The signals are taken by a thread of their own (`signal-hook`'s
//! iterator), not in a handler, so the answer may lock stdout and read
//! stdin. Not here: the shell, whose line editor reads Ctrl-C as a key.

use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use std::io::{BufRead, Write};

const BREAK_MENU: &str = "\r\nBREAK: (a)bort (A)bort with dump (c)ontinue (p)roc info (i)nfo\r\n       (l)oaded (v)ersion (k)ill (D)b-tables (d)istribution\r\n";

/// Starts the signal thread; if the signals cannot be taken, they keep
/// their default actions.
pub fn install_for_scripts() {
    let Ok(mut signals) = Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("phial-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                match sig {
                    SIGTERM => {
                        let _ = std::io::stdout().lock().flush();
                        let _ = writeln!(
                            std::io::stderr().lock(),
                            "\n{} [notice] SIGTERM received - shutting down\n",
                            clock()
                        );
                        std::process::exit(0);
                    }
                    SIGINT => {
                        {
                            let mut out = std::io::stdout().lock();
                            let _ = out.write_all(BREAK_MENU.as_bytes());
                            let _ = out.flush();
                        }
                        let mut choice = String::new();
                        let read = std::io::stdin().lock().read_line(&mut choice);
                        if !matches!(read, Ok(n) if n > 0 && choice.trim_start().starts_with('c')) {
                            std::process::exit(0);
                        }
                    }
                    _ => {}
                }
            }
        });
}

/// `HH:MM:SS.mmm` of now (UTC), as Logger stamps its lines.
fn clock() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let ms = now.as_millis() % 86_400_000;
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}
