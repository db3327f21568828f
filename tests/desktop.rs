//! The desktop's view of knotmap: the icon at every size the theme asks for, drawn by
//! knotmap's own renderer and shipped as it draws it; a desktop entry, metadata and a MIME type
//! that agree with each other and with the package.

use std::path::Path;

use knotmap::body::Body;
use knotmap::catalog::Catalog;
use knotmap::icon::{SIZES, icon_png, theme_path};

fn desktop_file(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/desktop")
            .join(name),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_icons_are_the_renderers_own_at_every_size() {
    let catalog = Catalog::builtin().expect("catalog");
    let body = Body::builtin(catalog).expect("body");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/desktop/icons");
    for size in SIZES {
        let png = icon_png(catalog, &body, size).expect("an icon");
        let path = root.join(theme_path(size));
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
            std::fs::write(&path, &png).expect("write the icon");
        }
        assert!(
            path.exists(),
            "{} is missing; UPDATE_SNAPSHOTS=1 draws it",
            path.display()
        );
        let drawn = tiny_skia::Pixmap::decode_png(&png).expect("decodes");
        let shipped = tiny_skia::Pixmap::load_png(&path).expect("the shipped icon");
        assert_eq!((drawn.width(), drawn.height()), (size, size));
        assert_eq!(
            drawn.data(),
            shipped.data(),
            "{} is not what the renderer draws; UPDATE_SNAPSHOTS=1 writes it again",
            path.display()
        );
        // A tile with a transparent margin, and the figure on it.
        let pixel = |x: u32, y: u32| drawn.pixel(x, y).expect("a pixel");
        assert_eq!(pixel(0, 0).alpha(), 0, "{size}: the corner is transparent");
        let centre = pixel(size / 2, size / 3);
        assert_eq!(centre.alpha(), 255, "{size}: the middle is drawn");
    }
}

#[test]
fn the_desktop_entry_metadata_and_mime_type_agree() {
    let id = knotmap::APP_ID;
    let entry = desktop_file(&format!("{id}.desktop"));
    let lines: Vec<&str> = entry.lines().collect();
    assert!(
        lines.contains(&"Exec=knotmap %f"),
        "opens the file it is given"
    );
    assert!(lines.contains(&format!("Icon={id}").as_str()));
    let mime = desktop_file("knotmap-routine.xml");
    let entry_mime = lines
        .iter()
        .find_map(|l| l.strip_prefix("MimeType="))
        .expect("a MIME type");
    for ty in entry_mime.split(';').filter(|t| !t.is_empty()) {
        assert!(mime.contains(&format!("type=\"{ty}\"")), "{ty} is defined");
    }

    let meta = desktop_file(&format!("{id}.metainfo.xml"));
    assert!(meta.contains(&format!("<id>{id}</id>")));
    assert!(meta.contains(&format!(
        "<launchable type=\"desktop-id\">{id}.desktop</launchable>"
    )));
    assert!(
        meta.contains(&format!(
            "<release version=\"{}\"",
            env!("CARGO_PKG_VERSION")
        )),
        "the metadata names this version"
    );

    // The package installs each of them, and every icon size.
    let cargo = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("Cargo.toml");
    for file in [
        format!("assets/desktop/{id}.desktop"),
        format!("assets/desktop/{id}.metainfo.xml"),
        "assets/desktop/knotmap-routine.xml".to_owned(),
    ] {
        assert!(
            cargo.contains(&format!("[\"{file}\"")),
            "the .deb installs {file}"
        );
    }
    for size in SIZES {
        let icon = format!("[\"assets/desktop/icons/{}\"", theme_path(size));
        assert!(
            cargo.contains(&icon),
            "the .deb installs the {size} px icon"
        );
    }
}

#[test]
fn routine_files_are_known_by_their_content() {
    let mime = desktop_file("knotmap-routine.xml");
    // Not by the name alone: other programs keep .ron files too.
    assert!(!mime.contains("<glob"), "{mime}");
    assert!(mime.contains("value=\"(\"") && mime.contains("value=\"format:\""));
    // What knotmap writes starts the way the MIME magic looks for, as the examples do.
    let written = knotmap::routine::Routine::default()
        .to_ron()
        .expect("writes");
    assert!(written.starts_with("(\n    format: "), "{written}");
    assert!(
        written[16..].contains("when:") && written.find("when:") < Some(1024),
        "{written}"
    );
    assert!(mime.contains("offset=\"16:1024\" value=\"when:\""));
    for (file, text) in knotmap::routine::TEMPLATES {
        assert!(text.starts_with("(\n    format: "), "{file}");
    }
}
