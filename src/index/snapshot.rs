//! Index snapshots for read replicas: a consistent copy of the last commit, published under
//! `OUT/<generation>-<opstamp>/` and pointed to by `OUT/CURRENT`, made while ingest may write.
//!
//! tantivy never changes a segment file once written, so a commit is exactly `meta.json` plus
//! the files of the segments it lists. Those are hard-linked (copied across file systems) into
//! a temp dir under tantivy's meta lock, which holds off its garbage collector; the dir is
//! renamed into place, then `CURRENT` is replaced by a rename, so a replica never sees half a
//! snapshot.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use tantivy::directory::{Directory, MmapDirectory, META_LOCK};

/// The pointer file naming the snapshot replicas serve.
pub const CURRENT: &str = "CURRENT";
/// Snapshots kept by default: the current one and a few older ones that replicas may still
/// be opening.
pub const DEFAULT_KEEP: usize = 3;
/// Attempts at copying a commit: each retry starts from a fresh `meta.json`, in case a file
/// vanished between reading it and linking the file (belt and braces over the meta lock).
const ATTEMPTS: usize = 5;
/// Publishers take this lock in the output directory, so two never interleave.
const PUBLISH_LOCK: &str = ".publish.lock";
/// Snapshots are assembled here, then renamed into place.
const ASSEMBLY_DIR: &str = ".assembling";

/// Why a snapshot could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// A file or directory could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
    /// The source is not an index, or its `meta.json` does not parse.
    #[error("{path} is not a readable index: {reason}")]
    NotAnIndex {
        /// The index directory.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// Files kept vanishing under a busy writer.
    #[error("the index at {0} kept changing while it was copied; try again")]
    Unstable(PathBuf),
    /// The copy does not open as an index.
    #[error("the snapshot does not open: {0}")]
    Broken(String),
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> SnapshotError + '_ {
    move |source| SnapshotError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What a publish did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    /// The snapshot `CURRENT` now names (a directory under the output).
    pub name: String,
    /// Whether it is new; `false` when the last snapshot already held this commit.
    pub created: bool,
    /// Old snapshots deleted.
    pub removed: Vec<String>,
}

/// The part of `meta.json` a snapshot needs.
#[derive(Deserialize)]
struct CommitMeta {
    segments: Vec<SegmentEntry>,
    opstamp: u64,
}

#[derive(Deserialize)]
struct SegmentEntry {
    segment_id: String,
}

/// A snapshot directory's name: `<generation>-<opstamp>`, the generation zero-padded so
/// names sort in publishing order.
pub fn snapshot_name(generation: u64, opstamp: u64) -> String {
    format!("{generation:08}-{opstamp}")
}

/// The generation of a snapshot directory name; `None` for anything else.
pub fn generation_of(name: &str) -> Option<u64> {
    let (generation, opstamp) = name.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(generation) || !digits(opstamp) {
        return None;
    }
    generation.parse().ok()
}

/// The snapshots to delete: all but the newest `keep`, and never `current`.
pub fn to_remove(names: &[String], keep: usize, current: Option<&str>) -> Vec<String> {
    let mut ordered: Vec<(u64, &String)> = names
        .iter()
        .filter_map(|n| Some((generation_of(n)?, n)))
        .collect();
    ordered.sort_unstable_by_key(|(generation, _)| std::cmp::Reverse(*generation));
    ordered
        .into_iter()
        .skip(keep.max(1))
        .filter(|(_, n)| Some(n.as_str()) != current)
        .map(|(_, n)| n.clone())
        .collect()
}

/// The segment file name prefixes (uuid without dashes) a commit uses, and its opstamp.
fn parse_meta(json: &[u8]) -> Result<(HashSet<String>, u64), String> {
    let meta: CommitMeta = serde_json::from_slice(json).map_err(|e| e.to_string())?;
    let segments = meta
        .segments
        .into_iter()
        .map(|s| s.segment_id.replace('-', ""))
        .collect();
    Ok((segments, meta.opstamp))
}

/// Whether a file belongs to one of `segments`: tantivy names them `<uuid>.<component>`.
fn is_segment_file(name: &str, segments: &HashSet<String>) -> bool {
    name.split_once('.')
        .is_some_and(|(stem, _)| segments.contains(stem))
}

/// The snapshot `CURRENT` names under `root`, when there is one.
pub fn current(root: &Path) -> Option<String> {
    let text = fs::read_to_string(root.join(CURRENT)).ok()?;
    let name = text.trim();
    generation_of(name).map(|_| name.to_string())
}

/// The directory of the snapshot `CURRENT` names under `root`, when there is one.
pub fn current_dir(root: &Path) -> Option<PathBuf> {
    current(root).map(|name| root.join(name))
}

/// Publishes the last commit of the index in `index` as a snapshot under `out`, points
/// `CURRENT` at it, and deletes snapshots beyond the newest `keep`. Takes no writer lock.
pub fn publish(index: &Path, out: &Path, keep: usize) -> Result<Published, SnapshotError> {
    fs::create_dir_all(out).map_err(io_at(out))?;
    let lock_path = out.join(PUBLISH_LOCK);
    let lock = File::create(&lock_path).map_err(io_at(&lock_path))?;
    lock.lock().map_err(io_at(&lock_path))?;

    let assembly = out.join(ASSEMBLY_DIR);
    remove_dir_if_present(&assembly)?;
    let (meta, opstamp) = copy_commit(index, &assembly)?;

    let names = snapshot_names(out)?;
    let newest = names
        .iter()
        .filter_map(|n| Some((generation_of(n)?, n)))
        .max();
    let same_as_newest = newest
        .and_then(|(_, n)| fs::read(out.join(n).join("meta.json")).ok())
        .is_some_and(|old| old == meta);
    let (name, created) = match newest {
        Some((_, n)) if same_as_newest => {
            remove_dir_if_present(&assembly)?;
            (n.clone(), false)
        }
        _ => {
            verify(&assembly)?;
            let generation = newest.map_or(1, |(g, _)| g + 1);
            let name = snapshot_name(generation, opstamp);
            let target = out.join(&name);
            fs::rename(&assembly, &target).map_err(io_at(&target))?;
            (name, true)
        }
    };
    if current(out).as_deref() != Some(name.as_str()) {
        write_pointer(out, &name)?;
    }
    sync_dir(out)?;

    let mut removed = Vec::new();
    for old in to_remove(&snapshot_names(out)?, keep, Some(&name)) {
        let path = out.join(&old);
        fs::remove_dir_all(&path).map_err(io_at(&path))?;
        removed.push(old);
    }
    drop(lock);
    Ok(Published {
        name,
        created,
        removed,
    })
}

/// Copies the files of the last commit of `index` into `to`; returns its `meta.json`
/// and opstamp.
fn copy_commit(index: &Path, to: &Path) -> Result<(Vec<u8>, u64), SnapshotError> {
    let not_index = |reason: String| SnapshotError::NotAnIndex {
        path: index.to_path_buf(),
        reason,
    };
    let directory = MmapDirectory::open(index).map_err(|e| not_index(e.to_string()))?;
    for _ in 0..ATTEMPTS {
        // The garbage collector deletes only while holding this lock: with it held, the
        // files of the commit read below stay until they are linked.
        let guard = directory
            .acquire_lock(&META_LOCK)
            .map_err(|e| not_index(e.to_string()))?;
        let meta_path = index.join("meta.json");
        let meta = fs::read(&meta_path).map_err(|e| not_index(e.to_string()))?;
        let (segments, opstamp) = parse_meta(&meta).map_err(not_index)?;
        fs::create_dir_all(to).map_err(io_at(to))?;
        match link_segments(index, to, &segments) {
            Ok(()) => {
                drop(guard);
                let meta_copy = to.join("meta.json");
                write_synced(&meta_copy, &meta)?;
                return Ok((meta, opstamp));
            }
            Err(SnapshotError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                drop(guard);
                remove_dir_if_present(to)?;
            }
            Err(other) => return Err(other),
        }
    }
    Err(SnapshotError::Unstable(index.to_path_buf()))
}

fn link_segments(from: &Path, to: &Path, segments: &HashSet<String>) -> Result<(), SnapshotError> {
    let mut found = HashSet::new();
    for entry in fs::read_dir(from).map_err(io_at(from))? {
        let entry = entry.map_err(io_at(from))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_segment_file(name, segments) {
            continue;
        }
        let source = from.join(name);
        let target = to.join(name);
        // Segment files never change once written, so a hard link is as good as a copy;
        // across file systems it has to be a copy.
        if let Err(e) = fs::hard_link(&source, &target) {
            if e.kind() == io::ErrorKind::NotFound {
                return Err(SnapshotError::Io {
                    path: source,
                    source: e,
                });
            }
            fs::copy(&source, &target).map_err(io_at(&source))?;
        }
        if let Some((stem, _)) = name.split_once('.') {
            found.insert(stem.to_string());
        }
    }
    if let Some(missing) = segments.difference(&found).next() {
        return Err(SnapshotError::Io {
            path: from.join(missing),
            source: io::Error::new(io::ErrorKind::NotFound, "segment files missing"),
        });
    }
    Ok(())
}

/// Opens the copy as an index and a reader over it, so that a broken one is never published.
fn verify(dir: &Path) -> Result<(), SnapshotError> {
    let (index, _) =
        super::open_or_create(dir).map_err(|e| SnapshotError::Broken(e.to_string()))?;
    let reader = index
        .reader()
        .map_err(|e| SnapshotError::Broken(e.to_string()))?;
    drop(reader);
    // Opening leaves tantivy's lock files behind; the published snapshot needs none of them.
    for lock in [".tantivy-meta.lock", ".tantivy-writer.lock"] {
        let _ = fs::remove_file(dir.join(lock));
    }
    Ok(())
}

fn snapshot_names(out: &Path) -> Result<Vec<String>, SnapshotError> {
    let mut names = Vec::new();
    for entry in fs::read_dir(out).map_err(io_at(out))? {
        let entry = entry.map_err(io_at(out))?;
        if let Some(name) = entry.file_name().to_str() {
            if generation_of(name).is_some() && entry.path().is_dir() {
                names.push(name.to_string());
            }
        }
    }
    Ok(names)
}

/// Replaces `CURRENT` atomically: written aside, synced, renamed over the old one.
fn write_pointer(out: &Path, name: &str) -> Result<(), SnapshotError> {
    let temp = out.join(format!("{CURRENT}.tmp"));
    write_synced(&temp, format!("{name}\n").as_bytes())?;
    let target = out.join(CURRENT);
    fs::rename(&temp, &target).map_err(io_at(&target))
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), SnapshotError> {
    let mut file = File::create(path).map_err(io_at(path))?;
    file.write_all(bytes).map_err(io_at(path))?;
    file.sync_all().map_err(io_at(path))
}

/// Makes renames in `dir` durable.
fn sync_dir(dir: &Path) -> Result<(), SnapshotError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_at(dir))
}

fn remove_dir_if_present(dir: &Path) -> Result<(), SnapshotError> {
    match fs::remove_dir_all(dir) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(SnapshotError::Io {
            path: dir.to_path_buf(),
            source: e,
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn names_carry_the_generation_and_sort_by_it() {
        assert_eq!(snapshot_name(7, 1234), "00000007-1234");
        assert_eq!(generation_of("00000007-1234"), Some(7));
        for bad in [
            "CURRENT",
            ".assembling",
            "7",
            "-12",
            "7-",
            "a-1",
            "7-1x",
            "../1-2",
        ] {
            assert_eq!(generation_of(bad), None, "{bad}");
        }
        assert!(snapshot_name(9, 5) < snapshot_name(10, 1));
    }

    #[test]
    fn removes_all_but_the_newest_and_never_the_current() {
        let all = names(&["00000001-5", "00000002-9", "00000003-12", "00000004-20"]);
        assert_eq!(
            to_remove(&all, 2, Some("00000004-20")),
            names(&["00000002-9", "00000001-5"])
        );
        // CURRENT pointing at an old snapshot (a rollback) keeps it.
        assert_eq!(
            to_remove(&all, 2, Some("00000001-5")),
            names(&["00000002-9"])
        );
        // Keeping none would delete what replicas serve: at least one stays.
        assert_eq!(to_remove(&all[..1], 0, None), Vec::<String>::new());
        assert!(to_remove(&names(&["CURRENT", "x"]), 1, None).is_empty());
    }

    #[test]
    fn picks_the_files_of_the_committed_segments() {
        let meta = br#"{"index_settings": {}, "segments": [
            {"segment_id": "0b7c1a7e-5b1f-4c37-a4b8-8f0c2d0c1e11", "max_doc": 3, "deletes": null}],
            "schema": [], "opstamp": 42}"#;
        let (segments, opstamp) = parse_meta(meta).unwrap();
        assert_eq!(opstamp, 42);
        let id = "0b7c1a7e5b1f4c37a4b88f0c2d0c1e11";
        for file in ["idx", "pos", "term", "store", "fast", "fieldnorm", "41.del"] {
            assert!(is_segment_file(&format!("{id}.{file}"), &segments));
        }
        for other in ["meta.json", ".managed.json", ".tantivy-meta.lock", id] {
            assert!(!is_segment_file(other, &segments), "{other}");
        }
        assert!(!is_segment_file(
            "ffffffffffffffffffffffffffffffff.idx",
            &segments
        ));
        assert!(parse_meta(b"{}").is_err());
    }

    #[test]
    fn reads_the_pointer_and_refuses_odd_ones() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(current(dir.path()), None);
        fs::write(dir.path().join(CURRENT), "00000003-17\n").unwrap();
        assert_eq!(current(dir.path()).as_deref(), Some("00000003-17"));
        assert_eq!(
            current_dir(dir.path()),
            Some(dir.path().join("00000003-17"))
        );
        fs::write(dir.path().join(CURRENT), "../../etc").unwrap();
        assert_eq!(current(dir.path()), None);
    }
}
