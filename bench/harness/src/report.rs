//! Gathers the parts bench/run wrote into `results.md` and `results.json` (bench/plot draws
//! `growth.png` from the latter).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;
use serde_json::{json, Value};

const MB: f64 = 1e6;

/// One line of the results table.
#[derive(Debug, Serialize)]
struct Row {
    figure: String,
    tracuu: String,
    peer: String,
    ratio: String,
    target: String,
    met: Option<bool>,
}

/// A measurement of one growth step.
#[derive(Debug, Serialize)]
struct GrowthPoint {
    /// Copies of the corpus.
    copies: u64,
    /// Documents indexed.
    docs: u64,
    /// Ingest wall time, seconds.
    ingest_s: f64,
    /// Query latency, milliseconds.
    p50_ms: f64,
    /// Query latency, milliseconds.
    p99_ms: f64,
}

fn read(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    // /usr/bin/time writes its line last, after any note about the exit status.
    serde_json::from_str(&text)
        .ok()
        .or_else(|| serde_json::from_str(text.lines().last()?).ok())
}

fn num(v: &Value, key: &str) -> f64 {
    v.get(key).and_then(Value::as_f64).unwrap_or(f64::NAN)
}

/// The fastest ingest of each system, merged with its `/usr/bin/time` figures.
fn ingests(dir: &Path) -> Result<BTreeMap<String, Value>> {
    let mut best: BTreeMap<String, Value> = BTreeMap::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !(name.starts_with("ingest-") && name.ends_with(".json")) {
            continue;
        }
        let Some(mut run) = read(&path) else { continue };
        if let (Some(time), Some(obj)) = (read(&path.with_extension("time")), run.as_object_mut()) {
            obj.insert("time".into(), time);
        }
        let system = run["system"].as_str().unwrap_or("?").to_string();
        let faster = best
            .get(&system)
            .is_none_or(|b| num(&run, "wall_s") < num(b, "wall_s"));
        if faster {
            best.insert(system, run);
        }
    }
    Ok(best)
}

fn mbps(run: &Value) -> f64 {
    num(run, "input_bytes") / MB / num(run, "wall_s")
}

/// Criterion's mean time and bytes of each benchmark of `group`, as MB/s.
fn criterion_mbps(criterion: &Path, group: &str) -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(criterion.join(group)) else {
        return out;
    };
    for entry in entries.flatten() {
        let new = entry.path().join("new");
        let (Some(estimates), Some(bench)) = (
            read(&new.join("estimates.json")),
            read(&new.join("benchmark.json")),
        ) else {
            continue;
        };
        let ns = estimates["mean"]["point_estimate"]
            .as_f64()
            .unwrap_or(f64::NAN);
        // The text bench reports decimal bytes; older runs wrote binary ones (same count).
        let throughput = &bench["throughput"];
        let bytes = throughput["BytesDecimal"]
            .as_f64()
            .or_else(|| throughput["Bytes"].as_f64())
            .unwrap_or(f64::NAN);
        let id = bench["function_id"].as_str().unwrap_or("?").to_string();
        out.insert(id, bytes / MB / (ns / 1e9));
    }
    out
}

fn row(
    figure: &str,
    tracuu: String,
    peer: String,
    ratio: String,
    target: &str,
    met: Option<bool>,
) -> Row {
    Row {
        figure: figure.to_string(),
        tracuu,
        peer,
        ratio,
        target: target.to_string(),
        met,
    }
}

fn latency_of<'a>(report: &'a Value, system: &str) -> Option<&'a Value> {
    report["systems"]
        .as_array()?
        .iter()
        .find(|s| s["system"] == system)
}

/// The growth step at `copies` copies, from its fastest round: the least ingest time and the
/// least latencies over the rounds (each taken alone, as the noise of a shared host only
/// ever adds); `None` when no round of it ran or indexed anything.
fn growth_point(parts: &Path, copies: u64) -> Option<GrowthPoint> {
    let mut best: Option<GrowthPoint> = None;
    for round in 1.. {
        let (Some(run), Some(lat)) = (
            read(&parts.join(format!("growth-{copies}-{round}.json"))),
            read(&parts.join(format!("growth-{copies}-{round}-latency.json"))),
        ) else {
            break;
        };
        // A round that indexed nothing failed (its reasons are in bench/run's output).
        let (Some(docs), Some(t)) = (
            run["docs"].as_u64().filter(|&d| d > 0),
            latency_of(&lat, "tracuu"),
        ) else {
            continue;
        };
        let point = GrowthPoint {
            copies,
            docs,
            ingest_s: num(&run, "wall_s"),
            p50_ms: num(t, "p50_ms"),
            p99_ms: num(t, "p99_ms"),
        };
        best = Some(match best {
            None => point,
            Some(b) => GrowthPoint {
                ingest_s: b.ingest_s.min(point.ingest_s),
                p50_ms: b.p50_ms.min(point.p50_ms),
                p99_ms: b.p99_ms.min(point.p99_ms),
                ..b
            },
        });
    }
    best
}

/// Writes the results from the parts in `dir`.
pub fn write(dir: &Path, criterion: &Path) -> Result<()> {
    let parts = dir.join("parts");
    let mut rows = Vec::new();

    let ingest = ingests(&parts).context("read the ingest parts")?;
    if let (Some(t), Some(p), Some(f)) = (
        ingest.get("tracuu"),
        ingest.get("tantivy"),
        ingest.get("fts5"),
    ) {
        let (tm, pm, fm) = (mbps(t), mbps(p), mbps(f));
        rows.push(row(
            "ingest vnnews, MB/s (vs plain tantivy)",
            format!("{tm:.1}"),
            format!("{pm:.1}"),
            format!("{:.2}×", tm / pm),
            "≥ 0.6×",
            Some(tm / pm >= 0.6),
        ));
        rows.push(row(
            "ingest vnnews, MB/s (vs FTS5)",
            format!("{tm:.1}"),
            format!("{fm:.1}"),
            format!("{:.2}×", tm / fm),
            "≥ 1.5×",
            Some(tm / fm >= 1.5),
        ));
        let cores = |r: &Value| {
            (num(&r["time"], "user_s") + num(&r["time"], "sys_s")) / num(&r["time"], "elapsed_s")
        };
        rows.push(row(
            "ingest, cores busy (CPU s / wall s)",
            format!("{:.2}", cores(t)),
            format!("{:.2}", cores(p)),
            format!("{:.2}×", cores(t) / cores(p)),
            "both cores",
            Some(cores(t) >= 1.5),
        ));
        let rss = |r: &Value| num(&r["time"], "max_rss_kb") / 1024.0;
        rows.push(row(
            "ingest, peak RSS MB",
            format!("{:.0}", rss(t)),
            format!("{:.0}", rss(p)),
            format!("{:.2}×", rss(t) / rss(p)),
            "—",
            None,
        ));
    }

    let text = criterion_mbps(criterion, "text");
    for (ours, peer, target) in [
        ("normalize", "nfc_peer", 200.0),
        ("fold", "lowercase_peer", 300.0),
        ("cite_extract", "regex_peer", 50.0),
    ] {
        if let (Some(o), Some(p)) = (text.get(ours), text.get(peer)) {
            rows.push(row(
                &format!("`{ours}` MB/s, one core (vs {peer})"),
                format!("{o:.0}"),
                format!("{p:.0}"),
                format!("{:.2}×", o / p),
                &format!("≥ {target} MB/s"),
                Some(*o >= target),
            ));
        }
    }

    let latency = read(&parts.join("latency.json"));
    if let Some(l) = &latency {
        if let Some(t) = latency_of(l, "tracuu") {
            for (key, target) in [("p50_ms", 0.5), ("p99_ms", 2.0)] {
                let ours = num(t, key);
                let name = key.trim_end_matches("_ms");
                if let Some(p) = latency_of(l, "tantivy") {
                    let r = ours / num(p, key);
                    rows.push(row(
                        &format!("query {name} ms, snippets (vs plain tantivy)"),
                        format!("{ours:.3}"),
                        format!("{:.3}", num(p, key)),
                        format!("{r:.2}×"),
                        &format!("≤ {target} ms, ≤ 4×"),
                        Some(ours <= target && r <= 4.0),
                    ));
                }
                if let Some(f) = latency_of(l, "fts5") {
                    let r = num(f, key) / ours;
                    rows.push(row(
                        &format!("query {name} ms (vs FTS5, FTS5 ÷ tracuu)"),
                        format!("{ours:.3}"),
                        format!("{:.3}", num(f, key)),
                        format!("{r:.2}×"),
                        "≥ 3× faster",
                        Some(r >= 3.0),
                    ));
                }
            }
        }
    }

    let healthz = read(&parts.join("http-healthz.json"));
    // The server as shipped answers a repeated query from its result cache; the second run
    // turns the cache off, so every request is searched.
    for (how, part) in [
        ("result cache on", "http-search.json"),
        ("cache off", "http-search-nocache.json"),
    ] {
        let (Some(s), Some(h)) = (read(&parts.join(part)), &healthz) else {
            continue;
        };
        let (sr, hr) = (num(&s, "rps"), num(h, "rps"));
        let errors = num(&s, "errors");
        rows.push(row(
            &format!("HTTP /api/search req/s, 32 conns, {how} (vs /healthz)"),
            format!("{sr:.0}"),
            format!("{hr:.0}"),
            format!("{:.2}×", sr / hr),
            "≥ 3,000 req/s",
            Some(sr >= 3000.0),
        ));
        rows.push(row(
            &format!("HTTP /api/search errors, {how}"),
            format!("{errors:.0}"),
            format!("{:.0}", num(h, "errors")),
            "—".into(),
            "0",
            Some(errors == 0.0),
        ));
        rows.push(row(
            &format!("HTTP /api/search p99 ms, {how} (vs /healthz)"),
            format!("{:.1}", num(&s, "p99_ms")),
            format!("{:.1}", num(h, "p99_ms")),
            format!("{:.1}×", num(&s, "p99_ms") / num(h, "p99_ms")),
            "≤ 30 ms",
            Some(num(&s, "p99_ms") <= 30.0),
        ));
    }
    if let Some(serve) = read(&parts.join("serve.json")) {
        let mb = num(&serve, "vmhwm_kb") / 1024.0;
        rows.push(row(
            "serving peak RSS MB (after the HTTP runs)",
            format!("{mb:.0}"),
            "—".into(),
            "—".into(),
            "≤ 250 MB",
            Some(mb <= 250.0),
        ));
    }
    if let Some(size) = read(&parts.join("size.json")) {
        // The raw text: the JSON Lines the ingests read, decompressed.
        let raw = ingest
            .get("tracuu")
            .map_or(f64::NAN, |t| num(t, "input_bytes"));
        let (t, p, f) = (
            num(&size, "tracuu_bytes"),
            num(&size, "tantivy_bytes"),
            num(&size, "fts5_bytes"),
        );
        rows.push(row(
            "index MB on disk ÷ raw MB (vs plain tantivy)",
            format!("{:.0} ({:.2}×)", t / MB, t / raw),
            format!("{:.0} ({:.2}×)", p / MB, p / raw),
            format!("{:.2}×", t / p),
            "≤ 1.0× raw",
            Some(t <= raw),
        ));
        rows.push(row(
            "index MB on disk (vs FTS5)",
            format!("{:.0}", t / MB),
            format!("{:.0}", f / MB),
            format!("{:.2}×", t / f),
            "—",
            None,
        ));
    }

    let growth: Vec<GrowthPoint> = [1u64, 2, 4]
        .into_iter()
        .filter_map(|copies| growth_point(&parts, copies))
        .collect();
    if let (Some(first), Some(last)) = (growth.first(), growth.last()) {
        if last.copies > first.copies {
            let scale = (last.copies / first.copies) as f64;
            let time = last.ingest_s / first.ingest_s;
            let p99 = last.p99_ms / first.p99_ms;
            rows.push(row(
                &format!(
                    "growth {}× → {}×: ingest time ratio",
                    first.copies, last.copies
                ),
                format!("{time:.2}×"),
                format!("{scale:.0}× data"),
                format!("{:.2}", time / scale),
                "linear (≈ 1)",
                Some(time / scale <= 1.25),
            ));
            rows.push(row(
                &format!(
                    "growth {}× → {}×: p99 latency ratio",
                    first.copies, last.copies
                ),
                format!("{p99:.2}×"),
                format!("{scale:.0}× data"),
                format!("{:.2}", p99 / scale),
                "sublinear (< 1)",
                Some(p99 < scale),
            ));
        }
    }

    let md = markdown(&rows, &growth, latency.as_ref());
    std::fs::write(dir.join("results.md"), &md)?;
    let all = json!({
        "rows": rows,
        "ingest": ingest,
        "text_mb_per_s": text,
        "latency": latency,
        "http": {
            "search": read(&parts.join("http-search.json")),
            "search_nocache": read(&parts.join("http-search-nocache.json")),
            "healthz": healthz,
        },
        "serve": read(&parts.join("serve.json")),
        "size": read(&parts.join("size.json")),
        "growth": growth,
    });
    std::fs::write(
        dir.join("results.json"),
        serde_json::to_string_pretty(&all)?,
    )?;
    print!("{md}");
    Ok(())
}

fn markdown(rows: &[Row], growth: &[GrowthPoint], latency: Option<&Value>) -> String {
    let mut md = String::from(
        "| figure | tracuu | peer | ratio | target | met |\n|---|---:|---:|---:|---|---|\n",
    );
    for r in rows {
        let met = match r.met {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "—",
        };
        md.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            r.figure, r.tracuu, r.peer, r.ratio, r.target, met
        ));
    }
    if !growth.is_empty() {
        md.push_str(
            "\n| copies | documents | ingest s | p50 ms | p99 ms |\n|---:|---:|---:|---:|---:|\n",
        );
        for g in growth {
            md.push_str(&format!(
                "| {}× | {} | {:.1} | {:.3} | {:.3} |\n",
                g.copies, g.docs, g.ingest_s, g.p50_ms, g.p99_ms
            ));
        }
    }
    if let Some(a) = latency
        .and_then(|l| l.get("accents"))
        .filter(|a| !a.is_null())
    {
        md.push_str(&format!(
            "\nAccents: tracuu finds {} documents for `dang` ({} for `đảng`); FTS5 finds {} for `dang`, {} for `đảng`, and {} for both: it cannot match \"dang\" to \"Đảng\".\n",
            a["tracuu_dang"], a["tracuu_dang_accented"], a["fts5_dang"], a["fts5_dang_accented"], a["fts5_both"]
        ));
    }
    md
}
