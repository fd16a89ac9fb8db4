//! The growth plot of bench/run: ingest time and p99 query latency against the corpus size,
//! from the `growth` rows of `target/bench/results.json`, drawn to `target/bench/growth.png`.
//! Usage: tracuu-bench-plot [RESULTS_JSON] [PNG]

use std::path::Path;

use anyhow::{anyhow, Context, Result};
use plotters::prelude::*;
use serde::Deserialize;

/// A measurement of one growth step, as the harness reports it.
#[derive(Debug, Deserialize)]
struct GrowthPoint {
    copies: u64,
    ingest_s: f64,
    p99_ms: f64,
}

#[derive(Debug, Deserialize)]
struct Results {
    growth: Vec<GrowthPoint>,
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let results = args
        .next()
        .unwrap_or_else(|| "target/bench/results.json".into());
    let out = args
        .next()
        .unwrap_or_else(|| "target/bench/growth.png".into());
    let text = std::fs::read_to_string(&results).with_context(|| format!("read {results}"))?;
    let parsed: Results =
        serde_json::from_str(&text).with_context(|| format!("parse {results}"))?;
    if parsed.growth.is_empty() {
        eprintln!("no growth rows in {results}: nothing to plot");
        return Ok(());
    }
    growth(&parsed.growth, Path::new(&out))?;
    eprintln!("wrote {out}");
    Ok(())
}

/// A sans-serif font for the labels; plotters draws no text without one.
const FONT: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/// Draws `points` into a PNG at `out`: ingest seconds left, p99 milliseconds right.
fn growth(points: &[GrowthPoint], out: &Path) -> Result<()> {
    let font = std::fs::read(FONT)
        .map_err(|e| anyhow!("{FONT}: {e} (apt-get install fonts-dejavu-core)"))?;
    plotters::style::register_font(
        "sans-serif",
        FontStyle::Normal,
        Box::leak(font.into_boxed_slice()),
    )
    .map_err(|_| anyhow!("{FONT} is not a usable font"))?;
    let root = BitMapBackend::new(out, (1000, 420)).into_drawing_area();
    root.fill(&WHITE)?;
    let (left, right) = root.split_horizontally(500);
    let max_copies = points.iter().map(|p| p.copies).max().unwrap_or(1) as f64;
    let panel = |area: &DrawingArea<BitMapBackend, _>,
                 title: &str,
                 unit: &str,
                 value: &dyn Fn(&GrowthPoint) -> f64|
     -> Result<()> {
        let top = points.iter().map(value).fold(0.0, f64::max) * 1.2;
        let mut chart = ChartBuilder::on(area)
            .caption(title, ("sans-serif", 20))
            .margin(15)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d(0.0..max_copies * 1.1, 0.0..top.max(1e-3))?;
        chart
            .configure_mesh()
            .x_desc("copies of vnnews")
            .y_desc(unit)
            .draw()?;
        // The line a linear growth from the first point would follow.
        if let Some(first) = points.first() {
            let slope = value(first) / first.copies as f64;
            chart.draw_series(LineSeries::new(
                [(0.0, 0.0), (max_copies, slope * max_copies)],
                BLACK.mix(0.3),
            ))?;
        }
        chart.draw_series(LineSeries::new(
            points.iter().map(|p| (p.copies as f64, value(p))),
            &BLUE,
        ))?;
        chart.draw_series(
            points
                .iter()
                .map(|p| Circle::new((p.copies as f64, value(p)), 4, BLUE.filled())),
        )?;
        Ok(())
    };
    panel(&left, "ingest time (grey: linear)", "seconds", &|p| {
        p.ingest_s
    })?;
    panel(&right, "p99 query latency (grey: linear)", "ms", &|p| {
        p.p99_ms
    })?;
    root.present()?;
    Ok(())
}
