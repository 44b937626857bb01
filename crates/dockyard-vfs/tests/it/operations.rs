//! Every operation on the sample tree, one line per case: what it returns or which errno.

use crate::support::check;

#[test]
fn stat_and_lstat() {
    check("stat /d/f", "file 644 0:0 size=5 nlink=1");
    check("stat /d", "dir 755 0:0 size=4096 nlink=3");
    check("stat /", "dir 755 0:0 size=4096 nlink=4");
    check("stat d/f", "file 644 0:0 size=5 nlink=1");
    check("stat /d/./sub/..", "dir 755 0:0 size=4096 nlink=3");
    check("stat /d/sub/../f", "file 644 0:0 size=5 nlink=1");
    check("stat /..", "dir 755 0:0 size=4096 nlink=4");
    check("stat //d//f", "file 644 0:0 size=5 nlink=1");
    check("stat /d/", "dir 755 0:0 size=4096 nlink=3");
    check("stat /missing", "ENOENT");
    check("stat /missing/x", "ENOENT");
    check("stat ", "ENOENT");
    check("stat /f/", "ENOTDIR");
    check("stat /f/.", "ENOTDIR");
    check("stat /f/x", "ENOTDIR");
    check("stat /exe", "file 755 0:0 size=10 nlink=1");
    check("lstat /link", "link 777 0:0 size=2 nlink=1");
    check("stat /link", "dir 755 0:0 size=4096 nlink=3");
}

#[test]
fn exists_is_dir_is_file() {
    check("exists /d", "true dir=true file=false");
    check("exists /f", "true dir=false file=true");
    check("exists /link", "true dir=true file=false");
    check("exists /flink", "true dir=false file=true");
    check("exists /dangling", "false dir=false file=false");
    check("exists /missing", "false dir=false file=false");
    check("exists /loop1", "false dir=false file=false");
}

#[test]
fn read() {
    check("cat /d/f", "hello");
    check("cat /d", "EISDIR");
    check("cat /", "EISDIR");
    check("cat /f/", "ENOTDIR");
    check("cat /missing", "ENOENT");
    check("cat /flink", "data");
    check("cat /d/up", "data");
    check("cat /link/f", "hello");
    check("cat /dangling", "ENOENT");
    check("write /bin \u{ff}; cat /bin", "\u{ff}");
}

#[test]
fn read_replaces_invalid_utf8() {
    let mut vfs = crate::support::sample_tree();
    vfs.write("/bin", &[b'a', 0xff, b'b']).unwrap();
    assert_eq!(vfs.read("/bin").unwrap(), vec![b'a', 0xff, b'b']);
    assert_eq!(vfs.read_to_string("/bin").unwrap(), "a\u{fffd}b");
    assert_eq!(*vfs.read_shared("/bin").unwrap(), vec![b'a', 0xff, b'b']);
}

#[test]
fn write() {
    check("write /new hi; cat /new", "hi");
    check("write /new hi; stat /new", "file 644 0:0 size=2 nlink=1");
    check(
        "umask 077; write /new hi; stat /new",
        "file 600 0:0 size=2 nlink=1",
    );
    check("write /d/f bye; cat /d/f", "bye");
    check(
        "chmod 600 /f; write /f x; stat /f",
        "file 600 0:0 size=1 nlink=1",
    );
    check("write /new ", "ok");
    check("write /d x", "EISDIR");
    check("write /d/ x", "EISDIR");
    check("write / x", "EISDIR");
    check("write /d/. x", "EISDIR");
    check("write /d/.. x", "EISDIR");
    check("write /new/ x", "EISDIR");
    check("write /f/ x", "EISDIR");
    check("write /missing/x y", "ENOENT");
    check("write /f/x y", "ENOTDIR");
    check("write /dangling z; cat /nowhere", "z");
    check("write /flink z; cat /f", "z");
    check("write /link x", "EISDIR");
    check("write /link/new x; cat /d/new", "x");
    check("write  x", "ENOENT");
}

#[test]
fn append_and_touch() {
    check("append /d/f !; cat /d/f", "hello!");
    check("append /new a; append /new b; cat /new", "ab");
    check("append /d x", "EISDIR");
    check("append /flink +; cat /f", "data+");
    check("touch /new; stat /new", "file 644 0:0 size=0 nlink=1");
    check("touch /d/f; cat /d/f", "hello");
    check("touch /d", "EISDIR");
    check("touch /missing/x", "ENOENT");
}

#[test]
fn create_dir() {
    check("mkdir /n; stat /n", "dir 755 0:0 size=4096 nlink=2");
    check(
        "umask 027; mkdir /n; stat /n",
        "dir 750 0:0 size=4096 nlink=2",
    );
    check("mkdir /n/", "ok");
    check("mkdir /n; stat /", "dir 755 0:0 size=4096 nlink=5");
    check("mkdir /d", "EEXIST");
    check("mkdir /f", "EEXIST");
    check("mkdir /f/", "EEXIST");
    check("mkdir /dangling", "EEXIST");
    check("mkdir /", "EEXIST");
    check("mkdir /d/.", "EEXIST");
    check("mkdir /a/b", "ENOENT");
    check("mkdir /f/x", "ENOTDIR");
    check("mkdir /link/new; exists /d/new", "true dir=true file=false");
}

#[test]
fn create_dir_all() {
    check(
        "mkdirp /a/b/c; stat /a/b/c",
        "dir 755 0:0 size=4096 nlink=2",
    );
    check("mkdirp /d/sub", "ok");
    check("mkdirp /d/sub/", "ok");
    check("mkdirp /link", "ok");
    check("mkdirp /", "ok");
    check("mkdirp /f", "EEXIST");
    check("mkdirp /f/x", "ENOTDIR");
    check("mkdirp /dangling/x", "ENOENT");
    check(
        "mkdirp /link/x/y; exists /d/x/y",
        "true dir=true file=false",
    );
    check("mkdirp /a/../b; exists /b", "true dir=true file=false");
    check("mkdirp a//b/./c; exists /a/b/c", "true dir=true file=false");
    check("mkdirp ", "ENOENT");
}

#[test]
fn remove_file() {
    check("rm /d/f; exists /d/f", "false dir=false file=false");
    check("rm /link; exists /d", "true dir=true file=false");
    check("rm /link; lstat /link", "ENOENT");
    check("rm /dangling", "ok");
    check("rm /loop1", "ok");
    check("rm /d", "EISDIR");
    check("rm /d/", "EISDIR");
    check("rm /", "EISDIR");
    check("rm /d/.", "EISDIR");
    check("rm /missing", "ENOENT");
    check("rm /missing/", "ENOENT");
    check("rm /f/", "ENOTDIR");
    check("rm /link/", "ENOTDIR");
    check("rm /f/x", "ENOTDIR");
}

#[test]
fn remove_dir() {
    check("rmdir /empty; exists /empty", "false dir=false file=false");
    check("rmdir /empty/", "ok");
    check("rmdir /d", "ENOTEMPTY");
    check("rmdir /d/sub/..", "ENOTEMPTY");
    check("rmdir /f", "ENOTDIR");
    check("rmdir /link", "ENOTDIR");
    check("rmdir /link/", "ENOTDIR");
    check("rmdir /missing", "ENOENT");
    check("rmdir /", "EBUSY");
    check("rmdir /empty/.", "EINVAL");
}

#[test]
fn remove_dir_all() {
    check("rmrf /d; exists /d/sub/g", "false dir=false file=false");
    check("rmrf /d; usage", "bytes=46 nodes=11");
    check("rmrf /empty", "ok");
    check("rmrf /link; exists /d", "true dir=true file=false");
    check("rmrf /link; lstat /link", "ENOENT");
    check("rmrf /f", "ENOTDIR");
    check("rmrf /", "EBUSY");
    check("rmrf /missing", "ENOENT");
    check("rmrf /d/.", "EINVAL");
    check("rmrf /d/sub/..", "EINVAL");
}

#[test]
fn copy_file() {
    check("cp /d/f /new", "5");
    check("cp /d/f /new; cat /new", "hello");
    check("cp /exe /e2; stat /e2", "file 755 0:0 size=10 nlink=1");
    check(
        "chmod 4755 /f; cp /f /e2; stat /e2",
        "file 755 0:0 size=4 nlink=1",
    );
    check(
        "chmod 600 /f; cp /d/f /f; stat /f",
        "file 600 0:0 size=5 nlink=1",
    );
    check("cp /flink /new; cat /new", "data");
    check("cp /d/f /dangling; cat /nowhere", "hello");
    check("cp /d/f /new; append /new !; cat /d/f", "hello");
    check("cp /f /f; cat /f", "data");
    check("cp /d /new", "EISDIR");
    check("cp /d/f /d", "EISDIR");
    check("cp /d/f /new/", "EISDIR");
    check("cp /missing /new", "ENOENT");
    check("cp /f /missing/new", "ENOENT");
}

#[test]
fn symlink_and_read_link() {
    check("ln /d /l2; readlink /l2", "/d");
    check(
        "ln nowhere/at/all /l2; lstat /l2",
        "link 777 0:0 size=14 nlink=1",
    );
    check("ln x /f", "EEXIST");
    check("ln x /dangling", "EEXIST");
    check("ln x /f/", "EEXIST");
    check("ln x /new/", "ENOENT");
    check("ln x /missing/l", "ENOENT");
    check("ln  /l", "ENOENT");
    check("ln x /", "EEXIST");
    check("readlink /flink", "f");
    check("readlink /loop1", "/loop2");
    check("readlink /f", "EINVAL");
    check("readlink /d", "EINVAL");
    check("readlink /link/", "EINVAL");
    check("readlink /missing", "ENOENT");
}

#[test]
fn canonicalize() {
    check("realpath /rel", "/d/sub");
    check("realpath /link/sub/..", "/d");
    check("realpath /d/up", "/f");
    check("realpath /", "/");
    check("realpath /d/../d/./sub", "/d/sub");
    check("realpath /dangling", "ENOENT");
}

#[test]
fn read_dir() {
    check("ls /d", "f:file sub:dir up:link");
    check("ls /link", "f:file sub:dir up:link");
    check("ls /link/", "f:file sub:dir up:link");
    check("ls /empty", "");
    check("ls /f", "ENOTDIR");
    check("ls /missing", "ENOENT");
    check(
        "write /empty/b x; write /empty/B x; write /empty/_ x; write /empty/a x; write /empty/é x; ls /empty",
        "B:file _:file a:file b:file é:file",
    );
}

#[test]
fn set_mode_and_owner() {
    check("chmod 700 /f; stat /f", "file 700 0:0 size=4 nlink=1");
    check("chmod 4755 /f; stat /f", "file 4755 0:0 size=4 nlink=1");
    check("chmod 17777 /f; stat /f", "file 7777 0:0 size=4 nlink=1");
    check("chmod 700 /link; stat /d", "dir 700 0:0 size=4096 nlink=3");
    check(
        "chmod 700 /link; lstat /link",
        "link 777 0:0 size=2 nlink=1",
    );
    check("chmod 700 /missing", "ENOENT");
    check(
        "chown 1000:50 /f; stat /f",
        "file 644 1000:50 size=4 nlink=1",
    );
    check(
        "chown 1000:50 /flink; stat /f",
        "file 644 1000:50 size=4 nlink=1",
    );
    check("chown 1:1 /dangling", "ENOENT");
}

#[test]
fn usage_and_disk_usage() {
    check("usage", "bytes=56 nodes=16");
    check("du /d", "10");
    check("du /f", "4");
    check("du /link", "2");
    check("du /", "56");
    check("du /missing", "ENOENT");
    check("write /new 123; usage", "bytes=59 nodes=17");
    check("write /f 1; usage", "bytes=53 nodes=16");
    check("append /f 1; usage", "bytes=57 nodes=16");
    check("rm /f; usage", "bytes=52 nodes=15");
    check("mkdir /n; usage", "bytes=56 nodes=17");
}

#[test]
fn read_only_filesystem() {
    check("readonly on; cat /f", "data");
    check("readonly on; write /f x", "EROFS");
    check("readonly on; write /new x", "EROFS");
    check("readonly on; append /f x", "EROFS");
    check("readonly on; mkdir /n", "EROFS");
    check("readonly on; mkdir /d", "EEXIST");
    check("readonly on; mkdirp /d/sub", "ok");
    check("readonly on; rm /f", "EROFS");
    check("readonly on; rmdir /empty", "EROFS");
    check("readonly on; rmrf /d", "EROFS");
    check("readonly on; mv /f /g", "EROFS");
    check("readonly on; ln x /y", "EROFS");
    check("readonly on; chmod 600 /f", "EROFS");
    check("readonly on; chown 1:1 /f", "EROFS");
    check("readonly on; setmtime /f 1", "EROFS");
    check("readonly on; readonly off; write /f x", "ok");
}
