//! Whether this machine can render window snapshots (a wgpu adapter, such as Mesa's software
//! Vulkan driver). Where it cannot, a snapshot is skipped and says so on the terminal; under CI
//! nothing may be skipped.

use std::io::Write as _;
use std::sync::OnceLock;

/// Whether `what` can be rendered here; prints why not when it cannot.
pub fn can_render(what: &str) -> bool {
    static PROBE: OnceLock<Result<(), String>> = OnceLock::new();
    let Err(why) = PROBE.get_or_init(probe) else {
        return true;
    };
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    assert!(
        !ci,
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

fn probe() -> Result<(), String> {
    let setup = egui_kittest::wgpu::default_wgpu_setup();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        egui_kittest::wgpu::create_render_state(setup, Default::default())
    }))
    .map(drop)
    .map_err(|panic| {
        panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_else(|| "the renderer could not start".to_owned())
    })
}
