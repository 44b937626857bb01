//! Permission bits for a non-root user (`EACCES`, `EPERM`); root passes all but execute without any x bit.

use crate::support::check;

#[test]
fn root_bypasses_read_and_write_bits() {
    check("chmod 000 /f; cat /f", "data");
    check("chmod 000 /f; write /f x", "ok");
    check("chmod 000 /d; cat /d/f", "hello");
    check("access x /f", "EACCES");
    check("access x /exe", "ok");
    check("access x /d", "ok");
    check("access r /f", "ok");
    check("access w /f", "ok");
    check("access r /missing", "ENOENT");
}

#[test]
fn other_users_follow_the_bits() {
    check("user 1000 1000; cat /f", "data");
    check("user 1000 1000; write /f x", "EACCES");
    check("user 1000 1000; append /f x", "EACCES");
    check("user 1000 1000; write /new x", "EACCES");
    check("user 1000 1000; mkdir /new", "EACCES");
    check("user 1000 1000; ln x /new", "EACCES");
    check("user 1000 1000; rm /f", "EACCES");
    check("user 1000 1000; rmdir /empty", "EACCES");
    check("user 1000 1000; mv /f /empty/f", "EACCES");
    check("user 1000 1000; rmrf /d", "EACCES");
    check("user 1000 1000; access w /f", "EACCES");
    check("user 1000 1000; access x /exe", "ok");
    check(
        "chmod 777 /empty; user 1000 1000; write /empty/x y; stat /empty/x",
        "file 644 1000:1000 size=1 nlink=1",
    );
    check("chmod 700 /d; user 1000 1000; cat /d/f", "EACCES");
    check("chmod 700 /d; user 1000 1000; stat /link/f", "EACCES");
    check("chmod 711 /d; user 1000 1000; ls /d", "EACCES");
    check("chmod 711 /d; user 1000 1000; cat /d/f", "hello");
    check("chmod 600 /f; user 1000 1000; cp /f /empty/x", "EACCES");
    check(
        "chown 0:50 /f; chmod 660 /f; user 1000 50; write /f x",
        "ok",
    );
    check(
        "chown 0:50 /f; chmod 606 /f; user 1000 50; cat /f",
        "EACCES",
    );
}

#[test]
fn only_owners_change_metadata() {
    check("user 1000 1000; chmod 777 /f", "EPERM");
    check("user 1000 1000; chown 1000:1000 /f", "EPERM");
    check("user 1000 1000; setmtime /f 1", "EPERM");
    check(
        "chown 1000:1000 /f; user 1000 1000; chmod 600 /f; stat /f",
        "file 600 1000:1000 size=4 nlink=1",
    );
    check(
        "chown 1000:1000 /f; user 1000 1000; setmtime /f 1; mtime /f",
        "1",
    );
    check("chown 1000:1000 /f; user 1000 1000; chown 0:0 /f", "EPERM");
}

#[test]
fn recursive_removal_needs_every_directory() {
    check(
        "chmod 777 /; chmod 777 /d; user 1000 1000; rmrf /d",
        "EACCES",
    );
    check(
        "chmod 777 /; chmod 777 /d; user 1000 1000; try rmrf /d; ls /d",
        "f:file sub:dir up:link",
    );
    check(
        "chmod 777 /; chmod 777 /d; chmod 777 /d/sub; user 1000 1000; rmrf /d; exists /d",
        "false dir=false file=false",
    );
}
