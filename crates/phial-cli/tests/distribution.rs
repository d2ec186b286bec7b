//! phial nodes in a cluster with real Elixir nodes, all on this host
//! (127.0.0.1), registered with Erlang's `epmd`. Each scenario runs twice,
//! once with an Elixir node where phial stands and once with phial, and the
//! outputs must be the same: the expected output is the BEAM's own.
//!
//! Needs `elixir` and `epmd` (`.ci/run` installs Elixir when missing).
//! Every node gets a name unique to the test run; every process a test
//! starts is killed when the test ends, passed or failed.
//!
//! Not here: the protocol's unit behaviour (phial-dist), the shell prompt.

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique(prefix: &str) -> String {
    format!(
        "{prefix}{}x{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// This host's short name, as `--sname` completes a node name.
fn host() -> String {
    let out = Command::new("hostname").output().expect("hostname runs");
    let h = String::from_utf8_lossy(&out.stdout).trim().to_string();
    h.split('.').next().unwrap_or("localhost").to_string()
}

/// Kills what it holds when dropped, so a failing test leaves nothing.
struct Nodes(Vec<Child>);

impl Drop for Nodes {
    fn drop(&mut self) {
        for c in &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn epmd() {
    let _ = Command::new("epmd").arg("-daemon").status();
}

fn registered(name: &str) -> bool {
    Command::new("epmd")
        .arg("-names")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains(&format!("name {name} at port")))
        .unwrap_or(false)
}

fn script(body: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("{}.exs", unique("phial_dist_")));
    std::fs::write(&path, body).expect("temp script written");
    path
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Elixir,
    Phial,
}

fn command(kind: Kind) -> Command {
    match kind {
        Kind::Elixir => Command::new("elixir"),
        Kind::Phial => Command::new(env!("CARGO_BIN_EXE_phial")),
    }
}

/// Starts a node running `body` and waits until it prints `ready` (EPMD
/// knows a node before its script has registered anything).
fn server(nodes: &mut Nodes, kind: Kind, name: &str, cookie: &str, body: &str) {
    server_ticking(nodes, kind, name, cookie, body, None)
}

/// A node command with `net_ticktime` set to `ticktime` seconds, each
/// kind its own way: Erlang's kernel parameter, phial's environment.
fn ticking(kind: Kind, ticktime: Option<u32>) -> Command {
    let mut c = command(kind);
    if let Some(t) = ticktime {
        match kind {
            Kind::Elixir => {
                c.args(["--erl", &format!("-kernel net_ticktime {t}")]);
            }
            Kind::Phial => {
                c.env("PHIAL_NET_TICKTIME", t.to_string());
            }
        }
    }
    c
}

/// [`server`] with a `net_ticktime`.
fn server_ticking(
    nodes: &mut Nodes,
    kind: Kind,
    name: &str,
    cookie: &str,
    body: &str,
    ticktime: Option<u32>,
) {
    let file = script(body);
    let mut child = ticking(kind, ticktime)
        .args(["--sname", name, "--cookie", cookie])
        .arg(&file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("node starts");
    let stdout = child.stdout.take().expect("piped stdout");
    nodes.0.push(child);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line);
        let _ = tx.send(line);
    });
    let line = rx.recv_timeout(Duration::from_secs(60)).unwrap_or_default();
    assert_eq!(line, "ready\n", "{name} never got ready");
    assert!(registered(name), "{name} is not registered with epmd");
}

/// Runs `body` as a node given `args`, returning its stdout (bounded by
/// a deadline, after which it is killed).
fn client(kind: Kind, name: &str, cookie: &str, body: &str, args: &[&str]) -> String {
    let file = script(body);
    let mut child = command(kind)
        .args(["--sname", name, "--cookie", cookie])
        .arg(&file)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("client starts");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if child.try_wait().ok().flatten().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap_or_default()
}

/// A server both kinds of node run: it answers `{from, msg}` with
/// `{:echo, self(), msg}` until `:stop`, and defines what rpc calls.
const SERVER: &str = r#"
defmodule DistT do
  def add(a, b), do: a + b
  def boom, do: raise "boom"
end

defmodule Loop do
  def run do
    receive do
      {from, msg} ->
        send(from, {:echo, self(), msg})
        run()

      :stop ->
        :ok
    after
      60_000 -> :ok
    end
  end
end

Process.register(self(), :srv)
IO.puts("ready")
Loop.run()
"#;

const PAYLOAD: &str = r#"[1, -7, 255, 256, 2 ** 70, -(2 ** 70), 2.5, "three", <<1, 2, 3>>, :four, {5, {}}, %{"k" => [7], six: 6}, [], 'abc', [1 | 2], true, nil]"#;

/// Runs `client_body` against a server node of each kind; both outputs
/// must be the same and are returned.
fn against_both_servers(client_body: &str) -> String {
    epmd();
    let host = host();
    let mut outputs = Vec::new();
    for kind in [Kind::Elixir, Kind::Phial] {
        let mut nodes = Nodes(Vec::new());
        let srv = unique("srv");
        server(&mut nodes, kind, &srv, "distcookie", SERVER);
        let target = format!("{srv}@{host}");
        let out = client(
            Kind::Elixir,
            &unique("cli"),
            "distcookie",
            client_body,
            &[&target],
        );
        outputs.push(out);
    }
    assert_eq!(
        outputs[1], outputs[0],
        "phial as the server (right) vs the BEAM (left)"
    );
    outputs.remove(0)
}

/// Runs `client_body` as each kind of node against an Elixir server.
fn from_both_clients(client_body: &str, cookie: &str) -> String {
    epmd();
    let host = host();
    let mut outputs = Vec::new();
    for kind in [Kind::Elixir, Kind::Phial] {
        let mut nodes = Nodes(Vec::new());
        let srv = unique("srv");
        server(&mut nodes, Kind::Elixir, &srv, "distcookie", SERVER);
        let target = format!("{srv}@{host}");
        outputs.push(client(
            kind,
            &unique("cli"),
            cookie,
            client_body,
            &[&target],
        ));
    }
    assert_eq!(
        outputs[1], outputs[0],
        "phial as the client (right) vs the BEAM (left)"
    );
    outputs.remove(0)
}

#[test]
fn node_names_and_flags() {
    epmd();
    let name = unique("self");
    let body = "IO.inspect(Node.alive?())\nIO.inspect(node() == Node.self())\n[a, h] = String.split(Atom.to_string(node()), \"@\")\nIO.puts(a)\nIO.puts(h)\nIO.inspect(node(self()) == node())\n";
    let expected = format!("true\ntrue\n{name}\n{}\ntrue\n", host());
    assert_eq!(client(Kind::Phial, &name, "c", body, &[]), expected);
    let plain = Command::new(env!("CARGO_BIN_EXE_phial"))
        .args([
            "-e",
            "IO.inspect({node(), Node.alive?(), Node.list(), Node.connect(:a@b)})",
        ])
        .output()
        .expect("phial runs");
    let beam = Command::new("elixir")
        .args([
            "-e",
            "IO.inspect({node(), Node.alive?(), Node.list(), Node.connect(:a@b)})",
        ])
        .output()
        .expect("elixir runs");
    assert_eq!(
        String::from_utf8_lossy(&plain.stdout),
        String::from_utf8_lossy(&beam.stdout)
    );
}

#[test]
fn beam_to_phial_send_and_rpc() {
    let out = against_both_servers(&format!(
        r#"
[target] = Enum.map(System.argv(), &String.to_atom/1)
IO.inspect(Node.connect(target))
IO.inspect(target in Node.list())
send({{:srv, target}}, {{self(), {PAYLOAD}}})
pid =
  receive do
    {{:echo, pid, msg}} -> IO.inspect(msg); pid
  after
    10_000 -> IO.puts("no echo")
  end
IO.inspect(node(pid) == target)
send(pid, {{self(), :by_pid}})
receive do
  {{:echo, ^pid, msg}} -> IO.inspect(msg)
after
  10_000 -> IO.puts("no echo by pid")
end
IO.inspect(:rpc.call(target, DistT, :add, [1, 2]))
{{:badrpc, {{:EXIT, {{e, [top | _]}}}}}} = :rpc.call(target, DistT, :boom, [])
IO.inspect({{e, elem(top, 0), elem(top, 1)}})
Process.sleep(500)
IO.inspect(target in Node.list())
send({{:srv, target}}, :stop)
"#
    ));
    assert!(out.starts_with("true\ntrue\n[\n  1,\n  -7,"), "{out}");
    assert!(out.contains("true\n:by_pid\n3\n"), "{out}");
    assert!(out.contains("%RuntimeError{message: \"boom\"}"), "{out}");
}

#[test]
fn phial_to_beam_connect_ping_send() {
    let out = from_both_clients(
        &format!(
            r#"
[target] = Enum.map(System.argv(), &String.to_atom/1)
IO.inspect(Node.connect(target))
IO.inspect(Node.list() == [target])
IO.inspect(Node.ping(target))
send({{:srv, target}}, {{self(), {PAYLOAD}}})
pid =
  receive do
    {{:echo, pid, msg}} -> IO.inspect(msg); pid
  after
    10_000 -> IO.puts("no echo")
  end
IO.inspect(node(pid) == target)
ref = make_ref()
send(pid, {{self(), {{ref, self()}}}})
receive do
  {{:echo, ^pid, {{r, me}}}} -> IO.inspect({{r == ref, me == self()}})
after
  10_000 -> IO.puts("no echo by pid")
end
send({{:srv, target}}, :stop)
"#
        ),
        "distcookie",
    );
    assert!(
        out.starts_with("true\ntrue\n:pong\n[\n  1,\n  -7,"),
        "{out}"
    );
    assert!(out.ends_with("true\n{true, true}\n"), "{out}");
}

#[test]
fn wrong_cookie_is_refused() {
    let out = from_both_clients(
        r#"
[target] = Enum.map(System.argv(), &String.to_atom/1)
IO.inspect(Node.connect(target))
IO.inspect(Node.list())
IO.inspect(Node.ping(target))
"#,
        "not-the-cookie",
    );
    assert_eq!(out, "false\n[]\n:pang\n");
}

#[test]
fn nodedown_when_the_peer_halts() {
    let out = from_both_clients(
        r#"
[target] = Enum.map(System.argv(), &String.to_atom/1)
IO.inspect(Node.connect(target))
IO.inspect(Node.monitor(target, true))
send({:srv, target}, :stop)
receive do
  {:nodedown, n} -> IO.inspect(n == target)
after
  30_000 -> IO.puts("no nodedown")
end
IO.inspect(Node.list())
[_, host] = String.split(Atom.to_string(target), "@")
nosuch = String.to_atom("nosuch@" <> host)
IO.inspect(Node.monitor(nosuch, true))
receive do
  {:nodedown, n} -> IO.inspect(n == nosuch)
after
  30_000 -> IO.puts("no nodedown")
end
"#,
        "distcookie",
    );
    assert_eq!(out, "true\ntrue\ntrue\n[]\ntrue\ntrue\n");
}

/// Runs `client_body` against a node running `server_body`, for every
/// pairing of kinds (client, server): BEAM-BEAM, phial-BEAM, BEAM-phial,
/// phial-phial. Every output must be the BEAM-BEAM one, which is returned.
fn every_pair(server_body: &str, client_body: &str) -> String {
    epmd();
    let host = host();
    let mut outputs: Vec<(&str, String)> = Vec::new();
    for (label, client_kind, server_kind) in [
        ("BEAM to BEAM", Kind::Elixir, Kind::Elixir),
        ("phial to BEAM", Kind::Phial, Kind::Elixir),
        ("BEAM to phial", Kind::Elixir, Kind::Phial),
        ("phial to phial", Kind::Phial, Kind::Phial),
    ] {
        let mut nodes = Nodes(Vec::new());
        let srv = unique("srv");
        server(&mut nodes, server_kind, &srv, "distcookie", server_body);
        let target = format!("{srv}@{host}");
        let out = client(
            client_kind,
            &unique("cli"),
            "distcookie",
            client_body,
            &[&target],
        );
        outputs.push((label, out));
    }
    for (label, out) in &outputs[1..] {
        assert_eq!(out, &outputs[0].1, "{label} (right) vs BEAM to BEAM (left)");
    }
    outputs.remove(0).1
}

/// Waiting for one DOWN or EXIT, as functions (OTP 25's compiler fails on
/// some receives of a pinned reference at a script's top level).
const WAITS: &str = r#"
defmodule W do
  def down(ref, pid) do
    receive do
      {:DOWN, ^ref, :process, ^pid, r} -> IO.inspect({:down, r})
    after
      20_000 -> IO.puts("no down")
    end
  end

  def exit(pid) do
    receive do
      {:EXIT, ^pid, r} -> IO.inspect({:exit, r})
    after
      20_000 -> IO.puts("no exit")
    end
  end

  def nodedown(target) do
    receive do
      {:nodedown, n} -> IO.inspect({:nodedown, n == target})
    after
      20_000 -> IO.puts("no nodedown")
    end
  end
end
"#;

/// A server whose `:srv` ends on `:stop` while the node stays up, until
/// `:halt` to `:main`.
const TWO_STEP_SERVER: &str = r#"
Process.register(self(), :main)
pid =
  spawn(fn ->
    receive do
      :stop -> :ok
    end
  end)
Process.register(pid, :srv)
IO.puts("ready")
receive do
  :halt -> :ok
after
  60_000 -> :ok
end
"#;

#[test]
fn links_and_monitors_across_nodes() {
    let out = every_pair(
        TWO_STEP_SERVER,
        &format!(
            r#"{WAITS}
[target] = Enum.map(System.argv(), &String.to_atom/1)
IO.inspect(Node.connect(target))
IO.inspect(Node.ping(target))
IO.inspect(:net_kernel.monitor_nodes(true))
# A remote process's monitor sees :normal.
pid = Node.spawn(target, Process, :sleep, [200])
IO.inspect(node(pid) == target)
W.down(Process.monitor(pid), pid)
named = Process.monitor({{:srv, target}})
Process.flag(:trap_exit, true)
# spawn_link to a remote node: its exit reaches the caller.
pid = Node.spawn_link(target, :erlang, :exit, [:boom])
W.exit(pid)
# Process.link to a remote process, killed from here.
pid = Node.spawn(target, Process, :sleep, [:infinity])
IO.inspect(Process.link(pid))
Process.exit(pid, :kill)
W.exit(pid)
# A local process linked to a remote one takes it down with :boom.
rpid = Node.spawn(target, Process, :sleep, [:infinity])
rref = Process.monitor(rpid)
spawn(fn -> Process.link(rpid); exit(:boom) end)
W.down(rref, rpid)
# Demonitor and unlink: nothing comes.
rpid = Node.spawn(target, Process, :sleep, [:infinity])
rref = Process.monitor(rpid)
IO.inspect(Process.demonitor(rref, [:flush, :info]))
Process.exit(rpid, :kill)
rpid = Node.spawn_link(target, Process, :sleep, [:infinity])
Process.unlink(rpid)
Process.exit(rpid, :kill)
{{spid, sref}} = Node.spawn_monitor(target, :erlang, :exit, [:bye])
W.down(sref, spid)
# The name's process ends: its monitor sees :normal. The peer halts:
# the link gets :noconnection, and monitor_nodes a nodedown.
send({{:srv, target}}, :stop)
W.down(named, {{:srv, target}})
rpid = Node.spawn_link(target, Process, :sleep, [:infinity])
send({{:main, target}}, :halt)
W.exit(rpid)
W.nodedown(target)
receive do
  m -> IO.inspect(m)
after
  300 -> :ok
end
"#
        ),
    );
    assert_eq!(
        out,
        "true\n:pong\n:ok\ntrue\n{:down, :normal}\n{:exit, :boom}\ntrue\n{:exit, :killed}\n\
         {:down, :boom}\ntrue\n{:down, :bye}\n{:down, :normal}\n{:exit, :noconnection}\n\
         {:nodedown, true}\n"
    );
}

/// A server that takes one `:hi` (what the rpc test casts) before `:stop`.
const CAST_SERVER: &str = r#"
Process.register(self(), :srv)
IO.puts("ready")
receive do
  :hi ->
    receive do
      :stop -> :ok
    after
      30_000 -> :ok
    end
after
  60_000 -> :ok
end
"#;

#[test]
fn rpc_and_erpc_calls_every_way() {
    let out = every_pair(
        CAST_SERVER,
        r#"
defmodule T do
  def show(x), do: IO.inspect(x)
  def try_call(f) do
    try do
      f.()
    catch
      k, r -> {k, r}
    end
  end
end
[target] = Enum.map(System.argv(), &String.to_atom/1)
T.show(:rpc.call(target, Kernel, :+, [1, 2]))
T.show(:erpc.call(target, String, :upcase, ["abc"]))
{:badrpc, {:EXIT, {e, _}}} = :rpc.call(target, String, :to_integer, ["x"])
T.show(e)
T.show(:rpc.call(target, :erlang, :exit, [:bye]))
T.show(:rpc.call(target, :erlang, :throw, [:ball]))
T.show(:rpc.call(target, Process, :sleep, [5000], 100))
T.show(:rpc.call(target, Nope, :f, []) |> elem(0))
T.show(:rpc.cast(target, Kernel, :send, [{:srv, target}, :hi]))
[_, host] = String.split(Atom.to_string(target), "@")
nosuch = String.to_atom("nosuch@" <> host)
T.show(:rpc.call(nosuch, Kernel, :+, [1, 2]))
T.show(:rpc.multicall([target, nosuch, node()], Kernel, :+, [1, 1]))
T.show(:rpc.call(node(), Kernel, :+, [1, 5]))
T.show(T.try_call(fn -> :erpc.call(nosuch, Kernel, :+, [1, 2]) end))
T.show(T.try_call(fn -> :erpc.call(target, :erlang, :exit, [:x]) end))
T.show(T.try_call(fn -> :erpc.call(target, :erlang, :throw, [:t]) end))
{:error, {:exception, :badarith, _}} = T.try_call(fn -> :erpc.call(target, :erlang, :div, [1, 0]) end)
T.show(T.try_call(fn -> :erpc.call(target, Process, :sleep, [5000], 10) end))
T.show(:rpc.call(target, :erlang, :node, []) == target)
T.show(:rpc.call(target, Enum, :map, [[1, 2], &Integer.to_string/1]))
send({:srv, target}, :stop)
"#,
    );
    assert_eq!(
        out,
        "3\n\"ABC\"\n:badarg\n{:badrpc, {:EXIT, :bye}}\n:ball\n{:badrpc, :timeout}\n:badrpc\n\
         true\n{:badrpc, :nodedown}\n{[2, 2], [:nosuch@HOST]}\n6\n\
         {:error, {:erpc, :noconnection}}\n{:exit, {:exception, :x}}\n{:throw, :t}\n\
         {:error, {:erpc, :timeout}}\ntrue\n[\"1\", \"2\"]\n"
            .replace("HOST", &host())
    );
}

/// A peer killed with SIGKILL: links to its processes and monitors of
/// them fire with `:noconnection`, monitors of the node with nodedown
/// (its socket closes at once).
#[test]
fn a_peer_killed_breaks_links_and_monitors() {
    peer_lost("-KILL", None);
}

/// A peer stopped with SIGSTOP goes silent with its socket open: the same
/// happens once `net_ticktime` (4 s on both sides) passes without ticks.
#[test]
fn a_silent_peer_is_dropped_after_net_ticktime() {
    peer_lost("-STOP", Some(4));
}

fn peer_lost(signal: &str, ticktime: Option<u32>) {
    epmd();
    let host = host();
    let body = format!(
        r#"{WAITS}
[target] = Enum.map(System.argv(), &String.to_atom/1)
true = Node.connect(target)
Process.flag(:trap_exit, true)
:ok = :net_kernel.monitor_nodes(true)
true = Node.monitor(target, true)
linked = Node.spawn_link(target, Process, :sleep, [:infinity])
watched = Node.spawn(target, Process, :sleep, [:infinity])
ref = Process.monitor(watched)
named = Process.monitor({{:srv, target}})
# Settled: a round trip after the link and monitors went out.
3 = :rpc.call(target, Kernel, :+, [1, 2])
IO.puts("set")
W.exit(linked)
W.down(ref, watched)
W.down(named, {{:srv, target}})
W.nodedown(target)
W.nodedown(target)
IO.inspect(Node.list())
"#
    );
    let mut outputs = Vec::new();
    for client_kind in [Kind::Elixir, Kind::Phial] {
        for server_kind in [Kind::Elixir, Kind::Phial] {
            let mut nodes = Nodes(Vec::new());
            let srv = unique("srv");
            server_ticking(
                &mut nodes,
                server_kind,
                &srv,
                "distcookie",
                SERVER,
                ticktime,
            );
            let target = format!("{srv}@{host}");
            let file = script(&body);
            let mut child = ticking(client_kind, ticktime)
                .args(["--sname", &unique("cli"), "--cookie", "distcookie"])
                .arg(&file)
                .arg(&target)
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("client starts");
            let stdout = child.stdout.take().expect("piped stdout");
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let mut r = std::io::BufReader::new(stdout);
                loop {
                    let mut line = String::new();
                    match std::io::BufRead::read_line(&mut r, &mut line) {
                        Ok(0) | Err(_) => break,
                        Ok(_) => {
                            if tx.send(line).is_err() {
                                break;
                            }
                        }
                    }
                }
            });
            nodes.0.push(child);
            let first = rx.recv_timeout(Duration::from_secs(60)).unwrap_or_default();
            assert_eq!(first, "set\n", "the client never got set");
            // The server gets no chance to say goodbye.
            let server_pid = nodes.0[0].id().to_string();
            let _ = Command::new("kill").args([signal, &server_pid]).status();
            let mut out = String::new();
            while let Ok(line) = rx.recv_timeout(Duration::from_secs(90)) {
                // The logger's time of day ("19:18:58.077 [error] ...").
                match line.split_once(" [error] ") {
                    Some((_, rest)) => out.push_str(&format!("TIME [error] {rest}")),
                    None => out.push_str(&line),
                }
            }
            outputs.push(out);
        }
    }
    // A silent peer is logged, as a BEAM logs it.
    let logged = match ticktime {
        Some(_) => {
            "\nTIME [error] ** Node :SRV not responding **\n\
                    ** Removing (timedout) connection **\n\n"
        }
        None => "",
    };
    let expected = format!(
        "{logged}{{:exit, :noconnection}}\n{{:down, :noconnection}}\n{{:down, :noconnection}}\n\
         {{:nodedown, true}}\n{{:nodedown, true}}\n[]\n"
    );
    for out in &outputs {
        // The server's name differs from run to run.
        let out = match (out.find(":srv"), out.find(" not responding")) {
            (Some(a), Some(b)) if a < b => format!("{}:SRV{}", &out[..a], &out[b..]),
            _ => out.clone(),
        };
        assert_eq!(out, expected);
    }
}

/// A GenServer registered by name, called as `{name, node}`.
const GEN_SERVER: &str = r#"
defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_call({:add, k}, _from, n), do: {:reply, n + k, n + k}
  def handle_cast(:stop, n), do: {:stop, :normal, n}
end
{:ok, _} = GenServer.start(Counter, 10, name: :counter)
Process.register(self(), :main)
IO.puts("ready")
receive do
  :halt -> :ok
after
  60_000 -> :ok
end
"#;

#[test]
fn gen_server_call_across_nodes() {
    let out = every_pair(
        GEN_SERVER,
        r#"
defmodule C do
  def x(f) do
    try do
      f.()
    catch
      :exit, {reason, {GenServer, :call, _}} -> {:exit, reason}
    end
  end
end
[target] = Enum.map(System.argv(), &String.to_atom/1)
IO.inspect(GenServer.call({:counter, target}, :get))
IO.inspect(GenServer.call({:counter, target}, {:add, 5}))
IO.inspect(C.x(fn -> GenServer.call({:nosuch, target}, :get) end))
[_, host] = String.split(Atom.to_string(target), "@")
IO.inspect(C.x(fn -> GenServer.call({:counter, String.to_atom("nosuch@" <> host)}, :get) end))
GenServer.cast({:counter, target}, :stop)
Process.sleep(200)
IO.inspect(C.x(fn -> GenServer.call({:counter, target}, :get) end))
send({:main, target}, :halt)
"#,
    );
    assert_eq!(
        out,
        "10\n15\n{:exit, :noproc}\n{:exit, {:nodedown, :nosuch@HOST}}\n{:exit, :noproc}\n"
            .replace("HOST", &host())
    );
}

/// What a node runs on a peer prints on the node that asked (its group
/// leader is that node's io server), for `:rpc.call`, `Node.spawn` and
/// `:rpc.cast`.
#[test]
fn output_of_remote_calls_prints_on_the_caller() {
    let out = from_both_clients(
        r#"
[target] = Enum.map(System.argv(), &String.to_atom/1)
IO.inspect(:rpc.call(target, IO, :puts, ["printed by the callee"]))
IO.inspect(:rpc.call(target, IO, :write, [["a", ?b, "c\n"]]))
IO.inspect(:rpc.call(target, :io, :format, ["~p ~s~n", [42, "fmt"]]))
Node.spawn(target, IO, :puts, ["spawned"])
Process.sleep(500)
:rpc.cast(target, IO, :puts, ["cast"])
Process.sleep(500)
send({:srv, target}, :stop)
"#,
        "distcookie",
    );
    assert_eq!(
        out,
        "printed by the callee\n:ok\nabc\n:ok\n42 fmt\n:ok\nspawned\ncast\n"
    );
}
