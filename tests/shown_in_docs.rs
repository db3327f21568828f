//! The pictures in docs/ (and so in the README) are the window, the sheet and the report as
//! the tests draw them: each is one of the snapshots the tests compare, so none can show an
//! older knotmap. `UPDATE_SNAPSHOTS=1 cargo test` writes the snapshots and then these copies
//! (cargo runs this test binary after the ones that draw the snapshots, by its name).

use std::path::Path;

/// Each picture in docs/ and the snapshot it is.
const PICTURES: [(&str, &str); 5] = [
    ("docs/screenshot.png", "tests/snapshots/layout_1366x768.png"),
    ("docs/player.png", "tests/snapshots/player_left_side.png"),
    (
        "docs/floor-view.png",
        "tests/snapshots/floor_view_1366x768.png",
    ),
    ("docs/sheet.png", "tests/snapshots/sheet_before_a_run.png"),
    ("docs/report.png", "tests/snapshots/report_a_month.png"),
];

#[test]
fn the_pictures_in_docs_are_the_snapshots_the_tests_draw() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    for (doc, snapshot) in PICTURES {
        let drawn = std::fs::read(root.join(snapshot)).expect("the snapshot");
        if update {
            std::fs::write(root.join(doc), &drawn).expect("the picture is written");
            continue;
        }
        let shipped = std::fs::read(root.join(doc)).expect("the picture in docs/");
        assert!(
            shipped == drawn,
            "{doc} is not {snapshot}: run the tests with UPDATE_SNAPSHOTS=1"
        );
    }
    // Every picture the README shows is one of these or the positions gallery (its own test).
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
    for shown in readme.split("](docs/").skip(1) {
        let file = format!("docs/{}", shown.split(')').next().unwrap_or_default());
        assert!(
            file == "docs/positions.png" || PICTURES.iter().any(|(doc, _)| *doc == file),
            "the README shows {file}, which no test draws"
        );
    }
}
