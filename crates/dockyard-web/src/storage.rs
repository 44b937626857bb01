//! Reading and writing `localStorage`. Storage may be missing or refuse
//! writes (private mode, quota): then nothing is kept between visits, and
//! nothing breaks.

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The stored value, if storage works and has one.
pub fn load(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

/// Stores `value`; returns whether it was kept.
pub fn save(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}
