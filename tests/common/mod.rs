//! Shared set-up for the integration tests: real corpora in temp dirs, real indexes.

#![allow(dead_code)] // each test binary uses its own subset of these helpers

pub mod web;

use std::path::{Path, PathBuf};

use tempfile::TempDir;
use tracuu::ingest::{self, IngestOptions, IngestReport};
use tracuu::search::{Engine, SearchRequest};

/// The bundled corpus (the five seed articles).
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A temp dir holding `corpus/` (a copy of `source`, or files given) and an `index/` path.
pub struct Workspace {
    /// Keeps the directory alive.
    pub dir: TempDir,
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Workspace {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("corpus")).expect("corpus dir");
        Workspace { dir }
    }

    /// A workspace whose corpus is a copy of the bundled seeds.
    pub fn with_seeds() -> Workspace {
        let ws = Workspace::new();
        for entry in std::fs::read_dir(corpus_dir()).expect("corpus") {
            let path = entry.expect("entry").path();
            if path.is_file() {
                let name = path.file_name().expect("name");
                std::fs::copy(&path, ws.corpus().join(name)).expect("copy");
            }
        }
        ws
    }

    pub fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus")
    }

    pub fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// Writes a corpus file.
    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) {
        let path = self.corpus().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("parent");
        }
        std::fs::write(path, content).expect("write");
    }

    /// Runs an ingest of the corpus into the index.
    pub fn ingest(&self) -> IngestReport {
        ingest::run(&IngestOptions::new(self.corpus(), self.index()), |_| {}).expect("ingest")
    }

    /// Opens the index for searching.
    pub fn engine(&self) -> Engine {
        Engine::open(&self.index()).expect("engine")
    }
}

/// Ids of the hits for `q`, best first.
pub fn ids(engine: &Engine, q: &str) -> Vec<String> {
    let response = engine
        .search(&SearchRequest {
            q: q.into(),
            limit: Some(100),
            ..SearchRequest::default()
        })
        .expect("search");
    response.hits.into_iter().map(|h| h.id).collect()
}

/// Starts a server over `ws`'s index with `config` on an ephemeral port; returns its base URL.
pub async fn serve(ws: &Workspace, config: tracuu::server::ServerConfig) -> String {
    let engine = std::sync::Arc::new(ws.engine());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { tracuu::server::serve_with(listener, engine, &config).await });
    format!("http://{addr}")
}
