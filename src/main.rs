//! `tracuu`: the command line. Parses flags and wires the library's pieces together.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};

use indicatif::{ProgressBar, ProgressStyle};
use tracuu::export;
use tracuu::index::snapshot;
use tracuu::ingest::{self, IngestOptions, IngestReport, Progress};
use tracuu::search::cache::DEFAULT_RESULT_CACHE_BYTES;
use tracuu::search::{Engine, SearchRequest};
use tracuu::server::{limits, live, write, Limits, LiveEngine, ServerConfig};

#[derive(Parser)]
#[command(
    name = "tracuu",
    version,
    about = "Tra cứu: search Vietnamese Party directives and news"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest a corpus directory into the index (incremental).
    Ingest {
        /// Corpus directory (txt, html, jsonl, jsonl.gz; searched recursively).
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// Index directory.
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// Files larger than this many MB are skipped with a reason.
        #[arg(long, default_value_t = ingest::DEFAULT_MAX_FILE_BYTES / (1024 * 1024))]
        max_file_mb: u64,
    },
    /// Search the index and print the hits.
    Search {
        /// The query: words (all required), "phrases", -excluded.
        query: String,
        /// Index directory.
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// Number of hits.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print the same JSON object as GET /api/search.
        #[arg(long)]
        json: bool,
    },
    /// Print the citations found in a text or HTML file (or standard input) as JSON.
    Extract {
        /// The file; `-` or nothing for standard input.
        file: Option<PathBuf>,
    },
    /// Measure ranking quality on the ALQAC 2023 benchmark, against plain BM25.
    Eval {
        /// Directory holding `articles.jsonl` and `queries.jsonl`.
        #[arg(long, default_value = "../shared/data/alqac2023")]
        data: PathBuf,
        /// Build the benchmark's index here (rebuilt) instead of in memory.
        #[arg(long)]
        index: Option<PathBuf>,
        /// Print the report as JSON instead of a Markdown table.
        #[arg(long)]
        json: bool,
    },
    /// Serve the web page and the JSON API.
    Serve {
        /// Index directory.
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// Ingest this corpus (incrementally) before serving.
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Seconds a request may run before it is answered 503.
        #[arg(long, default_value_t = limits::DEFAULT_TIMEOUT.as_secs())]
        timeout_secs: u64,
        /// Largest request body, in KB.
        #[arg(long, default_value_t = limits::DEFAULT_MAX_BODY_BYTES / 1024)]
        max_body_kb: usize,
        /// Requests handled at once; more are answered 503 with Retry-After.
        #[arg(long, default_value_t = limits::DEFAULT_MAX_CONCURRENT)]
        max_concurrent: usize,
        /// Follow the index: a newer snapshot named by `CURRENT` in the index directory
        /// (see `snapshot`) is swapped in without dropping requests.
        #[arg(long)]
        watch: bool,
        /// Seconds between two looks for a newer snapshot.
        #[arg(long, default_value_t = live::DEFAULT_POLL.as_secs())]
        watch_secs: u64,
        /// Memory for recent answers, in MB: a repeated search is answered from it until
        /// the index changes; 0 turns it off.
        #[arg(long, default_value_t = DEFAULT_RESULT_CACHE_BYTES >> 20)]
        cache_mb: u64,
    },
    /// Publish a consistent snapshot of the index for read replicas (`serve --watch`),
    /// while an ingest may keep writing.
    Snapshot {
        /// Index directory.
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// Snapshots directory: `<generation>-<opstamp>/` each, and `CURRENT` naming the newest.
        #[arg(long)]
        out: PathBuf,
        /// Snapshots kept; older ones are deleted (never the one `CURRENT` names).
        #[arg(long, default_value_t = snapshot::DEFAULT_KEEP)]
        keep: usize,
    },
    /// Export every document with the index definition for a distributed engine.
    Export {
        /// `opensearch` (index template, bulk NDJSON, search template) or `quickwit`
        /// (index config, NDJSON).
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Index directory.
        #[arg(long, default_value = "index")]
        index: PathBuf,
        /// Output directory.
        #[arg(long)]
        out: PathBuf,
        /// The index name in the engine.
        #[arg(long, default_value = "tracuu")]
        name: String,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    Opensearch,
    Quickwit,
}

fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tantivy=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match run(Cli::parse()) {
        // A reader that stops early (`tracuu extract FILE | head`) is not an error.
        Err(e) if is_broken_pipe(&e) => Ok(()),
        done => done,
    }
}

/// Whether `error` is writing to a pipe whose reader has gone.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Some(Command::Ingest {
            corpus,
            index,
            max_file_mb,
        }) => {
            let mut options = IngestOptions::new(corpus, index);
            options.max_file_bytes = max_file_mb.saturating_mul(1024 * 1024);
            let report = run_ingest(&options)?;
            print_report(&report)?;
            Ok(())
        }
        Some(Command::Search {
            query,
            index,
            limit,
            json,
        }) => search(&index, query, limit, json),
        Some(Command::Extract { file }) => extract(file.as_deref()),
        Some(Command::Eval { data, index, json }) => eval(&data, index.as_deref(), json),
        Some(Command::Serve {
            index,
            corpus,
            addr,
            timeout_secs,
            max_body_kb,
            max_concurrent,
            watch,
            watch_secs,
            cache_mb,
        }) => {
            let limits = Limits {
                timeout: Duration::from_secs(timeout_secs.max(1)),
                max_body_bytes: max_body_kb.saturating_mul(1024),
                max_concurrent: max_concurrent.max(1),
            };
            let watch = watch.then(|| Duration::from_secs(watch_secs.max(1)));
            let cache_bytes = cache_mb.saturating_mul(1 << 20);
            serve(&index, corpus.as_deref(), &addr, limits, watch, cache_bytes)
        }
        Some(Command::Snapshot { index, out, keep }) => {
            let published = snapshot::publish(&index, &out, keep)
                .with_context(|| format!("snapshot of {}", index.display()))?;
            let mut stdout = std::io::stdout().lock();
            let state = if published.created {
                "published"
            } else {
                "unchanged"
            };
            writeln!(stdout, "{state} {}", out.join(&published.name).display())?;
            for old in &published.removed {
                writeln!(stdout, "removed {}", out.join(old).display())?;
            }
            Ok(())
        }
        Some(Command::Export {
            format,
            index,
            out,
            name,
        }) => {
            let format = match format {
                ExportFormat::Opensearch => export::Format::OpenSearch,
                ExportFormat::Quickwit => export::Format::Quickwit,
            };
            let report = export::run(&index, &out, format, &name)
                .with_context(|| format!("exporting {}", index.display()))?;
            let mut stdout = std::io::stdout().lock();
            writeln!(
                stdout,
                "{} documents exported into {} files in {}",
                report.documents,
                report.files.len(),
                out.display()
            )?;
            if report.unreadable > 0 {
                writeln!(
                    stdout,
                    "{} stored documents could not be read back",
                    report.unreadable
                )?;
            }
            Ok(())
        }
        None => serve(
            Path::new("index"),
            Some(Path::new("corpus")),
            "127.0.0.1:8080",
            Limits::default(),
            None,
            DEFAULT_RESULT_CACHE_BYTES,
        ),
    }
}

fn run_ingest(options: &IngestOptions) -> Result<IngestReport> {
    // A bar on a terminal, plain log lines otherwise (CI, pipes, service logs).
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} ({bytes_per_sec}) {wide_msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let report = ingest::run(options, |event| match (event, &bar) {
        (Progress::Scanned { bytes, .. }, Some(bar)) => bar.set_length(bytes),
        (Progress::Scanned { files, bytes }, None) => {
            tracing::info!(files, bytes, "corpus scanned");
        }
        (Progress::Reading(file), Some(bar)) => bar.set_message(file.rel.clone()),
        (Progress::Reading(file), None) => tracing::info!(file = %file.rel, "reading"),
        (Progress::Done(size), Some(bar)) => bar.inc(size),
        (Progress::Done(_), None) => {}
        (Progress::Committing, Some(bar)) => bar.set_message("committing"),
        (Progress::Committing, None) => tracing::info!("committing"),
    })
    .with_context(|| format!("ingesting {}", options.corpus.display()))?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(report)
}

fn print_report(report: &IngestReport) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    writeln!(
        stdout,
        "files: {} seen, {} added, {} updated, {} removed, {} unchanged, {} skipped",
        report.files_seen,
        report.files_added,
        report.files_updated,
        report.files_removed,
        report.files_unchanged,
        report.skipped.len()
    )?;
    writeln!(
        stdout,
        "documents: {} written, {} removed, {} in the index; {:.1} MB read in {:.2} s ({:.1} MB/s)",
        report.documents_written,
        report.documents_removed,
        report.documents_total,
        report.bytes_read as f64 / 1e6,
        report.elapsed.as_secs_f64(),
        report.megabytes_per_second()
    )?;
    if !report.duplicates.is_empty() {
        writeln!(
            stdout,
            "duplicates: {} not indexed again",
            report.duplicates.len()
        )?;
    }
    for d in &report.duplicates {
        writeln!(
            stdout,
            "duplicate {} ({}): same article as {}",
            d.id, d.source, d.original
        )?;
    }
    for s in &report.skipped {
        writeln!(stdout, "skipped {}: {}", s.path, s.reason)?;
    }
    for w in &report.warnings {
        writeln!(stdout, "warning {}: {}", w.path, w.reason)?;
    }
    Ok(())
}

fn search(index: &Path, query: String, limit: usize, json: bool) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    if !tracuu::index::exists(index) {
        bail!("no index at {}: run `tracuu ingest` first", index.display());
    }
    let engine = Engine::open(index)?;
    let response = engine.search(&SearchRequest {
        q: query,
        limit: Some(limit),
        ..SearchRequest::default()
    })?;
    if json {
        writeln!(stdout, "{}", serde_json::to_string_pretty(&response)?)?;
        return Ok(());
    }
    if let Some(read) = &response.searched_for {
        writeln!(stdout, "Đang hiển thị kết quả cho: {read}")?;
    }
    writeln!(
        stdout,
        "{} documents ({:.2} ms)",
        response.total, response.took_ms
    )?;
    for (i, hit) in response.hits.iter().enumerate() {
        let date = hit.date.as_deref().unwrap_or("----------");
        writeln!(
            stdout,
            "{:>3}. [{}] {} — {}",
            i + 1,
            date,
            hit.id,
            hit.title
        )?;
        let (bold, plain) = if std::io::stdout().is_terminal() {
            ("\x1b[1m", "\x1b[0m")
        } else {
            ("", "")
        };
        writeln!(
            stdout,
            "     {}",
            hit.snippet_html.replace("<b>", bold).replace("</b>", plain)
        )?;
    }
    Ok(())
}

fn extract(file: Option<&Path>) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    let bytes = match file {
        None => read_stdin()?,
        Some(p) if p == Path::new("-") => read_stdin()?,
        Some(p) => std::fs::read(p).with_context(|| format!("reading {}", p.display()))?,
    };
    let html_hint = file.is_some_and(|p| {
        ingest::sources::format_of(&p.to_string_lossy()) == Some(ingest::sources::Format::Html)
    });
    let text = ingest::load::standalone_text(&bytes, html_hint);
    let citations = tracuu::cite::extract(&text);
    let json = serde_json::json!({ "citations": citations });
    writeln!(stdout, "{}", serde_json::to_string_pretty(&json)?)?;
    Ok(())
}

fn eval(data: &Path, index: Option<&Path>, json: bool) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    let report = tracuu::eval::run(data, index)
        .with_context(|| format!("evaluating on {}", data.display()))?;
    if json {
        writeln!(stdout, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        write!(stdout, "{}", report.markdown())?;
    }
    Ok(())
}

fn read_stdin() -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("reading standard input")?;
    Ok(bytes)
}

/// Blocking-pool threads per core for `serve`: two, so that a search waiting on a disk read
/// leaves its core to another. More only share the cores among more searches at once,
/// which stretches each: with four a core, p99 under 32 connections was 29-35 ms against
/// 23-27 ms with two, for the same requests per second within this host's noise.
const BLOCKING_THREADS_PER_CORE: usize = 2;

fn serve(
    index: &Path,
    corpus: Option<&Path>,
    addr: &str,
    limits: Limits,
    watch: Option<Duration>,
    cache_bytes: u64,
) -> Result<()> {
    let serving = snapshot::current(index);
    if let (Some(corpus), Some(_)) = (corpus, &serving) {
        bail!(
            "{} holds snapshots: ingest {} into the ingest node's index, then snapshot it",
            index.display(),
            corpus.display()
        );
    }
    if let Some(corpus) = corpus {
        if corpus.is_dir() {
            let report = run_ingest(&IngestOptions::new(corpus, index))?;
            if report.changed() {
                print_report(&report)?;
            }
        } else if !tracuu::index::exists(index) {
            bail!(
                "no index at {} and no corpus at {}",
                index.display(),
                corpus.display()
            );
        }
    }
    let write_token = std::env::var(write::TOKEN_VARIABLE)
        .ok()
        .filter(|t| !t.is_empty());
    let dir = live::index_dir(index);
    if serving.is_some() && !tracuu::index::exists(&dir) {
        bail!(
            "{} names {}, which holds no index",
            index.join(snapshot::CURRENT).display(),
            dir.display()
        );
    }
    // A new empty index is what a server filled through the write API starts from; without
    // that API, an index that is not there is a mistyped path.
    if corpus.is_none() && write_token.is_none() && !tracuu::index::exists(&dir) {
        bail!(
            "no index at {}: run `tracuu ingest` first, or pass --corpus",
            index.display()
        );
    }
    let engine = Engine::open(&dir)?.with_result_cache(cache_bytes);
    // The first search would otherwise wait for the grammar and the facet tables; a failure
    // here is one the searches will report too.
    match engine.warm() {
        Ok(took) => tracing::info!(took_ms = took.as_secs_f64() * 1000.0, "warmed up"),
        Err(error) => tracing::warn!(%error, "warming up failed"),
    }
    let engine = LiveEngine::new(Arc::new(engine));
    let config = ServerConfig {
        limits,
        write_token,
    };
    if config.write_token.is_some() {
        tracing::info!("POST /api/documents is on for bearers of the write token");
    }
    // Searches run on the blocking pool and are CPU-bound: more threads than
    // `BLOCKING_THREADS_PER_CORE` (tokio allows 512) only stretch each search, so the pool is
    // capped and requests queue for it within the timeout, while the concurrency limit sheds
    // the excess.
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(cores * BLOCKING_THREADS_PER_CORE)
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("listening on {addr}"))?;
        let local = listener.local_addr()?;
        let documents = engine.current().num_docs();
        tracing::info!(
            documents,
            snapshot = serving.as_deref(),
            "serving on http://{local}"
        );
        if let Some(poll) = watch {
            if serving.is_some() {
                let follow = live::follow_snapshots(
                    index.into(),
                    engine.clone(),
                    serving,
                    poll,
                    cache_bytes,
                );
                tokio::spawn(follow);
            } else {
                // A plain index: the tantivy reader already picks up every commit.
                tracing::info!("no snapshots in {}: following its commits", index.display());
            }
        }
        tracuu::server::serve_with(listener, engine, &config).await?;
        Ok(())
    })
}
