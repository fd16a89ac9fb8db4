//! The engine a server answers from, swappable while it serves: a replica moves to a newer
//! index snapshot without dropping a request, since requests in flight keep the engine they
//! started with.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use axum::extract::FromRef;

use crate::index::{self, snapshot};
use crate::search::Engine;

/// How often a replica looks for a newer snapshot unless told otherwise.
pub const DEFAULT_POLL: Duration = Duration::from_secs(1);

/// The engine behind the router; handlers extract the one current when they start.
#[derive(Clone)]
pub struct LiveEngine(Arc<ArcSwap<Engine>>);

impl LiveEngine {
    /// Serves `engine` until it is replaced.
    pub fn new(engine: Arc<Engine>) -> LiveEngine {
        LiveEngine(Arc::new(ArcSwap::new(engine)))
    }

    /// The engine new requests use.
    pub fn current(&self) -> Arc<Engine> {
        self.0.load_full()
    }

    /// Makes `engine` the one new requests use; the old one lives on until its last
    /// request is done.
    pub fn replace(&self, engine: Arc<Engine>) {
        self.0.store(engine);
    }
}

impl From<Arc<Engine>> for LiveEngine {
    fn from(engine: Arc<Engine>) -> LiveEngine {
        LiveEngine::new(engine)
    }
}

impl FromRef<LiveEngine> for Arc<Engine> {
    fn from_ref(live: &LiveEngine) -> Arc<Engine> {
        live.current()
    }
}

/// The index to serve from `dir`: the snapshot its `CURRENT` names, or `dir` itself.
pub fn index_dir(dir: &Path) -> PathBuf {
    snapshot::current_dir(dir).unwrap_or_else(|| dir.to_path_buf())
}

/// Follows the snapshots published under `root`: every `poll`, when `CURRENT` names another
/// snapshot than `serving`, opens it (with `cache_bytes` for its result cache) and swaps it in. Runs until the task is dropped; a
/// snapshot that fails to open is logged and tried again at the next look.
pub async fn follow_snapshots(
    root: PathBuf,
    live: LiveEngine,
    mut serving: Option<String>,
    poll: Duration,
    cache_bytes: u64,
) {
    let mut ticks = tokio::time::interval(poll);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let Some(name) = snapshot::current(&root) else {
            continue;
        };
        if serving.as_deref() == Some(name.as_str()) {
            continue;
        }
        let dir = root.join(&name);
        // A pointer ahead of its directory (a copy still arriving by rsync) must not make
        // the replica create, and serve, an empty index there.
        let opened = tokio::task::spawn_blocking(move || {
            if !index::exists(&dir) {
                return Err(format!("{} holds no index yet", dir.display()));
            }
            let engine = Engine::open(&dir)
                .map(|engine| engine.with_result_cache(cache_bytes))
                .map_err(|e| e.to_string())?;
            // Warmed before it serves, so that no search after the swap waits for it.
            engine.warm().map_err(|e| e.to_string())?;
            Ok(engine)
        })
        .await;
        match opened {
            Ok(Ok(engine)) => {
                tracing::info!(snapshot = %name, documents = engine.num_docs(), "serving a new snapshot");
                live.replace(Arc::new(engine));
                serving = Some(name);
            }
            Ok(Err(error)) => {
                tracing::warn!(snapshot = %name, %error, "cannot open the new snapshot yet");
            }
            Err(error) => tracing::error!(%error, "opening a snapshot panicked"),
        }
    }
}
