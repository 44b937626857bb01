//! The Dockyard web app: a thin Yew shell over the core crates.

mod app;
mod lint_view;
mod markdown;
mod pages;
pub mod panic_panel;
pub mod route;
// Used by build.rs (which renders Markdown); tested here.
#[cfg(test)]
mod safe_link;
mod storage;
mod terminal;

pub use app::App;

/// Starts the app in `element`, or in `<body>` when it is `None`.
pub fn start(element: Option<web_sys::Element>) -> yew::AppHandle<App> {
    panic_panel::install();
    match element {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    }
}
