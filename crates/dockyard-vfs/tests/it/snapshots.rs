//! Snapshots: `clone()` is a copy-on-write snapshot; writes on either side never show on the other.

use crate::support::{run, sample_tree};
use dockyard_vfs::{diff, Vfs};

/// Every entry as `path kind mode mtime data`, to compare whole trees.
fn listing(vfs: &Vfs) -> Vec<String> {
    vfs.entries("/")
        .unwrap()
        .map(|e| {
            format!(
                "{} {:?} {:o} {}:{} {} {:?}",
                e.path,
                e.metadata.kind,
                e.metadata.mode,
                e.metadata.uid,
                e.metadata.gid,
                e.metadata.mtime,
                e.data
            )
        })
        .collect()
}

#[track_caller]
fn check(commands: &str) {
    let mut original = sample_tree();
    let snapshot = original.clone();
    let before = listing(&snapshot);
    let usage = snapshot.usage();
    for command in commands.split("; ") {
        run(&mut original, command).unwrap_or_else(|e| panic!("{command}: {}", e.code()));
    }
    assert_eq!(listing(&snapshot), before, "snapshot changed by {commands}");
    assert_eq!(snapshot.usage(), usage);
    assert_ne!(listing(&original), before, "{commands} changed nothing");
    // And the other way round: writing to the snapshot leaves the original alone.
    let mut snapshot = snapshot;
    let after = listing(&original);
    for command in commands.split("; ") {
        run(&mut snapshot, command).unwrap();
    }
    assert_eq!(listing(&original), after);
}

#[test]
fn writes_after_a_clone_do_not_reach_it() {
    check("write /d/f changed");
    check("append /d/sub/g more");
    check("write /d/sub/new x");
    check("touch /f");
    check("mkdirp /a/b/c");
    check("rm /d/f");
    check("rmrf /d");
    check("mv /d/sub /moved");
    check("mv /f /d/sub/f");
    check("cp /d/f /d/sub/copy");
    check("ln /d /d/sub/l");
    check("chmod 700 /d/sub/g");
    check("chown 5:5 /link");
    check("setmtime /d/sub 99");
}

#[test]
fn layers_stack_like_docker_images() {
    let mut vfs = Vfs::new();
    let mut layers = vec![vfs.clone()];
    for i in 0..20 {
        vfs.create_dir_all(&format!("/app/layer{i}")).unwrap();
        vfs.write(&format!("/app/layer{i}/file"), format!("{i}").as_bytes())
            .unwrap();
        layers.push(vfs.clone());
    }
    for (i, layer) in layers.iter().enumerate() {
        assert_eq!(layer.read_dir("/app").map(|e| e.len()).unwrap_or(0), i);
        if i > 0 {
            let changes = diff(&layers[i - 1], layer, "/");
            assert!(changes.len() <= 4, "{changes:?}");
        }
    }
}

#[test]
fn clones_keep_their_own_settings() {
    let mut vfs = sample_tree();
    let snapshot = vfs.clone();
    vfs.set_read_only(true);
    vfs.advance(100);
    assert!(!snapshot.is_read_only());
    assert_eq!(snapshot.now(), 15);
}
