//! nginx in front of `tracuu serve` replicas: Debian's `nginx-light`, installed on first use
//! when we are root with apt, run in the foreground from a config in a temp dir.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use anyhow::{bail, Context, Result};
use tempfile::TempDir;

/// Debian's nginx binary.
pub const NGINX: &str = "/usr/sbin/nginx";
/// Parallel test processes take this lock around the install, so only one runs apt.
const INSTALL_LOCK: &str = "/tmp/tracuu-nginx-install.lock";

/// Makes sure nginx is there, installing it when we can; says why when we cannot.
pub fn ensure_nginx() -> Result<()> {
    if Path::new(NGINX).exists() {
        return Ok(());
    }
    let uid = Command::new("id")
        .arg("-u")
        .output()
        .context("running id -u")?;
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        bail!("{NGINX} is missing and we are not root to install it");
    }
    if !Path::new("/usr/bin/apt-get").exists() {
        bail!("{NGINX} is missing and there is no apt-get");
    }
    eprintln!("replica test: installing nginx-light with apt-get (once)…");
    // flock waits for another test process's install; the check inside skips a second one.
    // policy-rc.d (only when absent, removed after) keeps the package from starting a
    // system nginx on port 80: the test runs its own.
    let script = format!(
        "test -x {NGINX} || {{ \
           made=; if [ ! -e /usr/sbin/policy-rc.d ]; then \
             printf '#!/bin/sh\\nexit 101\\n' > /usr/sbin/policy-rc.d && \
             chmod +x /usr/sbin/policy-rc.d && made=1; fi; \
           apt-get update -q && \
           DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx-light; s=$?; \
           [ -n \"$made\" ] && rm -f /usr/sbin/policy-rc.d; exit $s; }}"
    );
    let status = Command::new("flock")
        .args([INSTALL_LOCK, "sh", "-c", &script])
        .stdout(Stdio::null())
        .status()
        .context("running apt-get under flock")?;
    if !status.success() || !Path::new(NGINX).exists() {
        bail!("apt-get could not install nginx-light ({status})");
    }
    Ok(())
}

/// The config: one upstream of `replicas`, a failed or refused request retried on the next
/// one; everything nginx writes stays in `prefix`.
pub fn config(prefix: &Path, listen: u16, replicas: &[u16]) -> String {
    let p = prefix.display();
    let servers: String = replicas
        .iter()
        .map(|port| format!("        server 127.0.0.1:{port} max_fails=1 fail_timeout=2s;\n"))
        .collect();
    format!(
        "master_process off;
pid {p}/nginx.pid;
error_log {p}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {p}/body;
    proxy_temp_path {p}/proxy;
    fastcgi_temp_path {p}/fastcgi;
    uwsgi_temp_path {p}/uwsgi;
    scgi_temp_path {p}/scgi;
    upstream tracuu {{
{servers}        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{listen};
        location / {{
            proxy_pass http://tracuu;
            proxy_http_version 1.1;
            proxy_set_header Connection \"\";
            proxy_set_header Host $host;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 3;
            proxy_connect_timeout 1s;
            proxy_read_timeout 15s;
        }}
    }}
}}
"
    )
}

/// A running nginx, one process (`master_process off`), so that killing it on drop leaves
/// no orphaned worker.
pub struct Nginx {
    child: Child,
    /// Its prefix: config, pid, logs, temp files.
    pub prefix: TempDir,
    /// Where it listens.
    pub url: String,
}

impl Nginx {
    /// Starts nginx in the foreground on a free loopback port in front of `replicas`.
    pub fn start(replicas: &[u16]) -> Result<Nginx> {
        let prefix = tempfile::tempdir()?;
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let conf = prefix.path().join("nginx.conf");
        std::fs::write(&conf, config(prefix.path(), port, replicas))?;
        let child = Command::new(NGINX)
            .arg("-p")
            .arg(prefix.path())
            .arg("-c")
            .arg(&conf)
            .args(["-g", "daemon off; user root root;"])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .context("starting nginx")?;
        Ok(Nginx {
            child,
            prefix,
            url: format!("http://127.0.0.1:{port}"),
        })
    }

    /// nginx's error log so far.
    pub fn error_log(&self) -> String {
        std::fs::read_to_string(self.prefix.path().join("error.log")).unwrap_or_default()
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
