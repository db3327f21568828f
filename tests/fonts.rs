//! The system's fonts are listed only when a text needs a character Inter lacks: a sheet
//! in Latin, Greek or Cyrillic never reads them. One test in its own process, since the
//! fonts are listed once per process.

use knotmap::body::Body;
use knotmap::catalog::Catalog;
use knotmap::routine::{Routine, TEMPLATES};
use knotmap::sheet::fonts::system;
use knotmap::sheet::{Paper, layout, to_pdf, to_pngs};

#[test]
fn only_a_character_inter_lacks_lists_the_system_fonts() {
    let catalog = Catalog::builtin().expect("catalog");
    let body = Body::builtin(catalog).expect("body");
    let mut routine = Routine::from_ron(TEMPLATES[0].0, TEMPLATES[0].1)
        .expect("template")
        .routine;
    let print = |routine: &Routine| {
        let sheet = layout(routine, catalog, &body, Paper::A4, false, None).expect("layout");
        to_pdf(&sheet).expect("PDF");
        to_pngs(&sheet, 72.0).expect("PNG");
    };
    routine.name = "Rückenrolle – Ελληνικά – Растяжка \u{1b}".to_owned();
    print(&routine);
    assert!(!system::scanned(), "Inter draws all of it");
    routine.name = "עיסוי שוקיים".to_owned();
    print(&routine);
    assert!(system::scanned(), "Hebrew is not in Inter");
}
