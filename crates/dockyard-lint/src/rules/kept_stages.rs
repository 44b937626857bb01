//! Shared by DL3009 and DL3060: lines noted per stage and reported at the
//! end only for stages whose files hadolint thinks reach the image.

use std::collections::{BTreeMap, HashSet};

use dockyard_dockerfile::Args;

use super::util::BaseImage;
use super::{Item, Out};

/// Noted lines, each with its stage's `FROM`. At the end a line is reported
/// when its `FROM` equals the last one (hadolint compares the `FROM`s, so
/// an earlier stage written exactly like the last one counts too), or when
/// its stage's alias is the image of some `FROM`.
#[derive(Default)]
pub struct KeptStages {
    /// `None` until the first `FROM` or noted line, as in hadolint.
    last_from: Option<BaseImage>,
    /// Image names used by `FROM`s.
    images: HashSet<String>,
    noted: BTreeMap<u32, BaseImage>,
}

impl KeptStages {
    /// Takes note of a `FROM`.
    pub fn observe(&mut self, item: &Item<'_>) {
        if let Some(Args::From(from)) = item.args() {
            let from = BaseImage::of(from);
            self.images.insert(from.name().to_string());
            self.last_from = Some(from);
        }
    }

    /// Notes a line of the current stage (before any `FROM`, hadolint's
    /// stand-in `scratch`).
    pub fn note(&mut self, line: u32) {
        let stage = self.last_from.get_or_insert_with(BaseImage::scratch);
        self.noted.insert(line, stage.clone());
    }

    /// Reports the noted lines of the stages that are kept, by line.
    pub fn report(&mut self, out: &mut Out) {
        let noted = std::mem::take(&mut self.noted);
        for (line, from) in noted {
            let last = self.last_from.as_ref() == Some(&from);
            let built_on = from.alias.as_ref().is_some_and(|a| self.images.contains(a));
            if last || built_on {
                out.fail(line);
            }
        }
    }
}
