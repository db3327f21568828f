//! Feeds arbitrary bytes to the routine loader: it must return a routine or an error, never
//! panic; whatever it accepts must survive a round trip, and its check (the problems with
//! their lines and columns, as `knotmap check` prints them) must not panic either.
#![no_main]

use knotmap::routine::Routine;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(loaded) = Routine::from_bytes("fuzz.ron", bytes) {
        let catalog = knotmap::catalog::Catalog::builtin().expect("the built-in catalog");
        let text = String::from_utf8_lossy(bytes);
        for problem in loaded.routine.warnings(catalog, Some(&text)) {
            assert!(problem.line <= text.lines().count() + 1, "{problem:?}");
        }
        if loaded.read_only.is_none() {
            let text = loaded.routine.to_ron();
            let again = Routine::from_ron("again.ron", &text).expect("what knotmap writes, it reads");
            assert_eq!(again.routine, loaded.routine);
        }
    }
});
