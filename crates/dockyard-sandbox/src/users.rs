//! The sandbox's passwd and group tables: root and the session user.

/// One account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    pub home: String,
}

/// The accounts `ls -l`, `id`, `whoami` and `~user` know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Users {
    pub users: Vec<User>,
}

impl Users {
    /// root (0) and, unless it is root, `name` with uid and gid 1000.
    pub fn with_session_user(name: &str) -> Users {
        let mut users = vec![User {
            name: "root".into(),
            uid: 0,
            gid: 0,
            home: "/root".into(),
        }];
        if name != "root" {
            users.push(User {
                name: name.into(),
                uid: 1000,
                gid: 1000,
                home: format!("/home/{name}"),
            });
        }
        Users { users }
    }

    pub fn by_name(&self, name: &str) -> Option<&User> {
        self.users.iter().find(|u| u.name == name)
    }

    pub fn user_name(&self, uid: u32) -> Option<String> {
        self.users
            .iter()
            .find(|u| u.uid == uid)
            .map(|u| u.name.clone())
    }

    pub fn group_name(&self, gid: u32) -> Option<String> {
        self.users
            .iter()
            .find(|u| u.gid == gid)
            .map(|u| u.name.clone())
    }

    pub fn home_of(&self, name: &str) -> Option<String> {
        self.by_name(name).map(|u| u.home.clone())
    }

    /// `/etc/passwd` text.
    pub fn passwd(&self) -> String {
        self.users
            .iter()
            .map(|u| {
                format!(
                    "{}:x:{}:{}:{}:{}:/bin/sh\n",
                    u.name, u.uid, u.gid, u.name, u.home
                )
            })
            .collect()
    }

    /// `/etc/group` text.
    pub fn group(&self) -> String {
        self.users
            .iter()
            .map(|u| format!("{}:x:{}:\n", u.name, u.gid))
            .collect()
    }
}
