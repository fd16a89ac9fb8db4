//! Headless Chromium for the browser test: Debian's `chromium` and `chromium-driver`,
//! installed on first use when we are root with apt, driven over WebDriver by fantoccini.

use std::future::Future;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;
use tempfile::TempDir;

/// Debian's browser binary.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's WebDriver for it.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Longest wait for anything the page does: results come ~250 ms after typing, but the
/// machine is shared with other builds.
pub const WAIT: Duration = Duration::from_secs(30);
/// Between two looks at the page while waiting.
const POLL: Duration = Duration::from_millis(100);
/// Parallel test processes take this lock around the install, so only one runs apt.
const INSTALL_LOCK: &str = "/tmp/tracuu-chromium-install.lock";

/// Headless, and quiet: this machine has no outside network, and without the
/// background-networking switches Chromium stalls trying to reach it.
const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1000",
    "--lang=vi",
];

fn installed() -> bool {
    Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists()
}

/// Makes sure the browser is there, installing it when we can; says why when we cannot.
pub fn ensure_browser() -> Result<()> {
    if installed() {
        return Ok(());
    }
    let uid = Command::new("id")
        .arg("-u")
        .output()
        .context("running id -u")?;
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        bail!("{CHROMIUM} or {CHROMEDRIVER} is missing and we are not root to install them");
    }
    if !Path::new("/usr/bin/apt-get").exists() {
        bail!("{CHROMIUM} or {CHROMEDRIVER} is missing and there is no apt-get");
    }
    eprintln!("browser test: installing chromium and chromium-driver with apt-get (once)…");
    // flock waits for another test process's install; the check inside skips a second one.
    let script = format!(
        "test -x {CHROMIUM} && test -x {CHROMEDRIVER} || {{ apt-get update -q && \
         DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; }}"
    );
    let status = Command::new("flock")
        .args([INSTALL_LOCK, "sh", "-c", &script])
        .stdout(Stdio::null())
        .status()
        .context("running apt-get under flock")?;
    if !status.success() || !installed() {
        bail!("apt-get could not install chromium and chromium-driver ({status})");
    }
    Ok(())
}

/// A running chromedriver with its browser profile; both go away on drop.
pub struct Driver {
    child: Child,
    url: String,
    profile: TempDir,
}

impl Driver {
    /// Starts chromedriver on a free loopback port and waits until it answers.
    pub async fn start() -> Result<Driver> {
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting chromedriver")?;
        let driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
            profile: tempfile::tempdir()?,
        };
        let status = format!("{}/status", driver.url);
        eventually("chromedriver to answer", || async {
            Ok(reqwest::get(&status)
                .await
                .ok()
                .filter(|r| r.status().is_success())
                .map(|_| ()))
        })
        .await?;
        Ok(driver)
    }

    /// Opens a browser session.
    pub async fn connect(&self) -> Result<Client> {
        let mut args: Vec<String> = FLAGS.iter().map(|f| f.to_string()).collect();
        args.push(format!("--user-data-dir={}", self.profile.path().display()));
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            bail!("capabilities are an object");
        };
        ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&self.url)
            .await
            .context("opening a Chromium session")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `check` until it gives `Some`, for at most [`WAIT`].
pub async fn eventually<T, F, Fut>(what: &str, mut check: F) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<Option<T>>>,
{
    let started = Instant::now();
    loop {
        if let Some(value) = check().await? {
            return Ok(value);
        }
        if started.elapsed() > WAIT {
            bail!("timed out after {WAIT:?} waiting for {what}");
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Where screenshots go: `target/screenshots/`, honouring `CARGO_TARGET_DIR`.
pub fn screenshot_dir() -> Result<PathBuf> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("screenshots");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

/// Saves a PNG of the window.
pub async fn screenshot(client: &Client, name: &str) -> Result<PathBuf> {
    let path = screenshot_dir()?.join(name);
    let png = client.screenshot().await?;
    std::fs::write(&path, png).with_context(|| format!("writing {}", path.display()))?;
    Ok(path)
}

/// The first element matching `css`, waiting for it at most [`WAIT`].
pub async fn wait_for(client: &Client, css: &str) -> Result<fantoccini::elements::Element> {
    client
        .wait()
        .at_most(WAIT)
        .every(POLL)
        .for_element(fantoccini::Locator::Css(css))
        .await
        .with_context(|| format!("waiting for {css}"))
}
