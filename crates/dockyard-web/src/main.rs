//! The entry point Trunk builds: mount the app in `#app`.

fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    // Dropping the handle leaves the app mounted for the life of the page.
    dockyard_web::start(root);
}
