//! The benchmark harness of bench/run: ingest and query tracuu and its peers (plain
//! tantivy, SQLite FTS5) in the same run, write the growth corpora, and report.

mod corpus;
mod fts5;
mod grow;
mod latency;
mod per_query;
mod plain;
mod report;
mod space;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Result};
use clap::{Parser, Subcommand};
use serde_json::json;

#[derive(Parser)]
#[command(about = "tracuu benchmarks with their peers; bench/run drives it")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingests the corpus with one system, printing what it did as JSON.
    Ingest {
        /// tracuu, tantivy or fts5.
        #[arg(long)]
        system: String,
        /// The corpus (JSON Lines, gzipped or not).
        #[arg(long)]
        data: PathBuf,
        /// Where the index goes (a directory; for fts5 a database file).
        #[arg(long)]
        out: PathBuf,
    },
    /// Times the query set on tracuu and the peers given, interleaved, printing JSON.
    Latency {
        #[arg(long)]
        tracuu: PathBuf,
        #[arg(long)]
        tantivy: Option<PathBuf>,
        #[arg(long)]
        fts5: Option<PathBuf>,
        #[arg(long, default_value = "bench/queries.txt")]
        queries: PathBuf,
        /// Rounds over the query set (after one warm-up round).
        #[arg(long, default_value_t = 5)]
        rounds: usize,
    },
    /// Times each query of the set alone (best of ROUNDS, result cache off), slowest first,
    /// as tab-separated ms, documents found and query; with --dump, writes every answer.
    PerQuery {
        #[arg(long)]
        tracuu: PathBuf,
        #[arg(long, default_value = "bench/queries.txt")]
        queries: PathBuf,
        #[arg(long, default_value_t = 5)]
        rounds: usize,
        /// Where to write the answers (ids, scores, snippets, cited facet), for a diff.
        #[arg(long)]
        dump: Option<PathBuf>,
        /// Writes over this many MB before each query, evicting the CPU caches as the
        /// latency step's peers do between tracuu's queries (0: caches left warm).
        #[arg(long, default_value_t = 0)]
        evict_mb: usize,
    },
    /// Writes the corpus COPIES times (new ids, words reordered) as JSON Lines.
    Grow {
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        copies: usize,
        #[arg(long)]
        out: PathBuf,
    },
    /// Prints where an index's bytes go, per component and field, as JSON.
    Space {
        /// The index directory (tracuu's `index`, or the plain peer's).
        #[arg(long)]
        index: PathBuf,
    },
    /// Gathers the parts bench/run wrote into results.md and results.json.
    Report {
        /// The directory of the parts; the results go beside it.
        #[arg(long, default_value = "target/bench")]
        dir: PathBuf,
        /// Criterion's output directory.
        #[arg(long, default_value = "target/criterion")]
        criterion: PathBuf,
    },
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Ingest { system, data, out } => ingest(&system, &data, &out),
        Command::Latency {
            tracuu,
            tantivy,
            fts5,
            queries,
            rounds,
        } => {
            let queries = corpus::queries(&queries)?;
            let systems = latency::Systems {
                tracuu,
                tantivy,
                fts5,
            };
            let report = latency::run(&systems, &queries, rounds)?;
            println!("{}", serde_json::to_string_pretty(&report)?);
            Ok(())
        }
        Command::PerQuery {
            tracuu,
            queries,
            rounds,
            dump,
            evict_mb,
        } => {
            let queries = corpus::queries(&queries)?;
            if let Some(path) = dump {
                std::fs::write(path, per_query::dump(&tracuu, &queries)?)?;
            }
            let timings = per_query::time(&tracuu, &queries, rounds, evict_mb)?;
            let sum: f64 = timings.iter().map(|t| t.best_ms).sum();
            let mut out = std::io::stdout().lock();
            let printed = writeln!(out, "# sum of best times {sum:.1} ms").and_then(|()| {
                timings
                    .iter()
                    .try_for_each(|t| writeln!(out, "{:.3}\t{}\t{}", t.best_ms, t.total, t.query))
            });
            match printed {
                // Read through `head`: the reader has what it wanted.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => Ok(other?),
            }
        }
        Command::Grow { data, copies, out } => {
            let written = grow::write(&data, copies, &out)?;
            eprintln!("{written} records written to {}", out.display());
            Ok(())
        }
        Command::Space { index } => {
            let space = space::measure(&index)?;
            println!("{}", serde_json::to_string_pretty(&space)?);
            Ok(())
        }
        Command::Report { dir, criterion } => report::write(&dir, &criterion),
    }
}

fn ingest(system: &str, data: &Path, out: &Path) -> Result<()> {
    let started = Instant::now();
    let (docs, input_bytes) = match system {
        "tracuu" => {
            // tracuu ingests a corpus directory: one holding a link to the data file.
            let corpus = out.join("corpus");
            std::fs::create_dir_all(&corpus)?;
            let name = data.file_name().unwrap_or_default();
            let link = corpus.join(name);
            if !link.exists() {
                std::os::unix::fs::symlink(std::fs::canonicalize(data)?, &link)?;
            }
            let mut options = tracuu::ingest::IngestOptions::new(&corpus, out.join("index"));
            // The 4x growth corpus is one file over the default size limit.
            options.max_file_bytes = u64::MAX;
            let report = tracuu::ingest::run(&options, |_| {})?;
            (report.documents_written as u64, report.bytes_read)
        }
        "tantivy" => {
            let done = plain::ingest(data, out)?;
            (done.docs, done.input_bytes)
        }
        "fts5" => {
            let done = fts5::ingest(data, out)?;
            (done.docs, done.input_bytes)
        }
        other => bail!("unknown system {other}: tracuu, tantivy or fts5"),
    };
    let wall_s = started.elapsed().as_secs_f64();
    let row = json!({"system": system, "wall_s": wall_s, "docs": docs, "input_bytes": input_bytes});
    println!("{row}");
    Ok(())
}
