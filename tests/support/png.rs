//! PNG snapshots of printouts: a page as the renderer draws it, against the one kept in
//! tests/snapshots (written afresh with UPDATE_SNAPSHOTS=1, or when it is missing).

use std::path::Path;

/// Fails when more than one pixel in a thousand differs visibly from the snapshot `name`.
pub fn assert_matches_snapshot(png: &[u8], name: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() || !path.exists() {
        std::fs::write(&path, png).expect("write snapshot");
    }
    let expected = tiny_skia::Pixmap::load_png(&path).expect("snapshot");
    let actual = tiny_skia::Pixmap::decode_png(png).expect("decode");
    assert_eq!(
        (actual.width(), actual.height()),
        (expected.width(), expected.height()),
        "{} has another size",
        path.display()
    );
    let differing = actual
        .pixels()
        .iter()
        .zip(expected.pixels())
        .filter(|(a, b)| {
            let d = |x: u8, y: u8| x.abs_diff(y);
            d(a.red(), b.red()) > 16 || d(a.green(), b.green()) > 16 || d(a.blue(), b.blue()) > 16
        })
        .count();
    assert!(
        differing * 1000 <= actual.pixels().len(),
        "{differing} pixels differ from {}",
        path.display()
    );
}
