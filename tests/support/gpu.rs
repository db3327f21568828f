//! Whether this machine can render window snapshots, and whether its pictures can be held to
//! the stored ones. The snapshots were drawn by Mesa's software Vulkan driver (lavapipe), as
//! CI has it; another adapter (Mesa's GL driver, a laptop's real GPU) draws edges a pixel
//! apart. So a snapshot is compared strictly only on the reference renderer; elsewhere the
//! window is still drawn (a renderer that fails is still a failure) but the pixels are not
//! compared, and the terminal says so once. With no adapter at all, a snapshot is skipped and
//! says so; under CI nothing may be skipped.

use std::io::Write as _;
use std::sync::{Once, OnceLock};

use egui_kittest::Harness;

/// What this machine's renderer allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Renderer {
    /// The reference renderer: pictures are compared with the stored snapshots.
    Reference,
    /// Another adapter, named: pictures are drawn, not compared.
    Other(String),
    /// No adapter: nothing can be drawn. Why not.
    None(String),
}

/// The renderer found here, probed once.
pub fn renderer() -> &'static Renderer {
    static PROBE: OnceLock<Renderer> = OnceLock::new();
    PROBE.get_or_init(probe)
}

fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Whether `what` can be rendered here at all; prints why not when it cannot.
pub fn can_render(what: &str) -> bool {
    let Renderer::None(why) = renderer() else {
        return true;
    };
    assert!(
        !under_ci(),
        "under CI every check runs, but {what} cannot be rendered: {why}"
    );
    // Straight to the terminal: the test harness would keep a passing test's output to itself.
    writeln!(
        std::io::stderr(),
        "skipped: {what}: no GPU adapter to render with ({why}); on Debian or Ubuntu, \
         `apt-get install mesa-vulkan-drivers` brings a software one"
    )
    .ok();
    false
}

/// Takes the snapshot `name` of the window as it is: compared with the stored one on the
/// reference renderer, drawn but not compared on another, skipped (and said) with none.
pub fn snapshot<S>(h: &mut Harness<'_, S>, name: &str) {
    if let Some(Err(e)) = try_snapshot(h, name) {
        panic!("{e}");
    }
}

/// Like [`snapshot`], giving the comparison back to be gathered with others; `None` where
/// nothing was compared.
pub fn try_snapshot<S>(
    h: &mut Harness<'_, S>,
    name: &str,
) -> Option<Result<(), egui_kittest::SnapshotError>> {
    match renderer() {
        Renderer::Reference => Some(h.try_snapshot(name)),
        Renderer::Other(adapter) => {
            let image = h.render().unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(
                image.width() > 0 && image.height() > 0,
                "{name}: an empty picture"
            );
            static SAID: Once = Once::new();
            SAID.call_once(|| {
                writeln!(
                    std::io::stderr(),
                    "not compared: window snapshots are drawn with {adapter}, and are held to \
                     the stored pictures only on Mesa's software Vulkan driver (lavapipe), \
                     which drew them; the windows are still drawn and their layout checked"
                )
                .ok();
            });
            None
        }
        Renderer::None(_) => {
            can_render(name);
            None
        }
    }
}

fn probe() -> Renderer {
    let setup = egui_kittest::wgpu::default_wgpu_setup();
    let state = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        egui_kittest::wgpu::create_render_state(setup, Default::default())
    }));
    match state {
        Ok(state) => {
            let info = state.adapter.get_info();
            let backend = format!("{:?}", info.backend);
            if backend == "Vulkan" && info.name.contains("llvmpipe") {
                Renderer::Reference
            } else {
                Renderer::Other(format!("{} ({backend})", info.name))
            }
        }
        Err(panic) => Renderer::None(
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "the renderer could not start".to_owned()),
        ),
    }
}
