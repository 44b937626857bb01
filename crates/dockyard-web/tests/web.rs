//! Browser tests of the app shell, run by `wasm-bindgen-test` in headless
//! Chromium (`make test`).
#![cfg(target_arch = "wasm32")]

use dockyard_web::panic_panel;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets Yew's scheduler and pending events run.
async fn settle() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

fn mount() -> web_sys::Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

fn text(root: &web_sys::Element, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn renders_navigation_and_follows_the_hash() {
    let window = web_sys::window().unwrap();
    window.location().set_hash("#/").unwrap();
    let root = mount();
    let handle = dockyard_web::start(Some(root.clone()));
    settle().await;

    let nav = root.query_selector("nav[aria-label='Main']").unwrap();
    assert!(nav.is_some(), "navigation rendered: {}", root.inner_html());
    assert_eq!(
        text(&root, "a[aria-current='page']")
            .as_deref()
            .map(str::trim),
        Some("Course")
    );
    assert_eq!(document().title(), "Dockyard");

    window.location().set_hash("#/sandbox").unwrap();
    settle().await;
    assert_eq!(text(&root, "h1").as_deref(), Some("Sandbox"));
    assert_eq!(
        text(&root, "a[aria-current='page']")
            .as_deref()
            .map(str::trim),
        Some("Sandbox")
    );
    assert_eq!(document().title(), "Sandbox · Dockyard");

    window
        .location()
        .set_hash("#/lesson/no-such-lesson")
        .unwrap();
    settle().await;
    assert_eq!(text(&root, "h1").as_deref(), Some("Lesson not found"));
    assert_eq!(text(&root, "main code").as_deref(), Some("no-such-lesson"));

    window.location().set_hash("#/nowhere").unwrap();
    settle().await;
    assert_eq!(text(&root, "h1").as_deref(), Some("Page not found"));

    handle.destroy();
    root.remove();
    window.location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
fn panic_panel_shows_markup_as_text() {
    let hostile = "<img src=x onerror=alert(1)> broke\n  at src/app.rs:1:1";
    panic_panel::show(hostile);
    let panel = document()
        .get_element_by_id(panic_panel::PANEL_ID)
        .expect("panel shown");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        panel
            .query_selector("pre")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some(hostile)
    );
    assert!(
        panel.query_selector("img").unwrap().is_none(),
        "markup was not parsed"
    );

    // A second panic updates the same panel instead of stacking another.
    panic_panel::show("second");
    assert_eq!(
        document()
            .query_selector_all(".panic-panel")
            .unwrap()
            .length(),
        1
    );
    panel.remove();
}
