//! The logical clock: every modification stamps a strictly newer mtime; reads and metadata changes do not tick.

use crate::support::check;
use dockyard_vfs::Vfs;

#[test]
fn modifications_stamp_new_ticks() {
    // The sample tree took 15 modifications.
    check("now", "15");
    check("mtime /f", "6");
    check("lmtime /flink", "9");
    check("mtime /flink", "6");
    check("write /new x; mtime /new", "16");
    check("write /new x; mtime /", "16");
    check("write /d/f x; mtime /d/f", "16");
    check("write /d/f x; mtime /d", "15");
    check("append /f x; mtime /f", "16");
    check("touch /f; mtime /f", "16");
    check("mkdir /d/n; mtime /d", "16");
    check("ln x /d/l; mtime /d", "16");
    check("rm /d/f; mtime /d", "16");
    check("rmdir /empty; mtime /", "16");
    check("rmrf /d/sub; mtime /d", "16");
    check("mv /f /d/g; mtime /", "16");
    check("mv /f /d/g; mtime /d", "16");
    check("mv /f /d/g; mtime /d/g", "6");
    check("cp /f /d/g; mtime /d/g", "16");
}

#[test]
fn reads_failures_and_metadata_changes_do_not_tick() {
    check("cat /f; stat /d; ls /d; now", "15");
    check("try write /missing/x y; try mkdir /d; try rm /d; now", "15");
    check("chmod 600 /f; chown 1:1 /f; now", "15");
    check("chmod 600 /f; mtime /f", "6");
}

#[test]
fn explicit_times_and_moving_the_clock() {
    check("setmtime /f 100; mtime /f", "100");
    check("setmtime /f 100; now", "15");
    check("setmtime /flink 3; mtime /f", "3");
    check("setmtime /d 3; mtime /link", "3");
    check("setmtime /missing 3", "ENOENT");
    check("advance 10; write /x y; mtime /x", "26");
    check("advance 5; now", "20");
}

#[test]
fn every_write_gets_a_strictly_newer_mtime() {
    let mut vfs = Vfs::new();
    vfs.set_now(1_700_000_000);
    let mut last = vfs.now();
    for i in 0..100 {
        let path = format!("/f{}", i % 7);
        vfs.write(&path, b"x").unwrap();
        let mtime = vfs.stat(&path).unwrap().mtime;
        assert!(mtime > last, "{mtime} after {last}");
        last = mtime;
    }
    assert_eq!(vfs.now(), 1_700_000_100);
    assert_eq!(vfs.tick(), 1_700_000_101);
    vfs.set_now(u64::MAX - 1);
    assert_eq!(vfs.advance(10), u64::MAX);
}
